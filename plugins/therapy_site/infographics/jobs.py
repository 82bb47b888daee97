"""What the plugin draws: an infographic's two images, named by content hash.

The key covers everything the pixels depend on: the data, layout, fonts,
palette, icons, renderer version and the Pillow/FreeType/Raqm versions.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import PIL
from PIL import features

from therapy_site.imaging.digest import content_digest as digest_of
from therapy_site.infographics import RENDERER_VERSION
from therapy_site.infographics.render import Renderer, encode_png
from therapy_site.infographics.schema import Infographic

INFOGRAPHICS_DIR = "assets/infographics"


def _code_digest() -> str:
    """Hash of the drawing code itself, so a change to it never serves stale images from the cache."""
    digest = hashlib.sha256()
    for name in ("render.py", "icons.py", "palette.py"):
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()


def _engine() -> dict[str, str | None]:
    return {
        "renderer": RENDERER_VERSION,
        "code": _code_digest(),
        "pillow": PIL.__version__,
        "freetype": features.version("freetype2"),
        "raqm": features.version("raqm"),
    }


def engine_of(renderer: Renderer) -> dict[str, str | None]:
    """:func:`_engine`, worked out once per renderer (a build's renderer names many images)."""
    if renderer.engine_fingerprint is None:
        renderer.engine_fingerprint = _engine()
    return renderer.engine_fingerprint


def content_digest(kind: str, data: Any, renderer: Renderer, brand: str, domain: str) -> str:
    """The content key of an image ``renderer`` draws (:func:`therapy_site.imaging.digest.content_digest`)."""
    return digest_of(
        kind,
        data,
        fonts=renderer.fonts,
        palette=renderer.palette,
        engine=engine_of(renderer),
        brand=brand,
        domain=domain,
    )


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "infographic"


def infographic_key(info: Infographic, renderer: Renderer, brand: str, domain: str) -> str:
    icons = {item.icon: renderer.icons[item.icon].svg for item in info.items if item.icon}
    return content_digest("infographic", {"infographic": info.as_data(), "icons": icons}, renderer, brand, domain)


@dataclass(frozen=True)
class InfographicJob:
    key: str
    infographic: Infographic
    brand: str
    domain: str
    occurrence: int = 0  # which infographic block of its page (for error locations)

    def file_name(self, variant: str, fmt: str) -> str:
        return f"{self.key}-{variant}.{fmt}"

    def site_path(self, variant: str, fmt: str) -> str:
        return f"{INFOGRAPHICS_DIR}/{self.file_name(variant, fmt)}"

    def download_name(self) -> str:
        return f"{slugify(self.infographic.title)}.png"

    def site_paths(self) -> list[str]:
        return [self.site_path(variant, "png") for variant in ("card", "portrait")]

    def render(self, renderer: Renderer) -> dict[str, bytes]:
        """Site path → PNG bytes of the social card (``og:image``) and the portrait (download, Pinterest).

        The page shows the infographic as HTML, so no WebP is drawn: nothing would load it.
        """
        return {
            self.site_path("card", "png"): encode_png(renderer.card(self.infographic, self.brand, self.domain)),
            self.site_path("portrait", "png"): encode_png(
                renderer.portrait(self.infographic, self.brand, self.domain)),
        }
