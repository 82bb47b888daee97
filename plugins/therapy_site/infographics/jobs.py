"""What the plugin draws: an infographic's two images, named by content hash.

The key covers everything the pixels depend on: the data, layout, fonts,
palette, icons, renderer version and the Pillow/FreeType/Raqm versions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from therapy_site.imaging.digest import content_digest
from therapy_site.imaging.png import encode_png
from therapy_site.infographics.render import Renderer
from therapy_site.infographics.schema import Infographic

INFOGRAPHICS_DIR = "assets/infographics"


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
