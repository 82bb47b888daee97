"""Front-matter rules shared by the build (our plugins) and ``therapy-site check``: one code path each.

Each function returns what is wrong (a message for the author) or ``None``;
callers add the file and line. A post's ``booking:`` setting is the booking feature's
own (:mod:`therapy_site.booking.front_matter`).
"""

from __future__ import annotations

from typing import Any

DESCRIPTION_KEY = "description"


def description_problem(meta: dict[str, Any], *, is_post: bool) -> str | None:
    """Blog posts need a description: search results and link previews show it."""
    if is_post and not str(meta.get(DESCRIPTION_KEY) or "").strip():
        return "blog posts need a front-matter 'description': one or two sentences for search results and link previews"
    return None
