"""Dates as authors write them in front matter: YAML dates, datetimes, or ISO strings."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any


def as_date(value: Any) -> date | None:
    """The calendar date of ``value``; ``None`` when it is not a date (an ISO string may carry a time)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
