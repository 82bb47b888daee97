"""Where the site's pages and posts will be: their web addresses, the posts' slugs, which posts readers reach.

What is Material's blog (post URLs, its generated views) is asked of
:class:`therapy_site.material.blog.BlogSettings`; the rest is MkDocs' own file-to-URL rule.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File

from therapy_site.dates import as_date
from therapy_site.validation.files import content_files
from therapy_site.validation.source import SourceFile

if TYPE_CHECKING:
    from therapy_site.project import Project

# Files the build writes that no source names (a link to them is not broken).
GENERATED_FILES = frozenset(
    {"sitemap.xml", "sitemap.xml.gz", "404.html", "feed_rss_created.xml", "feed_rss_updated.xml", "search"}
)


@dataclass
class PageRecord:
    path: Path  # resolved
    shown: str
    url: str
    is_post: bool


@dataclass
class PostRecord:
    path: Path  # resolved
    shown: str
    slug: str
    slug_line: int


class SiteAddresses:
    """The addresses of ``project``'s pages, reading each source through ``source`` (read once per run)."""

    def __init__(self, project: Project, source: Callable[[Path], SourceFile]) -> None:
        self.project = project
        self.source = source
        self.posts = self._read_posts()
        self._pages: list[PageRecord] | None = None

    @property
    def blog_dir(self) -> str:
        return self.project.blog.url_dir

    def post_slug(self, source: SourceFile) -> str | None:
        return self.project.blog.post_slug(source.meta)

    def unpublished(self, source: SourceFile) -> str | None:
        """Why readers cannot reach ``source`` (a post): "a draft", "scheduled for 2026-03-01"; else ``None``."""
        if not source.is_post or source.read_error or source.meta_error:
            return None
        if source.meta.get("draft") is True:
            return "a draft"
        raw = source.meta.get("date")
        created = as_date(raw.get("created") if isinstance(raw, dict) else raw)
        if created is not None and created > date.today() and self.project.blog.future_is_draft:
            return f"scheduled for {created.isoformat()}"
        return None

    def _read_posts(self) -> list[PostRecord]:
        records = []
        for entry in content_files(self.project.posts_dir):
            if entry.problem is not None or entry.skipped:
                continue
            source = self.source(entry.path)
            slug = self.post_slug(source)
            if slug and isinstance(slug, str):
                records.append(PostRecord(entry.path.resolve(), source.shown, slug, source.key_line("slug")))
        return records

    def pages_at(self, url: str) -> list[PageRecord]:
        """The readable pages and posts whose web address is ``url``."""
        if self._pages is None:
            self._pages = []
            for entry in content_files(self.project.docs_dir):
                if entry.problem is not None or entry.skipped:
                    continue
                source = self.source(entry.path)
                if source.read_error or source.meta_error:
                    continue
                page_url = self.page_url(source)
                if page_url is not None:
                    self._pages.append(PageRecord(entry.path.resolve(), source.shown, page_url, source.is_post))
        return [page for page in self._pages if page.url == url]

    def page_url(self, source: SourceFile) -> str | None:
        """The page's URL path (``/about/``), or ``None`` when we cannot know it."""
        if source.is_post:
            return self.project.blog.post_url(self.post_slug(source))
        config = self.project.config
        file = File(source.docs_path, str(self.project.docs_dir), config.site_dir, config.use_directory_urls)
        return "/" + file.url.lstrip("./")

    def site_path_exists(self, url_path: str) -> bool:
        """Whether a site URL path such as ``/privacy/`` or ``/blog/my-post/`` will exist after the build."""
        path = posixpath.normpath(url_path).strip("/")
        if path in ("", "."):
            return True
        docs = self.project.docs_dir
        if (docs / path).is_file():
            return True
        if any((docs / candidate).is_file() for candidate in (f"{path}.md", f"{path}/index.md", f"{path}/README.md")):
            return True
        if path in GENERATED_FILES:
            return True
        return self.project.blog.view_exists(path, (record.slug for record in self.posts))
