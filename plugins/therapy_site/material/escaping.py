"""Author-written front-matter text, escaped once for every place Material prints it.

Material's templates print ``page.meta.title`` and ``page.title`` without
escaping in some places (the header topic, the footer's previous/next links)
and its blog writes a post's title into each excerpt as Markdown
(``# {title}``), so a title holding ``<script>`` would run on the post and on
every listing page. Making the values :class:`markupsafe.Markup` holding the
escaped text fixes every place at once: templates that escape leave Markup
alone, templates that don't print the escaped text, the excerpt's Markdown
keeps the entities as text, and the search index stores escaped text, which
Material's search shows as text. Code that needs the plain text calls
:func:`plain`.
"""

from __future__ import annotations

import html
from typing import Any

from markupsafe import Markup, escape

ESCAPED_KEYS = ("title", "description", "subtitle")


def escape_meta(meta: dict[str, Any]) -> None:
    """Escape the author's text values in ``meta`` in place (idempotent: Markup stays as it is)."""
    for key in ESCAPED_KEYS:
        value = meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = escape(value)


def plain(value: Any) -> str:
    """The text as the author wrote it, from an escaped :class:`Markup` or a plain string."""
    if isinstance(value, Markup):
        return html.unescape(str(value))
    return "" if value is None else str(value)
