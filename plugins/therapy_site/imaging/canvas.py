"""Text in our fonts on a canvas drawn at 2× and downsampled: what every drawn image is made of.

:class:`TextRenderer` is the base of the renderers (infographics, page social cards): it wraps and fits
text in the fonts and colours of one palette. Each renderer names the files of its drawing code
(``CODE``) and a ``VERSION``: both are part of every image's cache key (:mod:`therapy_site.imaging.digest`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from PIL import Image, ImageDraw, ImageFont

from therapy_site.imaging.fonts import FontSet
from therapy_site.imaging.palette import RGB, Palette

U = 2  # drawing scale: draw at 2× and downsample for clean edges
CARD_SIZE = (1200, 630)  # a social card (og:image)
LINE = 1.3
# The files of this package whose code decides the pixels of every drawn image.
CODE: tuple[Path, ...] = tuple(Path(__file__).with_name(name) for name in ("canvas.py", "palette.py", "png.py"))


def u(value: float) -> int:
    """1× pixels to canvas pixels."""
    return round(value * U)


@dataclass(frozen=True)
class TextBox:
    lines: tuple[str, ...]
    font: ImageFont.FreeTypeFont
    size: int  # canvas pixels

    @property
    def line_height(self) -> int:
        return round(self.size * LINE)

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)

    def width(self) -> int:
        return max((round(self.font.getlength(line)) for line in self.lines), default=0)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str] | None:
    """Greedy word wrap; ``None`` when a single word is wider than ``width``."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if font.getlength(word) > width:
            return None
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def ellipsize(lines: list[str], font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    last = kept[-1]
    while last and font.getlength(last + "…") > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    kept[-1] = last.rstrip(" ,;:.") + "…"
    return kept


class _NoDraw:
    """Stands in for ``ImageDraw`` when only the layout is wanted (the fit check)."""

    def __getattr__(self, name: str) -> Callable[..., None]:
        return lambda *args, **kwargs: None


class Canvas:
    def __init__(self, size: tuple[int, int], background: RGB, *, dry: bool = False) -> None:
        self.size = size
        self.dry = dry
        self.image = Image.new("RGB", (1, 1) if dry else (size[0] * U, size[1] * U), background)
        self.draw: ImageDraw.ImageDraw | _NoDraw = _NoDraw() if dry else ImageDraw.Draw(self.image)

    def text(self, box: TextBox, left: int, top: int, colour: RGB) -> int:
        """Draw ``box`` with its top-left at (left, top); return the y below it."""
        for index, line in enumerate(box.lines):
            middle = top + box.line_height * index + box.line_height // 2
            self.draw.text((left, middle), line, font=box.font, fill=colour, anchor="lm")
        return top + box.height

    def card(self, rect: tuple[int, int, int, int], fill: RGB, outline: RGB) -> None:
        self.draw.rounded_rectangle(rect, radius=u(18), fill=fill, outline=outline, width=u(1.5))

    def finish(self) -> Image.Image:
        if self.dry:
            return self.image
        return self.image.reduce(U)  # box-average each 2×2 block: supersampled anti-aliasing


def blend(first: RGB, second: RGB, amount: float) -> RGB:
    r, g, b = (round(a + (b - a) * amount) for a, b in zip(first, second, strict=True))
    return r, g, b


class TextRenderer:
    """Draws text in ``fonts`` and the colours of ``palette`` (checked for contrast first)."""

    VERSION: ClassVar[str]
    CODE: ClassVar[tuple[Path, ...]]  # the files whose code decides the pixels

    def __init__(self, fonts: FontSet, palette: Palette) -> None:
        palette.check_contrast()
        self.fonts = fonts
        self.palette = palette
        # What the pixels depend on besides the data (code, library versions): worked out once, by digest.engine_of.
        self.engine_fingerprint: dict[str, str | None] | None = None

    def box(self, text: str, face: str, size: float, width: int) -> TextBox | None:
        font = self.fonts.font(face, u(size))
        # Composed (NFC): text typed as 'e' + a combining accent is drawn (and measured) as the one 'é' the font has.
        lines = wrap(unicodedata.normalize("NFC", text), font, width)
        return None if lines is None else TextBox(tuple(lines), font, u(size))

    def fit(self, text: str, face: str, sizes: tuple[float, ...], width: int, max_lines: int) -> TextBox | None:
        """The largest size at which ``text`` wraps into ``max_lines`` lines."""
        for size in sizes:
            box = self.box(text, face, size, width)
            if box is not None and len(box.lines) <= max_lines:
                return box
        return None

    def colour(self, name: str) -> RGB:
        return getattr(self.palette, name)

    def ellipsized(self, text: str, face: str, size: float, width: int, max_lines: int) -> TextBox:
        font = self.fonts.font(face, u(size))
        lines = wrap(text, font, width) or [text]
        return TextBox(tuple(ellipsize(lines, font, width, max_lines)), font, u(size))
