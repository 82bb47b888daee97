"""Repair what mkdocs-rss-plugin writes, with an XML parser and ``json`` (its template is not overridable).

* RSS 2.0's ``<author>`` and ``<managingEditor>`` must hold an email address; the plugin writes a name.
  Item authors become ``<dc:creator>`` (Dublin Core, the namespace the feed already declares); the
  channel's editor becomes ``email (Name)`` when the practice has an email, else ``dc:creator`` too.
* Each item gets its share image as an ``<enclosure>`` (URL, type, byte length), and the JSON Feed
  item its ``image``; the plugin finds none (our images are drawn after the pages).
* The feeds' ``language`` is the site's full language tag (``en-GB``), like ``lang`` and ``og:locale``.
* The plugin's template does not escape the site name in ``<image><title>`` and ``<source>``, nor authors'
  names: a practice called "Smith & Co" would make the feed invalid XML. A bare ``&`` is escaped before
  parsing (``<`` cannot be told from markup; ``therapy-site init`` refuses it in names).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

DC = "http://purl.org/dc/elements/1.1/"
# An '&' that starts no entity or character reference.
BARE_AMPERSAND = re.compile(rb"&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);)")


@dataclass(frozen=True)
class FeedImage:
    url: str  # absolute
    mime: str
    length: int  # bytes


def _write_atomic(path: Path, data: bytes) -> None:
    from therapy_site.imaging.cache import write_atomic

    write_atomic(path, data)


def rewrite_rss(path: Path, images: dict[str, FeedImage], language: str, editor_email: str) -> None:
    """Rewrite one RSS file in place (see the module docstring); items are matched by ``<link>``."""
    parser = etree.XMLParser(remove_blank_text=False, resolve_entities=False, no_network=True)
    tree = etree.fromstring(BARE_AMPERSAND.sub(b"&amp;", path.read_bytes()), parser).getroottree()
    channel = tree.getroot().find("channel")
    if channel is None:
        return
    for element in channel.findall("language"):
        element.text = language
    for editor in channel.findall("managingEditor"):
        name = (editor.text or "").strip()
        if editor_email and "@" not in name:
            editor.text = f"{editor_email} ({name})"
        elif "@" not in name:
            _replace_with_creator(editor, name)
    for item in channel.findall("item"):
        for author in item.findall("author"):
            _replace_with_creator(author, (author.text or "").strip())
        link = (item.findtext("link") or "").strip()
        image = images.get(link)
        if image is not None and item.find("enclosure") is None:
            enclosure = etree.SubElement(item, "enclosure")
            enclosure.set("url", image.url)
            enclosure.set("type", image.mime)
            enclosure.set("length", str(image.length))
    _write_atomic(path, etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))


def unescaped(text: str) -> str:
    """``text`` with HTML escaping undone, however many times it was applied (``&amp;amp;`` is '&')."""
    for _ in range(4):
        plain = html.unescape(text)
        if plain == text:
            break
        text = plain
    return text


def _replace_with_creator(element: Any, name: str) -> None:
    creator = etree.Element(f"{{{DC}}}creator", nsmap={"dc": DC})
    creator.text = name
    creator.tail = element.tail
    element.getparent().replace(element, creator)


@dataclass(frozen=True)
class FeedText:
    """A post's title and description as the author wrote them (plain text, not HTML)."""

    title: str
    description: str


def rewrite_json_feed(
    path: Path,
    images: dict[str, FeedImage],
    language: str,
    texts: dict[str, FeedText] | None = None,
    icon: str = "",
) -> None:
    """Give JSON Feed items their ``image``, plain-text titles and summaries, the feed its full language tag
    and ``icon``.

    JSON Feed's ``title`` and ``summary`` are plain text; the plugin writes them HTML-escaped (``&#34;``,
    ``&amp;amp;``), so readers would see the entities. Each becomes the post's own text (``texts``, by URL).
    The plugin gives ``icon`` the RSS channel's image, the 64 px favicon (RSS wants at most 144 px wide);
    JSON Feed asks for a large square one (512 x 512) as ``icon`` and a small one as ``favicon``: with
    ``icon`` (the practice's logo, ``extra.practice.logo``), the favicon moves to ``favicon``.
    """
    feed = json.loads(path.read_text(encoding="utf-8"))
    feed["language"] = language
    if icon:
        if feed.get("icon") and not feed.get("favicon"):
            feed["favicon"] = feed["icon"]
        feed["icon"] = icon
    for item in feed.get("items", []):
        url = str(item.get("url") or "")
        image = images.get(url)
        if image is not None:
            item["image"] = image.url
        text = (texts or {}).get(url)
        if isinstance(item.get("title"), str):
            item["title"] = text.title if text and text.title else unescaped(item["title"])
        if isinstance(item.get("summary"), str):
            summary = unescaped(item["summary"])
            item["summary"] = text.description if text and summary == text.description else summary
    _write_atomic(path, json_text(feed).encode("utf-8"))


def json_text(value: Any) -> str:
    """JSON with '<', '>' and '&' written as escapes (as in JSON-LD): the same text once read, and no markup in
    the file for a program that looks for it without parsing the JSON."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


FEED_STYLESHEET = "assets/therapy-site/feed-preview.css"


def externalize_feed_style(site: Path, xsl_name: str = "rss.xsl") -> bool:
    """Move the inline ``<style>`` of the rss plugin's feed preview (``rss.xsl``) into a stylesheet file.

    A browser shows a feed through that XSL, and the page it makes is governed by the feed's own headers:
    our ``_headers`` policy (``style-src 'self'``) blocks inline styles, so the styled preview came out
    plain. A ``<link>`` to a file of the same origin is allowed. Returns whether the file was rewritten.
    """
    xsl = site / xsl_name
    if not xsl.is_file():
        return False
    parser = etree.XMLParser(remove_blank_text=False, resolve_entities=False, no_network=True)
    tree = etree.parse(str(xsl), parser)
    styles = tree.xpath("//style")  # the preview's HTML, written in no namespace inside the XSL
    if not styles:
        return False
    style = styles[0]
    _write_atomic(site / FEED_STYLESHEET, (style.text or "").strip().encode("utf-8") + b"\n")
    link = etree.Element("link", rel="stylesheet", href=f"/{FEED_STYLESHEET}")
    link.tail = style.tail
    style.getparent().replace(style, link)
    _write_atomic(xsl, etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
    return True
