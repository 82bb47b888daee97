"""MkDocs plugin ``therapy-site/guidance``: the writing-guidance panel on each page of the preview, never in a build.

Only under ``mkdocs serve`` (``therapy-site serve``, ``make serve``): each page's
guidance (:func:`therapy_site.guidance.runner.guide_source`, the same findings
``therapy-site check`` prints) is put at the top of its content as a small panel,
each finding with a link that opens its line in the editor. A build (``mkdocs build``,
``therapy-site build``, a deploy) never computes it, so no built page has one. The
panel depends only on the page's own file and the site's settings, so the preview's
dirty rebuilds (:mod:`therapy_site.theme.preview`) keep it right.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from therapy_site.guidance.report import panel
from therapy_site.guidance.runner import GuidanceSettings, guide_source, language_note
from therapy_site.guidance.syllables import SyllableDictionary
from therapy_site.material.blog import is_post
from therapy_site.validation.source import SourceFile

log = get_plugin_logger(__name__)


class GuidanceConfig(Config):
    panel = c.Type(bool, default=True)  # the preview's panel (false: check only)


class GuidancePlugin(BasePlugin[GuidanceConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.settings: GuidanceSettings | None = None
        self.dictionary = SyllableDictionary()  # read on the preview's first post, kept for its rebuilds

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.settings = GuidanceSettings.from_config(config) if self.serving and self.config.panel else None
        return config

    @event_priority(-100)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        path = page.file.abs_src_path
        if self.settings is None or not path or page.file.generated_by:
            return html
        root = Path(config.config_file_path or ".").parent
        source = SourceFile.read(
            Path(path), Path(os.path.relpath(path, root)).as_posix(), page.file.src_uri, is_post(page)
        )
        try:
            guidance = guide_source(source, self.settings, _slug(page), dictionary=self.dictionary)
        except Exception as problem:  # the preview goes on; `therapy-site check` names the page and the problem
            log.warning(f"{source.shown}: no guidance panel ({type(problem).__name__}: {problem})")
            return html
        return str(panel(guidance, Path(path), language_note(self.settings))) + html


def _slug(page: Page) -> str:
    return (page.url or "").rstrip("/").rsplit("/", 1)[-1]
