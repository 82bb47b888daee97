"""MkDocs side of booking calls to action.

* registers the ``/// booking`` extension with site-wide defaults read from
  ``extra.practice`` (booking URL, crisis line) and this plugin's options;
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
from therapy_site.blocks import PageProblemReporter
from therapy_site.blocks.base import block_header_pattern
from therapy_site.booking.extension import (
    DEFAULT_BUTTON,
    DEFAULT_CONTACT_TEXT,
    DEFAULT_HEADING,
    DEFAULT_TEXT,
    DEFAULT_URGENT_LINK_TEXT,
    NAME,
    VARIANTS,
    BookingExtension,
    check_variant,
)
from therapy_site.booking.links import check_cta_url, check_label, is_external, with_utm
from therapy_site.material.blog import is_post
from therapy_site.practice import Practice, practice_from_config
from therapy_site.sources import find_line, front_matter_key_line, read_source

log = get_plugin_logger(__name__)
STYLESHEET = Path(__file__).with_name("booking.css")
FRONT_MATTER_KEY = "booking"
FRONT_MATTER_FIELDS = ("heading", "text", "button", "url", "variant")


class BookingConfig(Config):
    heading = c.Type(str, default=DEFAULT_HEADING)
    text = c.Type(str, default=DEFAULT_TEXT)
    button = c.Type(str, default=DEFAULT_BUTTON)
    # The booking link; by default extra.practice.booking_url.
    url = c.Optional(c.Type(str))
    variant = c.Choice(VARIANTS, default=VARIANTS[0])
    # UTM parameters on https booking links: fixed per site, never the page's topic or title.
    utm = c.Type(bool, default=True)
    utm_source = c.Optional(c.Type(str))  # default: the host of site_url
    utm_medium = c.Type(str, default="website")
    utm_campaign = c.Type(str, default="")
    auto_end_of_post = c.Type(bool, default=True)
    header_button = c.Type(bool, default=True)
    header_button_label = c.Type(str, default="Book a session")
    # A docs page the header button opens (the site's Book page); empty: the booking URL itself.
    header_button_page = c.Type(str, default="book.md")
    # "Prefer not to book online? Call … or email …" from extra.practice phone and email.
    contact_line = c.Type(bool, default=True)
    contact_line_text = c.Type(str, default=DEFAULT_CONTACT_TEXT)
    urgent_help = c.Type(bool, default=True)
    urgent_help_text = c.Optional(c.Type(str))  # default: extra.practice.crisis.text
    urgent_help_link_text = c.Type(str, default=DEFAULT_URGENT_LINK_TEXT)


class BookingPlugin(BasePlugin[BookingConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        practice = practice_from_config(config)
        if self.config.header_button and "therapy-site/material" not in config.plugins:
            raise PluginError(
                "mkdocs.yml: therapy-site/booking: header_button needs the therapy-site/material plugin "
                "(its header partial shows the button); add it to plugins or set header_button: false"
            )
        self.url = self._checked("url", self.config.url or practice.booking_url)
        self._checked("button", self.config.button, check_label)
        self._checked("header_button_label", self.config.header_button_label, check_label)
        self.utm = self._utm_parameters(config)
        self.crisis = practice.crisis
        self.reporter = PageProblemReporter(log)
        self.extension = BookingExtension(
            heading=self.config.heading,
            text=self.config.text,
            button=self.config.button,
            url=self.url,
            variant=self.config.variant,
            utm=self.utm,
            contact=self._contact_line(practice),
            urgent=self._urgent_line(config),
            reporter=self.reporter,
        )
        config.markdown_extensions[:] = [
            extension for extension in config.markdown_extensions if not isinstance(extension, BookingExtension)
        ]
        config.markdown_extensions.append(self.extension)
        return config

    def _checked(self, option: str, value: Any, check: Any = check_cta_url) -> str:
        """Check a site-wide setting; a bad one stops the build before any page is rendered."""
        try:
            return check(value)
        except ValueError as error:
            if option == "url" and not self.config.url:
                where = "extra.practice.booking_url"
            else:
                where = f"plugins: therapy-site/booking: {option}"
            raise PluginError(f"mkdocs.yml: {where} {error}") from error

    def _utm_parameters(self, config: MkDocsConfig) -> dict[str, str]:
        if not self.config.utm:
            return {}
        source = self.config.utm_source or urlsplit(config.site_url or "").hostname or "website"
        parameters = {
            "utm_source": source,
            "utm_medium": self.config.utm_medium,
            "utm_campaign": self.config.utm_campaign,
        }
        return {key: value for key, value in parameters.items() if value}

    def _contact_line(self, practice: Practice) -> dict[str, str]:
        if not self.config.contact_line:
            return {}
        return {"text": self.config.contact_line_text, "phone": practice.phone, "email": practice.email}

    def _urgent_line(self, config: MkDocsConfig) -> dict[str, str]:
        if not self.config.urgent_help:
            return {}
        crisis = self.crisis
        site_path = urlsplit(config.site_url or "/").path or "/"
        page_url = site_path.rstrip("/") + "/" + crisis.page.lstrip("/") if crisis.page else ""
        return {
            "text": self.config.urgent_help_text if self.config.urgent_help_text is not None else crisis.text,
            "line_name": crisis.line_name,
            "line_phone": crisis.line_phone,
            "emergency_phone": crisis.emergency_phone,
            # Site-absolute: the same on every page, so the Markdown extension needs no page.
            "url": page_url,
            "link_text": self.config.urgent_help_link_text,
        }

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        add_stylesheet(files, config, STYLESHEET)
        self.header = self._header_button(files)
        if self.config.urgent_help and self.crisis.page:
            pages = {file.url for file in files.documentation_pages()}
            if self.crisis.page.strip("/") + "/" not in {url.strip("/") + "/" for url in pages}:
                raise PluginError(
                    f"mkdocs.yml: extra.practice.crisis.page '{self.crisis.page}' is not a page of this site; "
                    "every booking call to action links to it"
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
        self.reporter.start(page)
        if not (self.config.auto_end_of_post and is_post(page)):
            return markdown
        overrides = self._post_overrides(page)
        if overrides is None or find_line(markdown, block_header_pattern(NAME)) is not None:
            return markdown
        return markdown.rstrip() + "\n\n" + booking_block_markdown(overrides) + "\n"

    def _post_overrides(self, page: Page) -> dict[str, str] | None:
        """The post's ``booking:`` front matter as block settings; ``None`` when it opts out or is invalid."""
        setting = page.meta.get(FRONT_MATTER_KEY, True)
        if setting is True:
            return {}
        if setting is False:
            return None
        problem = front_matter_problem(setting)
        if problem:
            line = front_matter_key_line(read_source(page.file.abs_src_path), FRONT_MATTER_KEY)
            log.warning(f"{page.file.src_path}:{line}: front matter 'booking': {problem}")
            return None
        return {key: str(value).strip() for key, value in setting.items()}

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.reporter.finish()
        return html


def front_matter_problem(setting: Any) -> str | None:
    """What is wrong with a post's ``booking:`` front matter, or ``None``."""
    if not isinstance(setting, dict):
        return (
            f"must be true, false or a mapping of {', '.join(FRONT_MATTER_FIELDS)} "
            f"(found {json.dumps(setting, default=str)})"
        )
    checks = {"url": check_cta_url, "button": check_label, "variant": check_variant}
    for key, value in setting.items():
        if key not in FRONT_MATTER_FIELDS:
            return f"unknown key '{key}'; allowed keys: {', '.join(FRONT_MATTER_FIELDS)}"
        if not isinstance(value, str | int | float) or not str(value).strip():
            return f"'{key}' must be non-empty text"
        if key in checks:
            try:
                checks[key](value)
            except ValueError as error:
                return f"'{key}' {error}"
    return None


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
