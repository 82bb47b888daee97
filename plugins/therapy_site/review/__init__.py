"""Medical review of any page: ``reviewed_by`` (a blog author id) and ``last_reviewed`` (a date) in its front matter.

:func:`resolve_review` checks the pair and returns :class:`therapy_site.pagedata.Review`;
the theme plugin keeps it in the page data, the post header (``overrides/partials/post-header.html``)
or, on other pages, ``overrides/partials/review-line.html`` shows "Reviewed by …" (styled by
``review.css``) and the schema plugin states ``reviewedBy``/``lastReviewed``.

* :mod:`therapy_site.review.credentials`: reviewers' credentials and profile links (``sameAs``).
* :mod:`therapy_site.review.freshness`: the age check ``therapy-site check`` runs on ``last_reviewed``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from therapy_site.dates import as_date
from therapy_site.pagedata import Review
from therapy_site.sources import front_matter_key_line, read_source

STYLESHEET = Path(__file__).with_name("review.css")


def page_error(page: Any, key: str, message: str) -> PluginError:
    line = front_matter_key_line(read_source(page.file.abs_src_path), key)
    return PluginError(f"{page.file.src_path}:{line}: {message}")


def resolve_review(page: Any, authors: dict[str, Any], *, is_post: bool = False) -> Review | None:
    """The page's review (any page: posts, and pages such as urgent help whose facts must stay current),
    ``None`` without one; a :class:`PluginError` with file and line when it is wrong. ``is_post`` is kept
    for callers; it no longer restricts anything."""
    reviewer, reviewed = page.meta.get("reviewed_by"), page.meta.get("last_reviewed")
    if reviewer is None and reviewed is None:
        return None
    if reviewer is None or reviewed is None:
        key = "reviewed_by" if reviewer is None else "last_reviewed"
        raise page_error(page, key, "'reviewed_by' and 'last_reviewed' go together: add the missing one")
    if str(reviewer) not in authors:
        known = ", ".join(sorted(authors)) or "none"
        raise page_error(page, "reviewed_by", f"'reviewed_by: {reviewer}' is not in the blog's authors ({known})")
    when = as_date(reviewed)
    if when is None:
        raise page_error(page, "last_reviewed", "'last_reviewed' must be a date like 2025-11-20")
    author = authors[str(reviewer)]
    return Review(key=str(reviewer), name=author.name, url=author.url or "", date=when)
