"""What the build needs to know about a font file, without reading the font itself.

The glyph coverage (for the "character not in the font" checks) and the metrics (for
the metric-matched fallback faces) come from the font's tables. fontTools reads them,
but a WOFF2 file has to be decompressed whole first: about 4 MiB and a tenth of a
second per font, on every build. For the fonts the package ships, the facts are in
``data/fonts/facts.json``, keyed by each file's SHA-256 (a test recomputes them from
the files); any other font file (a site's own ``assets_dir``) is read with fontTools.

    python -m therapy_site.fontfacts      # rewrite data/fonts/facts.json from the shipped fonts
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from therapy_site.data import FONTS_DIR

FACTS_FILE = FONTS_DIR / "facts.json"
# The characters whose advance widths the fallback faces need (theme.font_fallback.LETTER_FREQUENCY).
WIDTH_CHARACTERS = " etaonishrlducmwfgypbvkTIASxjqz"


@dataclass(frozen=True)
class FontFacts:
    codepoints: frozenset[int]
    ascent: float  # as fractions of the em, as a browser on Linux/Android uses them
    descent: float  # positive
    line_gap: float
    widths: dict[str, float]  # advance width of each of WIDTH_CHARACTERS, in em


def font_facts(path: Path) -> FontFacts:
    """The facts of the font file at ``path``: from ``facts.json`` for a shipped font, else from the font."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    shipped = _shipped_facts().get(digest)
    return _from_json(shipped) if shipped is not None else read_facts(path)


def read_facts(path: Path) -> FontFacts:
    """Read the facts from the font's own tables (TTF, OTF, WOFF, WOFF2)."""
    from fontTools.ttLib import TTFont  # only for fonts without shipped facts: importing it costs memory

    with TTFont(str(path)) as font:
        units = font["head"].unitsPerEm
        os2, hhea = font["OS/2"], font["hhea"]
        if os2.fsSelection & (1 << 7):  # USE_TYPO_METRICS
            ascent, descent, gap = os2.sTypoAscender, -os2.sTypoDescender, os2.sTypoLineGap
        else:
            ascent, descent, gap = hhea.ascent, -hhea.descent, hhea.lineGap
        cmap, advances = font.getBestCmap(), font["hmtx"].metrics
        widths = {char: advances[cmap[ord(char)]][0] / units for char in WIDTH_CHARACTERS if ord(char) in cmap}
    return FontFacts(frozenset(cmap), ascent / units, descent / units, gap / units, widths)


def _shipped_facts() -> dict[str, Any]:
    try:
        return dict(json.loads(FACTS_FILE.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def codepoint_runs(codepoints: Iterable[int]) -> list[list[int]]:
    """Runs of consecutive code points, each as ``[first, last]``, in order."""
    ranges: list[list[int]] = []
    for point in sorted(codepoints):
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return ranges


def _to_json(facts: FontFacts) -> dict[str, Any]:
    return {
        "codepoints": codepoint_runs(facts.codepoints),
        "ascent": facts.ascent,
        "descent": facts.descent,
        "line_gap": facts.line_gap,
        "widths": facts.widths,
    }


def _from_json(data: dict[str, Any]) -> FontFacts:
    codepoints = frozenset(point for start, end in data["codepoints"] for point in range(start, end + 1))
    widths = {str(char): float(width) for char, width in data["widths"].items()}
    return FontFacts(codepoints, float(data["ascent"]), float(data["descent"]), float(data["line_gap"]), widths)


def shipped_facts_json() -> str:
    """``facts.json`` as the shipped fonts make it today."""
    facts = {}
    for path in sorted(FONTS_DIR.glob("*.woff2")):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        facts[digest] = {"file": path.name, **_to_json(read_facts(path))}
    return json.dumps(facts, indent=1, sort_keys=True) + "\n"


if __name__ == "__main__":
    FACTS_FILE.write_text(shipped_facts_json(), encoding="utf-8")
    print(f"wrote {FACTS_FILE}")
