"""Health-content language: phrases a therapy site should avoid or reword (a configurable list)."""

from __future__ import annotations

from collections.abc import Iterator

from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, warning
from therapy_site.validation.source import SourceFile

PROSE_KEYS = ("title", "description")


def _prose_lines(source: SourceFile) -> Iterator[tuple[int, str]]:
    for key in PROSE_KEYS:
        if key in source.meta:
            number = source.key_line(key)
            yield number, source.text.splitlines()[number - 1]
    yield from source.body_lines()


def check_language(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    lines = list(_prose_lines(source))
    # One search per phrase over all prose first: most phrases occur nowhere, so most line-by-line scans are
    # skipped. A phrase found in the joined text may still span two lines; the per-line scan below decides.
    prose = "\n".join(line for _number, line in lines)
    folded = prose.casefold()
    present = [
        (pattern, advice)
        for pattern, advice, word in context.settings.phrase_patterns
        if word in folded and pattern.search(prose)
    ]
    for number, line in lines:
        for pattern, advice in present:
            for match in pattern.finditer(line):
                yield warning(source.shown, number, f"'{match.group(0)}': {advice}", "language", match.start() + 1)
