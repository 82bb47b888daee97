"""The header's booking button comes from our copy of Material's header partial: once, last, after search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers import Build, copy_project, engine_options, load_config, run_build, write_config

BAR = "//header[@data-md-component='header']/nav[contains(@class, 'md-header__inner')]"


def test_button_is_once_in_the_header_bar_after_search_on_every_page(site_build: Build) -> None:
    pages = sorted(site_build.site.rglob("*.html"))
    assert len(pages) >= 15
    for path in pages:
        page = site_build.html(path.relative_to(site_build.site).as_posix())
        (button,) = page.xpath("//a[@class='ts-header-book']")
        (bar,) = page.xpath(BAR)
        assert button.getparent() is bar and bar[-1] is button, path
        before = [element.get("class") for element in button.itersiblings(preceding=True)]
        assert "md-search" in before, path


def test_tab_goes_from_the_search_field_to_the_button(browser: Any, site_url: str) -> None:
    for width in (1280, 400):
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.goto(site_url + "blog/role-of-trust-in-therapy/")
        focused = []
        for _ in range(8):
            page.keyboard.press("Tab")
            focused.append(page.evaluate("document.activeElement.className"))
        page.close()
        button = next(index for index, name in enumerate(focused) if "ts-header-book" in name)
        assert "md-search__input" in focused[button - 1], (width, focused)


def test_header_button_needs_the_material_plugin(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = load_config(project)
    engine_options(config)["material"] = False
    write_config(project, config)
    build = run_build(project)
    assert build.returncode != 0
    assert "header_button needs the therapy-site/material plugin" in build.output
