"""One reading of a page's source: where its front matter, code, ``///`` blocks and headings are.

Python-Markdown keeps no source positions, so every problem that must name
``file:line`` looks for its construct in the page's text. :class:`SourceMap`
reads a page once, and every feature and rule reads the map, so that they all
agree on what is code, what is a block and what is a heading.

It imports nothing from MkDocs or Material: Markdown extensions use it in plain
Python-Markdown. What it follows, and where it simplifies:

* Lines are split on ``\\n`` only (as Python-Markdown does); ``\\r\\n`` and ``\\r``
  count as ``\\n`` and a leading byte order mark is ignored.
* Front matter is what MkDocs reads (:data:`FRONT_MATTER`, also Material's
  blog's pattern): a first line ``---``, YAML, then ``---`` or ``...`` followed by
  a newline. Each top-level key's line is kept (the first, if repeated). The
  span counts as front matter even when its YAML does not read as a mapping
  (MkDocs would then leave it in the page; the check reports that YAML).
* Fenced code (``pymdownx.superfences``): `````` ``` `````` or ``~~~``, three or more,
  indented up to three spaces, or any amount inside a list item; the closing
  fence is the same character, at least as long, alone on its line (at any
  indentation). An unclosed fence runs to the end of the page (superfences
  would print the fence line as text; the rules then stay quiet rather than
  read code as prose).
* Indented code (Python-Markdown's ``CodeBlockProcessor``): a line indented by
  four spaces (a tab counts as four) that starts a block, i.e. follows a blank
  line, the start of the body or an ATX heading (not a closing fence: the line
  after it continues a paragraph); not when the block before it is a list
  (``ListIndentProcessor`` makes it part of the last item). The code runs until
  the first non-blank line indented less.
* ``///`` lines are ``pymdownx.blocks``' own patterns (a header needs no blank
  line before it), indented up to three spaces, or any amount inside a list
  item; a closing ``///`` ends the nearest open block with as many slashes.
* Headings: ATX headings ``#`` to ``######`` followed by a space, indented up to
  three spaces (the way authors mean them; Python-Markdown also reads ``#Title``);
  setext headings as Python-Markdown reads them: a line that starts a block,
  directly followed by an unindented line of ``=`` (level 1) or ``-`` (level 2).
  Headings inside list items and block quotes are not looked for.
* Raw HTML blocks and block quotes are read as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# The same pattern MkDocs (mkdocs.utils.meta) and Material's blog use for YAML front matter.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_TOP_KEY = re.compile(r"""^(?P<key>"[^"]*"|'[^']*'|[^\s#:"'\-?][^:]*?)[ \t]*:(?:[ \t]|$)""")
_FENCE_OPEN = re.compile(r"^(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_FENCE_CLOSE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})[ \t]*$")
# pymdownx.blocks' own patterns (RE_START, RE_END), for one line without its indentation.
_BLOCK_OPEN = re.compile(r"^(?P<slashes>/{3,})[ ]*(?P<name>[\w-]+)[ ]*(?:\|[ ]*(?P<arg>.*?)[ ]*)?$")
_BLOCK_CLOSE = re.compile(r"^(?P<slashes>/{3,})[ ]*$")
# An ATX heading line (groups: the '#'s, the text); rules that look for near misses use it too.
ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^(?P<marks>[=-]+)[ ]*$")
_LIST_ITEM = re.compile(r"^(?:[*+-]|\d+\.)[ ]+")
TAB_LENGTH = 4
_STRUCTURE_STARTS = frozenset("`~/#=-")  # the first characters of a fence, a /// line, a heading, an underline


def read_source(path: str | Path) -> str:
    return Path(path).read_text(encoding="utf-8-sig")


@dataclass(frozen=True)
class FrontMatter:
    """The YAML front matter: its lines (the ``---`` lines included) and each top-level key's line."""

    end: int  # line of the closing '---' or '...'; the front matter starts on line 1
    yaml: str  # the text between the two lines
    length: int  # characters up to and including the closing line's newline
    keys: dict[str, int] = field(default_factory=dict)

    @property
    def body_start(self) -> int:
        return self.end + 1


@dataclass(frozen=True)
class Fence:
    """A fenced code block: ``start`` is the opening fence line, ``end`` the closing one."""

    start: int
    end: int  # the closing fence, or the page's last line when unclosed
    marker: str  # the opening fence, e.g. '````'
    closed: bool


@dataclass(frozen=True)
class IndentedCode:
    start: int
    end: int  # the last indented line (blank lines after it are not code)


@dataclass(frozen=True)
class BlockLine:
    """A ``///`` line: a block's header (``name`` set) or a closing line (``name`` is ``None``)."""

    line: int
    indent: int
    slashes: int
    name: str | None = None  # as written
    arg: str | None = None  # the title after '|'

    @property
    def is_header(self) -> bool:
        return self.name is not None


@dataclass(frozen=True)
class Block:
    """A ``///`` block, its header paired with the closing line of as many slashes."""

    name: str  # lower case, as pymdownx looks it up
    line: int  # the header
    end: int | None  # the closing line; None when never closed
    slashes: int
    depth: int  # 0 for a top-level block
    arg: str | None = None


@dataclass(frozen=True)
class Heading:
    line: int  # the heading's text line (for a setext heading, the line above its underline)
    level: int
    text: str  # as written: closing '#'s and surrounding spaces removed, attribute lists kept
    setext: bool = False


class SourceMap:
    """Where things are in one page's Markdown (see the module docstring for what is followed)."""

    def __init__(self, text: str, *, front_matter: bool = True) -> None:
        """``front_matter=False`` for Markdown whose front matter MkDocs already removed (``page.markdown``)."""
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        self.text = text
        self.lines: list[str] = text.split("\n")
        if self.lines and self.lines[-1] == "":
            self.lines.pop()
        self.front_matter = _front_matter(text) if front_matter else None
        self.fences: list[Fence] = []
        self.indented_code: list[IndentedCode] = []
        self.block_lines: list[BlockLine] = []
        self.headings: list[Heading] = []
        self._code: set[int] = set()
        _Scanner(self).run()
        self.blocks: list[Block] = _pair_blocks(self.block_lines)
        self.stray_closings: list[BlockLine] = _stray_closings(self.block_lines)

    # -- lines ---------------------------------------------------------------
    @property
    def body_start(self) -> int:
        return self.front_matter.body_start if self.front_matter else 1

    def is_code(self, number: int) -> bool:
        """Whether line ``number`` is fenced (fence lines included) or indented code."""
        return number in self._code

    def in_fence(self, number: int) -> bool:
        """Whether line ``number`` belongs to a fenced code block (its fence lines included)."""
        return any(fence.start <= number <= fence.end for fence in self.fences)

    def body_lines(self) -> list[tuple[int, str]]:
        """``(line, text)`` of the lines outside front matter and code (fenced or indented)."""
        return [
            (number, line)
            for number, line in enumerate(self.lines, start=1)
            if number >= self.body_start and number not in self._code
        ]

    # -- front matter --------------------------------------------------------
    def key_line(self, key: str) -> int:
        """The line of a top-level front-matter ``key``; line 1 when it is absent."""
        return self.front_matter.keys.get(key, 1) if self.front_matter else 1

    # -- blocks --------------------------------------------------------------
    def blocks_named(self, name: str) -> list[Block]:
        wanted = name.lower()
        return [block for block in self.blocks if block.name == wanted]

    def block_header_line(self, name: str, occurrence: int = 0) -> int | None:
        """The header line of the ``occurrence``-th (0-based) ``/// name`` block, in document order."""
        found = self.blocks_named(name)
        return found[occurrence].line if occurrence < len(found) else None

    def block_at(self, line: int) -> Block | None:
        """The block whose header is on ``line``."""
        return next((block for block in self.blocks if block.line == line), None)

    def block_body(self, block: Block) -> list[str]:
        """The lines between a block's header and its closing line (to the end when unclosed)."""
        end = block.end if block.end is not None else len(self.lines) + 1
        return self.lines[block.line : end - 1]

    def option_lines(self) -> set[int]:
        """The lines of every block's options: the YAML right after its header, up to the first empty line
        (or the closing line), as pymdownx Blocks reads them; settings, not Markdown."""
        found: set[int] = set()
        for block in self.blocks:
            end = block.end if block.end is not None else len(self.lines) + 1
            for number in range(block.line + 1, end):
                if not self.lines[number - 1].strip():
                    break
                found.add(number)
        return found

    def inside_block(self, number: int) -> bool:
        """Whether line ``number`` lies between a block's header and its closing line."""
        return any(block.line < number < (block.end or len(self.lines) + 1) for block in self.blocks)


def _front_matter(text: str) -> FrontMatter | None:
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    yaml_text = match.group(1)
    keys: dict[str, int] = {}
    for number, line in enumerate(yaml_text.split("\n")[:-1], start=2):
        key = _TOP_KEY.match(line)
        if key:
            keys.setdefault(key.group("key").strip("\"'"), number)
    end = text[: match.end()].count("\n")
    return FrontMatter(end=end, yaml=yaml_text, length=match.end(), keys=keys)


def _indent(line: str) -> int:
    """Width of the line's indentation, tabs expanded as Python-Markdown does."""
    stripped = line.lstrip(" \t")
    return len(line[: len(line) - len(stripped)].expandtabs(TAB_LENGTH))


class _Scanner:
    """One pass over the body lines, filling a :class:`SourceMap` (see its module docstring for the rules)."""

    def __init__(self, source_map: SourceMap) -> None:
        self.map = source_map
        self.block_start = True  # the next line starts a Markdown block (after a blank line, a heading...)
        self.in_list = False  # the last block is a list: indented lines continue its last item
        self.paragraph_start: int | None = None  # a line that began a block: a setext heading's text?
        self.fence: tuple[int, str] | None = None  # opening line and fence of the open fenced code
        self.code: tuple[int, int] | None = None  # indented code: first and last indented line

    def run(self) -> None:
        lines = self.map.lines
        for number in range(self.map.body_start, len(lines) + 1):
            self.line(number, lines[number - 1])
        if self.fence is not None:
            start, marker = self.fence
            self._add_fence(start, max(len(lines), start), marker, closed=False)
        self._end_code()

    def line(self, number: int, line: str) -> None:
        if self.fence is not None:
            self._in_fence(number, line)
            return
        indent = _indent(line)
        if self.code is not None:
            if not line.strip() or indent >= TAB_LENGTH:
                if line.strip():
                    self.code = (self.code[0], number)
                return
            self._end_code()
        if not line.strip():
            self.block_start, self.paragraph_start = True, None
            return
        if indent >= TAB_LENGTH and not self.in_list:
            if self.block_start:
                self.code = (number, number)
                return
            self._text(number, line, indent)  # a paragraph's lazy continuation or a block's option line
            return
        if self._structure(number, line.lstrip(" \t"), indent):
            return
        self._text(number, line, indent)

    def _structure(self, number: int, content: str, indent: int) -> bool:
        """A fence or a ``///`` line (anywhere in a list item), or a heading (indented less than four)."""
        if content[:1] not in _STRUCTURE_STARTS:
            return False  # most lines: no pattern below can match
        nested = self.in_list and indent > 0  # inside the last list item: the list goes on after it
        fence = _FENCE_OPEN.match(content)
        if fence and not (fence.group("fence")[0] == "`" and "`" in fence.group("info")):
            self.fence = (number, fence.group("fence"))
            self.in_list = self.in_list and nested
            return True
        block = _BLOCK_OPEN.match(content) or _BLOCK_CLOSE.match(content)
        if block:
            name, arg = block.groupdict().get("name"), block.groupdict().get("arg")
            self.map.block_lines.append(BlockLine(number, indent, len(block.group("slashes")), name, arg))
            self.block_start, self.paragraph_start = False, None
            self.in_list = self.in_list and nested
            return True
        if indent >= TAB_LENGTH:
            return False
        heading = ATX_HEADING.match(self.map.lines[number - 1])
        if heading:
            text = (heading.group(2) or "").strip()
            self.map.headings.append(Heading(number, len(heading.group(1)), text))
            self.block_start, self.in_list, self.paragraph_start = True, False, None
            return True
        underline = _SETEXT_UNDERLINE.match(self.map.lines[number - 1])
        if underline and self.paragraph_start == number - 1:
            level = 1 if underline.group("marks").startswith("=") else 2
            text = self.map.lines[number - 2].strip()
            self.map.headings.append(Heading(number - 1, level, text, setext=True))
            self.block_start, self.in_list, self.paragraph_start = True, False, None
            return True
        return False

    def _text(self, number: int, line: str, indent: int) -> None:
        if self.block_start:
            is_item = indent < TAB_LENGTH and _LIST_ITEM.match(line.lstrip(" \t")) is not None
            if indent < TAB_LENGTH:
                self.in_list = is_item
            self.paragraph_start = number if indent < TAB_LENGTH else None
        else:
            self.paragraph_start = None
        self.block_start = False

    def _in_fence(self, number: int, line: str) -> None:
        start, marker = self.fence  # type: ignore[misc]
        close = _FENCE_CLOSE.match(line)
        if close and close.group("fence")[0] == marker[0] and len(close.group("fence")) >= len(marker):
            self._add_fence(start, number, marker, closed=True)
            self.fence = None
            self.block_start, self.paragraph_start = False, None

    def _add_fence(self, start: int, end: int, marker: str, *, closed: bool) -> None:
        self.map.fences.append(Fence(start, end, marker, closed))
        self.map._code.update(range(start, end + 1))

    def _end_code(self) -> None:
        if self.code is not None:
            start, end = self.code
            self.map.indented_code.append(IndentedCode(start, end))
            self.map._code.update(range(start, end + 1))
            self.code = None
            self.block_start, self.in_list = True, False


def _pair_blocks(lines: list[BlockLine]) -> list[Block]:
    """Headers paired with their closing lines: a closing line ends the nearest open block with as many slashes
    (and every block opened inside it); blocks are listed in the order of their headers."""
    stack: list[BlockLine] = []
    ends: dict[int, int] = {}
    for item in lines:
        if item.is_header:
            stack.append(item)
            continue
        match = next((at for at in range(len(stack) - 1, -1, -1) if stack[at].slashes == item.slashes), None)
        if match is not None:
            ends[stack[match].line] = item.line
            del stack[match:]
    blocks = []
    open_ends: list[int] = []
    for item in lines:
        if not item.is_header:
            continue
        open_ends = [end for end in open_ends if end > item.line]
        end = ends.get(item.line)
        blocks.append(Block(str(item.name).lower(), item.line, end, item.slashes, len(open_ends), item.arg))
        open_ends.append(end if end is not None else lines[-1].line + 1)  # an unclosed block: to the end
    return blocks


def _stray_closings(lines: list[BlockLine]) -> list[BlockLine]:
    """Closing lines that end no open block (pymdownx prints them as text)."""
    stack: list[int] = []
    stray = []
    for item in lines:
        if item.is_header:
            stack.append(item.slashes)
        elif item.slashes in stack:
            del stack[len(stack) - 1 - stack[::-1].index(item.slashes) :]
        else:
            stray.append(item)
    return stray


def front_matter_key_line(text: str, key: str) -> int:
    """The 1-based line of a top-level front-matter ``key``; line 1 when it is absent."""
    return SourceMap(text).key_line(key)
