"""How a MkDocs plugin reaches the Markdown extension its feature declares in ``mkdocs.yml``.

Content features are Markdown extensions, listed with their options under
``markdown_extensions`` (so plain Python-Markdown and Zensical run them too).
The feature's plugin does not add the extension; it finds the declared entry
and replaces it, in place, by an instance built from the same options plus what
only a build has: the reporter of ``file:line`` problems, the page-data
collector, the infographics drawing context.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, TypeVar

from markdown import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from therapy_site.assets import add_stylesheet
from therapy_site.reporting import PageSession, validation_reports

E = TypeVar("E", bound=Extension)


def configured_extension(
    config: MkDocsConfig,
    *,
    name: str,
    extension_class: type[E],
    plugin: str,
    **runtime: Any,
) -> E:
    """The instance of ``name`` (e.g. ``therapy_site.faq``) the build will use, with ``runtime`` options set.

    ``runtime`` holds callables and objects that cannot be written in YAML. A clear
    :class:`PluginError` names what to add when the site enabled the plugin but
    removed the extension.
    """
    aliases = {name, f"{name}.extension"}
    for index, entry in enumerate(config.markdown_extensions):
        if isinstance(entry, extension_class):  # on_config ran before on this config (e.g. the CLI, then a build)
            entry.setConfigs(runtime)
            return entry
        if not isinstance(entry, str) or entry not in aliases:
            continue
        entry_name = entry
        options = dict(config.mdx_configs.pop(entry_name, None) or {})
        try:
            extension = extension_class(**options, **runtime)
        except ValueError as error:  # our extensions name a mistyped option (therapy_site.options)
            raise PluginError(f"mkdocs.yml: markdown_extensions: {error}") from error
        config.markdown_extensions[index] = extension  # type: ignore[call-overload]
        return extension
    raise PluginError(
        f"{plugin}: the Markdown extension '{name}' is not enabled; add it under 'markdown_extensions' "
        f"in mkdocs.yml (e.g. '  - {name}'), or remove '{plugin}' from 'plugins'"
    )


class ExtensionHostPlugin(BasePlugin):
    """The plugin of a content feature whose work is all in its declared Markdown extension.

    It hands the extension a page session (problems become ``file:line`` warnings that fail
    ``--strict``; results become the page's typed data) open from ``on_page_markdown`` to
    ``on_page_content``: Material's excerpt renders for listing pages come while no page is open,
    so they neither report again nor add data. Subclasses name their extension and stylesheet.
    """

    extension_name: ClassVar[str]
    extension_class: ClassVar[type[Extension]]
    plugin_name: ClassVar[str]
    stylesheet: ClassVar[Path | None] = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.session = PageSession(get_plugin_logger(type(self).__module__), logs=not validation_reports(config))
        self.extension = configured_extension(
            config,
            name=self.extension_name,
            extension_class=self.extension_class,
            plugin=self.plugin_name,
            reporter=self.session.report,
            collector=self.session.collect,
        )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.stylesheet is not None:
            add_stylesheet(files, config, self.stylesheet)
        return files

    def collects(self, page: Page) -> bool:
        """Whether the extension's problems and data count for ``page`` (all pages unless overridden)."""
        return True

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.collects(page):
            self.session.start(page)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.session.finish()
        return html
