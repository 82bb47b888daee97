"""Pictures copied from docs/ are published without location or camera details, upright; originals untouched.

One real build of the site with phone photos (GPS, camera, a comment; one taken sideways) in JPEG,
PNG and WebP, one of them a post's hero.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from helpers import Build, copy_project, make_post, run_build
from therapy_site.pictures import clean_picture

BLUE, RED = (20, 20, 200), (200, 20, 20)
GPS_IFD = 0x8825
ORIENTATION = 0x0112


def phone_photo(kind: str, *, turned: bool = False, size: tuple[int, int] = (480, 240)) -> bytes:
    """A picture as a phone writes it: left half blue, right half red as stored; GPS, camera, orientation."""
    image = Image.new("RGB", size, RED)
    image.paste(BLUE, (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "PhoneMaker", "Phone 12"
    exif[ORIENTATION] = 6 if turned else 1  # 6: the browser turns it a quarter clockwise
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2], gps[3], gps[4] = "N", (51.0, 27.0, 12.5), "W", (2.0, 35.0, 1.0)
    out = io.BytesIO()
    extra = {"comment": b"taken at home", "icc_profile": b"colour profile" * 20} if kind == "JPEG" else {}
    image.save(out, kind, exif=exif.tobytes(), **extra)
    return out.getvalue()


PHOTOS = {
    "room.jpg": phone_photo("JPEG"),
    "sideways.jpg": phone_photo("JPEG", turned=True),
    "garden.png": phone_photo("PNG"),
    "door.webp": phone_photo("WEBP"),
    # Phones append a second picture (a depth or gain map) after the first one's end, with its own EXIF.
    "portrait-mode.jpg": phone_photo("JPEG") + phone_photo("JPEG", size=(120, 60)),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = copy_project(tmp_path_factory.mktemp("pictures") / "project")
    images = project / "docs" / "assets" / "images" / "phone"
    images.mkdir(parents=True)
    for name, data in PHOTOS.items():
        (images / name).write_bytes(data)
    hero = "hero:\n  src: assets/images/phone/sideways.jpg\n  alt: A quiet consulting room with two chairs.\n"
    body = "A paragraph.\n\n![Two chairs by a window](../../assets/images/phone/room.jpg)\n"
    post = make_post(body, slug="phone-photos", extra=hero)
    (project / "docs" / "blog" / "posts" / "phone-photos.md").write_text(post, encoding="utf-8")
    return run_build(project)


def opened(path: Path) -> Image.Image:
    image = Image.open(path)
    image.load()
    return image


@pytest.mark.parametrize("name", sorted(PHOTOS))
def test_published_pictures_carry_no_location_or_camera(built: Build, name: str) -> None:
    assert built.returncode == 0, built.output
    published = opened(built.site / "assets" / "images" / "phone" / name)
    exif = published.getexif()
    assert not exif.get_ifd(GPS_IFD) and len(exif) == 0, dict(exif)
    assert not {"exif", "comment", "xmp", "XML:com.adobe.xmp"} & set(published.info)
    data = (built.site / "assets" / "images" / "phone" / name).read_bytes()
    assert b"PhoneMaker" not in data and b"taken at home" not in data  # nowhere in the file, not only not read
    original = built.project / "docs" / "assets" / "images" / "phone" / name
    assert original.read_bytes() == PHOTOS[name]  # the original stays as it was


def test_jpeg_keeps_its_pixels_and_colour_profile(built: Build) -> None:
    published = built.site / "assets" / "images" / "phone" / "room.jpg"
    original = Image.open(io.BytesIO(PHOTOS["room.jpg"]))
    assert opened(published).tobytes() == original.tobytes()  # not encoded again
    assert opened(published).info.get("icc_profile") == original.info["icc_profile"]


def test_a_sideways_phone_photo_is_published_measured_and_drawn_upright(built: Build) -> None:
    published = opened(built.site / "assets" / "images" / "phone" / "sideways.jpg")
    assert published.size == (240, 480)  # turned as its EXIF said, now that the EXIF is gone
    assert _close(published.getpixel((120, 60)), BLUE) and _close(published.getpixel((120, 420)), RED)
    page = built.html("blog/phone-photos/")
    hero = page.xpath("//img[contains(@src, 'sideways.jpg')]")
    assert hero and (hero[0].get("width"), hero[0].get("height")) == ("240", "480")
    card_url = page.xpath("//meta[@property='og:image']/@content")[0]
    card = opened(built.site / card_url.split("/", 3)[3])
    width, height = card.size
    assert _close(card.getpixel((width // 2, 5)), BLUE) and _close(card.getpixel((width // 2, height - 5)), RED)


def test_cleaning_is_idempotent_and_leaves_clean_pictures_alone() -> None:
    clean = clean_picture(PHOTOS["room.jpg"])
    assert clean_picture(clean) == clean


def _close(pixel: tuple[int, ...], colour: tuple[int, int, int]) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(pixel[:3], colour, strict=True))
