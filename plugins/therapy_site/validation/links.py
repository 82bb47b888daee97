"""Links: internal targets exist, external links use https, nothing runs script, booking URLs are safe."""

from __future__ import annotations

import difflib
import html as html_lib
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import SplitResult, unquote, urlsplit

from therapy_site.booking.front_matter import booking_problem
from therapy_site.booking.links import mailto_problem, tel_problem
from therapy_site.validation.blocks import render
from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, error, shorten, warning
from therapy_site.validation.markup import links
from therapy_site.validation.source import SourceFile
from therapy_site.validation.urls import UNSAFE_SCHEMES, url_scheme

ANCHOR_ID = re.compile(r"""\s(?:id|name)=["']([^"']+)["']""")
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
    elif scheme == "tel" and tel_problem(url):
        yield error(source.shown, line, f"link '{shorten(url, 60)}' {tel_problem(url)}", "link-tel", column)
    elif (own_path := _own_site_path(context, parts)) is not None:
        if scheme == "http":
            message = f"link '{shorten(url, 80)}' is not encrypted; use 'https://'"
            yield warning(source.shown, line, message, "link-https", column)
        yield from _site_link(source, context, line, column, url, own_path, parts.fragment)
    elif (scheme and scheme not in LINK_SCHEMES) or url.startswith("//"):
        message = f"link '{shorten(url, 80)}' is not encrypted; use 'https://' (check the site offers it)"
        yield warning(source.shown, line, message, "link-https", column)
    elif not scheme and parts.path:
        yield from _site_link(source, context, line, column, url, unquote(parts.path), parts.fragment)
    elif not scheme and parts.fragment:
        yield from _fragment(source, context, line, column, url, source.path, parts.fragment)


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
    source: SourceFile, context: CheckContext, line: int, column: int, url: str, path: str, fragment: str = ""
) -> Iterator[Finding]:
    """A link to this site (relative, or with its own address): to a page that exists and readers can reach."""
    problem = _internal_problem(source, context, path)
    if problem:
        yield error(source.shown, line, f"link '{shorten(url, 80)}' {problem}", "link-internal", column)
        return
    state = _unpublished_target(source, context, path) if context.unpublished(source) is None else None
    if state:
        message = (
            f"link '{shorten(url, 60)}' leads to a post readers cannot reach yet: {state}; "
            "remove the link until that post is published (then add it back)"
        )
        yield error(source.shown, line, message, "link-unpublished", column)
        return
    if fragment:
        yield from _fragment(source, context, line, column, url, _page_file(source, context, path), fragment)


def _fragment(
    source: SourceFile, context: CheckContext, line: int, column: int, url: str, target: Path | None, fragment: str
) -> Iterator[Finding]:
    """A link's ``#part`` must name a heading (or another id) of the page it leads to."""
    wanted = unquote(fragment)
    if target is None or not target.is_file() or wanted == "top" or wanted.startswith("__"):
        return  # the theme's own anchors (#__comments) and #top, which every browser knows
    anchors = _anchors(context, target)
    if wanted in anchors:
        return
    where = "this page" if target.resolve() == source.path.resolve() else context.shown(target)
    close = difflib.get_close_matches(wanted, sorted(anchors), n=1)
    hint = f"did you mean '#{close[0]}'?" if close else "link to the page without it, or to one of its headings"
    message = (
        f"link '{shorten(url, 60)}' leads to '#{shorten(wanted, 40)}', which is no heading of {where} "
        f"(a heading's anchor is its text in lower case, with '-' for spaces); {hint}"
    )
    yield error(source.shown, line, message, "link-anchor", column)


def _anchors(context: CheckContext, target: Path) -> frozenset[str]:
    """The ids a page has once converted as the build converts it (headings, ``{#id}``, blocks)."""
    key = target.resolve()
    if key not in context.page_anchors:
        page = context.source(target)
        html = "" if page.read_error or page.meta_error else render(page, context).html
        context.page_anchors[key] = frozenset(html_lib.unescape(found) for found in ANCHOR_ID.findall(html))
    return context.page_anchors[key]


def _page_file(source: SourceFile, context: CheckContext, path: str) -> Path | None:
    """The Markdown file of this site a link's path leads to (its file, or its page's address), if any."""
    if path.endswith(".md"):
        return _target_file(source, context, path)
    url_path = _url_path(source, context, path) or "/"
    url_path = "/" + url_path.strip("/") + "/" if url_path.strip("/") else "/"
    pages = context.pages_at(url_path)
    return pages[0].path if pages and not _is_listing(context, pages[0].path) else None


def _is_listing(context: CheckContext, path: Path) -> bool:
    """The blog's index shows other pages' excerpts: its anchors are not in its own Markdown."""
    return path.resolve() == (context.project.docs_dir / context.blog_dir / "index.md").resolve()


QUOTES = "\"'“”‘’«»"


def _internal_problem(source: SourceFile, context: CheckContext, path: str) -> str | None:
    docs = context.project.docs_dir
    if path[:1] in QUOTES:
        # '[the NHS](“https://www.nhs.uk/”)': a word processor's quotation marks make the address a page name.
        return "is wrapped in quotation marks, so it is read as a page of this site: remove the quotation marks"
    if path.endswith(".md") or posixpath.splitext(path)[1]:
        # A link to a file in docs/: relative to this file, or to docs/ with a leading '/'.
        target = _docs_path(source, path)
        if target.startswith("..") or not (docs / target).is_file():
            if path.startswith("/") and context.site_path_exists(path):
                return None
            return "points to a file that does not exist; check the spelling and the '../' steps"
        return None
    # A link to a site address such as '/privacy/' or '../privacy/'.
    url_path = _url_path(source, context, path)
    if url_path is None or context.site_path_exists(url_path):
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


def _docs_path(source: SourceFile, path: str) -> str:
    """A link to a file, as a path in docs/: relative to this file, or to docs/ with a leading '/'."""
    base = "" if path.startswith("/") else posixpath.dirname(source.docs_path)
    return posixpath.normpath(posixpath.join(base, path.lstrip("/")))


def _url_path(source: SourceFile, context: CheckContext, path: str) -> str | None:
    """A link's path as a path from the site's root: as written when it starts with '/', else resolved against
    this page's address (``None`` when that address is unknown)."""
    if path.startswith("/"):
        return path
    page_url = context.page_url(source)
    return None if page_url is None else posixpath.normpath(posixpath.join(page_url, path))


def _target_file(source: SourceFile, context: CheckContext, path: str) -> Path | None:
    """The Markdown file a link leads to: its file, or a post's address ``/blog/<slug>/``."""
    docs = context.project.docs_dir
    if path.endswith(".md"):
        target = _docs_path(source, path)
        return None if target.startswith("..") else docs / target
    url_path = _url_path(source, context, path) or "/"
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
