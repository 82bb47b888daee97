"""Draw the site's own illustrations with Pillow (no stock images).

    .venv/bin/python tools/draw_images.py

Writes WebP/PNG files into docs/assets/images. The output is committed; run it
again only when a drawing changes. Drawing is deterministic.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parent.parent / "docs" / "assets" / "images"
SCALE = 2  # draw at 2x, then downsample for smooth edges

SAGE = (94, 125, 107)
SAGE_LIGHT = (205, 222, 210)
SAND = (243, 236, 224)
CLAY = (201, 145, 112)
DUSK = (62, 82, 104)
MIST = (226, 234, 240)


def canvas(width: int, height: int, top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    """A vertical gradient background at 2x size."""
    w, h = width * SCALE, height * SCALE
    gradient = Image.new("RGB", (1, h))
    for y in range(h):
        t = y / (h - 1)
        gradient.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    return gradient.resize((w, h))


def finish(image: Image.Image, name: str, size: tuple[int, int]) -> None:
    image = image.resize(size, Image.Resampling.LANCZOS)
    image.save(OUT / name, "WEBP", quality=80, method=6)


def blob(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], fill: tuple[int, int, int]) -> None:
    draw.ellipse([v * SCALE for v in box], fill=fill)


def trust_hero() -> None:
    """Two armchairs facing each other by a window, a plant between them."""
    image = canvas(1200, 675, MIST, SAND)
    draw = ImageDraw.Draw(image)
    s = SCALE
    draw.rounded_rectangle(
        [470 * s, 90 * s, 730 * s, 380 * s], radius=18 * s, fill=(236, 243, 247), outline=SAGE_LIGHT, width=6 * s
    )
    draw.line([600 * s, 90 * s, 600 * s, 380 * s], fill=SAGE_LIGHT, width=6 * s)
    draw.line([470 * s, 235 * s, 730 * s, 235 * s], fill=SAGE_LIGHT, width=6 * s)
    draw.rectangle([0, 560 * s, 1200 * s, 675 * s], fill=(226, 214, 196))
    for x0, colour in ((180, SAGE), (760, CLAY)):
        draw.rounded_rectangle([x0 * s, 360 * s, (x0 + 260) * s, 540 * s], radius=40 * s, fill=colour)
        draw.rounded_rectangle([(x0 + 20) * s, 300 * s, (x0 + 240) * s, 420 * s], radius=36 * s, fill=colour)
        draw.rectangle([(x0 + 30) * s, 540 * s, (x0 + 50) * s, 580 * s], fill=DUSK)
        draw.rectangle([(x0 + 210) * s, 540 * s, (x0 + 230) * s, 580 * s], fill=DUSK)
    draw.rounded_rectangle([560 * s, 470 * s, 640 * s, 570 * s], radius=12 * s, fill=CLAY)
    for dx, dy in ((-50, -60), (40, -70), (-20, -110), (20, -120), (-60, -20), (55, -25)):
        blob(draw, (600 + dx - 28, 470 + dy - 40, 600 + dx + 28, 470 + dy + 40), SAGE)
    image = image.filter(ImageFilter.SMOOTH)
    finish(image, "trust-hero.webp", (1200, 675))


def anxiety_hero() -> None:
    """A calm horizon: a low sun over layered hills, breathing room."""
    image = canvas(1200, 675, (232, 238, 246), (248, 240, 228))
    draw = ImageDraw.Draw(image)
    blob(draw, (520, 170, 680, 330), (238, 196, 150))
    for offset, colour in ((380, SAGE_LIGHT), (450, (150, 180, 160)), (530, SAGE)):
        points = [(x * SCALE, (offset + 40 * ((x / 1200 - 0.5) ** 2) * 4 - 30) * SCALE) for x in range(0, 1201, 20)]
        draw.polygon([(0, 675 * SCALE), *points, (1200 * SCALE, 675 * SCALE)], fill=colour)
    finish(image, "anxiety-hero.webp", (1200, 675))


def relationships_hero() -> None:
    """Two overlapping circles: two people, a shared space between them."""
    image = canvas(1200, 675, (246, 240, 232), (232, 238, 236))
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    blob(draw, (300, 140, 700, 540), (*SAGE, 200))
    blob(draw, (500, 140, 900, 540), (*CLAY, 200))
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    finish(image, "relationships-hero.webp", (1200, 675))


def first_session_hero() -> None:
    """An open door onto a calm room: the first step into therapy."""
    image = canvas(1200, 675, (236, 240, 236), (246, 240, 230))
    draw = ImageDraw.Draw(image)
    s = SCALE
    draw.rectangle([0, 560 * s, 1200 * s, 675 * s], fill=(226, 214, 196))
    draw.rectangle([470 * s, 120 * s, 730 * s, 560 * s], fill=(250, 236, 210))
    draw.polygon([(470 * s, 120 * s), (560 * s, 150 * s), (560 * s, 590 * s), (470 * s, 560 * s)], fill=SAGE)
    blob(draw, (540, 330, 556, 346), SAND)
    draw.rectangle([470 * s, 560 * s, 730 * s, 575 * s], fill=CLAY)
    finish(image, "first-session-hero.webp", (1200, 675))


def portrait() -> None:
    """An illustrated portrait for the author box (not a photo of a real person)."""
    size = 192
    image = canvas(size, size, SAGE_LIGHT, (180, 205, 190))
    draw = ImageDraw.Draw(image)
    blob(draw, (46, 30, 146, 140), (94, 70, 60))  # hair
    blob(draw, (60, 40, 132, 124), (224, 186, 160))  # face
    draw.rounded_rectangle([30 * SCALE, 130 * SCALE, 162 * SCALE, 230 * SCALE], radius=50 * SCALE, fill=SAGE)
    finish(image, "anna-reyes.webp", (size, size))


def favicon() -> None:
    image = Image.new("RGBA", (64 * SCALE, 64 * SCALE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([0, 0, 64 * SCALE - 1, 64 * SCALE - 1], fill=SAGE)
    draw.ellipse([18 * SCALE, 14 * SCALE, 46 * SCALE, 50 * SCALE], fill=SAND)
    image.resize((64, 64), Image.Resampling.LANCZOS).save(OUT / "favicon.png", optimize=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    trust_hero()
    anxiety_hero()
    relationships_hero()
    first_session_hero()
    portrait()
    favicon()


if __name__ == "__main__":
    main()
