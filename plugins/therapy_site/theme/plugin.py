"""The site's foundation plugin.

Thin by design: it ships our fonts (package data), gives blog posts our post
template, checks the front matter every post needs (description, hero image,
review) into the typed page data, and hands templates that data (``page_data``)
with the latest and related posts.
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
from therapy_site.data import FONTS_DIR
from therapy_site.front_matter import DESCRIPTION_KEY, description_problem
from therapy_site.material.blog import blog_authors, blog_posts, is_post, uses_default_post_template
from therapy_site.pagedata import Hero, page_data
from therapy_site.practice import practice_from_config
from therapy_site.review import STYLESHEET as REVIEW_STYLESHEET
from therapy_site.review import resolve_review
from therapy_site.sources import front_matter_key_line, read_source
from therapy_site.theme.hero import resolve_hero
from therapy_site.theme.posts import latest_posts, neighbour_posts, related_posts

log = get_plugin_logger(__name__)
PACKAGE_DIR = Path(__file__).parent


class ThemeConfig(Config):
    # A folder holding fonts/ to ship instead of the package's own (therapy_site/data/fonts).
    assets_dir = c.Optional(c.Type(str))
    post_template = c.Type(str, default="post.html")
    related_posts = c.Type(int, default=3)
    latest_posts = c.Type(int, default=3)


class ThemePlugin(BasePlugin[ThemeConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        practice_from_config(config)  # fail early and clearly when the identity is missing
        if self.config.assets_dir:
            self.fonts_dir = Path(config.config_file_path).parent / self.config.assets_dir / "fonts"
        else:
            self.fonts_dir = FONTS_DIR
        if not self.fonts_dir.is_dir():
            raise PluginError(f"therapy-site/theme: no fonts folder at {self.fonts_dir}")
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for font in sorted(self.fonts_dir.glob("*.woff2")):
            add_file(files, config, f"assets/fonts/{font.name}", font)
        add_stylesheet(files, config, PACKAGE_DIR / "fonts.css")
        add_stylesheet(files, config, REVIEW_STYLESHEET)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        post = is_post(page)
        problem = description_problem(page.meta, is_post=post)
        if problem:
            line = front_matter_key_line(read_source(page.file.abs_src_path), DESCRIPTION_KEY)
            raise PluginError(f"{page.file.src_path}:{line}: {problem}")
        if post and uses_default_post_template(page):
            page.meta["template"] = self.config.post_template
        data = page_data(page)
        data.hero = resolve_hero(page, config)
        data.review = resolve_review(page, blog_authors(config), is_post=post)
        return markdown

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        posts = blog_posts(config)
        context["page_data"] = page_data(page)
        context["latest_posts"] = latest_posts(posts, self.config.latest_posts)
        if is_post(page):
            context["related_posts"] = related_posts(page, self.config.related_posts)
            context["older_post"], context["newer_post"] = neighbour_posts(posts, page)
        return context


__all__ = ["Hero", "ThemePlugin"]
