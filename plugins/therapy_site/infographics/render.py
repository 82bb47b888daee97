"""Draw infographics and page social cards with Pillow: our fonts (Raqm), the site palette,
text wrapped and fitted, drawn at 2× and downsampled, encoded without metadata.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from therapy_site.infographics.fonts import FontSet
from therapy_site.infographics.icons import Icon, draw_icon
from therapy_site.infographics.palette import RGB, Palette
from therapy_site.infographics.schema import Infographic, Item, KeyPath

U = 2  # drawing scale: draw at 2× and downsample for clean edges
CARD_SIZE = (1200, 630)
PORTRAIT_SIZE = (1000, 1500)
SCALES = (1.15, 1.0, 0.92, 0.84, 0.76, 0.68)
LINE = 1.3


CARD_PADDING_X, CARD_PADDING_Y = 26 * U, 20 * U
SINGLE_COLUMN_MAX = {"comparison": 4, "steps": 6}  # longer comparisons and step lists use two columns


def portrait_columns(info: Infographic) -> int:
    limit = SINGLE_COLUMN_MAX.get(info.layout, 0)
    return 1 if len(info.items) <= limit else 2


class FitError(ValueError):
    """The data does not fit the image even at the smallest text size."""

    def __init__(self, path: KeyPath, message: str) -> None:
        super().__init__(message)
        self.path = path


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


def without_metadata(image: Image.Image) -> Image.Image:
    """``image`` when it carries no metadata (drawn here), else a copy without its EXIF, ICC, XMP or text.

    Pillow writes what ``image.info`` holds (a PNG's colour profile, a JPEG's comment); copying every
    image's pixels to drop it cost a fifth of the drawing time.
    """
    if not image.info:
        return image
    clean = image.copy()
    clean.info = {}
    return clean


def encode_png(image: Image.Image) -> bytes:
    """PNG bytes without metadata (no text, time or colour-profile chunks), identical for identical pixels."""
    buffer = io.BytesIO()
    without_metadata(image).save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()


@dataclass(frozen=True)
class Part:
    """A piece of a card: text, an icon, or a step number, stacked top to bottom."""

    kind: str  # "text" | "icon" | "gap"
    height: int
    box: TextBox | None = None
    colour: str = "text"
    icon: Icon | None = None


class Renderer:
    """Draws one infographic's two images, or a page's social card, in one palette."""

    def __init__(self, fonts: FontSet, icons: dict[str, Icon], palette: Palette) -> None:
        palette.check_contrast()
        self.fonts = fonts
        self.icons = icons
        self.palette = palette
        # What the pixels depend on besides the data (code, library versions): worked out once, by jobs.engine_of.
        self.engine_fingerprint: dict[str, str | None] | None = None

    # -- text fitting -------------------------------------------------------

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

    def fit_or_fail(
        self, text: str, face: str, sizes: tuple[float, ...], width: int, max_lines: int, path: KeyPath
    ) -> TextBox:
        box = self.fit(text, face, sizes, width, max_lines)
        if box is None:
            raise FitError(path, f"is too long to fit in {max_lines} lines of the image; shorten it")
        return box

    def colour(self, name: str) -> RGB:
        return getattr(self.palette, name)

    # -- the portrait (1000×1500) ------------------------------------------

    def _header(self, info: Infographic, brand: str, width: int) -> list[Part]:
        brand_box = self._ellipsized(brand, "semibold", 22, width, 1)
        title = self.fit_or_fail(info.title, "bold", (58, 52, 46, 42, 38, 34), width, 3, ())
        parts = [Part("text", brand_box.height, brand_box, "primary"), Part("gap", u(22))]
        parts.append(Part("text", title.height, title, "text"))
        if info.summary:
            summary = self.fit_or_fail(info.summary, "regular", (27, 25, 23, 21), width, 4, ("summary",))
            parts += [Part("gap", u(18)), Part("text", summary.height, summary, "muted")]
        return parts

    def _item_parts(self, info: Infographic, index: int, item: Item, width: int, scale: float) -> list[Part]:
        path: KeyPath = ("items", index)
        parts: list[Part] = []

        def text(value: str, face: str, size: float, colour: str, key: str, gap: float) -> None:
            box = self.box(value, face, size * scale, width)
            if box is None:
                raise FitError((*path, key), "has a word too long for the image's card; shorten or split it")
            if parts:
                parts.append(Part("gap", u(gap * scale)))
            parts.append(Part("text", box.height, box, colour))

        if item.icon and info.layout in ("grid", "stats"):
            parts.append(Part("icon", u(40 * scale), icon=self.icons[item.icon], colour="primary"))
        if item.value:
            text(item.value, "bold", 54, "primary", "value", 8)
        text(item.title, "semibold", 27, "primary" if info.layout != "stats" else "text", "title", 8)
        if item.text:
            text(item.text, "regular", 22, "text", "text", 6)
        if item.remedy:
            text(info.remedy_label, "semibold", 18, "accent", "remedy", 12)
            text(item.remedy, "regular", 22, "text", "remedy", 2)
        return parts

    @staticmethod
    def _leading(info: Infographic) -> int:
        """Room left of a card's text for the step number or, in comparisons, the icon."""
        if info.layout == "steps" or (info.layout == "comparison" and any(item.icon for item in info.items)):
            return u(64)
        return 0

    def _portrait_layout(self, info: Infographic, inner: int, available: int) -> tuple[list[list[Part]], int]:
        """Pick the largest text scale at which every card fits; return (parts per card, columns)."""
        columns = portrait_columns(info)
        gap = u(20)
        card_width = (inner - gap * (columns - 1)) // columns
        content_width = card_width - 2 * CARD_PADDING_X - self._leading(info)
        heights: list[int] = []
        word_error: FitError | None = None
        for scale in SCALES:
            try:
                cards = [
                    self._item_parts(info, index, item, content_width, scale) for index, item in enumerate(info.items)
                ]
            except FitError as error:  # a word too wide at this size may fit at a smaller one
                word_error = error
                continue
            word_error = None
            heights = [sum(part.height for part in parts) + 2 * CARD_PADDING_Y for parts in cards]
            rows = [max(heights[i : i + columns]) for i in range(0, len(heights), columns)]
            if sum(rows) + gap * (len(rows) - 1) <= available:
                return cards, columns
        if word_error is not None or not heights:
            raise word_error or FitError(("items",), "does not fit in the image; shorten the items")
        tallest = max(range(len(heights)), key=heights.__getitem__)
        item = info.items[tallest]
        longest = max(("text", "remedy", "title"), key=lambda name: len(getattr(item, name)))
        raise FitError(("items", tallest, longest), "is too long: this card does not fit in the image; shorten it")

    def portrait(self, info: Infographic, brand: str, domain: str, *, dry: bool = False) -> Image.Image:
        width, height = PORTRAIT_SIZE
        margin = u(64)
        inner = u(width) - 2 * margin
        canvas = Canvas(PORTRAIT_SIZE, self.palette.background, dry=dry)
        top = margin
        for part in self._header(info, brand, inner):
            if part.kind == "text":
                top = canvas.text(part.box, margin, top, self.colour(part.colour))
            else:
                top += part.height
        top += u(36)
        footer = self._footer(info, domain, inner)
        footer_top = u(height) - margin - footer.height
        cards, columns = self._portrait_layout(info, inner, footer_top - u(32) - top)
        self._draw_cards(canvas, info, cards, columns, (margin, top, inner, footer_top - u(32) - top))
        canvas.draw.line(
            [margin, footer_top - u(14), margin + inner, footer_top - u(14)], fill=self.palette.border, width=u(1.5)
        )
        canvas.text(footer, margin, footer_top, self.palette.muted)
        return canvas.finish()

    def _footer(self, info: Infographic, domain: str, width: int) -> TextBox:
        text = f"Source: {info.source} · {domain}" if info.source else domain
        return self.fit_or_fail(text, "regular", (19, 17, 16), width, 3, ("source",))

    def _draw_cards(
        self, canvas: Canvas, info: Infographic, cards: list[list[Part]], columns: int, area: tuple[int, int, int, int]
    ) -> None:
        left, top, width, available = area
        gap = u(20)
        padding_x, padding_y = CARD_PADDING_X, CARD_PADDING_Y
        card_width = (width - gap * (columns - 1)) // columns
        naturals = [sum(part.height for part in parts) + 2 * padding_y for parts in cards]
        rows = [max(naturals[i : i + columns]) for i in range(0, len(naturals), columns)]
        spare = available - sum(rows) - gap * (len(rows) - 1)
        stretch = min(spare // len(rows), u(60))  # taller cards, but never huge
        rows = [row + stretch for row in rows]
        y = top + (spare - stretch * len(rows)) // 2
        for row_index, row_height in enumerate(rows):
            for column in range(columns):
                index = row_index * columns + column
                if index >= len(cards):
                    break
                x = left + column * (card_width + gap)
                canvas.card((x, y, x + card_width, y + row_height), self.palette.surface, self.palette.border)
                row_natural = max(naturals[row_index * columns : row_index * columns + columns])
                content_top = y + (row_height - row_natural) // 2 + padding_y
                content_left = x + padding_x
                item = info.items[index]
                first = cards[index][0].box
                title_middle = content_top + (first.line_height // 2 if first is not None else u(20))
                if info.layout == "steps":
                    self._step_number(canvas, index + 1, content_left, title_middle - u(23))
                elif info.layout == "comparison" and item.icon:
                    icon_box = (content_left, title_middle - u(20), u(40))
                    draw_icon(canvas.draw, self.icons[item.icon], icon_box, self.palette.primary)
                self._stack(canvas, cards[index], content_left + self._leading(info), content_top)
            y += row_height + gap

    def _stack(self, canvas: Canvas, parts: list[Part], left: int, top: int) -> None:
        for part in parts:
            if part.kind == "text" and part.box is not None:
                canvas.text(part.box, left, top, self.colour(part.colour))
            elif part.kind == "icon" and part.icon is not None:
                draw_icon(canvas.draw, part.icon, (left, top, part.height * 0.8), self.colour(part.colour))
            top += part.height

    def _step_number(self, canvas: Canvas, number: int, left: int, top: int) -> None:
        diameter = u(46)
        canvas.draw.ellipse([left, top, left + diameter, top + diameter], fill=self.palette.accent)
        font = self.fonts.font("bold", u(22))
        canvas.draw.text(
            (left + diameter / 2, top + diameter / 2), str(number), font=font, fill=self.palette.background, anchor="mm"
        )

    # -- the social card (1200×630) -----------------------------------------

    def card(self, info: Infographic, brand: str, domain: str, *, dry: bool = False) -> Image.Image:
        width, height = CARD_SIZE
        margin = u(56)
        canvas = Canvas(CARD_SIZE, self.palette.background, dry=dry)
        panel_left = u(width * 0.58)
        left_width = panel_left - margin - u(40)
        top = margin
        brand_box = self._ellipsized(brand, "semibold", 22, left_width, 1)
        top = canvas.text(brand_box, margin, top, self.palette.primary) + u(18)
        canvas.draw.rounded_rectangle([margin, top, margin + u(64), top + u(6)], radius=u(3), fill=self.palette.accent)
        top += u(28)
        title = self.fit_or_fail(info.title, "bold", (54, 48, 44, 40, 36), left_width, 4, ())
        top = canvas.text(title, margin, top, self.palette.text) + u(18)
        if info.summary:
            space = u(height) - margin - u(44) - top
            sizes = (24, 22, 20, 18)
            summary = None
            for size in sizes:
                candidate = self.box(info.summary, "regular", size, left_width)
                if candidate is not None and candidate.height <= space:
                    summary = candidate
                    break
            if summary is None:
                raise FitError(("summary",), "is too long to fit next to the title on the social card; shorten it")
            canvas.text(summary, margin, top, self.palette.muted)
        footer = self._ellipsized(domain, "semibold", 18, left_width, 1)
        canvas.text(footer, margin, u(height) - margin - footer.height, self.palette.muted)
        self._card_panel(canvas, info, (panel_left, u(40), u(width) - u(40), u(height) - u(40)))
        return canvas.finish()

    def _card_panel(self, canvas: Canvas, info: Infographic, rect: tuple[int, int, int, int]) -> None:
        left, top, right, bottom = rect
        canvas.card(rect, self.palette.surface, self.palette.border)
        padding = u(30)
        available = bottom - top - 2 * padding
        gap = u(14)
        for size in (30, 27, 24, 22, 20, 18, 17, 16):
            marker = u(size + 10)
            if info.layout == "stats":
                value_font = self.fonts.font("bold", u(size + 4))
                marker = max(round(value_font.getlength(item.value)) for item in info.items) + u(6)
            width = right - left - 2 * padding - marker - u(14)
            boxes = [self.box(item.title, "semibold", size, width) for item in info.items]
            if any(box is None or len(box.lines) > 2 for box in boxes):
                continue
            rows = [max(box.height, u(32)) for box in boxes if box is not None]
            if sum(rows) + gap * (len(rows) - 1) <= available:
                break
        else:
            longest = max(range(len(info.items)), key=lambda i: len(info.items[i].title))
            raise FitError(("items", longest, "title"), "is too long to fit in the social card's list; shorten it")
        y = top + padding + (available - sum(rows) - gap * (len(rows) - 1)) // 2
        for index, (item, box, row) in enumerate(zip(info.items, boxes, rows, strict=True)):
            x = left + padding
            self._marker(canvas, info, index, item, (x, y + row // 2, size))
            canvas.text(box, x + marker + u(14), y + (row - box.height) // 2, self.palette.text)
            y += row + gap

    def _marker(self, canvas: Canvas, info: Infographic, index: int, item: Item, spec: tuple[int, int, int]) -> None:
        x, middle, size = spec
        if info.layout == "stats":
            font = self.fonts.font("bold", u(size + 4))
            canvas.draw.text((x, middle), item.value, font=font, fill=self.palette.primary, anchor="lm")
        elif item.icon:
            icon_size = u(size + 6)
            draw_icon(canvas.draw, self.icons[item.icon], (x, middle - icon_size / 2, icon_size), self.palette.primary)
        else:
            diameter = u(size + 6)
            circle = [x, middle - diameter / 2, x + diameter, middle + diameter / 2]
            canvas.draw.ellipse(circle, fill=self.palette.accent)
            font = self.fonts.font("bold", u(size * 0.6))
            label = str(index + 1)
            canvas.draw.text((x + diameter / 2, middle), label, font=font, fill=self.palette.background, anchor="mm")

    # -- a page's social card (1200×630) ------------------------------------

    def page_card(self, title: str, description: str, brand: str, domain: str) -> Image.Image:
        width, height = CARD_SIZE
        margin = u(72)
        canvas = Canvas(CARD_SIZE, self.palette.band)
        self._decoration(canvas)
        inner = u(width) - 2 * margin - u(120)
        brand_box = self._ellipsized(brand, "semibold", 26, inner, 1)
        top = canvas.text(brand_box, margin, margin, self.palette.band_muted) + u(20)
        rule = [margin, top, margin + u(72), top + u(6)]
        canvas.draw.rounded_rectangle(rule, radius=u(3), fill=self.palette.band_text)
        top += u(40)
        title_box = self.fit(title, "bold", (70, 64, 58, 52, 46, 42), inner, 3)
        if title_box is None:
            title_box = self._ellipsized(title, "bold", 42, inner, 3)
        top = canvas.text(title_box, margin, top, self.palette.band_text) + u(24)
        footer = self._ellipsized(domain, "semibold", 22, inner, 1)
        footer_top = u(height) - margin - footer.height
        if description:
            lines = max(0, min(3, (footer_top - u(24) - top) // round(u(26) * LINE)))
            if lines:
                box = self.fit(description, "regular", (27, 25), inner, lines) or self._ellipsized(
                    description, "regular", 25, inner, lines
                )
                canvas.text(box, margin, top, self.palette.band_muted)
        canvas.text(footer, margin, footer_top, self.palette.band_text)
        return canvas.finish()

    def _ellipsized(self, text: str, face: str, size: float, width: int, max_lines: int) -> TextBox:
        font = self.fonts.font(face, u(size))
        lines = wrap(text, font, width) or [text]
        return TextBox(tuple(ellipsize(lines, font, width, max_lines)), font, u(size))

    def _decoration(self, canvas: Canvas) -> None:
        """Quiet concentric rings in the corner: shape, never text."""
        width, height = (u(value) for value in CARD_SIZE)
        ring = blend(self.palette.band, self.palette.band_text, 0.12)
        cx, cy = width - u(40), height + u(20)
        for radius in (u(170), u(250), u(330)):
            canvas.draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=ring, width=u(10))


def blend(first: RGB, second: RGB, amount: float) -> RGB:
    r, g, b = (round(a + (b - a) * amount) for a, b in zip(first, second, strict=True))
    return r, g, b


def check_fit(renderer: Renderer, info: Infographic, brand: str, domain: str) -> FitError | None:
    """Lay out both images without encoding them; return what does not fit."""
    try:
        renderer.portrait(info, brand, domain, dry=True)
        renderer.card(info, brand, domain, dry=True)
    except FitError as error:
        return error
    return None


__all__ = ["CARD_SIZE", "PORTRAIT_SIZE", "FitError", "Renderer", "check_fit", "encode_png", "without_metadata"]
