"""Health-content language: phrases a therapy site should avoid or reword (a configurable list)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, warning
from therapy_site.validation.source import SourceFile

PROSE_KEYS = ("title", "description")


@cache
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    words = (re.escape(word) for word in phrase.split())
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE)


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
    present = {
        phrase: advice for phrase, advice in context.settings.phrases.items() if phrase_pattern(phrase).search(prose)
    }
    for number, line in lines:
        for phrase, advice in present.items():
            for match in phrase_pattern(phrase).finditer(line):
                yield warning(source.shown, number, f"'{match.group(0)}': {advice}", "language", match.start() + 1)
