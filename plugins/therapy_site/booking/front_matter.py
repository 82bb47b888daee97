"""A post's ``booking:`` front matter (true, false or the call to action's own words): one check for both gates."""

from __future__ import annotations

import json
from typing import Any

from therapy_site.booking.extension import check_variant
from therapy_site.booking.links import check_cta_url, check_label

BOOKING_KEY = "booking"
BOOKING_FIELDS = ("heading", "text", "button", "url", "variant")


def booking_problem(setting: Any) -> str | None:
    """What is wrong with a post's ``booking:`` front matter (true, false or a mapping), or ``None``."""
    if isinstance(setting, bool):
        return None
    if not isinstance(setting, dict):
        return (
            f"must be true, false or a mapping of {', '.join(BOOKING_FIELDS)} "
            f"(found {json.dumps(setting, default=str)})"
        )
    checks = {"url": check_cta_url, "button": check_label, "variant": check_variant}
    for key, value in setting.items():
        if key not in BOOKING_FIELDS:
            return f"unknown key '{key}'; allowed keys: {', '.join(BOOKING_FIELDS)}"
        if not isinstance(value, str | int | float) or not str(value).strip():
            return f"'{key}' must be non-empty text"
        if key in checks:
            try:
                checks[key](value)
            except ValueError as error:
                return f"'{key}' {error}"
    return None
