"""Put the header's "Book a session" button inside Material's header without forking its template.

Material's ``partials/header.html`` has no template block to extend, so
``overrides/main.html`` renders it unchanged through ``{{ super() }}`` and this
Jinja filter inserts our button just before the end of its main
``<nav class="md-header__inner">``, after the search button: the reading and
tab order match what the reader sees. The HTML is otherwise untouched; if
Material ever changes the header so that the nav cannot be found, the header
is returned as it was and the tests notice the missing button.
"""

from __future__ import annotations

import re

from markupsafe import Markup

_NAV_TAG = re.compile(r"<(/?)nav\b[^>]*>", re.IGNORECASE)


def _inner_nav_end(header_html: str) -> int | None:
    """Index of the ``</nav>`` that closes the header's first (outermost) ``<nav>``."""
    depth = 0
    for match in _NAV_TAG.finditer(header_html):
        if match.group(1):
            depth -= 1
            if depth == 0:
                return match.start()
        else:
            depth += 1
    return None


def insert_header_button(header_html: str, button_html: str) -> Markup:
    """Return Material's header HTML with ``button_html`` as the last item of its top bar."""
    header_html, button_html = str(header_html), str(button_html)
    end = _inner_nav_end(header_html)
    if end is None or not button_html.strip():
        return Markup(header_html)  # Material's own rendered output
    return Markup(header_html[:end] + button_html.strip() + "\n  " + header_html[end:])
