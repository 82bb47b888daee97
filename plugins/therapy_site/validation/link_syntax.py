"""Links and notes Markdown cannot make into what the author meant (``link-empty``, ``link-reference``,
``footnote-undefined``, ``footnote-unused``).

``[the fees]()`` becomes a link to the page itself, and ``[the fees][fees]`` without a ``[fees]: ...``
line further down is printed as brackets: both look right in the editor and are wrong on the page. So is a
footnote marker ``[^1]`` without its ``[^1]: ...`` note (printed as typed), and a note no marker points to (its
back-link leads nowhere).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, error, shorten
from therapy_site.validation.markup import BRACKETED, REFERENCE_DEFINITION
from therapy_site.validation.source import SourceFile

EMPTY_DESTINATION = re.compile(r"(?<!\\)(!?)" + BRACKETED + r"\(\s*(?:<\s*>)?\s*\)")
# [text][label] and [text][] (the label is the text); not a footnote ([^1]) nor a link's ](address).
REFERENCE = re.compile(r"(?<![\\\]])" + BRACKETED + r"\[([^\[\]^]*)\](?![(:\[])")
# Python-Markdown's footnotes: "[^label]: the note" at a line's start, "[^label]" where it applies.
FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]]*)\]:")
FOOTNOTE_MARKER = re.compile(r"(?<!\\)\[\^([^\]]*)\]")


def label_key(label: str) -> str:
    """Reference labels match case-insensitively, with any run of spaces as one (as Python-Markdown does)."""
    return " ".join(label.split()).casefold()


def check_link_syntax(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    lines = source.body_lines()
    defined = {label_key(match.group(1)) for _, line in lines if (match := REFERENCE_DEFINITION.match(line))}
    for number, line in lines:
        for match in EMPTY_DESTINATION.finditer(line):
            yield _empty(source, number, match)
        for match in REFERENCE.finditer(line):
            label = match.group(2) or match.group(1)
            if _citation_numbers(match) or not label.strip():
                continue  # '[1][2]': numbered citations, printed as written
            if label_key(label) not in defined:
                yield _undefined(source, number, match, label)
    yield from _footnotes(source, lines)


def _footnotes(source: SourceFile, lines: list[tuple[int, str]]) -> Iterator[Finding]:
    definitions = {number: FOOTNOTE_DEFINITION.match(line) for number, line in lines}
    notes: dict[str, int] = {}  # label: the line of its definition
    for number, definition in definitions.items():
        if definition:
            notes.setdefault(definition.group(1), number)
    used = set()
    for number, line in lines:
        definition = definitions[number]
        start = definition.end() if definition else 0  # a note may point to another note, not to itself
        for marker in FOOTNOTE_MARKER.finditer(line, start):
            label = marker.group(1)
            used.add(label)
            if label not in notes:
                message = (
                    f"the footnote '[^{shorten(label, 20)}]' has no note, so it is printed as typed: add a line "
                    f"'[^{shorten(label, 20)}]: the source or note' at the end of the page, or remove the marker"
                )
                yield error(source.shown, number, message, "footnote-undefined", marker.start() + 1)
    for label, number in notes.items():
        if label not in used:
            message = (
                f"the note '[^{shorten(label, 20)}]:' has no '[^{shorten(label, 20)}]' in the text, so its link "
                "back to the text leads nowhere: put the marker where the note applies, or delete the note"
            )
            yield error(source.shown, number, message, "footnote-unused", 1)


def _citation_numbers(match: re.Match[str]) -> bool:
    return all(part.strip().isdigit() for part in (match.group(1), match.group(2) or "0"))


def _empty(source: SourceFile, number: int, match: re.Match[str]) -> Finding:
    text = shorten(" ".join(match.group(2).split()), 40)
    if match.group(1):
        message = (
            f"the picture '{text}' has no address between its brackets: write the picture's file, "
            f"e.g. '![{text}](../../assets/images/photo.webp)'"
        )
    else:
        message = (
            f"the link '{text}' has no address between its brackets, so it leads nowhere: write the page's file "
            f"or the web address, e.g. '[{text}](fees.md)' or '[{text}](https://www.nhs.uk/)'"
        )
    return error(source.shown, number, message, "link-empty", match.start() + 1)


def _undefined(source: SourceFile, number: int, match: re.Match[str], label: str) -> Finding:
    text = shorten(" ".join(match.group(1).split()), 40)
    message = (
        f"the link '{text}' refers to '[{shorten(label, 30)}]', which no line of this page defines, so it is "
        f"printed as brackets: add a line '[{shorten(label, 30)}]: fees.md' (the address) below the paragraph, "
        f"or write the address in the link: '[{text}](fees.md)'"
    )
    return error(source.shown, number, message, "link-reference", match.start() + 1)
