"""The infographic on the page: real HTML cards in a ``<figure>``, no text inside images.

Built as ElementTree elements like every other block of ours, so the item
headings are real headings the ``toc`` extension sees (ids, permalinks, the
table of contents) and every text is escaped by the serializer.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree as etree

from markdown import util

from therapy_site.blocks.links import late_link
from therapy_site.infographics.icons import SVG_NS, Icon
from therapy_site.infographics.schema import Infographic, Item

SVG_URI = SVG_NS.strip("{}")


@dataclass(frozen=True)
class ImageUrls:
    portrait_png: str  # the download link (site-root relative)
    pin_media: str  # absolute URL for Pinterest's data-pin-media
    download_name: str  # file name offered by the download link


def figure_attributes(info: Infographic, urls: ImageUrls) -> dict[str, str]:
    """Attributes of the ``<figure>`` element (Pinterest reads ``data-pin-*``)."""
    description = f"{info.title}: {info.summary}" if info.summary else info.title
    return {
        "class": f"ts-infographic ts-infographic--{info.layout}",
        "data-pin-media": urls.pin_media,
        "data-pin-description": description,
    }


def _text(value: str) -> util.AtomicString:
    """Author text shown as written: no Markdown inside a validated infographic field."""
    return util.AtomicString(value)


def _sub(parent: etree.Element, tag: str, css_class: str, text: str = "") -> etree.Element:
    element = etree.SubElement(parent, tag, {"class": css_class})
    if text:
        element.text = _text(text)
    return element


def icon_element(icon: Icon, css_class: str) -> etree.Element:
    """The icon as an inline ``<svg>``: decorative, hidden from assistive technology."""
    source = etree.fromstring(icon.svg)
    attributes = {_local(name): value for name, value in source.attrib.items()}
    attributes |= {"xmlns": SVG_URI, "class": css_class, "aria-hidden": "true", "focusable": "false"}
    attributes |= {"width": "24", "height": "24"}
    svg = etree.Element("svg", attributes)
    for shape in source:
        etree.SubElement(svg, _local(shape.tag), {_local(name): value for name, value in shape.attrib.items()})
    return svg


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def fill_figure(
    figure: etree.Element,
    info: Infographic,
    urls: ImageUrls,
    heading_level: int,
    icons: dict[str, Icon],
) -> None:
    """The caption (the title) first, then the summary, the cards as a list with real headings, and last a
    credit line with the source and the download link: the order it is read in, on screen and aloud."""
    for name, value in figure_attributes(info, urls).items():
        figure.set(name, value)
    figure.text = "\n"
    caption = _sub(figure, "figcaption", "ts-infographic__caption")
    caption.tail = "\n"
    _sub(caption, "span", "ts-infographic__heading", info.title)
    if info.summary:
        _sub(figure, "p", "ts-infographic__summary", info.summary).tail = "\n"
    items = etree.SubElement(
        figure, "ol" if info.layout == "steps" else "ul", {"class": "ts-infographic__items", "role": "list"}
    )
    items.text, items.tail = "\n", "\n"
    for item in info.items:
        _item_element(items, info, item, heading_level, icons).tail = "\n"
    _credit(figure, info, urls).tail = "\n"


def _credit(figure: etree.Element, info: Infographic, urls: ImageUrls) -> etree.Element:
    """The line after the cards: where the facts come from, and the image to download."""
    credit = _sub(figure, "p", "ts-infographic__credit")
    credit.text = "\n"
    if info.source:
        _sub(credit, "span", "ts-infographic__source", f"Source: {info.source}").tail = "\n"
    link = etree.SubElement(credit, "a", {"class": "ts-infographic__download", "download": urls.download_name})
    late_link(link, urls.portrait_png)  # a site-absolute path: set after MkDocs' link resolver
    link.text = _text("Download image")
    hidden = _sub(link, "span", "ts-infographic__hidden", f": {info.title}")
    hidden.tail = _text(" (PNG, 1000 × 1500)")
    link.tail = "\n"
    return credit


def _item_element(
    parent: etree.Element, info: Infographic, item: Item, level: int, icons: dict[str, Icon]
) -> etree.Element:
    element = _sub(parent, "li", "ts-infographic__item")
    if item.icon:
        element.append(icon_element(icons[item.icon], "ts-infographic__icon"))
    _sub(element, f"h{level}", "ts-infographic__title", item.title)
    if item.value:
        _sub(element, "p", "ts-infographic__value", item.value)
    if item.text:
        _sub(element, "p", "ts-infographic__text", item.text)
    if item.remedy:
        remedy = _sub(element, "p", "ts-infographic__remedy")
        label = etree.SubElement(remedy, "strong")
        label.text = _text(f"{info.remedy_label}:")
        label.tail = _text(f" {item.remedy}")
    return element
