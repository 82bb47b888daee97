"""The FAQ plugin: thin glue between MkDocs and the declared ``therapy_site.faq`` extension.

* hands the extension (declared with its ``titles`` under ``markdown_extensions``
  in ``mkdocs.yml``) a page session: FAQ problems of each page become ``file:line``
  warnings (``--strict`` fails), and the page's FAQ is kept as typed page data
  (:class:`therapy_site.pagedata.Faq`) for the schema plugin;
* pages with ``faq: false`` are neither checked nor given FAQ data.

That the published ``FAQPage`` JSON-LD says exactly what the page shows, and
that listing pages carry none, is checked by the test suite over the real site.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from therapy_site.faq import FaqExtension, faq_enabled
from therapy_site.reporting import PageSession
from therapy_site.wiring import configured_extension

log = get_plugin_logger(__name__)
PLUGIN = "therapy-site/faq"


class FaqPlugin(BasePlugin):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.session = PageSession(log)
        configured_extension(
            config,
            name="therapy_site.faq",
            extension_class=FaqExtension,
            plugin=PLUGIN,
            reporter=self.session.report,
            collector=self.session.collect,
        )
        return config

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if faq_enabled(page.meta):
            self.session.start(page)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.session.finish()
        return html
