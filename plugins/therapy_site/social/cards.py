"""A page's generated social card: title and description drawn on the site's band, named by content hash."""

from __future__ import annotations

from dataclasses import dataclass

from therapy_site.imaging.digest import content_digest
from therapy_site.imaging.png import encode_png
from therapy_site.social.drawing import PageCardRenderer

SOCIAL_DIR = "assets/social"


def page_card_key(title: str, description: str, renderer: PageCardRenderer, brand: str, domain: str) -> str:
    return content_digest("page-card", {"title": title, "description": description}, renderer, brand, domain)


@dataclass(frozen=True)
class PageCardJob:
    key: str
    title: str
    description: str
    brand: str
    domain: str

    def site_path(self) -> str:
        return f"{SOCIAL_DIR}/{self.key}.png"

    def site_paths(self) -> list[str]:
        return [self.site_path()]

    def render(self, renderer: PageCardRenderer) -> dict[str, bytes]:
        image = renderer.page_card(self.title, self.description, self.brand, self.domain)
        return {self.site_path(): encode_png(image)}
