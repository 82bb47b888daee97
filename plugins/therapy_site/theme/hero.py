"""A post's hero image: the front matter names it, we check it and read its size."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from therapy_site.pagedata import Hero
from therapy_site.pictures import shown_size
from therapy_site.sources import front_matter_key_line, read_source

PLACEHOLDER_ALTS = {"image", "picture", "photo", "hero", "alt", "todo"}


def _fail(page: Page, message: str) -> PluginError:
    line = front_matter_key_line(read_source(page.file.abs_src_path), "hero")
    return PluginError(f"{page.file.src_path}:{line}: {message}")


def resolve_hero(page: Page, config: Any) -> Hero | None:
    """Return the page's hero image, or ``None`` when the front matter names none.

    Front matter: ``hero: {src: assets/images/x.webp, alt: "What the picture shows"}``.
    """
    raw = page.meta.get("hero")
    if raw is None:
        return None
    if not isinstance(raw, dict) or not raw.get("src"):
        raise _fail(page, "'hero' needs 'src' (a path from the docs folder) and 'alt' (what the picture shows)")
    src = str(raw["src"]).lstrip("/")
    alt = str(raw.get("alt") or "").strip()
    path = Path(config.docs_dir) / src
    if not path.is_file():
        raise _fail(page, f"hero image '{src}' does not exist under docs/; check the path")
    if not alt or alt.lower() in PLACEHOLDER_ALTS or alt == Path(src).name:
        raise _fail(page, f"hero image '{src}' needs meaningful alt text: describe what the picture shows")
    width, height = shown_size(path)  # as readers see it: a phone photo's EXIF orientation applied
    return Hero(src=src, alt=alt, width=width, height=height)
