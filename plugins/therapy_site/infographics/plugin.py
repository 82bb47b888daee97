"""MkDocs plugin: the images of infographic blocks.

Thin by design: the declared ``therapy_site.infographics`` extension validates
and builds the figure; this plugin owns the build's drawing context (fonts,
icons, renderer, fit memo) and hands it to the extension with a page session
(``file:line`` problems, page data) and a recorder of render jobs; after the
build it draws the images or takes them from the cache.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from therapy_site.assets import add_stylesheet
from therapy_site.imaging.batch import DrawsWhileBuilding, ImageBatch
from therapy_site.imaging.cache import ImageCache
from therapy_site.imaging.fonts import MissingFontError
from therapy_site.infographics.context import InfographicsContext
from therapy_site.infographics.extension import InfographicsExtension
from therapy_site.infographics.jobs import InfographicJob
from therapy_site.practice import practice_from_config
from therapy_site.reporting import PageSession, validation_reports
from therapy_site.wiring import configured_extension

log = get_plugin_logger(__name__)
PACKAGE_DIR = Path(__file__).parent
PLUGIN = "therapy-site/infographics"


class InfographicsConfig(Config):
    cache = c.Type(bool, default=True)
    cache_dir = c.Type(str, default=".cache/therapy-site/infographics")
    workers = c.Type(int, default=4)


class InfographicsPlugin(DrawsWhileBuilding, BasePlugin[InfographicsConfig]):
    batch_attribute = "images"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.session = PageSession(log, logs=not validation_reports(config))
        self.page_jobs: list[InfographicJob] = []
        extension = configured_extension(
            config,
            name="therapy_site.infographics",
            extension_class=InfographicsExtension,
            plugin=PLUGIN,
            reporter=self.session.report,
            collector=self.session.collect,
            recorder=self._record,
        )
        self._site_defaults(extension, config)
        assets_dir = extension.getConfig("assets_dir")
        try:
            folder = root / assets_dir if assets_dir else None
            self.context = InfographicsContext(folder, extension.getConfig("palette"))
            self.context.fonts.fingerprint()
        except (MissingFontError, KeyError) as error:
            raise PluginError(f"{PLUGIN}: markdown_extensions: therapy_site.infographics: {error}") from error
        extension.setConfig("context", self.context)
        self.cache = ImageCache(root / self.config.cache_dir, enabled=self.config.cache)
        self.images = ImageBatch(self.context.renderer, self.cache, self.shared_workers(config))
        return config

    def _site_defaults(self, extension: InfographicsExtension, config: MkDocsConfig) -> None:
        """Options left out of mkdocs.yml default to the site's: practice name, domain, site URL."""
        site = urlsplit(config.site_url or "")
        base_path = site.path if site.path.endswith("/") else site.path + "/"
        defaults = {
            "brand": practice_from_config(config).name,
            "domain": site.netloc or practice_from_config(config).name,
            "site_url": f"{site.scheme}://{site.netloc}" if site.netloc else "",
        }
        for name, value in defaults.items():
            if not extension.getConfig(name):
                extension.setConfig(name, value)
        if extension.getConfig("images_url") == "/assets/infographics/" and base_path != "/":
            extension.setConfig("images_url", f"{base_path}assets/infographics/")

    def _record(self, job: InfographicJob) -> None:
        """Keep jobs of the page being rendered; excerpt re-renders (no page current) add nothing new."""
        if self.session.page is not None:
            self.page_jobs.append(job)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        add_stylesheet(files, config, PACKAGE_DIR / "infographics.css")
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.session.start(page)
        self.page_jobs = []
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        fatal = [index for index, problem in enumerate(self.session.problems) if getattr(problem, "fatal", False)]
        messages = self.session.finish()
        if fatal and self.session.logs:  # else the validation plugin reports it and stops the build
            raise PluginError("\n".join(messages[index] for index in fatal))
        jobs, self.page_jobs = self.page_jobs, []
        for job in jobs:
            self.images.add(job)  # drawn from now on, while the build goes on
        return html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        rendered, cached = self.images.publish(Path(config.site_dir))
        log.info(f"infographics: {rendered} images rendered, {cached} from cache")
