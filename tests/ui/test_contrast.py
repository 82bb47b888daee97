"""AAA contrast (axe color-contrast-enhanced: 7:1, large text 4.5:1) on every page type, light and dark."""

from __future__ import annotations

from typing import Any

import pytest
from ui_support import AXE_WIDTHS, PAGE_NAMES, SCHEMES, contrast_failures

from helpers import first_visit_tab, open_page


@pytest.mark.parametrize("width", AXE_WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_text_meets_aaa_contrast(loads: dict, name: str, scheme: str, width: int) -> None:
    result = loads[name, width, scheme]
    assert result.scheme_applied == SCHEMES[scheme], "the palette did not follow prefers-color-scheme"
    assert result.contrast == [], "\n".join(result.contrast)


def test_the_contrast_check_finds_text_below_aaa(browser: Any, site_url: str) -> None:
    """The measure above can fail: grey text at 4.6:1 (AA, not AAA) added to a page is found and named."""
    with first_visit_tab(browser) as page:
        open_page(page, site_url + "about/")
        page.evaluate(
            """() => { const p = document.createElement("p"); p.id = "too-light"; p.textContent = "Grey words";
            p.style.cssText = "color: #757575; background: #fff"; document.querySelector("article").append(p); }"""
        )
        failures = contrast_failures(page)
    assert [failure for failure in failures if "#too-light" in failure], failures
