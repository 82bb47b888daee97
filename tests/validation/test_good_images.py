"""Pictures judged sound are not decoded again by the next check or build of the project (keyed by their bytes,
the limits and Pillow's version); a picture whose bytes change is judged again."""

from __future__ import annotations

from pathlib import Path

import pytest

import therapy_site.validation.images as images
from helpers import copy_project
from therapy_site.project import load_project
from therapy_site.validation.context import CheckContext
from therapy_site.validation.pictures import GOOD_IMAGES_FILE
from therapy_site.validation.runner import check_site

HERO = Path("docs/assets/images/anxiety-hero.webp")


def judged(project: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """(pictures decoded, error findings) of one fresh check of the whole site."""
    decoded: list[str] = []
    real = images.image_problem

    def counting(path, shown_src, max_megapixels, max_mb):  # type: ignore[no-untyped-def]
        decoded.append(Path(path).name)
        return real(path, shown_src, max_megapixels, max_mb)

    monkeypatch.setattr(images, "image_problem", counting)
    results = check_site(CheckContext(load_project(project / "mkdocs.yml")))
    errors = [finding.as_text() for found in results.values() for finding in found if finding.severity == "error"]
    return decoded, errors


def test_sound_pictures_are_judged_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path / "project")
    first, errors = judged(project, monkeypatch)
    assert HERO.name in first and not errors
    assert (project / GOOD_IMAGES_FILE).is_file()
    second, errors = judged(project, monkeypatch)
    assert second == [] and not errors


def test_a_picture_whose_bytes_change_is_judged_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path / "project")
    judged(project, monkeypatch)
    hero = project / HERO
    hero.write_bytes(hero.read_bytes()[:300])  # cut short: a damaged file
    again, errors = judged(project, monkeypatch)
    assert again == [HERO.name]
    assert any("anxiety-hero.webp' is damaged" in error for error in errors), errors


def test_a_first_check_judges_many_pictures_across_the_cores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Unknown pictures are decoded by worker processes before the rules run; the rules then decode only the
    damaged one, to word its finding."""
    from PIL import Image

    monkeypatch.setattr("therapy_site.processes.available_cores", lambda: 2)
    project = copy_project(tmp_path / "project")
    gallery = project / "docs" / "assets" / "images" / "gallery"
    gallery.mkdir()
    for number in range(40):
        Image.new("RGB", (64, 48), (number * 6, 120, 90)).save(gallery / f"picture-{number:02d}.png")
    hero = project / HERO
    hero.write_bytes(hero.read_bytes()[:300])
    decoded, errors = judged(project, monkeypatch)
    assert decoded == [HERO.name], "the sound pictures were judged by the workers, not one by one here"
    assert any("anxiety-hero.webp' is damaged" in error for error in errors), errors
    assert (project / GOOD_IMAGES_FILE).read_text(encoding="utf-8").count(":") >= 2 * 40
    again, _ = judged(project, monkeypatch)
    assert again == [HERO.name], "what the workers found sound is remembered"
