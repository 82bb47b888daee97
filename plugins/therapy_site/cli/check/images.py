"""Images: they exist on our own site, describe themselves in alt text, and stay within a weight budget."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image

from therapy_site.cli.check.context import CheckContext
from therapy_site.cli.check.findings import Finding, error, warning
from therapy_site.cli.check.markup import images
from therapy_site.cli.check.source import SourceFile
from therapy_site.theme.hero import PLACEHOLDER_ALTS

# Written into the EXIF description of the picture `therapy-site new` draws, so `check` can recognise it.
PLACEHOLDER_IMAGE_MARK = "therapy-site placeholder image: replace it with your own picture"
EXIF_IMAGE_DESCRIPTION = 0x010E


def alt_problem(alt: str | None, src: str) -> str | None:
    """Why ``alt`` does not describe the picture, or ``None`` when it is fine."""
    if alt is None or not alt.strip():
        return "has no alt text: describe what the picture shows"
    text = alt.strip().lower()
    name = posixpath.basename(urlsplit(src).path).lower()
    stem = name.rsplit(".", 1)[0]
    if text in PLACEHOLDER_ALTS or text in {"img", "graphic", "illustration", "screenshot"}:
        return f"alt text '{alt.strip()}' says nothing about the picture: describe what it shows"
    if text in {name, stem, stem.replace("-", " "), stem.replace("_", " ")}:
        return f"alt text '{alt.strip()}' is the file name: describe what the picture shows"
    return None


def is_placeholder_image(path: Path) -> bool:
    try:
        with Image.open(path) as image:
            return image.getexif().get(EXIF_IMAGE_DESCRIPTION) == PLACEHOLDER_IMAGE_MARK
    except OSError:
        return False


def check_images(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    yield from _hero(source, context)
    for image in images(source):
        yield from _image(source, context, image.line, image.column, image.src, image.alt, relative=True)


def _hero(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    hero = source.meta.get("hero")
    if hero is None:
        return
    line = source.key_line("hero")
    if not isinstance(hero, dict) or not hero.get("src"):
        message = "'hero' needs 'src' (a path from the docs folder) and 'alt' (what the picture shows)"
        yield error(source.shown, line, message, "image-missing")
        return
    src, alt = str(hero["src"]), hero.get("alt")
    problem = alt_problem(None if alt is None else str(alt), src)
    if problem:
        yield error(source.shown, source.nested_key_line("hero", "alt"), f"hero image '{src}' {problem}", "image-alt")
    src_line = source.nested_key_line("hero", "src")
    yield from _image(source, context, src_line, 1, src, None, relative=False, check_alt=False)


def _image(
    source: SourceFile,
    context: CheckContext,
    line: int,
    column: int,
    src: str,
    alt: str | None,
    *,
    relative: bool,
    check_alt: bool = True,
) -> Iterator[Finding]:
    problem = alt_problem(alt, src) if check_alt else None
    if problem:
        yield error(source.shown, line, f"image '{src}' {problem}", "image-alt", column)
    parts = urlsplit(src)
    if parts.scheme or src.startswith("//"):
        message = (
            f"image '{src}' is on another website; save it under docs/assets/images/ (we load nothing from elsewhere)"
        )
        yield error(source.shown, line, message, "image-external", column)
        return
    path = _resolve(source, context, unquote(parts.path), relative=relative)
    if path is None or not path.is_file():
        hint = "a path from the docs folder" if not relative else "a path relative to this file"
        yield error(
            source.shown, line, f"image '{src}' does not exist; check the spelling ({hint})", "image-missing", column
        )
        return
    size_kb = path.stat().st_size / 1024
    budget = context.settings.image_budget_kb
    if size_kb > budget:
        message = (
            f"image '{src}' weighs {size_kb:.0f} KB, over the {budget} KB budget; save it as WebP at most 1600 px wide"
        )
        yield warning(source.shown, line, message, "image-weight", column)
    if is_placeholder_image(path):
        message = f"image '{src}' is still the placeholder picture made by 'therapy-site new'; replace the file"
        yield warning(source.shown, line, message, "placeholder", column)


def _resolve(source: SourceFile, context: CheckContext, path: str, *, relative: bool) -> Path | None:
    """Images in Markdown are relative to the page's file (or to docs/ with a leading '/'); heroes to docs/."""
    base = posixpath.dirname(source.docs_path) if relative and not path.startswith("/") else ""
    joined = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
    if joined.startswith(".."):
        return None
    return context.project.docs_dir / joined
