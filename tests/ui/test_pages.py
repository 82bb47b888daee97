"""Page by page: the sidebars, footer and palette details issue 17 asked for."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from ui_support import PAGE_NAMES, POST_NAMES, WIDTHS

from helpers import Build, build_copy, make_post

SINGLE_PAGES = ["about", "services", "book", "privacy", "urgent help"]


@pytest.mark.parametrize("name", SINGLE_PAGES)
def test_single_pages_have_no_left_sidebar_on_desktop(loads: dict, name: str) -> None:
    """A sidebar listing only the page itself says nothing: the page reads at full measure instead."""
    assert loads[name, 1280, "light"].measures["sidebarLinks"] == 0


def test_the_blog_sidebar_lists_its_pages_once(loads: dict) -> None:
    measures = loads["blog index", 1280, "light"].measures
    assert measures["sidebarLinks"] >= 3  # the blog, its archive and its categories


def test_book_page_says_it_is_no_emergency_service_in_its_own_style(loads: dict) -> None:
    """Not an orange warning, not Material's note with its pencil: the urgent box, with an alert icon."""
    measures = loads["book", 1280, "light"].measures
    assert measures["warningBoxes"] == 0
    (notice,) = [box for box in measures["admonitions"] if "emergency" in box["title"]]
    assert notice["type"] == "urgent"
    assert "M11 15h2v2h-2v-2" in notice["icon"]  # the alert circle (therapy.css), not the pencil


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_footer_has_one_privacy_link_and_labelled_previous_next(loads: dict, name: str, width: int) -> None:
    measures = loads[name, width, "light"].measures
    assert measures["privacyLinks"] == 1
    assert measures["unlabelledFooterLinks"] == 0, "a footer link shows an arrow without its label"


@pytest.mark.parametrize("name", POST_NAMES)
def test_dark_palette_dims_the_hero_illustration(loads: dict, name: str) -> None:
    light, dark = loads[name, 1280, "light"], loads[name, 1280, "dark"]
    assert light.hero_filter == "none"
    assert "brightness" in dark.hero_filter


def test_footer_year_is_the_build_dates_year(loads: dict) -> None:
    """The real site's sources date from 2025: the pinned build date, and so the footer, say 2025."""
    assert loads["home", 1280, "light"].measures["footerYear"] == "2025"


def test_footer_year_follows_the_newest_source_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A post written in a later year moves the footer's year with it, on every page (no hand-written year)."""
    # The build pins its date from its own sources; a date another in-process build left behind must not leak in.
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    # New Year's Day of this year: the newest date, yet not in the future (future posts are drafts).
    year = date.today().year
    post = make_post("A new-year post.\n", title="A new year", slug="new-year", date=f"{year}-01-01")
    build: Build = build_copy(tmp_path, posts={"new-year.md": post})
    assert build.returncode == 0, build.output
    for url_path in ("", "about/", "blog/new-year/"):
        (copyright_line,) = build.html(url_path).cssselect(".md-copyright__highlight")
        assert copyright_line.text_content().split() == ["©", str(year), "Stillwater", "Therapy"], url_path
