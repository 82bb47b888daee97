"""The shape of ``///`` blocks, read from the page's source map: what pymdownx would silently turn into page text.

pymdownx Blocks print an unknown block name, an option line that is not
indented under its header, or a stray ``///`` as a paragraph, and an
unclosed block swallows the rest of the page. Each is an error at the line
the author has to change. Which lines are block headers and closing lines (and
not code) is the source map's reading (:class:`therapy_site.sources.SourceMap`);
this module judges them, and the near misses the map does not read as blocks.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from therapy_site.sources import BlockLine
from therapy_site.validation.context import BlockKind, CheckContext
from therapy_site.validation.findings import Finding, error, shorten
from therapy_site.validation.source import SourceFile

# A header with something pymdownx cannot read as a name: '/// Take-aways!', '///takeaways:'.
MALFORMED_START = re.compile(r"^[ ]{0,3}(/{3,})[ ]*(\S.*)$")
# '// takeaways' or '/ booking': a block header with too few slashes, printed as text.
SHORT_START = re.compile(r"^[ ]{0,3}(/{1,2})[ ]*([\w-]+)[ ]*(?:\|.*)?$")
OPTION_LINE = re.compile(r"^(\s*)([A-Za-z_][\w-]*)\s*:(\s|$)")


@dataclass
class OpenBlock:
    name: str
    fence: int  # number of slashes
    line: int
    kind: BlockKind | None


def check_block_structure(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    kinds = context.block_kinds()
    lines = source.map.body_lines()
    block_lines = {item.line: item for item in source.map.block_lines}
    stack: list[OpenBlock] = []
    for number, line in lines:
        start = block_lines.get(number)
        if start is not None and not start.is_header:
            yield from _close(source, stack, start.slashes, number)
            continue
        if stack and stack[-1].kind is not None and stack[-1].kind.raw_body:
            continue  # an infographic's YAML: not Markdown, no blocks inside
        if start is None:
            yield from _near_miss(source, kinds, number, line)
            continue
        yield from _open(source, stack, kinds, start)
    for block in reversed(stack):
        yield _unclosed(source, block)


def _near_miss(source: SourceFile, kinds: dict[str, BlockKind], number: int, line: str) -> Iterator[Finding]:
    """A line the source map does not read as a block header but the author meant as one."""
    short = SHORT_START.match(line)
    if short and short.group(2).lower() in kinds:
        message = (
            f"'{shorten(line.strip())}' has {len(short.group(1))} slash(es); a block starts with three: "
            f"'/// {short.group(2).lower()}'"
        )
        yield error(source.shown, number, message, "block-unknown")
    elif MALFORMED_START.match(line):
        message = (
            f"'{shorten(line.strip())}' is not a block header; write '/// name' (e.g. '/// takeaways') "
            "with a known block name, or remove the slashes"
        )
        yield error(source.shown, number, message, "block-unknown")


def _open(
    source: SourceFile, stack: list[OpenBlock], kinds: dict[str, BlockKind], start: BlockLine
) -> Iterator[Finding]:
    name, fence, number = str(start.name), start.slashes, start.line
    kind = kinds.get(name.lower())
    if kind is None:
        yield error(source.shown, number, _unknown_message(name, kinds), "block-unknown", start.indent + 1)
    else:
        yield from _nesting(source, stack, kind, fence, number)
        if not kind.raw_body:
            yield from _options(source, number, kind)
    stack.append(OpenBlock(name, fence, number, kind))


def _unknown_message(name: str, kinds: dict[str, BlockKind]) -> str:
    known = sorted(kinds)
    guess = difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.6)
    hint = f"did you mean '{guess[0]}'? " if guess else ""
    return (
        f"unknown block '/// {shorten(name, 40)}'; {hint}known blocks: {', '.join(known)} "
        "(an unknown block is printed as text)"
    )


def _close(source: SourceFile, stack: list[OpenBlock], fence: int, number: int) -> Iterator[Finding]:
    match = next((position for position in range(len(stack) - 1, -1, -1) if stack[position].fence == fence), None)
    if match is None:
        message = (
            f"this '{'/' * fence}' closes no open block (it would be printed as text); "
            "remove it, or match the number of slashes of the block it should end"
        )
        yield error(source.shown, number, message, "block-unclosed")
        return
    for block in reversed(stack[match + 1 :]):
        yield _unclosed(source, block)
    del stack[match:]


def _unclosed(source: SourceFile, block: OpenBlock) -> Finding:
    message = (
        f"the '{'/' * block.fence} {block.name}' block is never closed, so it swallows the rest of the page; "
        f"add a line with just '{'/' * block.fence}' where the block ends"
    )
    return error(source.shown, block.line, message, "block-unclosed")


def _nesting(source: SourceFile, stack: list[OpenBlock], kind: BlockKind, fence: int, number: int) -> Iterator[Finding]:
    if not stack:
        return
    parent = stack[-1]
    if kind.ours or (parent.kind is not None and parent.kind.ours):
        message = (
            f"a '/// {kind.name}' block cannot go inside the '/// {parent.name}' block (line {parent.line}); "
            f"close the '{parent.name}' block first and put this one after it"
        )
        yield error(source.shown, number, message, "block-nesting")
    elif any(block.fence == fence for block in stack):
        message = (
            f"to put '/// {kind.name}' inside '/// {parent.name}' (line {parent.line}), give the outer block "
            f"more slashes ('{'/' * (fence + 1)} {parent.name}' ... '{'/' * (fence + 1)}')"
        )
        yield error(source.shown, number, message, "block-nesting")


def _options(source: SourceFile, header_line: int, kind: BlockKind) -> Iterator[Finding]:
    """Option lines under the header that pymdownx would not read as options (they would print as text).

    Read from the page's lines, not only the map's lines outside code: an option after a blank line is
    what Markdown reads as indented code, and exactly what the author must be told about.
    """
    lines = source.map.lines
    header = lines[header_line - 1]
    indent = len(header) - len(header.lstrip())
    seen_blank = False
    for number, line in enumerate(lines[header_line:], start=header_line + 1):
        if source.map.in_fence(number):
            return
        if not line.strip():
            seen_blank = True
            continue
        option = OPTION_LINE.match(line)
        if option is None or option.group(2) not in kind.options:
            return
        depth = len(option.group(1)) - indent
        if depth >= 4 and not seen_blank:
            continue  # a well-formed option line
        if seen_blank:
            where = "directly under the header, with no blank line before them"
        else:
            where = "indented by four spaces under the header"
        message = f"option '{option.group(2)}' of '/// {kind.name}' would be printed as text: write options {where}"
        yield error(source.shown, number, message, "block-option-indent", len(option.group(1)) + 1)
        return
