"""MkDocs side of booking calls to action.

* hands the ``/// booking`` extension declared in ``mkdocs.yml`` (``therapy_site.booking``
  with the site-wide defaults: heading, text, button, url, utm, contact, urgent)
  a page session, and checks those defaults before any page is rendered;
* appends a ``/// booking`` block to every blog post that has none, unless its
  front matter says ``booking: false``; a ``booking:`` mapping (heading, text,
  button, url, variant) overrides the defaults for that post;
* gives templates ``therapy_booking_header``, the header button that therapy-site/material's
  header partial shows;
* reports every problem as ``file:line`` so that ``mkdocs build --strict`` fails.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from therapy_site.assets import add_stylesheet
from therapy_site.booking.extension import NAME, BookingExtension, check_variant
from therapy_site.booking.front_matter import BOOKING_KEY, booking_problem
from therapy_site.booking.links import check_cta_url, check_label, is_external, with_utm
from therapy_site.material.blog import is_post
from therapy_site.reporting import PageSession, validation_reports
from therapy_site.sources import SourceMap, front_matter_key_line, read_source
from therapy_site.wiring import configured_extension

log = get_plugin_logger(__name__)
STYLESHEET = Path(__file__).with_name("booking.css")
FRONT_MATTER_KEY = BOOKING_KEY
PLUGIN = "therapy-site/booking"
EXTENSION = "therapy_site.booking"


class BookingConfig(Config):
    auto_end_of_post = c.Type(bool, default=True)
    header_button = c.Type(bool, default=True)
    header_button_label = c.Type(str, default="Book a session")
    # A docs page the header button opens (the site's Book page); empty: the booking URL itself.
    header_button_page = c.Type(str, default="book.md")


class BookingPlugin(BasePlugin[BookingConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.header_button and "therapy-site/material" not in config.plugins:
            raise PluginError(
                "mkdocs.yml: therapy-site/booking: header_button needs the therapy-site/material plugin "
                "(its header partial shows the button); add it to plugins or set header_button: false"
            )
        self.session = PageSession(log, logs=not validation_reports(config))
        self.extension = configured_extension(
            config,
            name=EXTENSION,
            extension_class=BookingExtension,
            plugin=PLUGIN,
            reporter=self.session.report,
            collector=self.session.collect,
        )
        self.url = self._checked("url", self.extension.getConfig("url"))
        self._checked("button", self.extension.getConfig("button"), check_label)
        self._checked("variant", self.extension.getConfig("variant"), check_variant)
        try:
            check_label(self.config.header_button_label)
        except ValueError as error:
            raise PluginError(f"mkdocs.yml: plugins: {PLUGIN}: header_button_label {error}") from error
        self.utm = dict(self.extension.getConfig("utm") or {})
        self.urgent_page = str((self.extension.getConfig("urgent") or {}).get("url") or "")
        return config

    def _checked(self, option: str, value: Any, check: Any = check_cta_url) -> str:
        """Check a site-wide setting of the extension; a bad one stops the build before any page is rendered."""
        try:
            return check(value)
        except ValueError as error:
            raise PluginError(f"mkdocs.yml: markdown_extensions: {EXTENSION}: {option} {error}") from error

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        add_stylesheet(files, config, STYLESHEET)
        self.header = self._header_button(files)
        if self.urgent_page:
            site_path = urlsplit(config.site_url or "/").path or "/"
            page = self.urgent_page.removeprefix(site_path.rstrip("/")).strip("/") + "/"
            pages = {file.url.strip("/") + "/" for file in files.documentation_pages()}
            if page not in pages:
                raise PluginError(
                    f"mkdocs.yml: markdown_extensions: {EXTENSION}: urgent: url '{self.urgent_page}' is not a page "
                    "of this site; every booking call to action links to it"
                )
        return files

    def _header_button(self, files: Files) -> dict[str, Any] | None:
        if not self.config.header_button:
            return None
        page = self.config.header_button_page.strip()
        if page:
            file = files.get_file_from_path(page)
            if file is None or not file.is_documentation_page():
                raise PluginError(
                    f"mkdocs.yml: therapy-site/booking: header_button_page '{page}' is not a page in docs/; "
                    "name an existing page such as 'book.md', or '' to link to the booking URL"
                )
            return {"label": self.config.header_button_label, "href": file.url, "external": False}
        url = with_utm(self.url, self.utm)
        return {"label": self.config.header_button_label, "href": url, "external": is_external(url)}

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["therapy_booking_header"] = self.header
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.session.start(page)
        if not (self.config.auto_end_of_post and is_post(page)):
            return markdown
        overrides = self._post_overrides(page)
        if overrides is None or SourceMap(markdown, front_matter=False).blocks_named(NAME):
            return markdown
        return markdown.rstrip() + "\n\n" + booking_block_markdown(overrides) + "\n"

    def _post_overrides(self, page: Page) -> dict[str, str] | None:
        """The post's ``booking:`` front matter as block settings; ``None`` when it opts out or is invalid."""
        setting = page.meta.get(FRONT_MATTER_KEY, True)
        if setting is True:
            return {}
        if setting is False:
            return None
        problem = booking_problem(setting)
        if problem:
            line = front_matter_key_line(read_source(page.file.abs_src_path), FRONT_MATTER_KEY)
            log.warning(f"{page.file.src_path}:{line}: front matter 'booking': {problem}")
            return None
        return {key: str(value).strip() for key, value in setting.items()}

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.session.finish()
        return html


def booking_block_markdown(settings: dict[str, str]) -> str:
    """The ``/// booking`` block the plugin appends to a post (options quoted as JSON, which is YAML)."""
    heading = " ".join(settings.get("heading", "").split())
    lines = [f"/// {NAME}" + (f" | {heading}" if heading else "")]
    lines += [f"    {key}: {json.dumps(settings[key])}" for key in ("button", "url", "variant") if settings.get(key)]
    text = settings.get("text", "").strip()
    if text:
        lines += ["", text]
    lines.append("///")
    return "\n".join(lines)
