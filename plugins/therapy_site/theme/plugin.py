"""The site's foundation plugin.

Thin by design: it ships our fonts, gives blog posts our post template,
resolves each post's hero image (size read from the file, alt text required)
and hands templates the latest and related posts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from therapy_site.assets import add_file, add_stylesheet
from therapy_site.material.blog import (
    blog_posts,
    is_post,
    post_created,
    post_updated,
    uses_default_post_template,
)
from therapy_site.practice import practice_from_config
from therapy_site.theme.build_date import pin_build_date
from therapy_site.theme.hero import Hero, resolve_hero
from therapy_site.theme.posts import latest_posts, neighbour_posts, related_posts

log = get_plugin_logger(__name__)
PACKAGE_DIR = Path(__file__).parent


class ThemeConfig(Config):
    assets_dir = c.Type(str, default="assets")
    post_template = c.Type(str, default="post.html")
    related_posts = c.Type(int, default=3)
    latest_posts = c.Type(int, default=3)


class ThemePlugin(BasePlugin[ThemeConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        practice_from_config(config)  # fail early and clearly when the identity is missing
        self.assets_dir = Path(config.config_file_path).parent / self.config.assets_dir
        if not (self.assets_dir / "fonts").is_dir():
            raise PluginError(f"therapy-site/theme: no fonts folder at {self.assets_dir / 'fonts'}")
        pin_build_date(Path(config.docs_dir))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for font in sorted((self.assets_dir / "fonts").glob("*.woff2")):
            add_file(files, config, f"assets/fonts/{font.name}", font)
        add_stylesheet(files, config, PACKAGE_DIR / "fonts.css")
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if is_post(page):
            if uses_default_post_template(page):
                page.meta["template"] = self.config.post_template
            # The feed's "updated" date: the post's own, else its creation date (never the build time).
            page.meta["feed_updated"] = post_updated(page) or post_created(page)
        hero = resolve_hero(page, config)
        if hero is not None:
            page.meta["hero_image"] = hero
        return markdown

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        posts = blog_posts(config)
        context["latest_posts"] = latest_posts(posts, self.config.latest_posts)
        if is_post(page):
            context["related_posts"] = related_posts(page, self.config.related_posts)
            context["older_post"], context["newer_post"] = neighbour_posts(posts, page)
        return context


__all__ = ["Hero", "ThemePlugin"]
