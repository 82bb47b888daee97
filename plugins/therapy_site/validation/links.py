"""Links: internal targets exist, external links use https, nothing runs script, booking URLs are safe."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import SplitResult, unquote, urlsplit

from therapy_site.booking.front_matter import booking_problem
from therapy_site.booking.links import mailto_problem
from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, error, shorten, warning
from therapy_site.validation.markup import links
from therapy_site.validation.source import SourceFile
from therapy_site.validation.urls import UNSAFE_SCHEMES, url_scheme

SAFE_SCHEMES = frozenset({"https", "mailto", "tel"})
LINK_SCHEMES = SAFE_SCHEMES | {"sms"}  # crisis text lines are reached by sms:


def check_links(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    for link in links(source):
        yield from _link(source, context, link.line, link.column, link.url)
    yield from _booking(source)


def _link(source: SourceFile, context: CheckContext, line: int, column: int, url: str) -> Iterator[Finding]:
    parts = urlsplit(url)
    scheme = url_scheme(url)
    if scheme in UNSAFE_SCHEMES:
        message = (
            f"link '{shorten(url, 60)}' uses '{scheme}:', which can run code or hide content; "
            "link to a web page instead"
        )
        yield error(source.shown, line, message, "link-unsafe", column)
    elif scheme == "mailto" and mailto_problem(url):
        message = f"link '{shorten(url, 60)}' {mailto_problem(url)}"
        yield error(source.shown, line, message, "link-mailto", column)
    elif (own_path := _own_site_path(context, parts)) is not None:
        if scheme == "http":
            message = f"link '{shorten(url, 80)}' is not encrypted; use 'https://'"
            yield warning(source.shown, line, message, "link-https", column)
        yield from _site_link(source, context, line, column, url, own_path)
    elif (scheme and scheme not in LINK_SCHEMES) or url.startswith("//"):
        message = f"link '{shorten(url, 80)}' is not encrypted; use 'https://' (check the site offers it)"
        yield warning(source.shown, line, message, "link-https", column)
    elif not scheme and parts.path:
        yield from _site_link(source, context, line, column, url, unquote(parts.path))


def _own_site_path(context: CheckContext, parts: SplitResult) -> str | None:
    """The path from the site's root (``/blog/a-post/``) of a link written with the site's own address
    (``https://<site_url>/blog/a-post/``, any case of the host, ``http:`` too), else ``None``."""
    site = urlsplit(context.project.config.site_url or "")
    if not site.hostname or parts.scheme not in ("http", "https") or parts.hostname != site.hostname:
        return None
    root = site.path if site.path.endswith("/") else site.path + "/"
    path = unquote(parts.path) or "/"
    if not (path + "/").startswith(root):
        return None
    return "/" + path[len(root) :]


def _site_link(
    source: SourceFile, context: CheckContext, line: int, column: int, url: str, path: str
) -> Iterator[Finding]:
    """A link to this site (relative, or with its own address): to a page that exists and readers can reach."""
    problem = _internal_problem(source, context, path)
    if problem:
        yield error(source.shown, line, f"link '{shorten(url, 80)}' {problem}", "link-internal", column)
    elif context.unpublished(source) is None:
        state = _unpublished_target(source, context, path)
        if state:
            message = (
                f"link '{shorten(url, 60)}' leads to a post readers cannot reach yet: {state}; "
                "remove the link until that post is published (then add it back)"
            )
            yield error(source.shown, line, message, "link-unpublished", column)


def _internal_problem(source: SourceFile, context: CheckContext, path: str) -> str | None:
    docs = context.project.docs_dir
    if path.endswith(".md") or posixpath.splitext(path)[1]:
        # A link to a file in docs/: relative to this file, or to docs/ with a leading '/'.
        base = "" if path.startswith("/") else posixpath.dirname(source.docs_path)
        target = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
        if target.startswith("..") or not (docs / target).is_file():
            if path.startswith("/") and context.site_path_exists(path):
                return None
            return "points to a file that does not exist; check the spelling and the '../' steps"
        return None
    # A link to a site address such as '/privacy/' or '../privacy/'.
    if path.startswith("/"):
        url_path = path
    else:
        page_url = context.page_url(source)
        if page_url is None:
            return None
        url_path = posixpath.normpath(posixpath.join(page_url, path))
    if context.site_path_exists(url_path):
        return None
    return "leads to no page of this site; link to the page's Markdown file (e.g. 'privacy.md' with the right '../')"


def _unpublished_target(source: SourceFile, context: CheckContext, path: str) -> str | None:
    """The state of the post ``path`` leads to, when readers cannot reach it (a draft, scheduled); else ``None``."""
    target = _target_file(source, context, path)
    if target is None or not target.is_file():
        return None
    target_source = context.source(target)
    state = context.unpublished(target_source)
    if state is None:
        return None
    if state.startswith("scheduled for "):
        return f"{context.shown(target)} is {state} (it is published that day, when the site is built again)"
    return f"{context.shown(target)} is {state} ('draft: true')"


def _target_file(source: SourceFile, context: CheckContext, path: str) -> Path | None:
    """The Markdown file a link leads to: its file, or a post's address ``/blog/<slug>/``."""
    docs = context.project.docs_dir
    if path.endswith(".md"):
        base = "" if path.startswith("/") else posixpath.dirname(source.docs_path)
        target = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
        return None if target.startswith("..") else docs / target
    page_url = context.page_url(source) or "/"
    url_path = path if path.startswith("/") else posixpath.normpath(posixpath.join(page_url, path))
    slug = url_path.strip("/").removeprefix(context.blog_dir + "/")
    return next((record.path for record in context.posts if record.slug == slug), None)


def _booking(source: SourceFile) -> Iterator[Finding]:
    """Front matter ``booking:``, judged by the build's own check (safe URL, known keys, a label)."""
    setting = source.meta.get("booking", True)
    if not source.is_post or isinstance(setting, bool):
        return
    problem = booking_problem(setting)
    if problem is None:
        return
    key = re.match(r"'(\w+)'", problem)
    line = source.nested_key_line("booking", key.group(1)) if key else source.key_line("booking")
    yield error(source.shown, line, f"front matter 'booking': {problem}", "booking")
