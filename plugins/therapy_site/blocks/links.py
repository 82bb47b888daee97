"""Links our blocks point at site-absolute paths (``/urgent-help/``, ``/assets/infographics/…``).

MkDocs' link resolver logs every site-absolute link it meets in a page. Our
blocks write such links with a harmless ``href="#"`` and the real target in
:data:`LATE_HREF`; a tree processor registered after MkDocs' ``relpath`` (0)
moves it into ``href``.
"""

from __future__ import annotations

from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

LATE_HREF = "data-ts-late-href"


def late_link(element: etree.Element, href: str) -> None:
    element.set("href", "#")
    element.set(LATE_HREF, href)


class _LateHrefs(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            href = link.attrib.pop(LATE_HREF, None)
            if href is not None:
                link.set("href", href)


def register_late_hrefs(md: Markdown) -> None:
    """After MkDocs' relpath (0); registering twice is harmless (same name)."""
    md.treeprocessors.register(_LateHrefs(md), "therapy_late_hrefs", -10)
