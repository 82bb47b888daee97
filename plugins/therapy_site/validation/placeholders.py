"""Placeholder text left from ``therapy-site new`` (every placeholder there starts with 'TODO').

A warning while the post is a draft (``draft: true``, as ``new`` writes it); an
error once it is not, because the next build would publish the placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, error, warning
from therapy_site.validation.source import SourceFile

PLACEHOLDER = re.compile(r"\bTODO\b")


def check_placeholders(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    for number, line in [*source.front_matter_lines(), *source.body_lines()]:
        if line.lstrip().startswith("#") and number < source.body_start:
            continue  # a comment in the front matter
        match = PLACEHOLDER.search(line)
        if match:
            message = "placeholder text: replace it with your own words before publishing"
            report = warning if is_draft(source) else error
            yield report(source.shown, number, message, "placeholder", match.start() + 1)


def is_draft(source: SourceFile) -> bool:
    return bool(source.meta.get("draft"))
