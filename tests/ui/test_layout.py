"""Every page type at phone, small-phone, tablet and desktop width: nothing cut off, nothing said twice."""

from __future__ import annotations

import pytest
from ui_support import PAGE_NAMES, POST_NAMES, WIDTHS, Load

SITE_NAME = "Stillwater Therapy"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_horizontal_overflow(loads: dict, name: str, width: int) -> None:
    measures = loads[name, width, "light"].measures
    assert measures["scrollWidth"] <= measures["clientWidth"], measures["overflowing"]
    assert measures["overflowing"] == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_site_name_is_shown_whole_inside_the_header(loads: dict, name: str, width: int) -> None:
    site_name = loads[name, width, "light"].measures["siteName"]
    assert site_name["text"] == SITE_NAME
    assert site_name["visible"]
    assert site_name["scrollWidth"] <= site_name["clientWidth"], f"truncated: {site_name}"
    assert site_name["left"] >= 0 and site_name["right"] <= width
    assert site_name["titleLeft"] - 0.5 <= site_name["left"] and site_name["right"] <= site_name["titleRight"] + 0.5
    assert site_name["overlaps"] == 0, "the site name runs into the header's buttons"
    assert site_name["headerTop"] <= site_name["top"] and site_name["bottom"] <= site_name["headerBottom"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_link_and_button_has_an_accessible_name(loads: dict, name: str, width: int) -> None:
    result: Load = loads[name, width, "light"]
    assert result.unnamed == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", POST_NAMES)
def test_a_post_shows_one_author_box_and_one_date_line(loads: dict, name: str, width: int) -> None:
    measures = loads[name, width, "light"].measures
    assert measures["createdDate"], "the post header has no publication date"
    assert measures["authorBoxes"] == 1
    assert measures["bioCopies"] == 1, "the author's bio is shown more than once (or not at all)"
    assert measures["dateLines"] == 1


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_a_permalink_never_adds_a_line_to_its_heading(loads: dict, name: str, width: int) -> None:
    permalinks = loads[name, width, "light"].measures["permalinks"]
    for link in permalinks:
        assert abs(link["withLink"] - link["withoutLink"]) < 1, link
        assert link["left"] >= 0 and link["right"] <= width, link


def test_headings_with_permalinks_are_measured_at_phone_width(loads: dict) -> None:
    """The permalink test above has long headings to measure (the trust post's FAQ questions)."""
    permalinks = loads["trust post", 320, "light"].measures["permalinks"]
    assert len(permalinks) >= 8
    assert max(link["withoutLink"] for link in permalinks) > 60, "no heading wraps at 320 px"
