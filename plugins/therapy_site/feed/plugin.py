"""MkDocs plugin ``therapy-site/feed``: the build's date in the sitemap and feeds, each post's feed date.

* ``on_config`` computes the build date for this build (``mkdocs serve``
  recomputes it on every rebuild); nothing is written to the environment.
* Templates get the date as ``therapy_build_date`` (the footer's copyright year).
* Every page's ``update_date`` (MkDocs' sitemap ``lastmod`` and the gzip
  timestamp) is that date.
* mkdocs-rss-plugin stamps its channels with the build time when it sets them up
  in its ``on_config``; just before it writes the feeds (its ``on_post_build``) we
  give both channels the build date and every post its "updated" date: the
  post's own ``date.updated``, else its creation date, never the build time. The
  date is kept in the page data (:attr:`therapy_site.pagedata.PageData.feed_updated`).
"""

from __future__ import annotations

from datetime import datetime
from email.utils import formatdate
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from therapy_site.feed.dates import build_date
from therapy_site.material.blog import is_post, post_created, post_updated
from therapy_site.pagedata import page_data

log = get_plugin_logger(__name__)
RSS_PLUGIN = "rss"


class FeedPlugin(BasePlugin):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.build_date = build_date(Path(config.docs_dir))
        self.post_updates: dict[Path, datetime] = {}
        return config

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Templates see the build date as ``therapy_build_date`` (the footer's copyright year)."""
        env.globals["therapy_build_date"] = self.build_date
        return env

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        page.update_date = self.build_date.strftime("%Y-%m-%d")
        return page

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if is_post(page):
            updated = post_updated(page) or post_created(page)
            page_data(page).feed_updated = updated
            self.post_updates[Path(page.file.abs_src_path)] = updated
        return markdown

    @event_priority(100)  # before mkdocs-rss-plugin writes the feeds
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        rss: Any = config.plugins.get(RSS_PLUGIN)
        if rss is None:
            return
        stamp = formatdate(int(self.build_date.timestamp()))
        for feed in (getattr(rss, "feed_created", None), getattr(rss, "feed_updated", None)):
            if feed is not None:
                feed.buildDate = feed.pubDate = stamp
        for entry in getattr(rss, "pages_to_filter", []):
            updated = self.post_updates.get(Path(entry.abs_path)) if entry.abs_path else None
            if updated is not None:
                entry.updated = updated
