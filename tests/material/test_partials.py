"""Our copies of Material's partials: found before Material's own, and noticed when Material's originals change."""

from __future__ import annotations

import difflib
import hashlib
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config

from helpers import Build, copy_project, write_config
from helpers import load_config as helpers_load_config
from therapy_site.material import partials
from therapy_site.material.partials import COPIED_PARTIALS, TEMPLATES_DIR, changed_originals, material_templates_dir
from therapy_site.material.plugin import add_templates_dir


def test_installed_material_has_the_partials_we_copied() -> None:
    """Fails after a Material upgrade that changed one of them: copy it again and reapply our change."""
    assert changed_originals() == [], (
        "Material's originals changed since we copied them; see therapy_site/material/partials.py"
    )


def test_the_guard_notices_a_changed_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "templates"
    for name in COPIED_PARTIALS:
        (fake / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(material_templates_dir() / name, fake / name)
    monkeypatch.setattr(partials, "material_templates_dir", lambda: fake)
    assert changed_originals() == []
    header = fake / "partials/header.html"
    header.write_text(header.read_text(encoding="utf-8").replace("md-header__inner", "md-header__bar"), "utf-8")
    (fake / "partials/post.html").unlink()
    assert changed_originals() == ["partials/header.html", "partials/post.html"]


@pytest.mark.parametrize("name", sorted(COPIED_PARTIALS))
def test_each_copy_is_the_original_plus_a_few_changed_lines(name: str) -> None:
    original = (material_templates_dir() / name).read_text(encoding="utf-8").splitlines()
    copy = (TEMPLATES_DIR / name).read_text(encoding="utf-8").splitlines()
    assert hashlib.sha256((material_templates_dir() / name).read_bytes()).hexdigest() == COPIED_PARTIALS[name]
    changed = [line for line in difflib.unified_diff(original, copy, n=0) if line[:1] in "+-"][2:]
    assert "Copied from Material for MkDocs" in "\n".join(copy[:3])
    assert 0 < len([line for line in changed if line.startswith("-")]) <= 6, changed


def test_our_templates_sit_between_the_overrides_and_material(tmp_path: Path) -> None:
    """A site's own overrides/ win over the package's templates, which win over Material's."""
    project = copy_project(tmp_path / "project")
    site = helpers_load_config(project)
    site["theme"]["custom_dir"] = "overrides"
    (project / "overrides").mkdir(exist_ok=True)
    write_config(project, site)
    config = load_config(str(project / "mkdocs.yml"))
    add_templates_dir(config.theme)
    dirs = [Path(folder) for folder in config.theme.dirs]
    assert dirs[0] == project / "overrides"
    assert dirs[1] == TEMPLATES_DIR
    assert dirs[2] == material_templates_dir()
    add_templates_dir(config.theme)
    assert [Path(folder) for folder in config.theme.dirs] == dirs, "a second on_config (mkdocs serve) adds nothing"


def test_search_dialog_is_named_and_its_closed_panel_is_no_tab_stop(site_build: Build) -> None:
    """axe aria-dialog-name; keyboard: the hidden results panel was a tab stop. Fixed in our search.html."""
    page = site_build.html("")
    (dialog,) = page.xpath("//div[@data-md-component='search'][@role='dialog']")
    (field,) = dialog.xpath(".//input[contains(@class, 'md-search__input')]")
    assert dialog.get("aria-label") == field.get("aria-label") == "Search"
    assert dialog.xpath(".//div[@class='md-search__scrollwrap']/@tabindex") == ["-1"]


def test_excerpts_have_no_unnamed_navigation_landmarks(paged_build: Build) -> None:
    """axe landmark-unique: avatars and "Continue reading" were <nav>s repeated per excerpt. Fixed in post.html."""
    page = paged_build.html("blog/")
    excerpts = page.xpath("//article[contains(@class, 'md-post--excerpt')]")
    assert len(excerpts) == 2
    for excerpt in excerpts:
        assert excerpt.xpath(".//nav") == []
        assert excerpt.xpath(".//div[@class='md-post__authors md-typeset']//img")
        assert excerpt.xpath(".//div[@class='md-post__action']/a")
