"""The pictures a new site starts with, drawn with Pillow: no name or text in any of them.

* the logo (``logo.svg`` beside this module, light on the header's colour; a raster on a
  filled disc for structured data and the favicon): three balanced stones;
* the first post's hero: soft hills under a pale sun (its alt text says exactly that);
* the practitioner's photo, cropped square and saved as WebP without its metadata (a
  camera's location stays private), or a neutral placeholder marked for ``check``.
"""

from __future__ import annotations

import io
from importlib import resources
from pathlib import Path

from PIL import Image, ImageDraw, ImageOps

from therapy_site.validation.images import EXIF_IMAGE_DESCRIPTION, PLACEHOLDER_IMAGE_MARK

GREEN = (47, 93, 73)  # the theme's primary colour, #2f5d49
CREAM = (246, 241, 231)
SUPERSAMPLE = 4
GRID = 48  # logo.svg's viewBox
# The stones of logo.svg: centre x, centre y, radius x, radius y, opacity.
STONES = ((24, 34.5, 11, 4.5, 1.0), (24, 25.5, 8, 3.8, 0.85), (24, 17.8, 5, 3, 0.7))
HERO_SIZE = (1200, 675)
HERO_ALT = "Abstract picture of soft green hills under a pale sun."
PHOTO_SIZE = 384  # shown at 192 × 192 CSS pixels: sharp on high-density screens


def logo_svg() -> str:
    return resources.files("therapy_site.init").joinpath("logo.svg").read_text(encoding="utf-8")


def _blend(top: tuple[int, int, int], bottom: tuple[int, int, int], opacity: float) -> tuple[int, int, int, int]:
    r, g, b = (round(t * opacity + u * (1 - opacity)) for t, u in zip(top, bottom, strict=True))
    return (r, g, b, 255)


def logo_png(size: int) -> bytes:
    """The logo as cream stones on a green disc: it reads on white and on dark backgrounds."""
    big = size * SUPERSAMPLE
    unit = big / GRID
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((1 * unit, 1 * unit, 47 * unit, 47 * unit), fill=(*GREEN, 255))
    for cx, cy, rx, ry, opacity in STONES:
        box = ((cx - rx) * unit, (cy - ry) * unit, (cx + rx) * unit, (cy + ry) * unit)
        draw.ellipse(box, fill=_blend(CREAM, GREEN, opacity))
    buffer = io.BytesIO()
    image.resize((size, size), Image.Resampling.LANCZOS).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _webp(image: Image.Image, exif: Image.Exif | None = None) -> bytes:
    buffer = io.BytesIO()
    options = {"exif": exif.tobytes()} if exif is not None else {}
    image.save(buffer, "WEBP", quality=82, method=6, **options)
    return buffer.getvalue()


def hero_webp() -> bytes:
    """Soft green hills under a pale sun (:data:`HERO_ALT`), 1200 × 675."""
    width, height = HERO_SIZE
    image = Image.new("RGB", HERO_SIZE, (241, 244, 239))
    draw = ImageDraw.Draw(image)
    draw.ellipse((width * 0.16, height * 0.12, width * 0.30, height * 0.37), fill=(236, 214, 176))
    draw.ellipse((-width * 0.3, height * 0.50, width * 0.75, height * 1.7), fill=(201, 214, 204))
    draw.ellipse((width * 0.30, height * 0.58, width * 1.35, height * 1.8), fill=(122, 156, 136))
    draw.ellipse((-width * 0.1, height * 0.78, width * 0.9, height * 1.9), fill=GREEN)
    return _webp(image)


def placeholder_photo_webp() -> bytes:
    """A plain head-and-shoulders outline, marked so that ``check`` knows it is a placeholder."""
    size = PHOTO_SIZE
    image = Image.new("RGB", (size, size), (221, 229, 223))
    draw = ImageDraw.Draw(image)
    draw.ellipse((size * 0.34, size * 0.18, size * 0.66, size * 0.50), fill=(188, 203, 193))
    draw.ellipse((size * 0.16, size * 0.56, size * 0.84, size * 1.2), fill=(188, 203, 193))
    exif = Image.Exif()
    exif[EXIF_IMAGE_DESCRIPTION] = PLACEHOLDER_IMAGE_MARK
    return _webp(image, exif)


def photo_webp(path: Path) -> bytes:
    """The practitioner's picture: upright, cropped square from its centre, at most 384 px, no metadata."""
    with Image.open(path) as opened:
        image = ImageOps.exif_transpose(opened)
        if image.mode in ("RGBA", "LA", "P"):
            image = image.convert("RGBA")
            background = Image.new("RGBA", image.size, (255, 255, 255, 255))
            image = Image.alpha_composite(background, image)
        image = image.convert("RGB")
    side = min(image.size)
    image = ImageOps.fit(image, (side, side), Image.Resampling.LANCZOS)
    if side > PHOTO_SIZE:
        image = image.resize((PHOTO_SIZE, PHOTO_SIZE), Image.Resampling.LANCZOS)
    return _webp(image)
