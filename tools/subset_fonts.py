"""Subset Debian's OFL fonts to Latin and write the WOFF2 files we ship in ``plugins/therapy_site/data/fonts``.

Run once when the font set changes (needs Debian ``fonts-inter``):

    .venv/bin/python tools/subset_fonts.py

The output is committed, so building the site never needs the system fonts
or the network.
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE_DIR = Path("/usr/share/fonts/opentype/inter")
TARGET_DIR = Path(__file__).resolve().parent.parent / "plugins" / "therapy_site" / "data" / "fonts"
FACES = {
    "Inter-Regular.otf": "inter-regular.woff2",
    "Inter-SemiBold.otf": "inter-semibold.woff2",
    "Inter-Bold.otf": "inter-bold.woff2",
}
# Basic Latin, Latin-1, Latin Extended-A, general punctuation, currency, arrows
# and a few symbols used in UI text (•, ›, →, ✓).
UNICODES = ",".join(
    [
        "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0100-017F",
        "U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212,U+2215,U+2713",
    ]
)


def subset_face(source: Path, target: Path) -> None:
    options = subset.Options()
    options.flavor = "woff2"
    # Kerning and standard ligatures only: the other features cost ~15% of each file for
    # refinements (contextual arrows, tabular figures) our text does not use.
    options.layout_features = ["kern", "liga"]
    options.name_IDs = ["*"]  # keep the copyright and licence names the OFL asks for
    options.drop_tables += ["DSIG"]
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(target)


def main() -> None:
    TARGET_DIR.mkdir(parents=True, exist_ok=True)
    for source_name, target_name in FACES.items():
        subset_face(SOURCE_DIR / source_name, TARGET_DIR / target_name)
        print(f"{target_name}: {(TARGET_DIR / target_name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
