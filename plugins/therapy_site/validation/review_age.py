"""Reviews that have gone stale: ``last_reviewed`` older than ``extra.therapy_check.review_max_age_months``.

A warning: ``therapy-site check`` prints it, the build logs it at INFO (the clock never changes the build).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from therapy_site.dates import as_date
from therapy_site.review.freshness import stale_review_message
from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, warning
from therapy_site.validation.source import SourceFile


def check_review_age(source: SourceFile, context: CheckContext, today: date | None = None) -> Iterator[Finding]:
    reviewed = as_date(source.meta.get("last_reviewed"))
    if reviewed is None:
        return  # absent, or not a date: check_metadata names that
    message = stale_review_message(reviewed, today or date.today(), context.settings.review_max_age_months)
    if message:
        yield warning(source.shown, source.key_line("last_reviewed"), message, "review-age")
