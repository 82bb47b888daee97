"""Material's palette stylesheet, which our bundle carries so a page waits for one stylesheet fewer.

Material's ``styles`` block links two render-blocking sheets (``main`` and,
with a palette configured, ``palette``), and our bundle is a third. Lighthouse's
simulated mobile network shares its bandwidth among the sheets in flight, so a
third one costs a round trip before the first paint (FCP about 150 ms later than
vanilla Material on every page). Joined into our bundle, ahead of our own
rules (Material's order: palette, then ``extra_css``), the palette costs 2 KB
in a request that is made anyway. ``overrides/main.html`` re-creates the
block without the palette link; ``tests/material`` checks that Material's block
is still the one it re-creates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mkdocs.structure.files import File, Files

MAIN_STYLESHEET = re.compile(r"^assets/stylesheets/main\.[0-9a-f]+\.min\.css$")
PALETTE_STYLESHEET = re.compile(r"^assets/stylesheets/palette\.[0-9a-f]+\.min\.css$")
# The block of Material's base.html that our override replaces, whitespace collapsed, hashes as HASH.
STYLES_BLOCK = (
    '{% block styles %} <link rel="stylesheet" href="{{ \'assets/stylesheets/main.HASH.min.css\' | url }}">'
    " {% if config.theme.palette %} {% set palette = config.theme.palette %}"
    ' <link rel="stylesheet" href="{{ \'assets/stylesheets/palette.HASH.min.css\' | url }}">'
    ' {% endif %} {% include "partials/icons.html" %} {% endblock %}'
)


@dataclass(frozen=True)
class MaterialStylesheets:
    """Material's main sheet (still linked) and its palette sheet (joined into our bundle)."""

    main: str
    palette: File


def _only(files: Files, pattern: re.Pattern[str]) -> File | None:
    found = [file for file in files if pattern.match(file.src_uri)]
    return found[0] if len(found) == 1 else None


def palette_to_bundle(files: Files, theme: Any) -> MaterialStylesheets | None:
    """Material's sheets when its palette sheet can join our bundle, else ``None`` (Material's block stays).

    Only with a palette configured (else Material links none) and exactly one main and one palette sheet.
    """
    if not theme.get("palette"):
        return None
    main, palette = _only(files, MAIN_STYLESHEET), _only(files, PALETTE_STYLESHEET)
    if main is None or palette is None:
        return None
    return MaterialStylesheets(main.src_uri, palette)


def styles_block(base_template: str) -> str | None:
    """The ``styles`` block of Material's ``base.html`` source, whitespace collapsed, sheet hashes as ``HASH``."""
    match = re.search(r"\{% block styles %\}.*?\{% endblock %\}", base_template, flags=re.DOTALL)
    if match is None:
        return None
    block = " ".join(match.group(0).split())
    return re.sub(r"(main|palette)\.[0-9a-f]+\.min\.css", r"\1.HASH.min.css", block)
