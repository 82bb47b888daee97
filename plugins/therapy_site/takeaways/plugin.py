"""MkDocs side of the takeaways block: register the extension, ship its stylesheet, report problems."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from therapy_site.assets import add_stylesheet
from therapy_site.blocks import PageProblemReporter
from therapy_site.takeaways.extension import DEFAULT_TITLE, TakeawaysExtension

log = get_plugin_logger(__name__)
STYLESHEET = Path(__file__).with_name("takeaways.css")


class TakeawaysConfig(Config):
    # Default heading of a block without a title; set it for a site in another language.
    title = c.Type(str, default=DEFAULT_TITLE)


class TakeawaysPlugin(BasePlugin[TakeawaysConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.reporter = PageProblemReporter(log)
        config.markdown_extensions[:] = [
            extension for extension in config.markdown_extensions if not isinstance(extension, TakeawaysExtension)
        ]
        config.markdown_extensions.append(TakeawaysExtension(title=self.config.title, reporter=self.reporter))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        add_stylesheet(files, config, STYLESHEET)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.reporter.start(page)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.reporter.finish()
        return html
