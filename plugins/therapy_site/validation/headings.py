"""Headings: one title per page, and no skipped levels (screen-reader users navigate by them).

The headings are the page's source map's (ATX and setext, outside code: :class:`therapy_site.sources.SourceMap`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, error, warning
from therapy_site.validation.source import SourceFile, blank_inline_code

ATTR_LIST = re.compile(r"\s*\{[^}]*\}\s*$")


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str


def headings(source: SourceFile) -> list[Heading]:
    return [
        Heading(heading.line, heading.level, ATTR_LIST.sub("", blank_inline_code(heading.text)).strip())
        for heading in source.map.headings
    ]


def check_headings(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    previous = 1  # the page title is the h1
    for index, heading in enumerate(headings(source)):
        if heading.level == 1:
            # A page may open with its own '# Title'; a post's title always comes from front matter.
            if index == 0 and not source.is_post:
                continue
            where = "front matter 'title'" if source.is_post or "title" in source.meta else "the first '#' heading"
            message = (
                f"'# {heading.text}' is a second page title (the title comes from {where}); use '##' for a section"
            )
            yield error(source.shown, heading.line, message, "heading-h1")
            continue
        if heading.level > previous + 1:
            message = (
                f"heading '{heading.text}' jumps from level {previous} to {heading.level}; "
                f"use {'#' * (previous + 1)} so screen-reader users do not miss a level"
            )
            yield warning(source.shown, heading.line, message, "heading-skip")
        previous = heading.level
