"""The FAQ plugin: thin glue between MkDocs and :class:`~therapy_site.faq.FaqExtension`.

* adds the extension (with our titles) to the site's Markdown extensions;
* reports FAQ problems of each page as ``file:line`` warnings (``--strict`` fails);
* after rendering, checks that the page's ``FAQPage`` JSON-LD (built by the
  schema plugin from the rendered HTML) says exactly what the published page
  shows, and that listing pages carry no FAQ markup at all.
"""

from __future__ import annotations

import json
from typing import Any

from lxml import html as lxml_html
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from therapy_site.blocks import PageProblemReporter
from therapy_site.faq import DEFAULT_TITLES, FaqExtension, faq_enabled, html_text
from therapy_site.faq.extract import faq_from_section, find_sections
from therapy_site.material.blog import is_listing

log = get_plugin_logger(__name__)
SCHEMA_PLUGIN = "therapy-site/schema"


class FaqConfig(Config):
    titles = c.ListOfItems(c.Type(str), default=list(DEFAULT_TITLES))


def _types(node: dict[str, Any]) -> list[str]:
    kind = node.get("@type", [])
    return [kind] if isinstance(kind, str) else list(kind)


def faq_pages_in(document: Any) -> list[dict[str, Any]]:
    """All ``FAQPage`` nodes in the page's JSON-LD scripts."""
    found: list[dict[str, Any]] = []
    for script in document.xpath('//script[@type="application/ld+json"]'):
        data = json.loads(script.text or "null")
        nodes = data.get("@graph", [data]) if isinstance(data, dict) else data or []
        found.extend(node for node in nodes if isinstance(node, dict) and "FAQPage" in _types(node))
    return found


def published_pairs(faq_page: dict[str, Any]) -> list[tuple[str, str]]:
    """(question, answer text) as the JSON-LD states them."""
    return [
        (str(question.get("name", "")), html_text(str((question.get("acceptedAnswer") or {}).get("text", ""))))
        for question in faq_page.get("mainEntity", [])
    ]


class FaqPlugin(BasePlugin[FaqConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.reporter = PageProblemReporter(log)
        self.check_json_ld = SCHEMA_PLUGIN in config.plugins
        config.markdown_extensions.append(FaqExtension(titles=list(self.config.titles), reporter=self.reporter))
        return config

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if faq_enabled(page.meta):
            self.reporter.start(page)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.reporter.finish()
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.check_json_ld:
            self.verify(output, page)
        return output

    def verify(self, output: str, page: Page) -> None:
        """Fail the build when the published FAQ structured data and the page's text disagree."""
        document = lxml_html.fromstring(output)
        published = faq_pages_in(document)
        path = page.file.src_path
        if is_listing(page) or not faq_enabled(page.meta):
            if published:
                raise PluginError(
                    f"{path}: FAQ structured data on a page that must not carry it (listing or faq: false)"
                )
            return
        if len(published) > 1:
            raise PluginError(f"{path}: {len(published)} FAQPage nodes; a page must have exactly one")
        sections = find_sections(document)
        shown = faq_from_section(sections[0], page.canonical_url or "") if sections else None
        shown_pairs = [(item.question, item.answer_text) for item in shown.items] if shown else []
        stated_pairs = published_pairs(published[0]) if published else []
        if shown_pairs != stated_pairs:
            raise PluginError(
                f"{path}: the FAQ structured data does not match the page's text; "
                f"page shows {shown_pairs!r}, JSON-LD states {stated_pairs!r}"
            )
