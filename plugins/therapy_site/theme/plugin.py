"""The site's foundation plugin.

Thin by design: it ships our fonts (package data), gives blog posts our post
template, checks the front matter every post needs (description, hero image,
review) into the typed page data, and hands templates that data (``page_data``)
with the latest and related posts (``BlogIndex``, computed once per build).
It also joins our stylesheets into one bundle, adds metric-matched fallback
faces for the fonts, and plans the rebuilds of ``make serve`` (dirty preview).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from therapy_site.assets import add_file, add_stylesheet, add_stylesheet_text, bundle_stylesheets
from therapy_site.data import FONTS_DIR
from therapy_site.front_matter import DESCRIPTION_KEY, description_problem
from therapy_site.material.blog import (
    blog_authors,
    blog_excerpt_separator,
    blog_posts,
    blog_views,
    is_post,
    uses_default_post_template,
)
from therapy_site.material.partials import SITE_STYLESHEETS
from therapy_site.material.scripts import deferred_material_script
from therapy_site.material.styles import palette_to_bundle
from therapy_site.pagedata import Hero, page_data
from therapy_site.practice import practice_from_config
from therapy_site.review import STYLESHEET as REVIEW_STYLESHEET
from therapy_site.review import resolve_review
from therapy_site.sources import front_matter_key_line, read_source
from therapy_site.theme.blog_index import BlogIndex
from therapy_site.theme.font_faces import font_faces_css, web_font_files
from therapy_site.theme.font_fallback import fallback_css
from therapy_site.theme.hero import resolve_hero
from therapy_site.theme.preloads import font_preloads
from therapy_site.theme.preview import (
    BlogLayout,
    DropDirtyWarning,
    Snapshot,
    apply_plan,
    page_outputs,
    plan_rebuild,
    read_skipped_sources,
    remove_stale_pages,
    take_snapshot,
)
from therapy_site.theme.templates import DEFAULT_FOLDER as TEMPLATES_FOLDER
from therapy_site.theme.templates import compiled_templates

log = get_plugin_logger(__name__)


class ThemeConfig(Config):
    # A folder holding fonts/ to ship instead of the package's own (therapy_site/data/fonts).
    assets_dir = c.Optional(c.Type(str))
    post_template = c.Type(str, default="post.html")
    related_posts = c.Type(int, default=3)
    latest_posts = c.Type(int, default=3)
    # Compiled templates, kept between builds (see therapy_site.theme.templates).
    template_cache_dir = c.Type(str, default=TEMPLATES_FOLDER)


class ThemePlugin(BasePlugin[ThemeConfig]):
    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Called once per ``mkdocs serve`` (the instance then lives across rebuilds)."""
        self.preview = command == "serve" and dirty
        self.snapshot: Snapshot | None = None
        self.next_snapshot: Snapshot | None = None
        self.pages: set[str] | None = None  # the pages the last preview build wrote (dest_uri)
        self.next_pages: set[str] = set()
        if self.preview:
            logging.getLogger("mkdocs.commands.build").addFilter(DropDirtyWarning())

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        root = Path(config.config_file_path or ".").parent
        env.bytecode_cache = compiled_templates(root / self.config.template_cache_dir)
        # overrides/main.html loads it with `defer` (see therapy_site.material.scripts); None keeps Material's block.
        env.globals["therapy_material_script"] = deferred_material_script(files, config.extra_javascript)
        env.globals["therapy_font_preloads"] = font_preloads(self.font_files)
        # overrides/main.html links only Material's main sheet when our bundle has its palette; None: Material's block.
        env.globals["therapy_material_stylesheet"] = getattr(self, "material_stylesheet", None)
        return env

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        practice_from_config(config)  # fail early and clearly when the identity is missing
        if self.config.assets_dir:
            self.fonts_dir = Path(config.config_file_path).parent / self.config.assets_dir / "fonts"
        else:
            self.fonts_dir = FONTS_DIR
        if not self.fonts_dir.is_dir():
            raise PluginError(f"therapy-site/theme: no fonts folder at {self.fonts_dir}")
        self.font_files = web_font_files(self.fonts_dir)
        self.blog_index: BlogIndex | None = None
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.blog_index = None  # `mkdocs serve` rebuilds: the posts may have changed

    def index(self, config: MkDocsConfig) -> BlogIndex:
        """The blog's facts for this build, computed on first use (the blog plugin has resolved its posts)."""
        if self.blog_index is None:
            self.blog_index = BlogIndex(blog_posts(config), related_count=self.config.related_posts)
        return self.blog_index

    @event_priority(100)
    def _add_fonts(self, files: Files, *, config: MkDocsConfig) -> Files:
        """First of all plugins, so the font faces lead the stylesheet bundle."""
        for name in self.font_files:
            add_file(files, config, f"assets/fonts/{name}", self.fonts_dir / name)
        add_stylesheet_text(files, config, "fonts.css", font_faces_css(self.fonts_dir))
        add_stylesheet_text(files, config, "font-fallback.css", fallback_css(self.fonts_dir))
        add_stylesheet(files, config, REVIEW_STYLESHEET)
        return files

    @event_priority(-100)
    def _bundle_stylesheets(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Last of all plugins: every feature has registered its stylesheet. Material's palette leads the bundle."""
        for sheet in SITE_STYLESHEETS:  # after every feature's sheet, before the site's own extra_css
            add_stylesheet(files, config, sheet)
        material = palette_to_bundle(files, config.theme)
        leading = [material.palette] if material else []
        bundled = bundle_stylesheets(files, config, leading) is not None
        self.material_stylesheet = material.main if material and bundled else None
        return files

    on_files = CombinedEvent(_add_fonts, _bundle_stylesheets)

    @event_priority(-100)
    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """On a dirty preview, choose the pages an edit can change (after the blog has placed its posts)."""
        if getattr(self, "preview", False):
            views = blog_views(config)
            layout = BlogLayout(
                blog_posts(config), [view for view, _ in views], {id(view): per_page for view, per_page in views}
            )
            current = take_snapshot(files, config, layout.posts, blog_excerpt_separator(config))
            rebuild = plan_rebuild(self.snapshot, current, layout, self.index(config))
            apply_plan(files, rebuild)
            read_skipped_sources(files, config)
            log.info("preview: rebuilding %s", "every page" if rebuild is None else f"{len(rebuild)} page(s)")
            self.next_snapshot = current
            self.next_pages = page_outputs(files)
        return nav

    @event_priority(100)  # before the validation plugin writes the preview's pages for pages with errors
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if getattr(self, "preview", False):
            if self.pages is not None:
                remove_stale_pages(config.site_dir, self.pages, self.next_pages)
            self.snapshot = self.next_snapshot  # only a finished build is the base of the next plan
            self.pages = self.next_pages

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
        index = self.index(config)
        context["page_data"] = page_data(page)
        context["latest_posts"] = index.latest(self.config.latest_posts)
        if is_post(page):
            context["related_posts"] = list(index.related_beyond_neighbours(page))
            context["older_post"], context["newer_post"] = index.neighbours(page)
        return context


__all__ = ["Hero", "ThemePlugin"]
