"""Reviews that have gone stale: ``last_reviewed`` older than ``extra.therapy_check.review_max_age_months``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from therapy_site.cli.check.context import CheckContext
from therapy_site.cli.check.findings import Finding, warning
from therapy_site.cli.check.source import SourceFile
from therapy_site.review.freshness import stale_review_message
from therapy_site.seo.lastmod import as_date


def check_review(source: SourceFile, context: CheckContext, today: date | None = None) -> Iterator[Finding]:
    reviewed = as_date(source.meta.get("last_reviewed"))
    if reviewed is None:
        return  # absent, or not a date: the build names that error
    message = stale_review_message(reviewed, today or date.today(), context.settings.review_max_age_months)
    if message:
        yield warning(source.shown, source.key_line("last_reviewed"), message, "review-age")
