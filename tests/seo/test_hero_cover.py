"""``hero_images``: centre crop to the ratio, scaled to the size; a crop of the right size is not resampled;
no metadata of the hero is passed on."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from therapy_site.imaging.png import encode_png
from therapy_site.seo.hero_images import SIZES, cover, hero_images


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


def test_no_metadata_of_the_hero_reaches_the_drawn_images(tmp_path: Path) -> None:
    """A phone photo's EXIF (with where it was taken), colour profile, XMP and comment stay out of every JPEG."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # GPS: latitude
    source = tmp_path / "docs" / "hero.jpg"
    source.parent.mkdir()
    hero(1200, 675).save(
        source, "JPEG", exif=exif, icc_profile=b"profile bytes" * 40, comment=b"taken at home", xmp=b"<x:xmpmeta/>"
    )
    with Image.open(source) as opened:
        assert {"exif", "icc_profile", "comment", "xmp"} <= set(opened.info), "the test hero carries metadata"
    images = hero_images(tmp_path / "docs", "hero.jpg")
    drawn = images.render()
    assert sorted(drawn) == images.site_paths()
    for data in drawn.values():
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "JPEG"
            assert not {"exif", "icc_profile", "comment", "xmp"} & set(image.info), image.info.keys()
        assert b"Exif" not in data and b"ICC_PROFILE" not in data and b"taken at home" not in data


def test_a_png_with_a_colour_profile_is_written_without_it() -> None:
    image = hero(300, 200)
    image.info = {"icc_profile": b"profile bytes" * 40, "dpi": (300, 300)}
    data = encode_png(image)
    with Image.open(io.BytesIO(data)) as written:
        assert "icc_profile" not in written.info and "dpi" not in written.info
    assert b"iCCP" not in data and b"pHYs" not in data
    assert image.info["icc_profile"], "the caller's image is left as it was"


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P"])
def test_a_transparent_hero_is_drawn_on_white(tmp_path: Path, mode: str) -> None:
    """Transparent pixels usually hold black: dropping the alpha channel would paint the card's edges black."""
    picture = Image.new("RGBA", (1200, 675), (0, 0, 0, 0))
    ImageDraw.Draw(picture).rectangle((400, 200, 800, 475), fill=(40, 40, 40, 255))
    source = tmp_path / "docs" / "hero.png"
    source.parent.mkdir()
    save_transparent(picture, mode, source)
    images = hero_images(tmp_path / "docs", "hero.png")
    for site_path, data in images.render().items():
        with Image.open(io.BytesIO(data)) as image:
            corner, centre = image.getpixel((5, 5)), image.getpixel((image.width // 2, image.height // 2))
        assert min(corner) > 245, (site_path, corner)
        assert max(centre) < 60, (site_path, centre)


def save_transparent(picture: Image.Image, mode: str, path: Path) -> None:
    if mode != "P":
        picture.convert(mode).save(path)
        return
    paletted = picture.convert("P", palette=Image.Palette.ADAPTIVE)
    paletted.save(path, transparency=paletted.getpixel((0, 0)))  # the corner's palette entry is transparent
