"""Fast, correct previews: on ``make serve``, rebuild only the pages an edit can change.

MkDocs' dirty serve (``mkdocs serve --dirty``) re-renders only sources newer than
their output. Alone, that leaves Material's blog listings without the edited
post's new title or excerpt, and other posts' related and neighbour links with
its old title. Here, after every rebuild, we remember each source's
modification time and, per post, what other pages show of it; on the next
rebuild we compare and choose the pages to render again:

* a changed page, and nothing else, when what others show of it is unchanged;
* for a post whose title, description or excerpt changed: the listing pages
  (blog index, archive, category, author pages, at the pagination page where
  the post sits) and the posts on those pages (their excerpts are rendered
  from them);
* for a post whose title changed: also the posts that list it as related or
  as a neighbour, and the pages outside the blog (the home page's latest posts);
* everything, when a post appears, disappears or moves (date, categories, slug,
  authors, draft, pin), or a template, asset or ``mkdocs.yml`` changed; the pages
  an earlier build wrote and this one has not are deleted (a removed or renamed
  post gives 404 at its old address).

The plan works on MkDocs' ``File.is_modified``, the hook its dirty build asks. The pages it skips are
still read (not rendered), so the pages it renders show their titles (MkDocs gives an unread page none).
Material's search plugin keeps its index across dirty rebuilds itself.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

from therapy_site.material.blog import paginate
from therapy_site.theme.blog_index import BlogIndex

DIRTY_WARNING = "A 'dirty' build is being performed"
PLACING_KEYS = ("date", "categories", "slug", "authors", "draft", "pin", "links")
LISTED_KEYS = ("title", "description", "readtime")


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PostFacts:
    """What pages other than the post itself show of it, as digests."""

    placing: str  # where it is listed: date, categories, slug, authors, draft, pin
    listed: str  # what listings show: title, description, excerpt
    title: str  # what related and neighbour links show


def post_facts(post: Any, separator: str) -> PostFacts:
    meta = dict(getattr(post, "meta", {}) or {})
    excerpt = str(getattr(post, "markdown", "") or "").split(separator, 1)[0]
    return PostFacts(
        placing=_digest({key: meta.get(key) for key in PLACING_KEYS}),
        listed=_digest([{key: meta.get(key) for key in LISTED_KEYS}, excerpt]),
        title=_digest(meta.get("title")),
    )


@dataclass
class Snapshot:
    """One build's view of the sources: modification times, watched files, post facts."""

    sources: dict[str, tuple[int, int]] = field(default_factory=dict)
    watched: dict[str, tuple[int, int]] = field(default_factory=dict)
    posts: dict[str, PostFacts] = field(default_factory=dict)


def _stamp(path: str | Path) -> tuple[int, int]:
    try:
        status = Path(path).stat()
    except OSError:
        return (-1, -1)
    return (status.st_mtime_ns, status.st_size)


def watched_files(config: Any) -> Iterator[Path]:
    """Files outside ``docs/`` that change every page: mkdocs.yml, template overrides, watched folders."""
    if config.config_file_path:
        yield Path(config.config_file_path)
    folders = [config.theme.custom_dir] if config.theme.custom_dir else []
    folders += list(config.watch or [])
    for folder in folders:
        root = Path(folder)
        if root.is_file():
            yield root
        elif root.is_dir():
            yield from sorted(path for path in root.rglob("*") if path.is_file())


def source_files(files: Files) -> list[File]:
    """Markdown sources from ``docs/`` (not the listing pages the blog plugin generates)."""
    return [file for file in files.documentation_pages() if not file.generated_by and file.abs_src_path]


def take_snapshot(files: Files, config: Any, posts: Iterable[Any], separator: str) -> Snapshot:
    return Snapshot(
        sources={file.src_uri: _stamp(file.abs_src_path) for file in source_files(files)},
        watched={str(path): _stamp(path) for path in watched_files(config)},
        posts={post.file.src_uri: post_facts(post, separator) for post in posts},
    )


@dataclass
class BlogLayout:
    """Where Material's blog shows each post: its views (listing pages) and their pagination."""

    posts: list[Any]
    views: list[Any]  # each with .posts (newest first) and .pages (pagination pages, the view first)
    per_page: dict[int, int]  # id(view) -> posts per pagination page (0: no pagination)


def listing_pages(layout: BlogLayout, post: Any) -> list[tuple[Any, list[Any]]]:
    """The listing pages that show ``post``, each with the posts it shows."""
    found = []
    for view in layout.views:
        step = layout.per_page.get(id(view), 0)
        pages = list(getattr(view, "pages", None) or [view])
        for number, shown in enumerate(paginate(list(view.posts), step)):
            if any(other is post for other in shown):
                found.append((pages[number] if step > 0 and number < len(pages) else view, shown))
                break
    return found


def plan_rebuild(previous: Snapshot | None, current: Snapshot, layout: BlogLayout, index: BlogIndex) -> set[str] | None:
    """Source paths (``src_uri``) to render again, or ``None`` for a full rebuild."""
    if previous is None or previous.watched != current.watched:
        return None
    if set(previous.sources) != set(current.sources) or set(previous.posts) != set(current.posts):
        return None  # a page or post appeared or disappeared: navigation and listings change
    changed = {uri for uri, stamp in current.sources.items() if previous.sources[uri] != stamp}
    posts_by_uri = {post.file.src_uri: post for post in layout.posts}
    blog_sources = {view.file.src_uri for view in layout.views if not view.file.generated_by}
    rebuild = set(changed)
    for uri in changed:
        if uri in blog_sources:
            return None  # the blog index page itself: every listing shows it
        if uri not in posts_by_uri:
            continue
        before, after = previous.posts[uri], current.posts[uri]
        if before.placing != after.placing:
            return None
        post = posts_by_uri[uri]
        if before.listed != after.listed:
            for page, shown in listing_pages(layout, post):
                rebuild.add(page.file.src_uri)
                rebuild.update(other.file.src_uri for other in shown)
        if before.title != after.title:
            shown = index.related_beyond_neighbours
            others = [other for other in layout.posts if any(rel is post for rel in shown(other))]
            others += [other for other in index.neighbours(post) if other is not None]
            rebuild.update(other.file.src_uri for other in others)
            rebuild.update(uri for uri in current.sources if uri not in posts_by_uri)  # latest posts
            for page, shown in listing_pages(layout, post):  # titles are in the listings too
                rebuild.add(page.file.src_uri)
                rebuild.update(other.file.src_uri for other in shown)
    return rebuild


def apply_plan(files: Files, rebuild: set[str] | None) -> None:
    """Tell MkDocs' dirty build what to render: exactly ``rebuild``, or every page when ``None``."""
    for file in files.documentation_pages():
        modified = rebuild is None or file.src_uri in rebuild
        file.is_modified = (lambda value: lambda: value)(modified)  # type: ignore[method-assign]


def read_skipped_sources(files: Files, config: Any) -> None:
    """Read the source (front matter and Markdown, not rendered) of each page the dirty build skips.

    MkDocs reads a page only when it renders it, and a page never read has no title (``None``).
    The pages that are rendered still show the others' titles: the blog's category, archive and
    author pages in a post's category label, breadcrumbs, sidebar and structured data, the blog
    index in breadcrumbs, every page in the navigation. Reading is cheap (no Markdown rendering).
    """
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.markdown is None and not file.is_modified():
            page.read_source(config)


def page_outputs(files: Files) -> set[str]:
    """The output path (``dest_uri``) of every page this build has: posts, listings, the other pages."""
    return {file.dest_uri for file in files.documentation_pages()}


def remove_stale_pages(site_dir: str | Path, previous: set[str], current: set[str]) -> None:
    """Delete the pages an earlier preview build wrote and this one has not: a deleted or renamed post
    (or one left out for its errors) is no longer served at its old address (MkDocs' dirty build keeps it)."""
    for dest_uri in sorted(previous - current):
        Path(site_dir, dest_uri).unlink(missing_ok=True)


class DropDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build; under ``strict`` that warning would fail each preview."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.getMessage()).startswith(DIRTY_WARNING)
