"""Markdown that other editors show one way and this site's Markdown (Python-Markdown) another.

Written in GitHub, Obsidian, Notion or Word, these look right in the editor and come out as plain text on
the page, silently:

* a list straight under a paragraph line, without an empty line (``list-blank-line``): one paragraph with
  hyphens in it;
* a sub-item indented by two spaces (``list-indent``): Python-Markdown nests by four, so it becomes an item
  of the outer list;
* a table without its ``|---|`` line, or whose ``|---|`` line has fewer cells than its header, or a row with
  more cells than the header (``table-malformed``): text with bars, or cells silently dropped;
* ``** bold **`` with spaces inside the stars (``emphasis-spaces``): the stars are printed;
* list items started with ``1)``, a pasted bullet ``•`` or a dash ``–``, or with no space after the ``-``
  (``list-marker``): not a list here, so the items are printed as one paragraph;
* ``[a link] (page.md)`` with a space before the ``(`` (``link-space``): printed as typed;
* a note box (``!!! warning``, ``??? question``) whose text is not indented by four spaces
  (``admonition-indent``): the box is printed empty and its text after it, as a plain paragraph;
* Markdown inside an HTML block such as ``<div class="note">`` (``html-markdown``): Python-Markdown passes the
  block through as HTML, so its stars, brackets and hyphens are printed, unless the tag says ``markdown``
  (the ``md_in_html`` extension).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown.util import BLOCK_LEVEL_ELEMENTS

from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, error, shorten
from therapy_site.validation.source import SourceFile

INDENTED_ITEM = re.compile(r"^([ \t]*)([-*+]|\d{1,9}\.)[ \t]+\S")
# Items that start a list in other editors and not in Python-Markdown. They count on two lines in a row, which
# are then printed as one paragraph; one line reads as typed ("1) cost, and 2) distance.", "— Carl Rogers").
PAREN_NUMBER = re.compile(r"^ {0,3}(\d{1,9})\)[ \t]+\S")
BULLET = re.compile(r"^ {0,3}([•●▪◦‣⁃])[ \t]*\S")
DASH = re.compile(r"^ {0,3}([–—])[ \t]*\S")
NO_SPACE = re.compile(r"^ {0,3}([-+]|\*(?![^*\n]*\*))(?=[^\W\d_])")  # a letter: not "+44 117", "-5"
LINK_SPACE = re.compile(r"(?<![\\\]])(!?)\[([^\[\]\n]+)\][ \t]+\(([^()\s]*[/.:][^()\s]*)\)")
# Lines that are not paragraph text: headings, blocks, quotes, HTML, tables, rules, admonitions, definitions.
NOT_PARAGRAPH = re.compile(r"^ {0,3}(?:#|///|>|<|\||!!!|\?\?\?|:::|\{|\*\[|\[[^\]]+\]:|(?:[-*_][ \t]*){3,}$)")
TABLE_ROW = re.compile(r"^ {0,3}\|")
TABLE_SEPARATOR = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
EMPHASIS = re.compile(r"(?<![*_\w])(\*\*|__)([^*_\n]+?)\1(?![*_\w])")
# Block-level HTML that Python-Markdown passes through as it is, from a line's start to its closing tag. Not the
# tags whose content is meant as written (code, scripts, forms) or reported by other rules (embeds).
RAW_BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS) - {
    "pre", "script", "style", "textarea", "math", "canvas", "video", "iframe", "object", "noscript", "html", "body",
}
RAW_BLOCK_START = re.compile(r"^ {0,3}<([a-zA-Z][a-zA-Z0-9]*)(\s[^>]*)?>")
# Any markdown attribute settles it: markdown, markdown="1" or "block" convert the content, markdown="0" keeps it.
# A note box (admonition) or a collapsible one (details): "!!! type", "??? type", "???+ type", an optional "Title".
ADMONITION = re.compile(r'^(!!!|\?\?\?\+?) ?([\w-]+(?: +[\w-]+)*)(?: +"(.*?)")? *$')
MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown(?=[\s=/>]|$)", re.IGNORECASE)
# Tags, and code written in HTML (its content is meant as typed), are blanked out before looking for Markdown.
TAG_OR_CODE = re.compile(r"<(code|kbd|samp)\b[^>]*>.*?</\1\s*>|<[^>\n]*>", re.IGNORECASE)
# Markdown that shows as typed when it is not converted: bold, italics, links and pictures, headings, list items.
# (Inline code is blanked out of the lines this rule reads, like every other rule's.)
MARKDOWN_SYNTAX = re.compile(
    r"(?<![*\\])\*\*(?=\S)[^*\n]+?(?<=\S)\*\*"
    r"|(?<![*\w\\])\*(?=[^\s*])[^*\n]+?(?<=[^\s*])\*(?![*\w])"
    r"|(?<!\\)!?\[[^\]\n]+\]\([^)\s]+[^)\n]*\)"
    r"|^ {0,3}#{1,6} \S"
    r"|^ {0,3}(?:[-*+]|\d{1,9}\.) +\S"
)


def markdown_lines(source: SourceFile) -> list[tuple[int, str]]:
    """The body's lines that are Markdown text: not code, nor a ``///`` block's options (settings)."""
    options = source.map.option_lines()
    return [(number, line) for number, line in source.body_lines() if number not in options]


def check_markdown_pitfalls(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    lines = markdown_lines(source)
    yield from _lists(source, lines)
    yield from _tables(source, lines)
    yield from _emphasis(source, lines)
    yield from _markdown_in_html(source, lines)
    yield from _admonitions(source, lines)
    yield from _list_markers(source, lines)
    yield from _link_spaces(source, lines)


@dataclass
class _ListState:
    in_list: bool = False
    item_indent: int = 0  # the indentation of the last list item's marker
    blank_before: bool = True  # the line before the current one was empty (or there was none)


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _lists(source: SourceFile, lines: list[tuple[int, str]]) -> Iterator[Finding]:
    state = _ListState()
    previous: tuple[int, str] | None = None
    for number, line in lines:
        if previous is not None and previous[0] != number - 1:
            state.blank_before = True  # a fenced code block was between them
        if not line.strip():
            state.blank_before = True
            previous = (number, line)
            continue
        finding = _list_line(source, state, number, line, previous)
        if finding is not None:
            yield finding
        state.blank_before = False
        previous = (number, line)


def _list_line(
    source: SourceFile, state: _ListState, number: int, line: str, previous: tuple[int, str] | None
) -> Finding | None:
    item = INDENTED_ITEM.match(line)
    indent = _indent(line)
    if item is None:
        if state.blank_before and indent < 4:
            state.in_list = False  # a paragraph after an empty line ends the list (a lazy line continues it)
        return None
    if state.in_list:
        relative = indent - state.item_indent
        if 0 < relative < 4:
            return _nested_by_two(source, number, line, relative)
        if relative >= 4 or relative < 0:
            state.item_indent = indent  # a level deeper, or back out
        return None
    if indent >= 4:
        return None  # indented code, or the text of something else
    state.in_list, state.item_indent = True, indent
    if not state.blank_before and _interrupts(item, previous):
        return _no_blank_line(source, number, line, item)
    return None


def _interrupts(item: re.Match[str], previous: tuple[int, str] | None) -> bool:
    """Whether the item follows a line of paragraph text (which Python-Markdown then continues)."""
    if previous is None or not previous[1].strip() or _indent(previous[1]) >= 4:
        return False
    if NOT_PARAGRAPH.match(previous[1]) or INDENTED_ITEM.match(previous[1]):
        return False
    marker = item.group(2)
    return not marker[0].isdigit() or marker[:-1] == "1"  # '2020. It was' at a line's start is a year


def _no_blank_line(source: SourceFile, number: int, line: str, item: re.Match[str]) -> Finding:
    message = (
        f"the list item '{shorten(line.strip(), 40)}' follows a line of text without an empty line between them, "
        "so the whole list is printed as one paragraph: add an empty line before the list"
    )
    return error(source.shown, number, message, "list-blank-line", item.start(2) + 1)


def _nested_by_two(source: SourceFile, number: int, line: str, spaces: int) -> Finding:
    message = (
        f"the sub-item '{shorten(line.strip(), 40)}' is indented by {spaces} space(s), so it becomes an item of "
        "the list above instead of a sub-item: indent sub-items by 4 spaces"
    )
    return error(source.shown, number, message, "list-indent", _indent(line) + 1)


def _cells(row: str) -> int:
    text = row.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    return len(re.split(r"(?<!\\)\|", text))


def _tables(source: SourceFile, lines: list[tuple[int, str]]) -> Iterator[Finding]:
    for rows in _table_runs(lines):
        finding = _table(source, rows) if len(rows) >= 2 else None
        if finding is not None:
            yield finding


def _table_runs(lines: list[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    """Runs of consecutive lines that start with '|' (a line of dashes without one may follow its first row)."""
    run: list[tuple[int, str]] = []
    for number, line in lines:
        follows = bool(run) and run[-1][0] == number - 1
        if follows and (TABLE_ROW.match(line) or (len(run) == 1 and TABLE_SEPARATOR.match(line) and "-" in line)):
            run.append((number, line))
            continue
        if run:
            yield run
        run = [(number, line)] if TABLE_ROW.match(line) else []
    if run:
        yield run


def _table(source: SourceFile, rows: list[tuple[int, str]]) -> Finding | None:
    header, separator = rows[0], rows[1]
    columns = _cells(header[1])
    if not TABLE_SEPARATOR.match(separator[1]):
        message = (
            "this table has no line of dashes under its header row, so it is printed as text with bars: add "
            f"'{'|'.join(['---'] * columns).join('||')}' as its second line"
        )
        return error(source.shown, separator[0], message, "table-malformed", 1)
    if _cells(separator[1]) != columns:
        message = (
            f"the line of dashes has {_cells(separator[1])} cell(s) but the header has {columns}, so the table is "
            f"printed as text with bars: write one '---' per column, '{'|'.join(['---'] * columns).join('||')}'"
        )
        return error(source.shown, separator[0], message, "table-malformed", 1)
    for number, row in rows[2:]:
        if _cells(row) > columns:
            message = (
                f"this row has {_cells(row)} cells but the header has {columns}: the extra cells are dropped from "
                "the page; add a column to the header (and to the line of dashes) or merge the cells"
            )
            return error(source.shown, number, message, "table-malformed", 1)
    return None


def _emphasis(source: SourceFile, lines: list[tuple[int, str]]) -> Iterator[Finding]:
    for number, line in lines:
        for match in EMPHASIS.finditer(line):
            inner = match.group(2)
            if inner.strip() and (inner[0].isspace() or inner[-1].isspace()):
                marker = match.group(1)
                message = (
                    f"'{shorten(match.group(0), 40)}' has a space just inside the {marker}, so the {marker} are "
                    f"printed instead of bold text: write '{marker}{inner.strip()}{marker}'"
                )
                yield error(source.shown, number, message, "emphasis-spaces", match.start() + 1)


def _markdown_in_html(source: SourceFile, lines: list[tuple[int, str]]) -> Iterator[Finding]:
    """Markdown inside a block-level HTML element without a ``markdown`` attribute: printed as typed."""
    index = 0
    while index < len(lines):
        number, line = lines[index]
        start = RAW_BLOCK_START.match(line)
        if not start or start.group(1).lower() not in RAW_BLOCK_TAGS:
            index += 1
            continue
        tag = start.group(1).lower()
        block = _raw_block(lines, index, tag)
        if not MARKDOWN_ATTRIBUTE.search(start.group(2) or ""):
            found = _first_markdown(block, start.end())
            if found is not None:
                row, column, text = found
                message = (
                    f"'{shorten(text, 40)}' is inside the HTML block <{tag}> (line {number}), so it is printed as "
                    f"typed, not as Markdown: add 'markdown' to the tag, '<{tag} markdown>', or write it without "
                    "the HTML around it"
                )
                yield error(source.shown, row, message, "html-markdown", column)
        index += len(block)


def _raw_block(lines: list[tuple[int, str]], first: int, tag: str) -> list[tuple[int, str]]:
    """The lines from the element's opening tag to its closing tag (or to the page's end: ``html-unclosed``)."""
    opening = re.compile(rf"<{tag}(?=[\s/>])", re.IGNORECASE)
    closing = re.compile(rf"</{tag}\s*>", re.IGNORECASE)
    depth = 0
    for index in range(first, len(lines)):
        line = lines[index][1]
        depth += len(opening.findall(line)) - len(closing.findall(line))
        if depth <= 0:
            return lines[first : index + 1]
    return lines[first:]


def _first_markdown(block: list[tuple[int, str]], skip: int) -> tuple[int, int, str] | None:
    """The line, column and text of the block's first Markdown past its opening tag (``skip`` characters), its
    other tags and HTML code blanked out."""
    for position, (number, line) in enumerate(block):
        start = skip if position == 0 else 0
        text = TAG_OR_CODE.sub(lambda tag: " " * len(tag.group(0)), line[start:])
        match = MARKDOWN_SYNTAX.search(text)
        if match is not None:
            return number, start + match.start() + 1, match.group(0).strip()
    return None


def _admonitions(source: SourceFile, lines: list[tuple[int, str]]) -> Iterator[Finding]:
    """A box whose text is not indented by 4 spaces under its ``!!!`` line: an empty box, then the text."""
    text = source.text.splitlines()
    for number, line in lines:
        header = ADMONITION.match(line)
        if not header:
            continue
        row = next((row for row in range(number + 1, len(text) + 1) if text[row - 1].strip()), None)
        if row is None:
            continue
        body = text[row - 1]
        indent = _indent(body)
        right_under = row == number + 1
        titled = header.group(3) is not None
        if indent >= 4 or (indent == 0 and not right_under and titled):
            continue  # its text, or a box with a title only and then the page's next paragraph
        shown = f"{header.group(1)} {header.group(2)}"
        message = (
            f"the text under '{shorten(shown, 30)}' is not indented by 4 spaces, so the box is printed "
            f"{'with its title only' if titled else 'empty'} and the text after it: indent each line of the box's "
            "text by 4 spaces"
        )
        yield error(source.shown, row, message, "admonition-indent", 1)


def _list_markers(source: SourceFile, lines: list[tuple[int, str]]) -> Iterator[Finding]:
    """The first line of each run of would-be list items (two or more) that Python-Markdown joins into one
    paragraph."""
    for run in _marker_runs(lines):
        kind, number, match = run[0]
        if len(run) >= 2:  # one such line reads as meant ("1) cost, and 2) distance."); two run together
            yield _list_marker(source, number, match, kind)


def _marker_runs(lines: list[tuple[int, str]]) -> Iterator[list[tuple[str, int, re.Match[str]]]]:
    """Consecutive lines started by the same kind of would-be marker."""
    run: list[tuple[str, int, re.Match[str]]] = []
    for number, line in lines:
        kind, match = _would_be_item(line)
        if run and (kind != run[-1][0] or number != run[-1][1] + 1):
            yield run
            run = []
        if kind is not None and match is not None:
            run.append((kind, number, match))
    if run:
        yield run


def _would_be_item(line: str) -> tuple[str | None, re.Match[str] | None]:
    for kind, pattern in (("paren", PAREN_NUMBER), ("bullet", BULLET), ("dash", DASH), ("no-space", NO_SPACE)):
        match = pattern.match(line)
        if match is not None:
            return kind, match
    return None, None


def _list_marker(source: SourceFile, number: int, match: re.Match[str], kind: str) -> Finding:
    marker = match.group(1)
    if kind == "paren":
        message = (
            f"'{marker})' does not start a numbered list on this site (only '{marker}.' does), so the items are "
            f"printed as one paragraph: write '{marker}. ' instead"
        )
    elif kind == "no-space":
        message = (
            f"'{marker}' needs a space after it to start a list item, so these lines are printed as one "
            f"paragraph: write '{marker} ' and then the item"
        )
    else:
        message = (
            f"'{marker}' does not start a list on this site, so the items are printed as one paragraph: start "
            "each item with '- ' (a hyphen and a space)"
        )
    return error(source.shown, number, message, "list-marker", match.start(1) + 1)


def _link_spaces(source: SourceFile, lines: list[tuple[int, str]]) -> Iterator[Finding]:
    for number, line in lines:
        for match in LINK_SPACE.finditer(line):
            what = "picture" if match.group(1) else "link"
            message = (
                f"'{shorten(match.group(0), 40)}' has a space between ']' and '(', so it is printed as typed, "
                f"not as a {what}: remove the space"
            )
            yield error(source.shown, number, message, "link-space", match.start() + 1)
