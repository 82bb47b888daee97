"""The ``/// takeaways`` block: a labelled section with a real heading and a list of key points.

Output (the key points' text also goes, as :class:`therapy_site.pagedata.Takeaways`,
to the page data the structured-data feature reads for the BlogPosting ``abstract``)::

    <section class="ts-takeaways" aria-labelledby="key-takeaways">
    <span class="ts-takeaways__icon" aria-hidden="true"><svg>…</svg></span>
    <h2 class="ts-takeaways__title" id="key-takeaways">Key takeaways</h2>
    <ul>
    <li><strong class="ts-takeaways__lead">Lead.</strong> Sentence.</li>
    </ul>
    </section>

The heading is created while the block is parsed, so Python-Markdown's ``toc``
extension lists it and adds its permalink like any other ``##`` heading. Ids
are given by a tree processor that runs after ``attr_list`` (priority 8) and
before ``toc`` (priority 5); they are derived from the heading text and made
unique against the ids already in the current document only, so converting the
same Markdown twice with one ``Markdown`` instance gives the same HTML.
"""

from __future__ import annotations

import html
from typing import Any, ClassVar
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.extensions.toc import render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor

from therapy_site.blocks import CheckedBlock, CheckedBlocksExtension
from therapy_site.blocks.headings import label_sections_by_heading
from therapy_site.options import NamedOptions
from therapy_site.pagedata import Collector, Takeaways, collect

NAME = "takeaways"
DEFAULT_TITLE = "Key takeaways"
SECTION_CLASS = "ts-takeaways"
TITLE_CLASS = "ts-takeaways__title"
ICON_CLASS = "ts-takeaways__icon"
LEAD_CLASS = "ts-takeaways__lead"
LIST_TAGS = ("ul", "ol")

# A small outlined light bulb, drawn for this block (24 x 24, stroked with the text colour).
ICON_PATH = "M9 18h6M10 21h4M12 3a6 6 0 0 0-3.6 10.8c.7.5 1.1 1.3 1.1 2.2h5c0-.9.4-1.7 1.1-2.2A6 6 0 0 0 12 3z"


def is_takeaways_section(element: etree.Element) -> bool:
    return element.tag == "section" and SECTION_CLASS in (element.get("class") or "").split()


def _icon() -> etree.Element:
    """The decorative icon: hidden from assistive technology, it adds nothing to the heading."""
    span = etree.Element("span", {"class": ICON_CLASS, "aria-hidden": "true"})
    svg = etree.SubElement(
        span,
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": "0 0 24 24",
            "width": "24",
            "height": "24",
            "fill": "none",
            "stroke": "currentColor",
            "stroke-width": "1.8",
            "stroke-linecap": "round",
            "stroke-linejoin": "round",
            "focusable": "false",
        },
    )
    etree.SubElement(svg, "path", {"d": ICON_PATH})
    return span


class TakeawaysBlock(CheckedBlock):
    """``/// takeaways | Optional title``: the title defaults to the extension's ``title``."""

    NAME = NAME
    ARGUMENT = None  # the title is optional
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        section = etree.SubElement(parent, "section", {"class": SECTION_CLASS})
        section.text = "\n"
        icon = _icon()
        icon.tail = "\n"
        section.append(icon)
        heading = etree.SubElement(section, "h2", {"class": TITLE_CLASS})
        heading.text = (self.argument or "").strip() or self.config.get("title") or DEFAULT_TITLE
        return section

    def on_end(self, block: etree.Element) -> None:
        content = [child for child in block if child.get("class") not in (ICON_CLASS, TITLE_CLASS)]
        if not content:
            self.problem("is empty: add a Markdown list of the key points, one '- **Lead.** Sentence.' per line")
        elif not any(child.tag in LIST_TAGS for child in content):
            self.problem("has no list: write the key points as a Markdown list ('- **Lead.** Sentence.')")


class TakeawaysTreeprocessor(Treeprocessor):
    """Give each takeaways heading a unique id (and its section the label), mark item leads, hand the points on."""

    def __init__(self, md: Markdown, collector: Collector) -> None:
        super().__init__(md)
        self.collector = collector

    def run(self, root: etree.Element) -> None:
        sections = [element for element in root.iter("section") if is_takeaways_section(element)]
        if not sections:
            return
        label_sections_by_heading(self.md, root, sections, TITLE_CLASS, NAME)
        for section in sections:
            for child in section:
                if child.tag in LIST_TAGS:
                    for item in child.findall("li"):
                        mark_lead(item)
            points = [plain_text(self.md, item) for item in section.iter("li")]
            title = next((plain_text(self.md, child) for child in section if child.get("class") == TITLE_CLASS), "")
            collect(self.md, Takeaways(title=title, items=tuple(points)), self.collector)


def plain_text(md: Markdown, element: etree.Element) -> str:
    """The element's text as the reader sees it, whitespace collapsed (what the structured data states)."""
    return " ".join(html.unescape(strip_tags(render_inner_html(element, md))).split())


def mark_lead(item: etree.Element) -> None:
    """Add the lead class to a bold phrase that opens a list item (tight or loose list)."""
    holder = item
    if not (item.text or "").strip() and len(item) and item[0].tag == "p":
        holder = item[0]
    if (holder.text or "").strip() or not len(holder):
        return
    first = holder[0]
    if first.tag in ("strong", "b"):
        classes = (first.get("class") or "").split()
        if LEAD_CLASS not in classes:
            first.set("class", " ".join([*classes, LEAD_CLASS]))


class TakeawaysExtension(NamedOptions, CheckedBlocksExtension):
    """Python-Markdown extension for ``/// takeaways``; ``title`` sets the default heading."""

    EXTENSION_NAME = "therapy_site.takeaways"

    BLOCKS = (TakeawaysBlock,)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.config = {"title": [DEFAULT_TITLE, "Heading used when a block has no title after '|'"]}
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        super().extendMarkdownBlocks(md, block_mgr)
        # After attr_list (8), so its ids count; before toc (5), so toc keeps our id and adds the permalink.
        md.treeprocessors.register(TakeawaysTreeprocessor(md, self.getConfig("collector")), "therapy_takeaways", 6)


def makeExtension(**kwargs: Any) -> TakeawaysExtension:
    return TakeawaysExtension(**kwargs)
