"""Is a page's review recent enough? Health content (phone numbers, advice) goes stale.

``therapy-site check`` warns when ``last_reviewed`` is older than ``extra.therapy_check.review_max_age_months``
(default 12). Only the check looks at the clock: the build stays deterministic.
"""

from __future__ import annotations

from datetime import date

DEFAULT_MAX_AGE_MONTHS = 12


def months_between(earlier: date, later: date) -> int:
    """Whole months from ``earlier`` to ``later`` (0 when later is earlier)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(0, months)


def stale_review_message(reviewed: date, today: date, max_months: int) -> str | None:
    age = months_between(reviewed, today)
    if age < max_months:
        return None
    return (
        f"last reviewed on {reviewed.isoformat()}, {age} months ago (the limit is {max_months}): check the page "
        "is still right (phone numbers, advice), then update 'last_reviewed'"
    )
