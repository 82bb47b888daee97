"""The shape of ``///`` blocks, read from the source: what pymdownx would silently turn into page text.

pymdownx Blocks print an unknown block name, an option line that is not
indented under its header, or a stray ``///`` as a paragraph, and an
unclosed block swallows the rest of the page. Each is an error at the line
the author has to change.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from therapy_site.sources import body_lines
from therapy_site.validation.context import BlockKind, CheckContext
from therapy_site.validation.findings import Finding, error, shorten
from therapy_site.validation.source import SourceFile

# pymdownx.blocks' own patterns (RE_START, RE_END), for one line.
BLOCK_START = re.compile(r"^([ ]{0,3})(/{3,})[ ]*([\w-]+)[ ]*(?:\|[ ]*(.*?)[ ]*)?$")
BLOCK_END = re.compile(r"^[ ]{0,3}(/{3,})[ ]*$")
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
    lines = body_lines(source.text)
    stack: list[OpenBlock] = []
    for index, (number, line) in enumerate(lines):
        end = BLOCK_END.match(line)
        if end:
            yield from _close(source, stack, len(end.group(1)), number)
            continue
        if stack and stack[-1].kind is not None and stack[-1].kind.raw_body:
            continue  # an infographic's YAML: not Markdown, no blocks inside
        start = BLOCK_START.match(line)
        short = SHORT_START.match(line) if not start else None
        if short and short.group(2).lower() in kinds:
            message = (
                f"'{shorten(line.strip())}' has {len(short.group(1))} slash(es); a block starts with three: "
                f"'/// {short.group(2).lower()}'"
            )
            yield error(source.shown, number, message, "block-unknown")
            continue
        if not start:
            if MALFORMED_START.match(line):
                message = (
                    f"'{shorten(line.strip())}' is not a block header; write '/// name' (e.g. '/// takeaways') "
                    "with a known block name, or remove the slashes"
                )
                yield error(source.shown, number, message, "block-unknown")
            continue
        name, fence = start.group(3), len(start.group(2))
        kind = kinds.get(name.lower())
        if kind is None:
            yield error(source.shown, number, _unknown_message(name, kinds), "block-unknown", len(start.group(1)) + 1)
        else:
            yield from _nesting(source, stack, kind, fence, number)
            if not kind.raw_body:
                yield from _options(source, lines, index, kind, line)
        stack.append(OpenBlock(name, fence, number, kind))
    for block in reversed(stack):
        yield _unclosed(source, block)


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


def _options(
    source: SourceFile, lines: list[tuple[int, str]], index: int, kind: BlockKind, header: str
) -> Iterator[Finding]:
    """Option lines under the header that pymdownx would not read as options (they would print as text)."""
    indent = len(header) - len(header.lstrip())
    seen_blank = False
    previous = lines[index][0]
    for number, line in lines[index + 1 :]:
        if number != previous + 1:
            return  # a code fence in between
        previous = number
        if not line.strip():
            seen_blank = True
            continue
        option = OPTION_LINE.match(line)
        if option is None or option.group(2) not in kind.options or BLOCK_END.match(line):
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
