"""MkDocs plugin: infographic blocks on pages, their images and a social card for every page.

Thin by design: the Markdown extension validates and emits the HTML; this
plugin collects the render jobs of the page being rendered, sets
``page.meta["therapy_og_image"]`` (read by the schema/OpenGraph plugin), and
after the build draws the images or takes them from the cache.
"""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from therapy_site.assets import add_stylesheet
from therapy_site.blocks import PageProblemReporter
from therapy_site.infographics.cache import ImageCache
from therapy_site.infographics.extension import InfographicsExtension
from therapy_site.infographics.fonts import FontSet, MissingFontError, describe_character
from therapy_site.infographics.icons import load_icons
from therapy_site.infographics.jobs import InfographicJob, Job, PageCardJob, page_card_key
from therapy_site.infographics.palette import PALETTES, get_palette
from therapy_site.infographics.render import CARD_SIZE, Renderer
from therapy_site.practice import practice_from_config
from therapy_site.sources import front_matter_key_line, read_source

log = get_plugin_logger(__name__)
PACKAGE_DIR = Path(__file__).parent
SOCIAL_IMAGE_KEY = "social_image"


class InfographicsConfig(Config):
    assets_dir = c.Type(str, default="assets")  # holds fonts/ and icons/
    palette = c.Choice(tuple(PALETTES), default="light")
    page_cards = c.Type(bool, default=True)  # a social card for every page without an image of its own
    cache = c.Type(bool, default=True)
    cache_dir = c.Type(str, default=".cache/therapy-site/infographics")
    workers = c.Type(int, default=4)


class InfographicsPlugin(BasePlugin[InfographicsConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        practice = practice_from_config(config)
        root = Path(config.config_file_path).parent
        assets = root / self.config.assets_dir
        fonts = FontSet(assets / "fonts")
        try:
            fonts.fingerprint()
        except MissingFontError as error:
            raise PluginError(f"therapy-site/infographics: {error}") from error
        self.renderer = Renderer(fonts, load_icons(assets / "icons"), get_palette(self.config.palette))
        site = urlsplit(config.site_url or "")
        base_path = site.path if site.path.endswith("/") else site.path + "/"
        self.brand = practice.name
        self.domain = site.netloc or practice.name
        self.cache = ImageCache(root / self.config.cache_dir, enabled=self.config.cache)
        self.reporter = PageProblemReporter(log)
        self.jobs: dict[str, Job] = {}
        self.page_jobs: list[InfographicJob] = []
        self.current_page: Page | None = None
        self.extension = InfographicsExtension(
            reporter=self.reporter,
            recorder=self._record,
            assets_dir=str(assets),
            palette=self.config.palette,
            brand=self.brand,
            domain=self.domain,
            images_url=f"{base_path}assets/infographics/",
            site_url=f"{site.scheme}://{site.netloc}" if site.netloc else "",
        )
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        return config

    def _record(self, job: InfographicJob) -> None:
        """Keep jobs of the page being rendered; excerpt re-renders (no page current) add nothing new."""
        if self.current_page is not None:
            self.page_jobs.append(job)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        add_stylesheet(files, config, PACKAGE_DIR / "infographics.css")
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.reporter.start(page)
        self.current_page = page
        self.page_jobs = []
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        fatal = [index for index, problem in enumerate(self.reporter.problems) if getattr(problem, "fatal", False)]
        messages = self.reporter.finish()
        if fatal:
            raise PluginError("\n".join(messages[index] for index in fatal))
        jobs, self.page_jobs, self.current_page = self.page_jobs, [], None
        for job in jobs:
            self.jobs[job.key] = job
        image = self._social_image(page, jobs, config)
        if image is not None:
            page.meta["therapy_og_image"] = image
        return html

    def _social_image(self, page: Page, jobs: list[InfographicJob], config: MkDocsConfig) -> dict[str, Any] | None:
        choice = page.meta.get(SOCIAL_IMAGE_KEY)
        if choice is not None:
            return self._chosen_image(page, jobs, choice)
        if page.meta.get("hero") or page.meta.get("hero_image") or not self.config.page_cards:
            return None
        title = str(page.title or config.site_name)
        description = " ".join(str(page.meta.get("description") or "").split())
        self._check_glyphs(page, "title", title, "bold")
        self._check_glyphs(page, "description", description, "regular")
        key = page_card_key(title, description, self.renderer, self.brand, self.domain)
        job = PageCardJob(key, title, description, self.brand, self.domain)
        self.jobs[key] = job
        width, height = CARD_SIZE
        return {"src": job.site_path(), "width": width, "height": height, "alt": f"{title} – {self.brand}"}

    def _chosen_image(self, page: Page, jobs: list[InfographicJob], choice: Any) -> dict[str, Any] | None:
        where = f"{page.file.src_path}:{front_matter_key_line(read_source(page.file.abs_src_path), SOCIAL_IMAGE_KEY)}"
        if choice != "infographic":
            log.warning(
                f"{where}: '{SOCIAL_IMAGE_KEY}: {choice}' is not supported; write '{SOCIAL_IMAGE_KEY}: infographic'"
            )
            return None
        if not jobs:
            log.warning(f"{where}: '{SOCIAL_IMAGE_KEY}: infographic' needs a valid '/// infographic' block on the page")
            return None
        info = jobs[0].infographic
        width, height = CARD_SIZE
        alt = f"{info.title}: {info.summary}" if info.summary else info.title
        return {"src": jobs[0].site_path("card", "png"), "width": width, "height": height, "alt": alt}

    def _check_glyphs(self, page: Page, key: str, text: str, face: str) -> None:
        missing = self.renderer.fonts.missing_characters(text, face)
        if missing:
            line = front_matter_key_line(read_source(page.file.abs_src_path), key)
            characters = ", ".join(describe_character(char) for char in missing)
            raise PluginError(
                f"{page.file.src_path}:{line}: the page {key} has {characters}, which the site's font cannot draw "
                "on the social card; replace or remove it"
            )

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        pending = []
        cached = 0
        for key in sorted(self.jobs):
            job = self.jobs[key]
            files = self.cache.get(key, job.site_paths())
            if files is None:
                pending.append(job)
                continue
            cached += len(files)
            for site_path, source in files.items():
                _copy(source, site / site_path)
        with ThreadPoolExecutor(max_workers=max(1, self.config.workers)) as pool:
            results = list(pool.map(lambda job: job.render(self.renderer), pending))
        rendered = 0
        for job, images in zip(pending, results, strict=True):
            rendered += len(images)
            self.cache.put(job.key, images)
            for site_path, data in images.items():
                target = site / site_path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        self.cache.save()
        log.info(f"infographics: {rendered} images rendered, {cached} from cache")


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
