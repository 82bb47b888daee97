"""The content key of a drawn image: a hash of everything its pixels depend on, so a cached image is never stale.

Besides the data: the fonts, the palette, the brand and domain drawn on it, and the renderer's engine (its
version, the hash of its drawing code, the Pillow, FreeType and Raqm versions).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import PIL
from PIL import features

from therapy_site.imaging.canvas import TextRenderer


def code_digest(files: Iterable[Path]) -> str:
    """Hash of the drawing code itself, so a change to it never serves stale images from the cache."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def engine_of(renderer: TextRenderer) -> dict[str, str | None]:
    """What ``renderer``'s pixels depend on besides the data, worked out once per renderer (it names many images)."""
    if renderer.engine_fingerprint is None:
        renderer.engine_fingerprint = {
            "renderer": renderer.VERSION,
            "code": code_digest(renderer.CODE),
            "pillow": PIL.__version__,
            "freetype": features.version("freetype2"),
            "raqm": features.version("raqm"),
        }
    return renderer.engine_fingerprint


def content_digest(kind: str, data: Any, renderer: TextRenderer, brand: str, domain: str) -> str:
    """20 hex digits naming the image ``kind`` that ``renderer`` draws from ``data``."""
    payload = {
        "kind": kind,
        "data": data,
        "fonts": renderer.fonts.fingerprint(),
        "palette": renderer.palette.fingerprint(),
        "brand": brand,
        "domain": domain,
        "engine": engine_of(renderer),
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:20]
