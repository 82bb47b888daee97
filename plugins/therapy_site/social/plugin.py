"""MkDocs plugin ``therapy-site/social``: choose each page's share image, draw the generated cards.

Reads the page data (hero, the page's infographics) and writes the choice to it
(:class:`therapy_site.pagedata.SocialImage`); listing pages get a card of their
own like any page, never a post's image.
"""

from __future__ import annotations

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
from mkdocs.utils import yaml_load

from therapy_site.data import FONTS_DIR
from therapy_site.imaging.batch import DrawsWhileBuilding, ImageBatch
from therapy_site.imaging.cache import ImageCache
from therapy_site.imaging.canvas import CARD_SIZE
from therapy_site.imaging.fonts import FontSet, MissingFontError, describe_character
from therapy_site.imaging.palette import PALETTES, get_palette
from therapy_site.material.escaping import plain
from therapy_site.pagedata import SocialImage, page_data
from therapy_site.practice import practice_from_config
from therapy_site.seo.hero_images import hero_images
from therapy_site.social.cards import PageCardJob, page_card_key
from therapy_site.social.drawing import PageCardRenderer
from therapy_site.sources import front_matter_key_line, read_source

log = get_plugin_logger(__name__)
PLUGIN = "therapy-site/social"
SOCIAL_IMAGE_KEY = "social_image"


class SocialConfig(Config):
    page_cards = c.Type(bool, default=True)  # a generated card for every page without an image of its own
    palette = c.Choice(tuple(PALETTES), default="light")
    assets_dir = c.Optional(c.Type(str))  # a folder with fonts/; default: the package's own
    cache = c.Type(bool, default=True)
    cache_dir = c.Type(str, default=".cache/therapy-site/social")
    workers = c.Type(int, default=4)


class SocialPlugin(DrawsWhileBuilding, BasePlugin[SocialConfig]):
    batch_attribute = "_images"

    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.brand = practice_from_config(config).name
        self.domain = urlsplit(self._published_site_url(config)).netloc or self.brand
        self._images: ImageBatch | None = None
        self._renderer: PageCardRenderer | None = None
        self._assets = root / self.config.assets_dir if self.config.assets_dir else None
        self.cache = ImageCache(root / self.config.cache_dir, enabled=self.config.cache)
        self.drawing_workers = self.shared_workers(config)
        return config

    def _published_site_url(self, config: MkDocsConfig) -> str:
        """The site_url the site is published at (cards draw its domain, and their cache keys hold it).

        ``mkdocs serve`` replaces ``site_url`` with its own address before any plugin sees the config; the
        cards still draw the configured domain, as the published site will, so a preview reuses the cards the
        build drew instead of drawing every one again.
        """
        if not self.serving or not config.config_file_path:
            return config.site_url or ""
        with open(config.config_file_path, "rb") as file:
            configured = yaml_load(file)  # MkDocs' own reader: !ENV and INHERIT as the build reads them
        return str((configured or {}).get("site_url") or "") if isinstance(configured, dict) else ""

    @property
    def renderer(self) -> PageCardRenderer:
        """The cards' drawing context (fonts, palette), made when the first card is needed.

        The validation's card-glyph rule reads its fonts too.
        """
        if self._renderer is None:
            fonts = FontSet(self._assets / "fonts" if self._assets else FONTS_DIR)
            try:
                fonts.fingerprint()
            except MissingFontError as error:
                raise PluginError(f"{PLUGIN}: {error}") from error
            self._renderer = PageCardRenderer(fonts, get_palette(self.config.palette))
        return self._renderer

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        data = page_data(page)
        image = self._social_image(page, config)
        if image is not None:
            data.social_image = image
        return html

    def _social_image(self, page: Page, config: MkDocsConfig) -> SocialImage | None:
        data = page_data(page)
        choice = page.meta.get(SOCIAL_IMAGE_KEY)
        if choice is not None:
            return self._chosen_image(page, choice)
        if data.hero is not None:  # the theme plugin checked it in on_page_markdown
            # A JPEG card drawn from the hero (therapy-site/seo draws it): the hero is WebP, which several
            # networks (LinkedIn among them) do not preview.
            card = hero_images(Path(config.docs_dir), data.hero.src).card
            return SocialImage(card.site_path, card.width, card.height, data.hero.alt)
        if not self.config.page_cards:
            return None
        # The page's own title: the front matter's, not the nav label ("Home" on the home page).
        title = plain(page.meta.get("title") or page.title or config.site_name)  # the card draws the text itself
        description = " ".join(plain(page.meta.get("description") or "").split())
        self._check_glyphs(page, "title", title, "bold")
        self._check_glyphs(page, "description", description, "regular")
        key = page_card_key(title, description, self.renderer, self.brand, self.domain)
        job = PageCardJob(key, title, description, self.brand, self.domain)
        self.images.add(job)  # drawn from now on, while the build goes on
        width, height = CARD_SIZE
        return SocialImage(job.site_path(), width, height, f"{title} – {self.brand}")

    def _chosen_image(self, page: Page, choice: Any) -> SocialImage | None:
        where = f"{page.file.src_path}:{front_matter_key_line(read_source(page.file.abs_src_path), SOCIAL_IMAGE_KEY)}"
        if choice != "infographic":
            log.warning(
                f"{where}: '{SOCIAL_IMAGE_KEY}: {choice}' is not supported; write '{SOCIAL_IMAGE_KEY}: infographic'"
            )
            return None
        infographics = page_data(page).content.infographics
        if not infographics:
            log.warning(f"{where}: '{SOCIAL_IMAGE_KEY}: infographic' needs a valid '/// infographic' block on the page")
            return None
        first = infographics[0]
        width, height = first.card_size
        return SocialImage(first.card_src, width, height, first.description)

    def _check_glyphs(self, page: Page, key: str, text: str, face: str) -> None:
        missing = self.renderer.fonts.missing_characters(text, face)
        if missing:
            line = front_matter_key_line(read_source(page.file.abs_src_path), key)
            characters = ", ".join(describe_character(char) for char in missing)
            raise PluginError(
                f"{page.file.src_path}:{line}: the page {key} has {characters}, which the site's font cannot draw "
                "on the social card; replace or remove it"
            )

    @property
    def images(self) -> ImageBatch:
        """The build's cards, drawn from the first one on (the drawing context is made then)."""
        if self._images is None:
            self._images = ImageBatch(self.renderer, self.cache, self.drawing_workers)
        return self._images

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._images is None:
            return
        rendered, cached = self._images.publish(Path(config.site_dir))
        log.info(f"social cards: {rendered} images rendered, {cached} from cache")
