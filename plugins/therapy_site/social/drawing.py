"""A page's social card drawn: its title and description on the site's band, with quiet rings in the corner."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from therapy_site.imaging.canvas import CARD_SIZE, CODE, LINE, Canvas, TextRenderer, blend, u

VERSION = "1"


class PageCardRenderer(TextRenderer):
    """Draws page social cards (1200×630) in our fonts and one palette."""

    VERSION = VERSION
    CODE = (Path(__file__), *CODE)

    def page_card(self, title: str, description: str, brand: str, domain: str) -> Image.Image:
        width, height = CARD_SIZE
        margin = u(72)
        canvas = Canvas(CARD_SIZE, self.palette.band)
        self._decoration(canvas)
        inner = u(width) - 2 * margin - u(120)
        brand_box = self.ellipsized(brand, "semibold", 26, inner, 1)
        top = canvas.text(brand_box, margin, margin, self.palette.band_muted) + u(20)
        rule = [margin, top, margin + u(72), top + u(6)]
        canvas.draw.rounded_rectangle(rule, radius=u(3), fill=self.palette.band_text)
        top += u(40)
        title_box = self.fit(title, "bold", (70, 64, 58, 52, 46, 42), inner, 3)
        if title_box is None:
            title_box = self.ellipsized(title, "bold", 42, inner, 3)
        top = canvas.text(title_box, margin, top, self.palette.band_text) + u(24)
        footer = self.ellipsized(domain, "semibold", 22, inner, 1)
        footer_top = u(height) - margin - footer.height
        if description:
            lines = max(0, min(3, (footer_top - u(24) - top) // round(u(26) * LINE)))
            if lines:
                box = self.fit(description, "regular", (27, 25), inner, lines) or self.ellipsized(
                    description, "regular", 25, inner, lines
                )
                canvas.text(box, margin, top, self.palette.band_muted)
        canvas.text(footer, margin, footer_top, self.palette.band_text)
        return canvas.finish()

    def _decoration(self, canvas: Canvas) -> None:
        """Quiet concentric rings in the corner: shape, never text."""
        width, height = (u(value) for value in CARD_SIZE)
        ring = blend(self.palette.band, self.palette.band_text, 0.12)
        cx, cy = width - u(40), height + u(20)
        for radius in (u(170), u(250), u(330)):
            canvas.draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=ring, width=u(10))
