"""Helpers for share images: the images drawn from a page's hero, and the MIME type of an image path.

The share image itself is chosen by :mod:`therapy_site.social` (kept in the page data): the infographic's
card when the page asks for it, else the JPEG card drawn from the hero (networks such as LinkedIn do not
preview WebP), else a generated page card. Always 1200×630 PNG or JPEG.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from therapy_site.pagedata import PageData
from therapy_site.seo.hero_images import HeroImages, hero_images


def mime_of(path: str) -> str:
    return mimetypes.guess_type(path, strict=False)[0] or ""


def hero_images_of(data: PageData, docs_dir: Path) -> HeroImages | None:
    """The images drawn from the page's hero (names and sizes; the seo plugin draws them)."""
    return hero_images(docs_dir, data.hero.src) if data.hero is not None else None
