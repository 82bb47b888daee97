"""Images and links in a page's Markdown, each with its line and column.

Python-Markdown keeps no source positions, so we read the constructs the
authoring guide teaches from the source lines (code excluded): Markdown images
and links, reference definitions, autolinks and raw HTML ``<img>``/``<a>``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from therapy_site.validation.source import SourceFile

BRACKETED = r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]"
# A destination as Python-Markdown reads it: <bracketed>, one word (balanced parentheses allowed), or words
# with spaces ('my photo.jpg', 'tel:0117 496 0123'), which Python-Markdown keeps as the address.
_DESTINATION = (
    r"\(\s*(<[^>]*>|[^\s()]+(?:\([^\s()]*\)[^\s()]*)*|[^\s()\"'<](?:[^()\"'\n]*[^\s()\"'])?)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
MARKDOWN_IMAGE = re.compile(r"!" + BRACKETED + _DESTINATION)
MARKDOWN_LINK = re.compile(r"(?<![!\\])" + BRACKETED + _DESTINATION)
# "[label]: address" (a footnote's "[^1]: The note." is no link: the footnotes extension reads it first).
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)([^\]]+)\]:\s*(<[^>]*>|\S+)")
AUTOLINK = re.compile(r"<((?:https?|ftp|mailto|tel|javascript|data):[^\s>]*)>", re.IGNORECASE)
HTML_TAG = re.compile(r"<(img|a)\b([^>]*)>", re.IGNORECASE)
HTML_ATTRIBUTE = re.compile(r"([\w:-]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)")


@dataclass(frozen=True)
class ImageRef:
    line: int
    column: int
    src: str
    alt: str | None  # None: the HTML tag has no alt attribute at all


@dataclass(frozen=True)
class LinkRef:
    line: int
    column: int
    url: str


def _destination(raw: str) -> str:
    return raw[1:-1].strip() if raw.startswith("<") and raw.endswith(">") else raw


def _attributes(raw: str) -> dict[str, str]:
    return {name.lower(): html.unescape(value.strip("\"'")) for name, value in HTML_ATTRIBUTE.findall(raw)}


def images(source: SourceFile) -> Iterator[ImageRef]:
    for number, line in source.body_lines():
        for match in MARKDOWN_IMAGE.finditer(line):
            yield ImageRef(number, match.start() + 1, _destination(match.group(2)), match.group(1).strip())
        for match in HTML_TAG.finditer(line):
            if match.group(1).lower() == "img":
                attributes = _attributes(match.group(2))
                yield ImageRef(number, match.start() + 1, attributes.get("src", ""), attributes.get("alt"))


def links(source: SourceFile) -> Iterator[LinkRef]:
    for number, line in source.body_lines():
        without_images = MARKDOWN_IMAGE.sub(lambda match: " " * len(match.group(0)), line)
        # A linked image: [![alt](src)](url) — the outer link's text now holds blanks only.
        for match in MARKDOWN_LINK.finditer(without_images):
            yield LinkRef(number, match.start() + 1, _destination(match.group(2)))
        definition = REFERENCE_DEFINITION.match(line)
        if definition:
            yield LinkRef(number, definition.start(2) + 1, _destination(definition.group(2)))
        for match in AUTOLINK.finditer(line):
            yield LinkRef(number, match.start() + 1, match.group(1))
        for match in HTML_TAG.finditer(line):
            if match.group(1).lower() == "a":
                href = _attributes(match.group(2)).get("href")
                if href is not None:
                    yield LinkRef(number, match.start() + 1, href)
