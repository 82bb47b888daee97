"""Draw infographics with Pillow: the portrait (download) and the social card, in our fonts and the site palette
(:mod:`therapy_site.imaging.canvas`: text wrapped and fitted, drawn at 2× and downsampled).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from therapy_site.imaging.canvas import CARD_SIZE, CODE, Canvas, TextBox, TextRenderer, U, u
from therapy_site.imaging.fonts import FontSet
from therapy_site.imaging.palette import Palette
from therapy_site.infographics import RENDERER_VERSION
from therapy_site.infographics.icons import Icon, draw_icon
from therapy_site.infographics.schema import Infographic, Item, KeyPath

PORTRAIT_SIZE = (1000, 1500)
SCALES = (1.15, 1.0, 0.92, 0.84, 0.76, 0.68)


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


@dataclass(frozen=True)
class Part:
    """A piece of a card: text, an icon, or a step number, stacked top to bottom."""

    kind: str  # "text" | "icon" | "gap"
    height: int
    box: TextBox | None = None
    colour: str = "text"
    icon: Icon | None = None


class Renderer(TextRenderer):
    """Draws one infographic's two images in one palette."""

    VERSION = RENDERER_VERSION
    CODE = (*(Path(__file__).with_name(name) for name in ("render.py", "icons.py")), *CODE)

    def __init__(self, fonts: FontSet, icons: dict[str, Icon], palette: Palette) -> None:
        super().__init__(fonts, palette)
        self.icons = icons

    # -- text fitting -------------------------------------------------------

    def fit_or_fail(
        self, text: str, face: str, sizes: tuple[float, ...], width: int, max_lines: int, path: KeyPath
    ) -> TextBox:
        box = self.fit(text, face, sizes, width, max_lines)
        if box is None:
            raise FitError(path, f"is too long to fit in {max_lines} lines of the image; shorten it")
        return box

    # -- the portrait (1000×1500) ------------------------------------------

    def _header(self, info: Infographic, brand: str, width: int) -> list[Part]:
        brand_box = self.ellipsized(brand, "semibold", 22, width, 1)
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
        brand_box = self.ellipsized(brand, "semibold", 22, left_width, 1)
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
        footer = self.ellipsized(domain, "semibold", 18, left_width, 1)
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

def check_fit(renderer: Renderer, info: Infographic, brand: str, domain: str) -> FitError | None:
    """Lay out both images without encoding them; return what does not fit."""
    try:
        renderer.portrait(info, brand, domain, dry=True)
        renderer.card(info, brand, domain, dry=True)
    except FitError as error:
        return error
    return None


__all__ = ["CARD_SIZE", "PORTRAIT_SIZE", "FitError", "Renderer", "check_fit"]
