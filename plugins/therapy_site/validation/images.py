"""Images: they exist on our own site, describe themselves in alt text, and stay within a weight budget."""

from __future__ import annotations

import os
import posixpath
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image

from therapy_site.pictures import TURNED_A_QUARTER, orientation
from therapy_site.theme.hero import PLACEHOLDER_ALTS
from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, error, shorten, warning
from therapy_site.validation.markup import images
from therapy_site.validation.source import SourceFile
from therapy_site.validation.urls import UNSAFE_SCHEMES, url_scheme

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
    if text in {name, stem, stem.replace("-", " "), stem.replace("_", " ")} or FILE_NAME_ALT.match(text):
        return f"alt text '{alt.strip()}' is the file name: describe what the picture shows"
    return None


# A picture's file name as alt text, any file (a camera's 'IMG_2034.JPG', 'Screenshot 2025-01-02 at 10.15.png').
FILE_NAME_ALT = re.compile(
    r"^(?:\S+|screenshot.*|scan.*)\.(?:jpe?g|png|webp|gif|avif|heic|heif|svg|bmp|tiff?)$|^(?:img|dsc|pxl)[_-]?\d+$"
)


def is_placeholder_image(path: Path) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(path) as image:
                return image.getexif().get(EXIF_IMAGE_DESCRIPTION) == PLACEHOLDER_IMAGE_MARK
    except Exception:  # judged by image_problem; this only recognises our own placeholder
        return False


RASTER_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff", ".ico"})


def image_problem(path: Path, shown_src: str, max_megapixels: float, max_mb: float) -> tuple[str, str] | None:
    """``(rule, message)`` when the file is no usable picture: not an image, broken, or over the hard limits."""
    size_mb = path.stat().st_size / 1_000_000
    if size_mb > max_mb:
        return "image-too-large", (
            f"image '{shown_src}' is {size_mb:.1f} MB, over the limit of {max_mb:g} MB; "
            "save it as WebP at most 1600 px wide (usually under 200 KB)"
        )
    if path.suffix.lower() == ".svg":
        head = path.read_bytes()[:2048].lower()
        if b"<svg" not in head:
            return "image-invalid", f"image '{shown_src}' is named .svg but is not an SVG drawing; export it again"
        return None
    limit = int(max_megapixels * 1_000_000)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if orientation(image) in TURNED_A_QUARTER:  # as readers see it: a phone photo taken sideways
                    width, height = height, width
                if width * height > limit:
                    return "image-too-large", _pixels_message(shown_src, width, height, max_megapixels)
                image.load()  # decodes every pixel: a truncated or corrupt file fails here
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "image-too-large", (
            f"image '{shown_src}' has more pixels than the image library will open (over "
            f"{Image.MAX_IMAGE_PIXELS // 1_000_000} megapixels); resize it to at most 1600 px wide"
        )
    except Exception as problem:  # Pillow raises many types for files that are not (valid) images
        kind = "is not a picture file" if "cannot identify" in str(problem) else "is damaged and cannot be read"
        return "image-invalid", f"image '{shown_src}' {kind}; export it again as WebP, PNG or JPEG"
    return None


def is_sound_picture(path: Path, limits: tuple[float, float]) -> bool:
    """Whether :func:`image_problem` finds nothing (``limits``: megapixels, megabytes); run in worker processes."""
    max_megapixels, max_mb = limits
    return image_problem(path, path.name, max_megapixels, max_mb) is None


def picture_files(folder: Path) -> list[Path]:
    """Every raster picture under ``folder`` (sorted)."""
    found = []
    for directory, subdirectories, names in os.walk(folder):
        subdirectories.sort()
        found.extend(Path(directory) / name for name in sorted(names) if Path(name).suffix.lower() in RASTER_SUFFIXES)
    return found


# Photos straight from a phone or camera that browsers do not show and this site cannot publish without the
# place they were taken: iPhone's HEIC/HEIF, camera raw files.
UNPUBLISHABLE_PICTURES = frozenset({".heic", ".heif", ".dng", ".cr2", ".cr3", ".nef", ".arw", ".orf", ".rw2", ".raf"})
PRIVATE_RULE = "image-private"


def unpublishable_pictures(folder: Path) -> list[Path]:
    """Every picture under ``folder`` of a kind that cannot be published clean (sorted)."""
    found = []
    for directory, subdirectories, names in os.walk(folder):
        subdirectories.sort()
        found += [
            Path(directory) / name for name in sorted(names) if Path(name).suffix.lower() in UNPUBLISHABLE_PICTURES
        ]
    return found


def check_unpublishable_picture(path: Path, shown: str) -> list[Finding]:
    """Rule ``image-private`` for one picture file of :data:`UNPUBLISHABLE_PICTURES` (never published)."""
    message = (
        f"'{path.name}' is a {path.suffix.lstrip('.').upper()} photo straight from a phone or camera: most browsers "
        "cannot show it, and it holds where it was taken; export it as JPEG or WebP (then delete this file)"
    )
    return [error(shown, 1, message, PRIVATE_RULE)]


def _pixels_message(src: str, width: int, height: int, max_megapixels: float) -> str:
    return (
        f"image '{src}' is {width} x {height} pixels ({width * height / 1_000_000:.0f} megapixels), over the limit "
        f"of {max_megapixels:g} megapixels; resize it to at most 1600 px wide"
    )


def check_images(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    yield from _hero(source, context)
    for image in images(source):
        yield from _image(source, context, image.line, image.column, image.src, image.alt, relative=True)


def _hero(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    hero = source.meta.get("hero")
    if hero is None:
        return
    line = source.key_line("hero")
    if not isinstance(hero, dict) or not isinstance(hero.get("src"), str) or not hero.get("src"):
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
    scheme = url_scheme(src)
    if scheme in UNSAFE_SCHEMES:
        if scheme == "data":  # a picture pasted into the text (Google Docs, Notion, some editors do that)
            message = (
                f"image '{shorten(src, 40)}' is a picture pasted into the text as 'data:'; save the picture as a file "
                "in docs/assets/images/ and link to it: ![What it shows](../../assets/images/picture.webp)"
            )
        else:
            message = f"image '{shorten(src, 40)}' uses '{scheme}:'; save the picture under docs/assets/images/ instead"
        yield error(source.shown, line, message, "link-unsafe", column)
        return
    if scheme or src.startswith("//"):
        message = (
            f"image '{shorten(src)}' is on another website; save it under docs/assets/images/ "
            "(we load nothing from elsewhere)"
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
    problem = context.image_problem(path, shorten(src))
    if problem is not None:
        yield error(source.shown, line, problem[1], problem[0], column)
        return
    size_kb = path.stat().st_size / 1024
    budget = context.settings.image_budget_kb
    if size_kb > budget:
        message = (
            f"image '{src}' weighs {size_kb:.0f} KB, over the {budget} KB budget; save it as WebP at most 1600 px wide"
        )
        yield warning(source.shown, line, message, "image-weight", column)
    if is_placeholder_image(path):
        message = f"image '{src}' is still a placeholder picture made by 'therapy-site new' or 'init'; replace the file"
        yield warning(source.shown, line, message, "placeholder", column)


def _resolve(source: SourceFile, context: CheckContext, path: str, *, relative: bool) -> Path | None:
    """Images in Markdown are relative to the page's file (or to docs/ with a leading '/'); heroes to docs/."""
    base = posixpath.dirname(source.docs_path) if relative and not path.startswith("/") else ""
    joined = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
    if joined.startswith(".."):
        return None
    return context.project.docs_dir / joined
