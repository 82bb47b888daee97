"""Material's palette sheet, joined into our bundle by the theme: which files and when (see material/styles.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from therapy_site.material.partials import material_templates_dir
from therapy_site.material.styles import STYLES_BLOCK, palette_to_bundle, styles_block

MAIN = "assets/stylesheets/main.0123abcd.min.css"
PALETTE = "assets/stylesheets/palette.4567ef.min.css"
A_PALETTE = {"palette": [{"scheme": "default"}]}


def theme_files(tmp_path: Path, *names: str) -> Files:
    return Files([File(name, str(tmp_path), str(tmp_path / "site"), use_directory_urls=True) for name in names])


def test_installed_material_has_the_styles_block_our_override_recreates() -> None:
    """Fails after a Material upgrade that changed the block: update overrides/main.html's copy and STYLES_BLOCK."""
    base = (material_templates_dir() / "base.html").read_text(encoding="utf-8")
    assert styles_block(base) == STYLES_BLOCK


def test_the_guard_notices_a_changed_block() -> None:
    base = (material_templates_dir() / "base.html").read_text(encoding="utf-8")
    changed = base.replace('{% include "partials/icons.html" %}', '{% include "partials/icons.html" %}<link>', 1)
    assert styles_block(changed) != STYLES_BLOCK
    assert styles_block(base.replace("{% block styles %}", "{% block css %}")) is None


def test_the_palette_joins_the_bundle_when_the_theme_has_one(tmp_path: Path) -> None:
    found = palette_to_bundle(theme_files(tmp_path, MAIN, PALETTE, "assets/javascripts/bundle.1.min.js"), A_PALETTE)
    assert found is not None
    assert (found.main, found.palette.src_uri) == (MAIN, PALETTE)


def test_without_a_palette_or_with_unexpected_files_materials_block_stays(tmp_path: Path) -> None:
    assert palette_to_bundle(theme_files(tmp_path, MAIN, PALETTE), {"palette": None}) is None
    assert palette_to_bundle(theme_files(tmp_path, MAIN), A_PALETTE) is None
    two = theme_files(tmp_path, MAIN, PALETTE, "assets/stylesheets/palette.89.min.css")
    assert palette_to_bundle(two, A_PALETTE) is None
