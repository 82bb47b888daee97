"""Navigation landmarks as the browser exposes them (Chromium's accessibility tree): one "Table of contents" at
every width, and no empty or unnamed navigation on listing pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from ui_support import BY_NAME, TRUST_POST

from helpers import first_visit_tab, open_page

TOC_WIDTHS = (390, 959, 960, 1100, 1219, 1220, 1280)
LISTINGS = ("blog index", "blog page 2", "category", "archive")


@pytest.fixture(scope="module")
def tab(browser: Any) -> Iterator[Any]:
    """One tab for every load below, each a first visit."""
    with first_visit_tab(browser) as page:
        yield page


def navigation_landmarks(tab: Any, url: str, width: int) -> list[dict[str, Any]]:
    """Each navigation landmark the page exposes, loaded afresh at ``width``: its name and how many links and
    buttons it holds."""
    tab.set_viewport_size({"width": width, "height": 900})
    open_page(tab, url)
    session = tab.context.new_cdp_session(tab)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    by_id = {node["nodeId"]: node for node in nodes}

    def links(node: dict[str, Any]) -> int:
        own = int(node.get("role", {}).get("value") in {"link", "button"} and not node.get("ignored"))
        return own + sum(links(by_id[child]) for child in node.get("childIds", []) if child in by_id)

    return [
        {"name": str(node.get("name", {}).get("value", "")).strip(), "links": links(node)}
        for node in nodes
        if not node.get("ignored") and node.get("role", {}).get("value") == "navigation"
    ]


@pytest.mark.parametrize("width", TOC_WIDTHS)
def test_a_post_has_one_table_of_contents_at_every_width(tab: Any, site_url: str, width: int) -> None:
    names = [landmark["name"] for landmark in navigation_landmarks(tab, site_url + TRUST_POST, width)]
    assert names.count("Table of contents") == 1, names


@pytest.mark.parametrize("name", LISTINGS)
def test_listing_pages_have_no_empty_or_unnamed_navigation(tab: Any, ui_url: Any, name: str) -> None:
    landmarks = navigation_landmarks(tab, ui_url(name), 1280)
    assert landmarks
    assert [landmark for landmark in landmarks if not landmark["links"]] == []
    assert [landmark for landmark in landmarks if not landmark["name"]] == [], landmarks
    # The pager is there only where there are pages to move between, named (therapy_site.material.repairs).
    pagers = [landmark for landmark in landmarks if landmark["name"] == "Pages of articles"]
    assert len(pagers) == (1 if BY_NAME[name].paged else 0), landmarks
