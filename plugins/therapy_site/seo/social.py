"""Which image a page is shared with, decided once for the ``og:`` tags, the graph and the feeds.

Precedence: the image the infographics plugin chose (``social_image: infographic`` or the page's own
card), else the card drawn from the post's hero (a JPEG: networks such as LinkedIn do not preview
WebP). Always 1200×630 PNG or JPEG.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from therapy_site.seo.hero_images import HeroImages, hero_images

SHARE_META = "therapy_og_image"  # set by the infographics plugin (moves to typed page data with issue 16)
HERO_META = "hero_image"  # set by the theme plugin


@dataclass(frozen=True)
class ShareImage:
    site_path: str  # from the site root
    width: int | None
    height: int | None
    mime: str
    alt: str


def mime_of(path: str) -> str:
    return mimetypes.guess_type(path, strict=False)[0] or ""


def page_hero_images(meta: dict[str, Any], docs_dir: Path) -> HeroImages | None:
    hero = meta.get(HERO_META)
    return hero_images(docs_dir, hero.src) if hero is not None else None


def share_image(meta: dict[str, Any], docs_dir: Path) -> ShareImage | None:
    raw = meta.get(SHARE_META)
    if isinstance(raw, dict) and raw.get("src"):
        src = str(raw["src"]).lstrip("/")
        return ShareImage(src, raw.get("width"), raw.get("height"), mime_of(src), str(raw.get("alt") or ""))
    hero = meta.get(HERO_META)
    if hero is None:
        return None
    card = hero_images(docs_dir, hero.src).card
    return ShareImage(card.site_path, card.width, card.height, card.mime, hero.alt)
