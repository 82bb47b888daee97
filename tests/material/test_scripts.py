"""Material's script bundle, deferred by overrides/main.html: which file it is and when deferring is safe."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.structure.files import File, Files

from therapy_site.material.partials import material_templates_dir
from therapy_site.material.scripts import (
    SCRIPTS_BLOCK,
    deferred_material_script,
    material_script,
    runs_after_deferred,
    scripts_block,
)


def theme_files(tmp_path: Path, *names: str) -> Files:
    return Files([File(name, str(tmp_path), str(tmp_path / "site"), use_directory_urls=True) for name in names])


def extra_script(path: str, **options: object) -> ExtraScriptValue:
    script = ExtraScriptValue(path)
    for name, value in options.items():
        setattr(script, name, value)
    return script


def test_installed_material_has_the_scripts_block_our_override_recreates() -> None:
    """Fails after a Material upgrade that changed the block: update overrides/main.html's copy and SCRIPTS_BLOCK."""
    base = (material_templates_dir() / "base.html").read_text(encoding="utf-8")
    assert scripts_block(base) == SCRIPTS_BLOCK


def test_the_guard_notices_a_changed_block() -> None:
    base = (material_templates_dir() / "base.html").read_text(encoding="utf-8")
    assert scripts_block(base.replace("{{ script | script_tag }}", "{{ script | script_tag(nonce) }}")) != SCRIPTS_BLOCK
    assert scripts_block(base.replace("{% block scripts %}", "{% block javascript %}")) is None


def test_the_bundle_is_found_among_the_themes_files(tmp_path: Path) -> None:
    files = theme_files(
        tmp_path, "assets/javascripts/bundle.0123abcd.min.js", "assets/javascripts/workers/search.99aa.min.js"
    )
    assert material_script(files) == "assets/javascripts/bundle.0123abcd.min.js"


def test_no_bundle_or_two_bundles_leave_materials_block(tmp_path: Path) -> None:
    assert material_script(theme_files(tmp_path, "assets/javascripts/lunr/min/lunr.de.min.js")) is None
    two = theme_files(tmp_path, "assets/javascripts/bundle.0123abcd.min.js", "assets/javascripts/bundle.ff.min.js")
    assert material_script(two) is None


def test_deferring_waits_for_no_classic_extra_script(tmp_path: Path) -> None:
    files = theme_files(tmp_path, "assets/javascripts/bundle.0123abcd.min.js")
    assert deferred_material_script(files, []) == "assets/javascripts/bundle.0123abcd.min.js"
    assert deferred_material_script(files, ["js/site.js"]) is None


def test_only_deferred_and_module_extra_scripts_still_run_after_the_bundle() -> None:
    assert runs_after_deferred([])
    assert runs_after_deferred([extra_script("js/a.js", defer=True), extra_script("js/b.mjs", type="module")])
    assert not runs_after_deferred(["js/site.js"])
    assert not runs_after_deferred([extra_script("js/a.js", async_=True)])
    assert not runs_after_deferred([extra_script("js/a.js", defer=True), extra_script("js/c.js")])
