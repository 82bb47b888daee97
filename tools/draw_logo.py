"""Draw the raster logo for structured data (the Organization ``logo``) with Pillow.

    .venv/bin/python tools/draw_logo.py

The header's ``logo.svg`` is cream on transparent, made for the green header bar:
on a white background (where search engines show an Organization's logo) it
vanishes. This draws the same design (waves and sun in a circle, on the 48-unit
grid of ``logo.svg``) as cream marks on a filled brand-green disc, so it reads on
white and on dark backgrounds alike. Output: ``docs/assets/images/logo-512.png``
(512 × 512, well above Google's 112 × 112 minimum). Deterministic; the PNG is
committed, run this again only when the design changes.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "docs" / "assets" / "images" / "logo-512.png"
SIZE = 512
SUPERSAMPLE = 4  # draw large, then downsample for smooth edges
GRID = 48  # logo.svg's viewBox
GREEN = (47, 93, 73)  # --md-primary-fg-color, #2f5d49
CREAM = (246, 241, 231)  # logo.svg's #f6f1e7


def _wave(
    draw: ImageDraw.ImageDraw,
    unit: float,
    start: tuple[float, float],
    span: float,
    depth: float,
    width: float,
    colour: tuple[int, int, int, int],
) -> None:
    """The SVG's wave (``c5-4 11-4 16 0s11 4 16 0``): up, then down, with round caps, stamped as discs."""
    x0, y0 = start
    radius = width * unit / 2
    steps = 600
    for index in range(steps + 1):
        t = index / steps
        x = (x0 + span * t) * unit
        y = (y0 - depth * math.sin(2 * math.pi * t)) * unit
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)


def draw_logo() -> Image.Image:
    big = SIZE * SUPERSAMPLE
    unit = big / GRID
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((1 * unit, 1 * unit, 47 * unit, 47 * unit), fill=(*GREEN, 255))
    _wave(draw, unit, (8, 28), 32, 3, 3, (*CREAM, 255))
    # The second, fainter wave of the SVG (opacity .7), blended over green by hand.
    faint = tuple(round(c * 0.7 + g * 0.3) for c, g in zip(CREAM, GREEN, strict=True))
    _wave(draw, unit, (12, 34), 24, 2.25, 3, (*faint, 255))
    draw.ellipse((19 * unit, 12 * unit, 29 * unit, 22 * unit), fill=(*CREAM, 255))
    return image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    draw_logo().save(OUT, "PNG", optimize=True)
    print(f"wrote {OUT.relative_to(Path.cwd()) if OUT.is_relative_to(Path.cwd()) else OUT}")


if __name__ == "__main__":
    main()
