"""The font faces a page preloads: those its first layout needs, fetched before the browser finds them.

Chrome requests a face that a stylesheet names when the first layout meets
text set in it, at its highest priority, racing the first paint (Lighthouse
then counts the face as render-blocking); a preloaded face is requested
earlier at high priority, which does not block the paint. Every page sets
text in the regular and semibold faces (body, headings, buttons), and those
are the only weights the stylesheet names (italic text is the regular face,
slanted by the browser). Of each weight the core file is preloaded, the
one English text needs (``font_faces.py``). The fallback faces
(``font_fallback.py``) keep text from moving when a face arrives.
"""

from __future__ import annotations

from collections.abc import Collection

from therapy_site.theme.font_faces import first_screen_faces


def font_preloads(available: Collection[str]) -> list[str]:
    """Site paths of the faces to preload, in order, among the fonts the site ships (``available``)."""
    return [f"assets/fonts/{face}" for face in first_screen_faces(available)]
