"""The ``@font-face`` rules for Inter, written at build time from the font files a site ships.

Each weight comes in two files. The core face holds the characters English
text uses (Latin-1 and common punctuation) and is what every page preloads;
the full face holds every glyph we ship (Latin Extended-A, rarer punctuation)
and is named for only the characters the core face lacks (``unicode-range``),
so a browser downloads it only for a page whose text has one of them, a name
like "Łucja" say. The ranges are read from the files themselves
(:mod:`therapy_site.fontfacts`), so they always say what each file holds.

A fonts folder of a site's own (the theme's ``assets_dir``) without the core
files gets the full faces alone, as before the split.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from therapy_site.fontfacts import codepoint_runs, font_facts


@dataclass(frozen=True)
class Face:
    weight: str  # the CSS font-weight range the face stands for
    full: str  # every glyph we ship (the infographics draw with it too)
    core: str  # the subset for English text, preloaded


FACES = (
    # Bold text (700) is drawn with the semibold face; italic text is the regular face slanted by the browser.
    Face("400", "inter-regular.woff2", "inter-regular-core.woff2"),
    Face("600 700", "inter-semibold.woff2", "inter-semibold-core.woff2"),
)
CODE_FONT = 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", monospace'


def unicode_range(codepoints: Iterable[int]) -> str:
    """A CSS ``unicode-range`` value for ``codepoints``: runs of consecutive points as ``U+a-b``."""
    runs = codepoint_runs(codepoints)
    return ", ".join(f"U+{start:X}" if start == end else f"U+{start:X}-{end:X}" for start, end in runs)


def first_screen_faces(available: Collection[str]) -> list[str]:
    """The files a page's first layout draws with, among those the site ships (``available``): core first."""
    chosen = (face.core if face.core in available else face.full for face in FACES)
    return [name for name in chosen if name in available]


def web_font_files(fonts_dir: Path) -> list[str]:
    """The files of ``fonts_dir`` that ``fonts.css`` names, the ones a site publishes (not the infographics' bold)."""
    names = (name for face in FACES for name in (face.core, face.full))
    return [name for name in names if (fonts_dir / name).is_file()]


def _rule(name: str, weight: str, codepoints: Iterable[int] | None) -> str:
    lines = [
        "@font-face {",
        '  font-family: "Inter";',
        "  font-style: normal;",
        f"  font-weight: {weight};",
        "  font-display: swap;",
        f'  src: url("../fonts/{name}") format("woff2");',
    ]
    if codepoints is not None:
        lines.append(f"  unicode-range: {unicode_range(codepoints)};")
    return "\n".join([*lines, "}"])


def face_rules(face: Face, fonts_dir: Path) -> list[str]:
    """The rules for one weight: the core face and the full face for the rest, or the full face alone."""
    has_full, has_core = (fonts_dir / face.full).is_file(), (fonts_dir / face.core).is_file()
    if not has_core:
        return [_rule(face.full, face.weight, None)] if has_full else []
    core = font_facts(fonts_dir / face.core).codepoints
    rules = [_rule(face.core, face.weight, core)]
    rest = font_facts(fonts_dir / face.full).codepoints - core if has_full else frozenset()
    if rest:
        rules.append(_rule(face.full, face.weight, rest))
    return rules


def font_faces_css(fonts_dir: Path) -> str:
    """``fonts.css``: Inter's faces in ``fonts_dir`` and the monospace stack for code."""
    header = "/* Self-hosted Inter (SIL Open Font License 1.1), written by therapy_site.theme.font_faces */"
    rules = [rule for face in FACES for rule in face_rules(face, fonts_dir)]
    return "\n".join((header, *rules, f":root {{\n  --md-code-font: {CODE_FONT};\n}}")) + "\n"
