"""Change a few attributes of a parsed HTML page without re-serialising it.

lxml parses the page and the repairs pick elements from the tree; the change
is then written into the original text at that element's start tag, which is
found from the parser's line number (libxml2 reports the line where the start
tag ends) and confirmed by comparing its attributes with the parsed element's.
Every byte the repairs do not change stays exactly as Material wrote it:
serialising the tree instead would rewrite the whole page (doctype, entity
spelling, SVG empty elements) and take as long again as the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape, unescape
from typing import Any

from lxml import etree

# The HTML tokenizer's view of a start tag: a name, attributes (name, optional =value), then '>' or '/>'.
_TAG_NAME = re.compile(r"<([a-zA-Z][^\s/>]*)")
_TAG_END = re.compile(r"\s*/?>")
_ATTRIBUTE = re.compile(r"""[\s/]*(?P<name>[^\s/>][^\s/>=]*)(?:\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s>]*))?""")
_NEWLINE = re.compile("\n")  # libxml2 counts lines by \n only
# How many lines before the parser's line a start tag may begin (attributes written one per line).
_MAX_TAG_LINES = 20


class MarkupEditError(ValueError):
    """The parsed element could not be found in the page's text, so it cannot be changed safely."""


@dataclass
class _Attribute:
    name: str
    value: str | None  # unescaped; None for a bare attribute such as ``hidden``
    start: int  # the span in the page, leading whitespace included
    end: int
    value_start: int = -1
    value_end: int = -1


@dataclass
class StartTag:
    """A start tag's span in the page and its attributes with their spans."""

    name: str
    start: int
    end: int
    attributes_end: int  # where a new attribute goes: after the last one, before ``>``
    attributes: list[_Attribute] = field(default_factory=list)

    def values(self) -> dict[str, str]:
        """Attributes as lxml reports them: lower-case names, unescaped values, the first of repeated names."""
        values: dict[str, str] = {}
        for attribute in self.attributes:
            values.setdefault(attribute.name.lower(), attribute.value or "")
        return values

    def find(self, name: str) -> _Attribute | None:
        return next((attribute for attribute in self.attributes if attribute.name.lower() == name), None)


def read_start_tag(text: str, start: int) -> StartTag | None:
    """The start tag beginning at ``text[start]`` (``<``), or ``None`` if none begins there."""
    name = _TAG_NAME.match(text, start)
    if name is None:
        return None
    position = name.end()
    attributes: list[_Attribute] = []
    while True:
        end = _TAG_END.match(text, position)
        if end is not None:
            return StartTag(name.group(1).lower(), start, end.end(), position, attributes)
        match = _ATTRIBUTE.match(text, position)
        if match is None or match.end() == position:
            return None
        raw = match.group("value")
        attribute = _Attribute(match.group("name"), None, match.start(), match.end())
        if raw is not None:
            quoted = raw[:1] in "\"'" and len(raw) >= 2
            attribute.value = unescape(raw[1:-1] if quoted else raw)
            attribute.value_start, attribute.value_end = match.start("value"), match.end("value")
        attributes.append(attribute)
        position = match.end()


@dataclass
class _TagChanges:
    tag: StartTag
    drop: set[str] = field(default_factory=set)
    values: dict[str, str] = field(default_factory=dict)

    def rewritten(self, text: str) -> str:
        """The start tag's text with the changes made and everything else as it was."""
        tag, pieces, position = self.tag, [], self.tag.start
        pending = {name: escape(value) for name, value in self.values.items() if name not in self.drop}
        for attribute in tag.attributes:
            name = attribute.name.lower()
            if name in self.drop:
                pieces.append(text[position : attribute.start])
                position = attribute.end
            elif name in pending and attribute.value_start >= 0:
                pieces.append(text[position : attribute.value_start] + f'"{pending.pop(name)}"')
                position = attribute.value_end
            elif name in pending:  # a bare attribute gets its value
                pieces.append(text[position : attribute.end] + f'="{pending.pop(name)}"')
                position = attribute.end
        pieces.append(text[position : tag.attributes_end])
        pieces += [f' {name}="{value}"' for name, value in pending.items()]
        pieces.append(text[tag.attributes_end : tag.end])
        return "".join(pieces)


class MarkupEditor:
    """A page parsed with lxml; attribute and content changes written into its original text."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Plain lxml elements: the HtmlElement classes of lxml.html cost a lookup per element visited.
        self.root: Any = etree.fromstring(text, etree.HTMLParser())
        self._line_ends: list[int] | None = None
        self._found: dict[Any, StartTag] = {}
        self._tags: dict[int, _TagChanges] = {}
        self._contents: list[tuple[int, int, str]] = []

    # -- finding an element in the text ----------------------------------------------------------------------------

    def _line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets of a 1-based line."""
        if self._line_ends is None:
            self._line_ends = [*map(re.Match.start, _NEWLINE.finditer(self.text)), len(self.text)]
        ends = self._line_ends
        if not 1 <= line <= len(ends):
            raise MarkupEditError(f"line {line} is outside the page")
        return (ends[line - 2] + 1 if line > 1 else 0), ends[line - 1]

    def start_tag(self, element: Any) -> StartTag:
        """The start tag of ``element`` in the page's text."""
        if element not in self._found:
            self._found[element] = self._find_start_tag(element)
        return self._found[element]

    def _find_start_tag(self, element: Any) -> StartTag:
        line = element.sourceline
        tag_name = str(element.tag).lower()
        attributes = dict(element.attrib)
        line_start, line_end = self._line_span(line)
        search_from = self._line_span(max(1, line - _MAX_TAG_LINES))[0]
        candidates: list[StartTag] = []
        position = self.text.rfind("<" + tag_name, search_from, line_end)
        while position >= 0:
            tag = read_start_tag(self.text, position)
            if tag and tag.name == tag_name and line_start <= tag.end - 1 <= line_end and tag.values() == attributes:
                candidates.insert(0, tag)
            position = self.text.rfind("<" + tag_name, search_from, position)
        if len(candidates) == 1:
            return candidates[0]
        twins = [
            other
            for other in self.root.iter(element.tag)
            if other.sourceline == line and dict(other.attrib) == attributes
        ]
        if len(candidates) != len(twins) or element not in twins:
            raise MarkupEditError(f"<{tag_name}> on line {line} not found in the page's text")
        return candidates[twins.index(element)]

    def _changes(self, element: Any) -> _TagChanges:
        tag = self.start_tag(element)
        return self._tags.setdefault(tag.start, _TagChanges(tag))

    def _end_tag_start(self, element: Any) -> int:
        """Where ``element``'s end tag begins; only for elements with no descendant of the same name."""
        tag = self.start_tag(element)
        if any(True for _ in element.iterdescendants(element.tag)):
            raise MarkupEditError(f"<{tag.name}> on line {element.sourceline} contains another <{tag.name}>")
        end = self.text.find(f"</{tag.name}", tag.end)
        if end < 0:
            raise MarkupEditError(f"<{tag.name}> on line {element.sourceline} has no end tag")
        return end

    # -- changes ---------------------------------------------------------------------------------------------------

    def drop_attribute(self, element: Any, name: str) -> None:
        self._changes(element).drop.add(name)

    def set_attribute(self, element: Any, name: str, value: str) -> None:
        """Set ``name``: in place when the tag has it, else appended after its last attribute."""
        self._changes(element).values[name] = value

    def inner_html(self, element: Any) -> str:
        """The element's content exactly as written in the page."""
        return self.text[self.start_tag(element).end : self._end_tag_start(element)]

    def replace_inner_html(self, element: Any, html: str) -> None:
        self._contents.append((self.start_tag(element).end, self._end_tag_start(element), html))

    def result(self) -> str:
        """The page's text with every change made (the text itself when nothing changed)."""
        spans = [(changes.tag.start, changes.tag.end, changes.rewritten(self.text)) for changes in self._tags.values()]
        spans = sorted(spans + self._contents)
        if not spans:
            return self.text
        pieces, position = [], 0
        for start, end, replacement in spans:
            if start < position:
                raise MarkupEditError(f"overlapping changes at offset {start}")
            pieces += [self.text[position:start], replacement]
            position = end
        pieces.append(self.text[position:])
        return "".join(pieces)
