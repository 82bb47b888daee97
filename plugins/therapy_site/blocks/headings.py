"""Headings of our blocks: ids like the ``toc`` extension makes, unique within the current page only.

Ids come from the heading text and the ids already in this document's tree,
never from a counter kept between conversions, so Material's blog can render a
post again for listing pages and get the same HTML.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.extensions.toc import render_inner_html, slugify, strip_tags, unique


def toc_slug(md: Markdown, heading: etree.Element, fallback: str) -> str:
    """Slug ``heading`` the way the ``toc`` extension would (with its configured slugify, if present)."""
    name = html.unescape(strip_tags(render_inner_html(heading, md)))
    if "toc" in md.treeprocessors:  # a Registry: no .get()
        toc = md.treeprocessors["toc"]
        return toc.slugify(name, toc.sep) or fallback
    return slugify(name, "-") or fallback


def label_sections_by_heading(
    md: Markdown, root: etree.Element, sections: Iterable[etree.Element], title_class: str, fallback: str
) -> None:
    """Give each section's title heading a unique id and point the section's ``aria-labelledby`` at it."""
    used_ids = {element.get("id") for element in root.iter() if element.get("id")}
    for section in sections:
        heading = next((child for child in section if child.get("class") == title_class), None)
        if heading is None:
            continue
        if not heading.get("id"):
            heading.set("id", unique(toc_slug(md, heading, fallback), used_ids))
        section.set("aria-labelledby", heading.get("id"))
