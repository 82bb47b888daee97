"""The font faces a page preloads: those its first layout needs, fetched before the browser finds them.

Chrome requests a face that a stylesheet names when the first layout meets
text set in it, at its highest priority, racing the first paint (Lighthouse
then counts the face as render-blocking); a preloaded face is requested
earlier at high priority, which does not block the paint. Every page sets
text in the regular and semibold faces (body, headings, buttons); only pages
whose content has italic text need the italic face, so only they preload it
(21 KB for nothing elsewhere; a blog listing looks at its own page's content,
not at its excerpts'). The fallback faces (``font_fallback.py``) keep
text from moving when a face arrives.
"""

from __future__ import annotations

from collections.abc import Collection

from lxml import html as lxml_html
from lxml.etree import XPath

FIRST_SCREEN_FACES = ("inter-regular.woff2", "inter-semibold.woff2")
ITALIC_FACE = "inter-italic.woff2"
# Elements browsers and Material's stylesheet set in italics (figcaption: Material's .md-typeset rule).
ITALIC_TEXT = XPath(
    "//*[self::em or self::i or self::cite or self::dfn or self::var or self::address or self::figcaption]"
    "[normalize-space()]"
)


def has_italic_text(content: str) -> bool:
    """Whether the page's content (its Markdown rendered to HTML) has text the browser sets in italics."""
    if not content.strip():
        return False
    return bool(ITALIC_TEXT(lxml_html.fragment_fromstring(content, create_parent="div")))


def font_preloads(available: Collection[str], *, italic: bool) -> list[str]:
    """Site paths of the faces to preload, in order, among the fonts the site ships (``available``)."""
    faces = [*FIRST_SCREEN_FACES, ITALIC_FACE] if italic else list(FIRST_SCREEN_FACES)
    return [f"assets/fonts/{face}" for face in faces if face in available]
