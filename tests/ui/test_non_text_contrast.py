"""WCAG 1.4.11 non-text contrast: every visible button, link-styled button and form control is told apart from
what surrounds it by at least 3:1, on every page type in both palettes, computed from the rendered colours.

A control shows where it is by its fill, its border, or (a borderless control on no fill of its own, like the
header's icons) by its content's colour: one of them must reach 3:1 against the colour behind the control.
"""

from __future__ import annotations

from typing import Any

import pytest
from ui_support import BY_NAME, PAGE_NAMES, SCHEMES

MINIMUM = 3.0
WIDTHS = (390, 1280)

CONTROLS = """
() => {
  const parse = (value) => {
    const match = value.match(/^rgba?\\(([\\d.]+),?\\s*([\\d.]+),?\\s*([\\d.]+)(?:,?\\s*\\/?\\s*([\\d.]+))?\\)$/);
    if (!match) return null;
    return [+match[1], +match[2], +match[3], match[4] === undefined ? 1 : +match[4]];
  };
  const over = (top, bottom) => {  // top composited over an opaque bottom
    const alpha = top[3];
    return [0, 1, 2].map((i) => top[i] * alpha + bottom[i] * (1 - alpha)).concat(1);
  };
  const behind = (el) => {  // the opaque colour behind el: its ancestors' backgrounds composited
    const layers = [];
    for (let node = el.parentElement; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour && colour[3] > 0) layers.push(colour);
      if (colour && colour[3] >= 1) break;
    }
    let result = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const visible = (el) => {
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return style.display !== "none" && style.visibility !== "hidden" && +style.opacity > 0
      && rect.width > 1 && rect.height > 1 && !el.closest("[hidden]");
  };
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/).join(".") : "")
    + " '" + (el.textContent || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 40) + "'";
  const selector = ".md-button, button, input:not([type=hidden]), select, textarea, [role=button], .md-header__button";
  return [...document.querySelectorAll(selector)].filter(visible).map((el) => {
    const style = getComputedStyle(el);
    const around = behind(el);
    const fill = parse(style.backgroundColor);
    const border = parse(style.borderTopColor);
    const indicators = [];
    if (fill && fill[3] > 0) indicators.push(["fill", over(fill, around)]);
    const bordered = border && border[3] > 0 && parseFloat(style.borderTopWidth) >= 1;
    if (bordered) indicators.push(["border", over(border, around)]);
    if (!indicators.length) indicators.push(["content", over(parse(style.color) || [0, 0, 0, 1], around)]);
    return { control: describe(el), around, indicators };
  });
}
"""


def luminance(colour: list[float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in colour[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: list[float], second: list[float]) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def weak_controls(controls: list[dict[str, Any]]) -> list[str]:
    weak = []
    for control in controls:
        ratios = {name: contrast(colour, control["around"]) for name, colour in control["indicators"]}
        if max(ratios.values()) < MINIMUM:
            shown = ", ".join(f"{name} {ratio:.2f}:1" for name, ratio in ratios.items())
            weak.append(f"{control['control']}: {shown}")
    return weak


def test_the_measure_knows_a_weak_button_from_a_strong_one() -> None:
    around = [22, 29, 26, 1]  # the dark palette's page
    weak = {"control": "weak", "around": around, "indicators": [["fill", [28, 43, 37, 1]]]}
    strong = {"control": "strong", "around": around, "indicators": [["fill", [159, 212, 185, 1]]]}
    assert weak_controls([weak, strong]) == ["weak: fill 1.16:1"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_controls_stand_out_from_their_surroundings(
    browser: Any, ui_url: Any, name: str, scheme: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(ui_url(name), wait_until="networkidle")
        assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
        controls = page.evaluate(CONTROLS)
    finally:
        context.close()
    assert controls or BY_NAME[name].path == "404.html", "no control found: the measure looks at nothing"
    assert weak_controls(controls) == []
