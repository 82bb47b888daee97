"""The ``therapy-site/citations`` plugin: thin glue between MkDocs and the declared ``therapy_site.citations``.

It hands the extension a page session: problems become ``file:line`` warnings (fatal with ``--strict``) and
the page's :class:`therapy_site.pagedata.Sources` land in its page data, where the schema graph reads them.
Excerpts that Material's blog renders for listing pages come while no page is open and are dropped.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from therapy_site.citations.extension import CitationsExtension
from therapy_site.reporting import PageSession
from therapy_site.wiring import configured_extension

log = get_plugin_logger(__name__)
PLUGIN = "therapy-site/citations"


class CitationsPlugin(BasePlugin):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.session = PageSession(log)
        configured_extension(
            config,
            name="therapy_site.citations",
            extension_class=CitationsExtension,
            plugin=PLUGIN,
            reporter=self.session.report,
            collector=self.session.collect,
        )
        return config

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.session.start(page)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.session.finish()
        return html
