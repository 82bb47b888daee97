"""The ``_headers`` file static hosts (Netlify, Cloudflare Pages) read for response headers."""

from __future__ import annotations

from collections.abc import Mapping


def headers_file(headers: Mapping[str, str], path_pattern: str = "/*") -> str:
    """Render ``headers`` for every path matching ``path_pattern``, in the order given."""
    lines = [path_pattern, *(f"  {name}: {value}" for name, value in headers.items())]
    return "\n".join(lines) + "\n"
