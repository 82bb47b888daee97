"""WCAG 1.4.11 non-text contrast: every visible button, link-styled button and form control is told apart from
what surrounds it by at least 3:1, on every page type in both palettes, computed from the rendered colours.

A control shows where it is by its fill, its border, or (a borderless control on no fill of its own, like the
header's icons) by its content's colour: one of them must reach 3:1 against the colour behind the control.
"""

from __future__ import annotations

from typing import Any

import pytest
from ui_support import AXE_WIDTHS, BY_NAME, PAGE_NAMES, SCHEMES

MINIMUM = 3.0


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


@pytest.mark.parametrize("width", AXE_WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_controls_stand_out_from_their_surroundings(loads: dict, name: str, scheme: str, width: int) -> None:
    result = loads[name, width, scheme]  # the controls' colours are measured by ui_support.CONTROLS on that load
    assert result.scheme_applied == SCHEMES[scheme], "the palette did not follow prefers-color-scheme"
    controls = result.controls
    assert controls or BY_NAME[name].path == "404.html", "no control found: the measure looks at nothing"
    assert weak_controls(controls) == []
