"""URL schemes and origins the way a browser reads them (entities decoded, spaces and controls ignored)."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

UNSAFE_SCHEMES = frozenset({"javascript", "data", "vbscript", "file"})
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def url_scheme(url: str) -> str:
    """The scheme a browser would use for ``url`` (``'javascript'`` for ``java&#x09;script:``), lowercase."""
    cleaned = _IGNORED.sub("", html.unescape(url))
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else ""


def is_other_origin(url: str) -> bool:
    """Whether ``url`` points at another website (absolute with a host, or protocol-relative ``//host``)."""
    cleaned = _IGNORED.sub("", html.unescape(url))
    if cleaned.startswith(("//", "\\\\", "/\\")):
        return True
    scheme = url_scheme(cleaned)
    return scheme in {"http", "https", "ftp", "ws", "wss"} or (bool(scheme) and bool(urlsplit(cleaned).netloc))
