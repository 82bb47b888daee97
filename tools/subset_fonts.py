"""Subset Debian's OFL fonts and write the WOFF2 files we ship in ``plugins/therapy_site/data/fonts``.

Run once when the font set changes (needs Debian ``fonts-inter`` and ``fonts-inter-variable``):

    .venv/bin/python tools/subset_fonts.py && .venv/bin/python -m therapy_site.fontfacts

Two kinds of file come out:

- the full faces (``inter-regular.woff2`` ...): Latin with Latin Extended-A, general punctuation,
  arrows and a few symbols. The infographics draw with them, and a page downloads one only when
  its text has a character the core face lacks (``unicode-range``, see therapy_site.theme.font_faces);
- the core faces (``inter-regular-core.woff2``, ``inter-semibold-core.woff2``): the characters
  English text uses (Latin-1, common punctuation), cut from the variable font and fixed at one
  weight. Every page preloads them: 25 KB for both, where the full faces weigh 40 KB (TrueType
  outlines compress better in WOFF2 than the static CFF files').

The output is committed, so building the site never needs the system fonts or the network.
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

STATIC_DIR = Path("/usr/share/fonts/opentype/inter")
VARIABLE_FONT = Path("/usr/share/fonts/truetype/inter-vf/Inter-roman.var.ttf")
TARGET_DIR = Path(__file__).resolve().parent.parent / "plugins" / "therapy_site" / "data" / "fonts"
FULL_FACES = {
    "Inter-Regular.otf": "inter-regular.woff2",
    "Inter-SemiBold.otf": "inter-semibold.woff2",
    "Inter-Bold.otf": "inter-bold.woff2",
}
CORE_FACES = {400: "inter-regular-core.woff2", 600: "inter-semibold-core.woff2"}
# Basic Latin, Latin-1, Latin Extended-A, general punctuation, currency, arrows
# and a few symbols used in UI text (•, ›, →, ✓).
FULL_UNICODES = ",".join(
    [
        "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0100-017F",
        "U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212,U+2215,U+2713",
    ]
)
# What English text and our templates use: Latin-1, spaces and format characters, dashes,
# quotes, bullets, ellipsis, primes, angle quotes, fraction slash, €, ™, arrows, minus, ✓.
CORE_UNICODES = ",".join(
    [
        "U+0020-007E,U+00A0-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC",
        "U+2000-2027,U+202F-2030,U+2032-2033,U+2039-203A,U+2044,U+205F-2064",
        "U+20AC,U+2122,U+2190-2193,U+2212,U+2215,U+2713",
    ]
)


def subsetter_options() -> subset.Options:
    options = subset.Options()
    # Kerning and standard ligatures only: the other features cost ~15% of each file for
    # refinements (contextual arrows, tabular figures) our text does not use.
    options.layout_features = ["kern", "liga"]
    options.name_IDs = ["*"]  # keep the copyright and licence names the OFL asks for
    options.drop_tables += ["DSIG"]
    return options


def subset_font(font: TTFont, unicodes: str) -> TTFont:
    subsetter = subset.Subsetter(subsetter_options())
    subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
    subsetter.subset(font)
    return font


def save_woff2(font: TTFont, target: Path) -> None:
    font.flavor = "woff2"
    font.save(target)
    print(f"{target.name}: {target.stat().st_size} bytes")


def main() -> None:
    TARGET_DIR.mkdir(parents=True, exist_ok=True)
    for source_name, target_name in FULL_FACES.items():
        font = subset_font(TTFont(STATIC_DIR / source_name, recalcTimestamp=False), FULL_UNICODES)
        save_woff2(font, TARGET_DIR / target_name)
    for weight, target_name in CORE_FACES.items():
        # Subset first (the instancer would keep every glyph's variations), then fix the weight.
        font = subset_font(TTFont(VARIABLE_FONT, recalcTimestamp=False), CORE_UNICODES)
        font = instancer.instantiateVariableFont(font, {"wght": weight}, updateFontNames=True)
        save_woff2(font, TARGET_DIR / target_name)


if __name__ == "__main__":
    main()
