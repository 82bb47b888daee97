"""MkDocs side of the takeaways block: hand the declared extension a page session, ship its stylesheet.

The extension itself is declared in ``mkdocs.yml`` (``markdown_extensions: - therapy_site.takeaways``,
option ``title``); this plugin reports its problems with ``file:line`` and keeps its data per page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from therapy_site.assets import add_stylesheet
from therapy_site.reporting import PageSession
from therapy_site.takeaways.extension import TakeawaysExtension
from therapy_site.wiring import configured_extension

log = get_plugin_logger(__name__)
STYLESHEET = Path(__file__).with_name("takeaways.css")
PLUGIN = "therapy-site/takeaways"


class TakeawaysPlugin(BasePlugin):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.session = PageSession(log)
        configured_extension(
            config,
            name="therapy_site.takeaways",
            extension_class=TakeawaysExtension,
            plugin=PLUGIN,
            reporter=self.session.report,
            collector=self.session.collect,
        )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        add_stylesheet(files, config, STYLESHEET)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.session.start(page)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.session.finish()
        return html
