"""Nothing moves while a page loads: fonts and images that arrive late shift no layout (CLS 0).

The browser holds every font and image back until the page has been painted
with the fallback fonts and empty image boxes, then lets them through, and a
``PerformanceObserver`` adds up the layout shifts that follow (what Lighthouse
reports as CLS). Phone-sized viewport, where text wraps most.
"""

from __future__ import annotations

from typing import Any

import pytest

PAGES = ("", "blog/", "blog/role-of-trust-in-therapy/", "404.html")
OBSERVE_SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    const sources = (entry.sources || []).map(
      source => source.node ? source.node.nodeName + "." + source.node.className : "?");
    window.__shifts.push({value: entry.value, sources: sources});
  }
}).observe({type: "layout-shift", buffered: true});
"""
LATE = ("font", "image")
# Below this a shift is sub-pixel rounding, shown as 0 by Lighthouse (two decimals).
NOTHING = 0.001


def shifts_while_loading(browser: Any, url: str) -> list[dict[str, Any]]:
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    page = context.new_page()
    held: list[Any] = []
    page.route("**/*", lambda route: held.append(route) if route.request.resource_type in LATE else route.continue_())
    page.add_init_script(OBSERVE_SHIFTS)
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_timeout(500)  # painted with fallback fonts and empty image boxes
    assert page.evaluate("document.fonts.status") == "loading" or held, "fonts were not held back"
    while held:
        held.pop().continue_()
        page.wait_for_timeout(20)
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(800)
    shifts = page.evaluate("window.__shifts")
    context.close()
    return shifts


@pytest.mark.parametrize("path", PAGES)
def test_late_fonts_and_images_move_nothing(site_url: str, browser: Any, path: str) -> None:
    shifts = shifts_while_loading(browser, site_url + path)
    total = sum(shift["value"] for shift in shifts)
    assert total < NOTHING, shifts
