"""The ``therapy-site/citations`` plugin: thin glue between MkDocs and ``therapy_site.citations``.

* makes sure the extension is declared (``mkdocs.yml`` ``markdown_extensions: - therapy_site.citations``,
  added when missing) and hands it this plugin's reporter and collector through ``mdx_configs``;
* reports problems as ``file:line`` warnings, so ``mkdocs build --strict`` fails;
* keeps each page's citations for the schema graph (:meth:`citations_for`). Excerpts that Material's
  blog renders for listing pages come while no page is current and are ignored.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from therapy_site.blocks import PageProblemReporter
from therapy_site.citations.model import Citation

log = get_plugin_logger(__name__)
EXTENSION = "therapy_site.citations"


class CitationsPlugin(BasePlugin):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.reporter = PageProblemReporter(log)
        self.current: Page | None = None
        self.by_page: dict[str, tuple[Citation, ...]] = {}
        if EXTENSION not in config.markdown_extensions:
            config.markdown_extensions.append(EXTENSION)
        options = dict(config.mdx_configs.get(EXTENSION) or {})
        options.update(reporter=self.reporter, collector=self.collect)
        config.mdx_configs[EXTENSION] = options
        return config

    def collect(self, citations: tuple[Citation, ...]) -> None:
        if self.current is not None:
            self.by_page[self.current.file.src_uri] = citations

    def citations_for(self, page: Page) -> tuple[Citation, ...]:
        return self.by_page.get(page.file.src_uri, ())

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.reporter.start(page)
        self.current = page
        self.by_page.pop(page.file.src_uri, None)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.reporter.finish()
        self.current = None
        return html
