"""Font facts (glyph coverage, metrics) of the shipped fonts come from ``facts.json``, which matches the fonts;
a build never loads fontTools for them, and any other font is still read from its own tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import therapy_site.fontfacts as fontfacts
from helpers import copy_project
from therapy_site.data import FONTS_DIR
from therapy_site.theme.font_fallback import LETTER_FREQUENCY


def test_the_shipped_facts_are_those_of_the_shipped_fonts() -> None:
    assert fontfacts.FACTS_FILE.read_text(encoding="utf-8") == fontfacts.shipped_facts_json(), (
        "data/fonts/facts.json is stale: run 'python -m therapy_site.fontfacts'"
    )


@pytest.mark.parametrize("name", sorted(path.name for path in FONTS_DIR.glob("*.woff2")))
def test_a_font_without_shipped_facts_is_read_from_its_tables(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = fontfacts.font_facts(FONTS_DIR / name)
    monkeypatch.setattr(fontfacts, "FACTS_FILE", tmp_path / "missing.json")
    read = fontfacts.font_facts(FONTS_DIR / name)
    assert read == shipped
    assert ord("é") in read.codepoints and ord("✿") not in read.codepoints


def test_the_facts_hold_every_width_the_fallbacks_average() -> None:
    assert set(fontfacts.WIDTH_CHARACTERS) == set(LETTER_FREQUENCY)
    facts = fontfacts.font_facts(FONTS_DIR / "inter-regular.woff2")
    assert set(facts.widths) == set(LETTER_FREQUENCY)


def test_a_build_does_not_load_fonttools(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    script = (
        "import sys, mkdocs.commands.build as build, mkdocs.config as config\n"
        "cfg = config.load_config('mkdocs.yml', site_dir=sys.argv[1])\n"
        "cfg.plugins.on_startup(command='build', dirty=False)\n"
        "build.build(cfg)\n"
        "print('fontTools loaded:', 'fontTools' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "fontTools loaded: False" in result.stdout
    assert (tmp_path / "site" / "blog" / "role-of-trust-in-therapy" / "index.html").is_file()
