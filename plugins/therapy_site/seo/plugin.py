"""The ``therapy-site/seo`` plugin: sitemap ``lastmod``, ``robots.txt``, images drawn from heroes, feed repairs.

Thin glue over :mod:`therapy_site.seo.lastmod`, :mod:`~therapy_site.seo.hero_images` and
:mod:`~therapy_site.seo.feeds`. Listed after ``rss`` in ``mkdocs.yml`` so that its ``on_post_build``
finds the feeds written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from therapy_site.assets import add_stylesheet
from therapy_site.imaging.batch import DrawsWhileBuilding, ImageBatch
from therapy_site.imaging.cache import ImageCache
from therapy_site.material.blog import is_listing, is_post, listing_posts, post_created, post_updated
from therapy_site.material.escaping import plain
from therapy_site.pagedata import page_data
from therapy_site.practice import practice_from_config
from therapy_site.seo.feeds import FeedImage, FeedText, externalize_feed_style, rewrite_json_feed, rewrite_rss
from therapy_site.seo.lastmod import GitDates, front_matter_date, newest, post_date, sitemap_date
from therapy_site.seo.robots import robots_txt
from therapy_site.seo.social import hero_images_of, mime_of

log = get_plugin_logger(__name__)


class SeoConfig(Config):
    cache = c.Type(bool, default=True)
    cache_dir = c.Type(str, default=".cache/therapy-site/hero-images")
    workers = c.Type(int, default=4)
    git_dates = c.Type(bool, default=True)  # sitemap: last git commit of pages without a front-matter date
    feeds = c.Type(bool, default=True)  # repair the rss plugin's feeds (dc:creator, images, language)


class SeoPlugin(DrawsWhileBuilding, BasePlugin[SeoConfig]):
    batch_attribute = "hero_images"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).parent
        self.docs_dir = Path(config.docs_dir)
        self.practice = practice_from_config(config)
        self.language = str(config.theme.get("language") or "en")
        self.cache = ImageCache(self.root / self.config.cache_dir, enabled=self.config.cache)
        # Drawn in worker processes from the first post on, while the build goes on (no renderer: Pillow only).
        self.hero_images = ImageBatch(None, self.cache, self.shared_workers(config))
        self.feed_images: dict[str, str] = {}  # post URL -> share image site path
        self.feed_texts: dict[str, FeedText] = {}  # post URL -> its title and description, as the author wrote them
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        add_stylesheet(files, config, Path(__file__).with_name("breadcrumbs.css"))
        if files.get_file_from_path("robots.txt") is None:
            files.append(File.generated(config, "robots.txt", content=robots_txt(config.site_url)))
        return files

    # -- sitemap -----------------------------------------------------------------------------------------------

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page's own date, before MkDocs renders ``sitemap.xml`` (static templates come before pages)."""
        git = GitDates(self.root) if self.config.git_dates else None
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        dates = [(page, sitemap_date(self.lastmod(page, page.file.abs_src_path, git, config))) for page in pages]
        if not any(value for _, value in dates):
            # MkDocs dates sitemap.xml.gz by the newest page and fails when none has a date; keep its default.
            log.info("sitemap: no page has a date (posts, front matter or git); lastmod left as MkDocs sets it")
            return env
        for page, value in dates:
            page.update_date = value
        return env

    def lastmod(self, page: Page, source: str | None, git: GitDates | None, config: MkDocsConfig) -> date | None:
        if is_post(page):
            return post_date(post_created(page), post_updated(page))
        if is_listing(page):
            return newest(post_date(post_created(post), post_updated(post)) for post in listing_posts(page, config))
        found = front_matter_date(page.meta or {})
        if found is None and git is not None and source:
            found = git.last_commit(Path(source))
        return found

    # -- images ------------------------------------------------------------------------------------------------

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        heroes = hero_images_of(page_data(page), self.docs_dir)  # the theme plugin read the hero before this
        if heroes is not None:
            self.hero_images.add(heroes)
        return html

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        data = page_data(page)
        if is_post(page) and data.social_image is not None and page.canonical_url:
            self.feed_images[page.canonical_url] = data.social_image.src.lstrip("/")
        if is_post(page) and page.canonical_url:
            title = plain(page.meta.get("title")) or plain(page.title)
            self.feed_texts[page.canonical_url] = FeedText(title, plain(page.meta.get("description")))
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.render_hero_images(Path(config.site_dir))
        if self.config.feeds:
            self.repair_feeds(config)

    def render_hero_images(self, site: Path) -> None:
        drawn, cached = self.hero_images.publish(site)
        log.info(f"hero images: {drawn} drawn, {cached} from cache")

    # -- feeds -------------------------------------------------------------------------------------------------

    def repair_feeds(self, config: MkDocsConfig) -> None:
        rss = config.plugins.get("rss")
        if rss is None or not getattr(rss.config, "enabled", True):
            return
        site = Path(config.site_dir)
        site_url = config.site_url.rstrip("/") + "/"
        images: dict[str, FeedImage] = {}
        for url, site_path in self.feed_images.items():
            path = site / site_path
            if path.is_file():
                images[url] = FeedImage(site_url + site_path, mime_of(site_path), path.stat().st_size)
        names = rss.config.feeds_filenames
        for name in (names.rss_created, names.rss_updated):
            if rss.config.rss_feed_enabled and (site / name).is_file():
                rewrite_rss(site / name, images, self.language, self.practice.email)
        logo = self.practice.logo
        icon = site_url + logo.lstrip("/") if logo and (site / logo.lstrip("/")).is_file() else ""
        for name in (names.json_created, names.json_updated):
            if rss.config.json_feed_enabled and (site / name).is_file():
                rewrite_json_feed(site / name, images, self.language, self.feed_texts, icon)
        externalize_feed_style(site)
