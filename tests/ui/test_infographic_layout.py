"""The infographic reads as a graphic on wide screens: title first, cards side by side."""

from __future__ import annotations

from typing import Any

import pytest
from ui_support import TRUST_POST

FIGURE = """
() => {
  const figure = document.querySelector("figure.ts-infographic");
  const title = figure.querySelector(".ts-infographic__heading").getBoundingClientRect();
  const cards = [...figure.querySelectorAll(".ts-infographic__item")].map((card) => card.getBoundingClientRect());
  return {
    titleBottom: title.bottom,
    titleTop: title.top,
    cardTops: cards.map((card) => card.top),
    cardLefts: cards.map((card) => Math.round(card.left)),
    figureHeight: figure.getBoundingClientRect().height,
  };
}
"""


def measure(browser: Any, url: str, width: int) -> dict[str, Any]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.goto(url, wait_until="networkidle")
        return page.evaluate(FIGURE)
    finally:
        page.close()


@pytest.mark.parametrize("width", [960, 1280])
def test_cards_sit_side_by_side_under_the_title_on_wide_screens(browser: Any, site_url: str, width: int) -> None:
    figure = measure(browser, site_url + TRUST_POST, width)
    assert len(figure["cardLefts"]) == 4
    assert len(set(figure["cardLefts"])) > 1, "the cards are in one column"
    assert figure["titleBottom"] <= min(figure["cardTops"]), "the title does not come before the cards"


def test_on_a_phone_the_title_still_comes_first(browser: Any, site_url: str) -> None:
    figure = measure(browser, site_url + TRUST_POST, 390)
    assert len(set(figure["cardLefts"])) == 1
    assert figure["titleBottom"] <= min(figure["cardTops"])
