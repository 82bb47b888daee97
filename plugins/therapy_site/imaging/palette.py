"""The site's colours for drawn images, with the WCAG contrast check done in code."""

from __future__ import annotations

from dataclasses import asdict, dataclass

RGB = tuple[int, int, int]
MIN_TEXT_CONTRAST = 4.5


def hex_rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def relative_luminance(colour: RGB) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: RGB, second: RGB) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class Palette:
    """Colours of one scheme; names follow ``docs/assets/stylesheets/therapy.css``."""

    name: str
    background: RGB  # --md-default-bg-color
    surface: RGB  # --ts-surface (cards)
    border: RGB  # --ts-border
    text: RGB  # body text
    muted: RGB  # --ts-muted (summary, source)
    primary: RGB  # headings and values
    accent: RGB  # remedies, step numbers
    band: RGB  # the page social card's background (--md-primary-fg-color)
    band_text: RGB  # text on the band
    band_muted: RGB  # secondary text on the band

    def text_pairs(self) -> dict[str, tuple[RGB, RGB]]:
        """Every foreground/background pair the renderer draws text with."""
        return {
            "text on background": (self.text, self.background),
            "text on surface": (self.text, self.surface),
            "muted on background": (self.muted, self.background),
            "muted on surface": (self.muted, self.surface),
            "primary on background": (self.primary, self.background),
            "primary on surface": (self.primary, self.surface),
            "accent on surface": (self.accent, self.surface),
            "numbers on accent": (self.background, self.accent),
            "band text on band": (self.band_text, self.band),
            "band muted on band": (self.band_muted, self.band),
        }

    def check_contrast(self) -> None:
        """Raise ``ValueError`` when a text colour falls below 4.5:1 on its background."""
        for label, (foreground, background) in self.text_pairs().items():
            ratio = contrast_ratio(foreground, background)
            if ratio < MIN_TEXT_CONTRAST:
                raise ValueError(
                    f"palette '{self.name}': {label} has contrast {ratio:.2f}:1, below {MIN_TEXT_CONTRAST}:1"
                )

    def fingerprint(self) -> str:
        return repr(sorted(asdict(self).items()))


LIGHT = Palette(
    name="light",
    background=hex_rgb("#fbfaf7"),
    surface=hex_rgb("#f1f4ef"),
    border=hex_rgb("#c9d6cc"),
    text=hex_rgb("#1d2622"),
    muted=hex_rgb("#4d5a53"),
    primary=hex_rgb("#2f5d49"),
    accent=hex_rgb("#8a4a26"),
    band=hex_rgb("#2f5d49"),
    band_text=hex_rgb("#ffffff"),
    band_muted=hex_rgb("#e3ebe4"),
)

DARK = Palette(
    name="dark",
    background=hex_rgb("#161d1a"),
    surface=hex_rgb("#1e2824"),
    border=hex_rgb("#3b4d45"),
    text=hex_rgb("#e6ece8"),
    muted=hex_rgb("#b9c7bf"),
    primary=hex_rgb("#9fd4b9"),
    accent=hex_rgb("#f0b48f"),
    band=hex_rgb("#1c2b25"),
    band_text=hex_rgb("#eef3ef"),
    band_muted=hex_rgb("#c5d0ca"),
)

PALETTES = {palette.name: palette for palette in (LIGHT, DARK)}


def get_palette(name: str) -> Palette:
    """The named palette, checked for contrast before anything is drawn with it."""
    palette = PALETTES[name]
    palette.check_contrast()
    return palette
