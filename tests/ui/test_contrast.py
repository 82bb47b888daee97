"""AAA contrast (axe color-contrast-enhanced: 7:1, large text 4.5:1) on every page type, light and dark."""

from __future__ import annotations

import pytest
from ui_support import AXE_WIDTHS, PAGE_NAMES, SCHEMES


@pytest.mark.parametrize("width", AXE_WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_text_meets_aaa_contrast(loads: dict, name: str, scheme: str, width: int) -> None:
    result = loads[name, width, scheme]
    assert result.scheme_applied == SCHEMES[scheme], "the palette did not follow prefers-color-scheme"
    assert result.contrast == [], "\n".join(result.contrast)
