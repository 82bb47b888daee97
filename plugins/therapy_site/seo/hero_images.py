"""Images drawn from a post's hero: a share card and the three Article image ratios Google recommends.

The hero is usually WebP, which several networks do not preview, and 16:9 only. From it we draw,
cover-cropped around the centre and encoded as baseline JPEG without metadata:

* ``card``: 1200×630, the ``og:image`` / ``twitter:image``;
* ``16x9``, ``4x3``, ``1x1``: 1200 px wide, the BlogPosting ``image`` list.

Files are named by a hash of the hero's bytes and of this drawing code, so they are cached (like the
infographics, :class:`therapy_site.imaging.cache.ImageCache`) and never stale.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import PIL
from PIL import Image

from therapy_site.imaging.png import without_metadata
from therapy_site.pictures import upright

VERSION = "5"  # 5: a phone photo is turned upright (EXIF orientation) before it is cropped
DERIVED_DIR = "assets/images/derived"
JPEG_MIME = "image/jpeg"
SIZES: dict[str, tuple[int, int]] = {
    "card": (1200, 630),
    "16x9": (1200, 675),
    "4x3": (1200, 900),
    "1x1": (1200, 1200),
}
ARTICLE_RATIOS = ("16x9", "4x3", "1x1")


@dataclass(frozen=True)
class DerivedImage:
    site_path: str  # from the site root, e.g. assets/images/derived/trust-hero-1a2b-card.jpg
    width: int
    height: int
    mime: str = JPEG_MIME


@dataclass(frozen=True)
class HeroImages:
    """The images drawn from one hero; ``key`` names them in the cache."""

    key: str
    source: Path
    images: dict[str, DerivedImage]

    @property
    def card(self) -> DerivedImage:
        return self.images["card"]

    @property
    def article(self) -> tuple[DerivedImage, ...]:
        return tuple(self.images[name] for name in ARTICLE_RATIOS)

    def site_paths(self) -> list[str]:
        return sorted(image.site_path for image in self.images.values())

    def render(self, renderer: Any = None) -> dict[str, bytes]:
        """Site path → JPEG bytes for every variant (``renderer``: unused, the image pools' job interface)."""
        with Image.open(self.source) as opened:
            hero = flattened(upright(opened))  # a phone photo taken sideways, turned as its EXIF says
        hero.info = {}  # the hero's EXIF (a camera's GPS), ICC or XMP reach no share image; crops inherit this
        return {
            image.site_path: encode_jpeg(cover(hero, (image.width, image.height))) for image in self.images.values()
        }


def flattened(image: Image.Image) -> Image.Image:
    """``image`` in RGB, its transparent parts on white (JPEG has no transparency; dropping the alpha channel
    would show whatever colour transparent pixels hold, usually black)."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        return Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba).convert("RGB")
    return image.convert("RGB")


def cover(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """``image`` cropped around its centre to the ratio of ``size``, then scaled to ``size``.

    A crop that already has that size (the card and the 16:9 image of a 1200×675 hero) is not resampled:
    resampling is most of the drawing time. Enlarging (the 4:3 and 1:1 images search results crop from) uses
    bilinear, a third faster than bicubic and as sharp once shown as a thumbnail; reducing uses Lanczos.
    """
    width, height = size
    scale = max(width / image.width, height / image.height)
    crop_width, crop_height = min(image.width, round(width / scale)), min(image.height, round(height / scale))
    left, top = (image.width - crop_width) // 2, (image.height - crop_height) // 2
    box = (left, top, left + crop_width, top + crop_height)
    if (crop_width, crop_height) == size:
        return image.crop(box)
    resample = Image.Resampling.BILINEAR if scale > 1 else Image.Resampling.LANCZOS
    return image.resize(size, resample, box=box)


def encode_jpeg(image: Image.Image) -> bytes:
    """Baseline JPEG, no EXIF/ICC/XMP/comments: identical bytes for identical pixels."""
    buffer = io.BytesIO()
    without_metadata(image).save(buffer, "JPEG", quality=85, optimize=True, progressive=False, subsampling="4:2:0")
    return buffer.getvalue()


def hero_images(docs_dir: Path, src: str) -> HeroImages:
    """The derived images of the hero at ``docs_dir / src`` (names only; :meth:`HeroImages.render` draws)."""
    source = docs_dir / src
    digest = hashlib.sha256()
    digest.update(source.read_bytes())
    digest.update(f"{VERSION}|{PIL.__version__}|{sorted(SIZES.items())}".encode())
    key = digest.hexdigest()[:16]
    stem = Path(src).stem
    images = {
        name: DerivedImage(f"{DERIVED_DIR}/{stem}-{key}-{name}.jpg", width, height)
        for name, (width, height) in SIZES.items()
    }
    return HeroImages(key, source, images)
