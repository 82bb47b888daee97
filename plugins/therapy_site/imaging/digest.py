"""The content key of a drawn image: a hash of everything its pixels depend on, so a cached image is never stale.

The drawing code and library versions (``engine``) are the drawing feature's to name
(:func:`therapy_site.infographics.jobs.engine_of`); the rest is common to every image drawn with our fonts.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Protocol


class Fingerprinted(Protocol):
    def fingerprint(self) -> str: ...


def content_digest(
    kind: str, data: Any, *, fonts: Fingerprinted, palette: Fingerprinted, engine: Any, brand: str, domain: str
) -> str:
    """20 hex digits naming the image ``kind`` drawn from ``data`` with these fonts, palette and engine."""
    payload = {
        "kind": kind,
        "data": data,
        "fonts": fonts.fingerprint(),
        "palette": palette.fingerprint(),
        "brand": brand,
        "domain": domain,
        "engine": engine,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:20]
