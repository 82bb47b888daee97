"""``hero_images.cover``: centre crop to the ratio, scaled to the size; a crop of the right size is not resampled."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from therapy_site.seo.hero_images import SIZES, cover


def hero(width: int, height: int) -> Image.Image:
    image = Image.new("RGB", (width, height), (200, 220, 200))
    draw = ImageDraw.Draw(image)
    for step in range(0, width, 37):
        draw.line((step, 0, width - step, height), fill=(step % 255, 90, 120), width=3)
    return image


def test_a_crop_of_the_right_size_keeps_the_hero_pixels() -> None:
    source = hero(1200, 675)
    card = cover(source, SIZES["card"])
    top = (675 - 630) // 2
    assert card.tobytes() == source.crop((0, top, 1200, top + 630)).tobytes()
    assert cover(source, SIZES["16x9"]).tobytes() == source.tobytes()


@pytest.mark.parametrize("source_size", [(1200, 675), (2400, 1350), (600, 1000), (1000, 1000)])
@pytest.mark.parametrize("name", sorted(SIZES))
def test_every_image_has_its_size(source_size: tuple[int, int], name: str) -> None:
    assert cover(hero(*source_size), SIZES[name]).size == SIZES[name]


def test_the_crop_is_centred() -> None:
    source = Image.new("RGB", (1200, 675), "white")
    ImageDraw.Draw(source).rectangle((0, 0, 261, 674), fill="black")  # a black band on the far left only
    square = cover(source, SIZES["1x1"])
    assert square.getpixel((600, 600)) == (255, 255, 255)
    assert square.getpixel((5, 600)) == (255, 255, 255)  # the left 262 px fall outside the centred 675 crop
