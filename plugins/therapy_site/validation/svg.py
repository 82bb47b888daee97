"""SVG drawings that would run code when opened (rule ``svg-script``).

An SVG is a document: opened on its own (a link, a new tab) its scripts run with the site's address,
and hosts without our ``_headers`` (GitHub Pages) send no policy to stop them. A published SVG may hold
no ``<script>``, no ``on…=`` event attribute, no ``javascript:`` (or ``data:``/``vbscript:``) link and
no ``<foreignObject>`` (HTML inside the drawing). It is read with lxml without network access, DTDs or
entities, so reading it cannot fetch or expand anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from therapy_site.validation.findings import Finding, error
from therapy_site.validation.urls import UNSAFE_SCHEMES, url_scheme

RULE = "svg-script"
LINK_ATTRIBUTES = frozenset({"href", "{http://www.w3.org/1999/xlink}href", "src", "action", "formaction"})
# Elements that run or embed something: SVG 1.2's event handlers, and HTML elements put straight into the SVG.
EMBEDDING = frozenset({"handler", "listener", "iframe", "embed", "object", "frame", "frameset"})
# A picture embedded in the drawing (Inkscape and Illustrator do that): shown, never run.
EMBEDDED_PICTURE = ("data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif", "data:image/webp")
ADVICE = "remove it, or export the drawing again as a plain SVG (or as PNG/WebP)"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False, recover=True
    )


def _local(name: object) -> str:
    return etree.QName(name).localname.lower() if isinstance(name, str) else ""


def svg_problems(data: bytes) -> Iterator[tuple[int, str]]:
    """``(line, message)`` for each part of the SVG ``data`` that would run code or hold HTML."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        if b"<script" in data.lower():
            yield 1, f"this SVG holds a <script> (and cannot be read as a drawing); {ADVICE}"
        return
    if b"<!ENTITY" in data[:4096]:
        yield 1, "this SVG declares entities (<!ENTITY>), which can hide content; export it again as a plain SVG"
    lines = data.decode("utf-8", "replace").splitlines()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        line, tag = element.sourceline or 1, _local(element.tag)
        if tag == "script":
            line = _line_of(lines, line, f"<{etree.QName(element.tag).localname}")
            yield line, f"this SVG holds a <script>, which would run when the picture is opened; {ADVICE}"
            continue
        if tag in EMBEDDING:
            line = _line_of(lines, line, f"<{etree.QName(element.tag).localname}")
            yield line, f"this SVG holds <{tag}>, which loads or runs something else inside the drawing; {ADVICE}"
            continue
        if tag == "foreignobject":
            line = _line_of(lines, line, f"<{etree.QName(element.tag).localname}")
            yield line, f"this SVG holds a <foreignObject> (a web page inside the drawing); {ADVICE}"
            continue
        for name, value in element.attrib.items():
            yield from _attribute(_line_of(lines, line, f"{_local(name)}="), tag, name, value)


def _line_of(lines: list[str], end: int, needle: str) -> int:
    """The line, at or before ``end`` (where lxml says a start tag ends), that holds ``needle``."""
    needle = needle.lower()
    for number in range(min(end, len(lines)), 0, -1):
        if needle in lines[number - 1].lower():
            return number
    return end


def _attribute(line: int, tag: str, name: str, value: str) -> Iterator[tuple[int, str]]:
    local = _local(name)
    if local.startswith("on"):
        yield line, f"'{local}=' on <{tag}> in this SVG would run code when the picture is opened; {ADVICE}"
    elif tag == "image" and value.strip().lower().startswith(EMBEDDED_PICTURE):
        return
    elif (name in LINK_ATTRIBUTES or local == "href") and url_scheme(value) in UNSAFE_SCHEMES:
        yield line, f"<{tag}> in this SVG links to '{url_scheme(value)}:', which can run code; {ADVICE}"
    elif tag in {"set", "animate"} and local in {"to", "values", "from"} and url_scheme(value) in UNSAFE_SCHEMES:
        yield line, f"<{tag}> in this SVG turns a link into '{url_scheme(value)}:', which can run code; {ADVICE}"


def check_svg_file(path: Path, shown: str) -> list[Finding]:
    """Rule ``svg-script`` for one SVG file published from docs/ or the theme."""
    try:
        data = path.read_bytes()
    except OSError:
        return []
    return [error(shown, line, message, RULE) for line, message in svg_problems(data)]
