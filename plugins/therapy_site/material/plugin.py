"""The ``therapy-site/material`` MkDocs plugin: our partials on the theme's path, Material's markup repaired.

* ``on_config`` puts ``templates/`` on the theme's search path after the
  site's ``custom_dir`` (``overrides/`` still wins) and before Material's own
  folder, so our copies of ``partials/header.html``, ``search.html``, ``post.html``
  and ``toc.html`` replace Material's;
* ``on_config`` makes Material's blog read posts' front matter with libyaml (:mod:`.posts`);
* ``on_nav`` and ``on_page_markdown`` escape authors' titles, descriptions and subtitles for every
  place Material prints them (:mod:`.escaping`), whichever other plugins are enabled;
* ``on_page_markdown`` makes each post's excerpt a :class:`.excerpts.TrimmedExcerpt`
  (listing pages convert only the Markdown before the separator; ``trim_excerpts: false``
  keeps Material's own rendering);
* ``on_page_context`` leaves a one-page listing without Material's pager (its ``<nav>`` was empty);
* ``on_post_page``/``on_post_template`` make the repairs of :mod:`.repairs`,
  before ``therapy-site/security`` hashes the page's scripts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from therapy_site.material.blog import BLOG_PLUGIN, is_listing, listing_pages
from therapy_site.material.editor import MarkupEditError
from therapy_site.material.escaping import escape_meta
from therapy_site.material.excerpts import trim_excerpt
from therapy_site.material.partials import TEMPLATES_DIR
from therapy_site.material.posts import read_posts_with_libyaml
from therapy_site.material.repairs import RepairContext, repair_material_markup

log = get_plugin_logger(__name__)

# Material's own translation of the skip link, for pages where Material writes none.
SKIP_TEXT_TEMPLATE = '{% import "partials/language.html" as lang with context %}{{ lang.t("action.skip") }}'


class MaterialConfig(Config):
    repair_markup = c.Type(bool, default=True)
    post_sidebar_label = c.Type(str, default="Article details")
    trim_excerpts = c.Type(bool, default=True)


def add_templates_dir(theme: Any, templates_dir: Path = TEMPLATES_DIR) -> None:
    """Insert ``templates_dir`` into ``theme.dirs`` right after the custom_dir (first when there is none)."""
    folder = str(templates_dir)
    if folder in theme.dirs:
        return
    position = 1 if theme.custom_dir else 0
    theme.dirs.insert(position, folder)


class MaterialPlugin(BasePlugin[MaterialConfig]):
    def __init__(self) -> None:
        self.skip_text = "Skip to content"

    @event_priority(100)  # before Material's search plugin reads the language's template (ours for en-GB)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.theme.name != "material":
            raise PluginError(f"therapy-site/material: needs theme 'material' (mkdocs.yml has '{config.theme.name}')")
        add_templates_dir(config.theme)
        blog = config.plugins.get(BLOG_PLUGIN)
        if blog is not None:
            read_posts_with_libyaml(blog)  # before the blog's on_files reads the posts
        return config

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self.skip_text = " ".join(env.from_string(SKIP_TEXT_TEMPLATE).render(config=config).split())
        return env

    @event_priority(-100)  # after Material's blog made its posts (in on_files), before anything renders
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Authors' titles and descriptions, escaped for every place Material prints them (:mod:`.escaping`)."""
        for file in files.documentation_pages():
            page = file.page
            if page is not None and page.meta:
                escape_meta(page.meta)
        return nav

    @event_priority(100)
    def _escape_page_meta(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        escape_meta(page.meta)  # pages read their front matter again just before this event
        return markdown

    # After Material's blog (-50), which gives each post its excerpt here.
    @event_priority(-60)
    def _trim_excerpt(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.config.trim_excerpts:
            trim_excerpt(page)
        return markdown

    on_page_markdown = CombinedEvent(_escape_page_meta, _trim_excerpt)

    def _repair(self, output: str, name: str, listing: bool) -> str:
        if not self.config.repair_markup:
            return output
        context = RepairContext(listing, self.skip_text, self.config.post_sidebar_label)
        try:
            return repair_material_markup(output, context)
        except MarkupEditError as error:
            log.warning(f"{name}: Material's markup left unrepaired ({error}); report this with the Material version")
            return output

    @event_priority(-110)  # after Material's blog (-100) gave a listing its pager
    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        """A listing of one page has no pages to move between: no pager, so no empty pagination landmark."""
        if is_listing(page) and listing_pages(page) < 2:
            context["pagination"] = None
        return context

    # After the other plugins' page output, before therapy-site/security (-100) hashes the page's scripts.
    @event_priority(-50)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self._repair(output, page.file.src_uri, is_listing(page))

    @event_priority(-50)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """Theme pages rendered without a Markdown source, such as ``404.html``."""
        if not template_name.endswith(".html"):
            return output_content
        return self._repair(output_content, template_name, listing=False)
