"""Content-Security-Policy for a page: hashes of the inline scripts the theme writes, never the author's.

Inline scripts are allowed by their SHA-256 hashes, never by
``'unsafe-inline'``, and only when they are scripts the theme itself emits:
Material's ``partials/javascripts/*.html`` (the ``__md_scope`` helpers,
palette and anchor scripts), rendered with the page's own template context
(:func:`theme_script_hashes`). A script that reaches the page from its content
(a post body, a title in a listing) is never in that set, so the policy blocks
it. Inline styles are hashed from the page. Data blocks such as
``application/ld+json`` and Material's ``__config`` JSON are not executed, so
CSP does not apply to them.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SCRIPT_ELEMENT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
STYLE_ATTRIBUTE = re.compile(r"""<[a-zA-Z][^>]*?\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.DOTALL)
TYPE_ATTRIBUTE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
SRC_ATTRIBUTE = re.compile(r"\bsrc\s*=", re.IGNORECASE)
CHARSET_META = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
HEAD_START = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
CSP_META = re.compile(r"<meta\s+http-equiv=[\"']Content-Security-Policy[\"']", re.IGNORECASE)

# Types a browser executes as script; anything else (JSON, JSON-LD, templates) is a data block.
EXECUTABLE_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript"}

# Directives shared by the <meta> policy and the _headers policy. ``img-src data:``
# is for the SVG icons Material's stylesheet embeds as data: URLs.
BASE_DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'self'",)),
    ("script-src", ("'self'",)),
    ("style-src", ("'self'",)),
    ("img-src", ("'self'", "data:")),
    ("font-src", ("'self'",)),
    ("connect-src", ("'self'",)),
    ("worker-src", ("'self'",)),
    ("manifest-src", ("'self'",)),
    ("object-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    ("form-action", ("'self'",)),
)
# Only honoured as an HTTP header: browsers ignore (and warn about) these in <meta>.
HEADER_ONLY_DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (("frame-ancestors", ("'none'",)),)


def sha256_source(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _is_inline_executable(attributes: str) -> bool:
    if SRC_ATTRIBUTE.search(attributes):
        return False
    match = TYPE_ATTRIBUTE.search(attributes)
    script_type = match.group(1).lower() if match else ""
    return script_type in EXECUTABLE_TYPES


@dataclass
class InlineCode:
    """Hash sources for the inline code of one or more pages, in first-seen order."""

    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)  # <style> elements
    style_attributes: list[str] = field(default_factory=list)  # style="..." (need 'unsafe-hashes')

    @classmethod
    def of_page(cls, output: str, trusted_scripts: Collection[str] | None = None) -> InlineCode:
        """The page's inline code; scripts only when their hash is in ``trusted_scripts`` (``None``: none)."""
        found = cls()
        for attributes, body in SCRIPT_ELEMENT.findall(output):
            if _is_inline_executable(attributes):
                source = sha256_source(body)
                if trusted_scripts is not None and source in trusted_scripts:
                    _add(found.scripts, source)
        for body in STYLE_ELEMENT.findall(output):
            _add(found.styles, sha256_source(body))
        for double_quoted, single_quoted in STYLE_ATTRIBUTE.findall(output):
            # The browser hashes the attribute's value after character references are decoded.
            _add(found.style_attributes, sha256_source(html.unescape(double_quoted or single_quoted)))
        return found

    def merge(self, other: InlineCode) -> None:
        for mine, theirs in (
            (self.scripts, other.scripts),
            (self.styles, other.styles),
            (self.style_attributes, other.style_attributes),
        ):
            for source in theirs:
                _add(mine, source)

    def sorted(self) -> InlineCode:
        return InlineCode(sorted(self.scripts), sorted(self.styles), sorted(self.style_attributes))


def _add(sources: list[str], source: str) -> None:
    if source not in sources:
        sources.append(source)


def policy(code: InlineCode, *, for_header: bool = False) -> str:
    """The policy text: base directives plus hash sources for ``code``."""
    directives = BASE_DIRECTIVES + (HEADER_ONLY_DIRECTIVES if for_header else ())
    parts = []
    for name, sources in directives:
        values = list(sources)
        if name == "script-src":
            values += code.scripts
        elif name == "style-src":
            values += code.styles
            if code.style_attributes:
                values += ["'unsafe-hashes'", *code.style_attributes]
        parts.append(" ".join((name, *values)))
    return "; ".join(parts)


def insert_meta(output: str, tags: Iterable[str]) -> str:
    """Put ``tags`` right after ``<meta charset>`` (or ``<head>``), before any script runs."""
    block = "".join(f"\n    {tag}" for tag in tags)
    for anchor in (CHARSET_META, HEAD_START):
        match = anchor.search(output)
        if match:
            return output[: match.end()] + block + output[match.end() :]
    raise ValueError("no <head> to put the Content-Security-Policy in")


def csp_meta_tag(policy_text: str) -> str:
    # Single quotes stay as they are (readable); the attribute is double-quoted.
    content = html.escape(policy_text, quote=False).replace('"', "&quot;")
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'


def has_csp_meta(output: str) -> bool:
    return CSP_META.search(output) is not None


THEME_SCRIPT_PARTIALS = "partials/javascripts/"


def inline_script_hashes(html_text: str) -> set[str]:
    return {
        sha256_source(body)
        for attributes, body in SCRIPT_ELEMENT.findall(html_text)
        if _is_inline_executable(attributes)
    }


def theme_script_partials(env: Any) -> list[str]:
    """The theme's script partials (ours overriding Material's), sorted.

    Only the partials' folder of each template folder is listed: Jinja's ``list_templates`` walks every file of
    every template folder, and Material's holds fourteen thousand icons (a tenth of a second per build).
    """
    folders = getattr(env.loader, "searchpath", None)  # MkDocs' theme loader is a FileSystemLoader
    if folders is None:
        return sorted(
            env.list_templates(
                filter_func=lambda name: name.startswith(THEME_SCRIPT_PARTIALS) and name.endswith(".html")
            )
        )
    names = {
        path.relative_to(folder).as_posix()
        for folder in map(Path, folders)
        for path in (folder / THEME_SCRIPT_PARTIALS).rglob("*.html")
    }
    return sorted(names)


def theme_script_hashes(
    env: Any, context: Mapping[str, Any], features: Iterable[str] = (), names: Iterable[str] | None = None
) -> set[str]:
    """Hashes of the inline scripts the theme's script partials write for a page with this template context.

    Derived from the theme's sources (every ``partials/javascripts/*.html``
    template, ours overriding Material's where we ship one), never from the
    page's output, so nothing the page's content holds can be trusted.
    """
    values = {**context, "features": list(features)}
    hashes: set[str] = set()
    for name in theme_script_partials(env) if names is None else names:
        try:
            rendered = env.get_template(name).render(values)
        except Exception:  # a partial that needs what only base.html sets up: its scripts stay untrusted
            continue
        hashes |= inline_script_hashes(rendered)
    return hashes
