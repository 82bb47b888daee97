"""Titles and descriptions of the blog's listing pages, so that no two pages share a ``<title>`` or reuse
the site description: ``Blog – page 2``, "Articles from 2025 …", "Articles about Anxiety …".

Pure text functions; which view a page is (archive, category, author, index) comes from
:func:`therapy_site.material.blog.listing_kind`.
"""

from __future__ import annotations

from typing import Literal

ListingKind = Literal["index", "archive", "category", "profile"]


def paged_title(title: str, page_number: int) -> str:
    """``Blog`` on page 1, ``Blog – page 2`` after (Google's advice: distinct titles for paginated pages)."""
    return title if page_number <= 1 else f"{title} – page {page_number}"


def listing_description(kind: ListingKind, name: str, site_name: str, own: str, page_number: int) -> str:
    """The page's own description: the author's for the blog index, else one saying what this listing holds."""
    if kind == "archive":
        text = f"Every article published on the {site_name} blog in {name}, newest first."
    elif kind == "category":
        text = f"Articles about {name[:1].lower() + name[1:]} from {site_name}, newest first."
    elif kind == "profile":
        text = f"Articles written by {name} for {site_name}, newest first."
    else:
        text = own or f"Articles from {site_name}, newest first."
    if page_number > 1:
        text = f"{text.rstrip('.')} (page {page_number})."
    return text
