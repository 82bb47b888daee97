"""Metric-matched fallback faces for Inter, so nothing moves when the web font arrives.

Until Inter has loaded (``font-display: swap``) the browser draws text in a
local font. Lines then break at other places and the page shifts when Inter
swaps in. Each fallback face below is a local font scaled (``size-adjust``) to
Inter's average letter width and given Inter's ascent, descent and line gap,
so text set in it takes the same room as Inter.

Inter's side is read at build time from the font files (:mod:`therapy_site.fontfacts`: the shipped
files' facts are stored with them, any other font is read with fontTools).
The local fonts are not on the build machine, so their metrics are constants:
measured from the font files with ``python -m therapy_site.theme.font_fallback
FONT.ttf ...`` (DejaVu Sans, Linux) or, for Arial, from its published advance
widths (identical to Helvetica's and Liberation Sans'), at 1000 units per em.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from therapy_site.fontfacts import font_facts

# English letter frequencies (per mille, space included): the average width of running text.
LETTER_FREQUENCY: dict[str, float] = {
    " ": 182, "e": 103, "t": 75, "a": 65, "o": 62, "n": 57, "i": 57, "s": 53, "r": 50, "h": 50,
    "l": 33, "d": 33, "u": 23, "c": 22, "m": 20, "w": 17, "f": 18, "g": 16, "y": 15, "p": 15,
    "b": 13, "v": 8, "k": 6, "T": 3, "I": 3, "A": 2, "S": 2, "x": 1.5, "j": 1, "q": 1, "z": 1,
}  # fmt: skip


@dataclass(frozen=True)
class Metrics:
    """Vertical metrics and average text width, all as fractions of the em."""

    ascent: float
    descent: float  # positive
    line_gap: float
    average_width: float


def _average(widths: dict[str, float]) -> float:
    total = sum(LETTER_FREQUENCY.values())
    return sum(widths[char] * weight for char, weight in LETTER_FREQUENCY.items()) / total


def measure(path: Path) -> Metrics:
    """Metrics of a font file (TTF, OTF, WOFF, WOFF2) as a browser on Linux/Android uses them."""
    facts = font_facts(path)
    return Metrics(facts.ascent, facts.descent, facts.line_gap, _average(facts.widths))


ARIAL_WIDTHS = dict(zip(" etaonishrlducmwfgypbvkTIASxjqz", (
    278, 556, 278, 556, 556, 556, 222, 500, 556, 333, 222, 556, 556, 500, 833, 722, 278, 556, 500, 556,
    556, 500, 500, 611, 278, 667, 667, 500, 222, 556, 500), strict=True))  # fmt: skip
ARIAL_BOLD_WIDTHS = dict(zip(" etaonishrlducmwfgypbvkTIASxjqz", (
    278, 556, 333, 556, 611, 611, 278, 556, 611, 389, 278, 611, 611, 556, 889, 778, 333, 611, 556, 611,
    611, 556, 556, 611, 278, 722, 667, 556, 278, 611, 500), strict=True))  # fmt: skip

# Arial: hhea 1854/434/67 of 2048 units. DejaVu Sans (Regular and Bold): hhea 1901/483/0 of 2048.
ARIAL = Metrics(1854 / 2048, 434 / 2048, 67 / 2048, _average({c: w / 1000 for c, w in ARIAL_WIDTHS.items()}))
ARIAL_BOLD = Metrics(1854 / 2048, 434 / 2048, 67 / 2048, _average({c: w / 1000 for c, w in ARIAL_BOLD_WIDTHS.items()}))
DEJAVU_SANS = Metrics(0.928223, 0.235840, 0.0, 0.505629)
DEJAVU_SANS_BOLD = Metrics(0.928223, 0.235840, 0.0, 0.571125)


@dataclass(frozen=True)
class Fallback:
    family: str  # the fallback family's name in CSS
    weight: str  # the font-weight range it stands in for
    inter_file: str  # the Inter face it imitates
    local_names: tuple[str, ...]  # local() sources, full and PostScript names
    metrics: Metrics


FALLBACKS = (
    Fallback("Inter Fallback", "400", "inter-regular.woff2", ("Arial", "ArialMT", "Liberation Sans", "Arimo"), ARIAL),
    Fallback("Inter Fallback", "600 700", "inter-semibold.woff2",
             ("Arial Bold", "Arial-BoldMT", "Liberation Sans Bold", "Arimo Bold"), ARIAL_BOLD),
    Fallback("Inter Fallback DejaVu", "400", "inter-regular.woff2", ("DejaVu Sans", "DejaVuSans"), DEJAVU_SANS),
    Fallback("Inter Fallback DejaVu", "600 700", "inter-semibold.woff2",
             ("DejaVu Sans Bold", "DejaVuSans-Bold"), DEJAVU_SANS_BOLD),
)  # fmt: skip
FAMILIES = tuple(dict.fromkeys(fallback.family for fallback in FALLBACKS))


def _percent(value: float) -> str:
    return f"{value * 100:.4f}%"


def font_face(fallback: Fallback, inter: Metrics) -> str:
    scale = inter.average_width / fallback.metrics.average_width
    sources = ", ".join(f'local("{name}")' for name in fallback.local_names)
    return "\n".join(
        (
            "@font-face {",
            f'  font-family: "{fallback.family}";',
            f"  font-weight: {fallback.weight};",
            f"  src: {sources};",
            f"  size-adjust: {_percent(scale)};",
            f"  ascent-override: {_percent(inter.ascent / scale)};",
            f"  descent-override: {_percent(inter.descent / scale)};",
            f"  line-gap-override: {_percent(inter.line_gap / scale)};",
            "}",
        )
    )


def fallback_css(fonts_dir: Path) -> str:
    """``@font-face`` rules for every fallback, measured against the Inter files in ``fonts_dir``."""
    inter = {name: measure(fonts_dir / name) for name in sorted({f.inter_file for f in FALLBACKS})}
    faces = [font_face(fallback, inter[fallback.inter_file]) for fallback in FALLBACKS]
    families = ", ".join(f'"{family}"' for family in FAMILIES)
    stack = f':root {{\n  --md-text-font: "Inter", {families};\n}}'
    header = "/* Metric-matched fallbacks for Inter, computed at build time by therapy_site.theme.font_fallback */"
    return "\n".join((header, *faces, stack)) + "\n"


if __name__ == "__main__":  # print the metrics of local font files, for the constants above
    for argument in sys.argv[1:]:
        print(argument, measure(Path(argument)))
