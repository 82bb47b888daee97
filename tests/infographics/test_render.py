"""The Pillow drawings: exact sizes and formats, no metadata, identical bytes, contrast checked in code."""

from __future__ import annotations

import dataclasses
import io
import struct
from pathlib import Path

import pytest
from PIL import Image

from therapy_site.data import FONTS_DIR, ICONS_DIR
from therapy_site.imaging.fonts import FontSet
from therapy_site.imaging.palette import DARK, LIGHT, contrast_ratio, get_palette, hex_rgb
from therapy_site.imaging.png import encode_png
from therapy_site.infographics.icons import load_icons
from therapy_site.infographics.render import FitError, Renderer
from therapy_site.infographics.schema import parse_infographic
from therapy_site.social.drawing import PageCardRenderer

ICONS = load_icons(ICONS_DIR)
FONTS = FontSet(FONTS_DIR)
BRAND, DOMAIN = "Stillwater Therapy", "stillwater-therapy.example"

ITEMS = [
    ("Past betrayal", "shield", "Old hurts make openness feel risky.", "Go at the client's pace; keep every promise."),
    ("Fear of judgement", "eye", "Worry about how you will be seen.", "Respond to hard things with steady warmth."),
    ("Stigma", "heart", "Shame about needing help at all.", "Treat seeking help as a strength."),
    ("Cultural distance", "globe", "Feeling misunderstood.", "Ask rather than assume; respect the client's meanings."),
]
VALUES = ["1 in 4", "50 min", "12", "100%"]


def infographic(layout: str, count: int = 4):
    items = []
    for index in range(count):
        title, icon, text, remedy = ITEMS[index % len(ITEMS)]
        item = {"title": f"{title} {index + 1}" if count > 4 else title, "icon": icon, "text": text}
        if layout == "comparison":
            item["remedy"] = remedy
        if layout == "stats":
            item["value"] = VALUES[index % len(VALUES)]
        items.append(item)
    data = {
        "layout": layout,
        "summary": "Four things that can slow trust down in therapy, and what helps with each of them.",
        "items": items,
        "source": "Practice experience.",
    }
    info, problems = parse_infographic("Four barriers to trust in therapy", data, set(ICONS))
    assert problems == []
    return info


def png_chunks(data: bytes) -> list[str]:
    chunks, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        chunks.append(kind.decode())
        offset += 12 + length
    return chunks


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_all_layouts_draw_at_exact_sizes_and_are_saved_for_review(palette, artifacts_dir: Path) -> None:
    renderer = Renderer(FONTS, ICONS, palette)
    for layout in ("comparison", "grid", "steps", "stats"):
        info = infographic(layout, 8 if layout == "grid" else 4)
        card = renderer.card(info, BRAND, DOMAIN)
        portrait = renderer.portrait(info, BRAND, DOMAIN)
        assert card.size == (1200, 630)
        assert portrait.size == (1000, 1500)
        (artifacts_dir / f"infographic-{palette.name}-{layout}-card.png").write_bytes(encode_png(card))
        (artifacts_dir / f"infographic-{palette.name}-{layout}-portrait.png").write_bytes(encode_png(portrait))
    page = PageCardRenderer(FONTS, palette).page_card(
        "The role of trust in therapy", "Why trust matters in therapy.", BRAND, DOMAIN
    )
    assert page.size == (1200, 630)
    (artifacts_dir / f"social-card-{palette.name}.png").write_bytes(encode_png(page))


def test_images_are_drawn_in_the_palette() -> None:
    renderer = Renderer(FONTS, ICONS, LIGHT)
    portrait = renderer.portrait(infographic("grid"), BRAND, DOMAIN)
    assert portrait.getpixel((5, 5)) == LIGHT.background
    colours = {colour for _, colour in portrait.getcolors(maxcolors=1_000_000)}
    assert LIGHT.surface in colours and LIGHT.text in colours


def test_encoded_files_have_no_metadata_and_identical_bytes() -> None:
    info = infographic("comparison")
    first = Renderer(FONTS, ICONS, LIGHT).card(info, BRAND, DOMAIN)
    second = Renderer(FONTS, ICONS, LIGHT).card(info, BRAND, DOMAIN)
    png = encode_png(first)
    assert png == encode_png(second)
    assert set(png_chunks(png)) == {"IHDR", "IDAT", "IEND"}, "no text, time or colour-profile chunks"
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG" and image.size == (1200, 630)


def test_text_that_cannot_fit_names_the_offending_key() -> None:
    sentence = "Openness can feel risky after old hurts, and that is understandable. "
    longest = (sentence * 3)[:158].strip()  # within the 160-character limit, but eight of these are too many
    items = [
        {"title": f"A long barrier title number {n} here", "icon": "shield", "text": longest, "remedy": longest}
        for n in range(1, 9)
    ]
    data = {"layout": "comparison", "summary": (sentence * 4)[:218].strip(), "items": items}
    info, problems = parse_infographic("A title long enough to wrap onto more lines than usual, yes", data, set(ICONS))
    assert problems == []
    with pytest.raises(FitError) as error:
        Renderer(FONTS, ICONS, LIGHT).portrait(info, BRAND, DOMAIN)
    assert error.value.path[0] == "items" and error.value.path[2] in {"text", "remedy"}

    unbroken = "https://example.org/" + "-".join(["a-very-long-unbroken-address"] * 4)
    items[5] = dict(items[5], text=f"See {unbroken}")
    info, problems = parse_infographic("Short title", dict(data, items=[*items[:2], items[5]]), set(ICONS))
    assert problems == []
    with pytest.raises(FitError) as error:
        Renderer(FONTS, ICONS, LIGHT).portrait(info, BRAND, DOMAIN)
    assert error.value.path == ("items", 2, "text")
    assert "word too long" in str(error.value)


def test_contrast_is_checked_in_code() -> None:
    assert contrast_ratio(hex_rgb("#000000"), hex_rgb("#ffffff")) == pytest.approx(21.0)
    for palette in (LIGHT, DARK):
        for foreground, background in palette.text_pairs().values():
            assert contrast_ratio(foreground, background) >= 4.5
    assert get_palette("light") is LIGHT
    washed_out = dataclasses.replace(LIGHT, muted=hex_rgb("#a0a8a4"))
    with pytest.raises(ValueError, match="muted on background"):
        Renderer(FONTS, ICONS, washed_out)


def test_fonts_report_missing_glyphs() -> None:
    assert FONTS.missing_characters("Café – “quoted” ✓", "regular") == []
    assert FONTS.missing_characters("Calm ✿ and 🙂", "bold") == ["✿", "🙂"]
