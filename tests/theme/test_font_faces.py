"""Inter's @font-face rules: every page needs only the small core files; the full files are named for exactly
the characters the core files lack, so a browser fetches them only for text that has one (issue 14)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from helpers import Build, stylesheet_bundle
from therapy_site.data import FONTS_DIR
from therapy_site.fontfacts import font_facts
from therapy_site.theme.font_faces import FACES, font_faces_css, unicode_range

RULE = re.compile(r"@font-face\s*{([^}]*)}")


def rules(css: str) -> dict[str, dict[str, str]]:
    """The Inter rules of ``css`` by file name: their descriptors."""
    found = {}
    for body in RULE.findall(css):
        descriptors = dict(re.findall(r"([a-z-]+):\s*([^;]+);", body))
        name = re.search(r"fonts/([a-z-]+\.woff2)", descriptors.get("src", ""))
        if name and '"Inter"' in descriptors["font-family"]:
            found[name.group(1)] = descriptors
    return found


def codepoints(value: str) -> set[int]:
    """The code points a ``unicode-range`` value covers."""
    points: set[int] = set()
    for part in value.split(","):
        start, _, end = part.strip().removeprefix("U+").partition("-")
        points.update(range(int(start, 16), int(end or start, 16) + 1))
    return points


def test_unicode_range_joins_runs_of_consecutive_points() -> None:
    assert unicode_range([0x41, 0x20, 0x42, 0x43, 0x2713]) == "U+20, U+41-43, U+2713"
    assert codepoints(unicode_range({0x20, 0x41, 0x42, 0x2713})) == {0x20, 0x41, 0x42, 0x2713}


def test_the_core_and_full_faces_split_the_characters_between_them() -> None:
    found = rules(font_faces_css(FONTS_DIR))
    assert set(found) == {name for face in FACES for name in (face.core, face.full)}
    for face in FACES:
        core, full = codepoints(found[face.core]["unicode-range"]), codepoints(found[face.full]["unicode-range"])
        assert core == font_facts(FONTS_DIR / face.core).codepoints
        assert not core & full
        assert core | full == font_facts(FONTS_DIR / face.full).codepoints | core
        assert found[face.core]["font-weight"] == found[face.full]["font-weight"] == face.weight
        assert {ord(char) for char in "Aé’–…€"} <= core
        assert ord("Ł") in full


@pytest.mark.parametrize("face", FACES, ids=lambda face: face.weight)
def test_the_core_faces_are_a_fraction_of_the_full_faces(face: Any) -> None:
    core, full = (FONTS_DIR / face.core).stat().st_size, (FONTS_DIR / face.full).stat().st_size
    assert core < 0.7 * full, (core, full)
    full_facts, core_facts = font_facts(FONTS_DIR / face.full), font_facts(FONTS_DIR / face.core)
    # The same design: the fallback faces, measured on the full files, fit the core ones as well.
    assert (core_facts.ascent, core_facts.descent, core_facts.line_gap) == (
        full_facts.ascent,
        full_facts.descent,
        full_facts.line_gap,
    )
    assert core_facts.widths == full_facts.widths


def test_a_fonts_folder_without_core_files_gets_the_full_faces_for_every_character(tmp_path: Path) -> None:
    """A site's own fonts folder (theme assets_dir) from before the split still works as it did."""
    for face in FACES:
        shutil.copy(FONTS_DIR / face.full, tmp_path / face.full)
    found = rules(font_faces_css(tmp_path))
    assert set(found) == {face.full for face in FACES}
    assert all("unicode-range" not in descriptors for descriptors in found.values())


def test_the_bundle_carries_the_split_faces(site_build: Build) -> None:
    assert set(rules(stylesheet_bundle(site_build, ""))) == {name for face in FACES for name in (face.core, face.full)}


def test_text_beyond_the_core_faces_fetches_the_full_face_and_is_set_in_inter(site_url: str, browser: Any) -> None:
    """A client's name with a Latin Extended-A letter: the full face arrives and draws it (no fallback glyph)."""
    page = browser.new_page(viewport={"width": 412, "height": 823})
    fetched: list[str] = []
    page.on("request", lambda request: request.resource_type == "font" and fetched.append(request.url))
    page.goto(site_url + "about/", wait_until="load")
    page.evaluate("document.fonts.ready")
    assert not any(url.endswith("/inter-regular.woff2") for url in fetched)
    with page.expect_request(lambda request: request.url.endswith("/inter-regular.woff2")):
        page.evaluate(
            """() => { const p = document.createElement('p'); p.textContent = 'Łucja Dvořák';
                       document.querySelector('article').append(p); }"""
        )
    page.evaluate("document.fonts.ready")
    drawn_in_inter = page.evaluate("document.fonts.check('16px Inter', 'Łř')")
    loaded = page.evaluate("[...document.fonts].filter(f => f.family === 'Inter' && f.status === 'loaded').length")
    page.close()
    assert any(url.endswith("/inter-regular.woff2") for url in fetched), fetched
    assert drawn_in_inter
    assert loaded == 3  # the two core faces and the full regular face; the full semibold one is not needed


def test_the_site_publishes_exactly_the_faces_its_stylesheet_names(site_build: Build) -> None:
    """No font file sits in the site unused (the infographics' bold face is drawn into images, never served)."""
    published = {path.name for path in (site_build.site / "assets" / "fonts").glob("*")}
    assert published == set(rules(stylesheet_bundle(site_build, "")))
