"""The ``/// booking`` block: a call to action that is a plain link, never a vendor widget.

Authoring::

    /// booking | Build trust and begin your healing journey
        button: Book a free consultation
    Book a free 15-minute consultation to see whether we are a good fit.
    ///

Options (all optional, defaults come from the extension's config): ``button``
(the link text), ``url`` (``https:``, ``mailto:`` or ``tel:`` only) and
``variant`` (``panel`` or ``inline``). Output::

    <section class="ts-booking ts-booking--panel" aria-labelledby="build-trust-...">
    <h2 class="ts-booking__title" id="build-trust-...">Build trust ...</h2>
    <p>Book a free 15-minute consultation ...</p>
    <p class="ts-booking__action"><a class="md-button md-button--primary ts-booking__button"
       href="https://...?utm_source=...&amp;utm_medium=..." rel="noopener" referrerpolicy="origin">Book ...</a></p>
    <p class="ts-booking__print">Book a free consultation: https://...</p>
    <p class="ts-booking__contact">Prefer not to book online? Call <a href="tel:…">…</a> or email <a …>…</a>.</p>
    <p class="ts-booking__urgent">If you are in crisis ... <a href="/urgent-help/">Where to get urgent help</a></p>
    </section>

No script, no iframe, nothing fetched from the booking site until the reader
clicks. Listing pages (Material's blog re-renders each post for its excerpt)
never show the block: its place is the post itself.
"""

from __future__ import annotations

from typing import Any, ClassVar
from xml.etree import ElementTree as etree

from markdown import Markdown, util
from markdown.treeprocessors import Treeprocessor

from therapy_site.blocks import CheckedBlock, CheckedBlocksExtension
from therapy_site.blocks.headings import label_sections_by_heading
from therapy_site.blocks.links import late_link, register_late_hrefs
from therapy_site.booking.links import check_cta_url, check_label, is_external, printable, tel_href, with_utm
from therapy_site.material.classes import PRIMARY_BUTTON
from therapy_site.material.markdown import renders_excerpt
from therapy_site.options import NamedOptions
from therapy_site.pagedata import Booking

NAME = "booking"
VARIANTS = ("panel", "inline")
DEFAULT_HEADING = "Take the first step"
DEFAULT_TEXT = (
    "Book a free 15-minute consultation to see whether we are a good fit. There is no obligation to continue."
)
DEFAULT_BUTTON = "Book a free consultation"
DEFAULT_URGENT_LINK_TEXT = "Where to get urgent help"
DEFAULT_CONTACT_TEXT = "Prefer not to book online?"

SECTION_CLASS = "ts-booking"
TITLE_CLASS = "ts-booking__title"
ACTION_CLASS = "ts-booking__action"
PRINT_CLASS = "ts-booking__print"
URGENT_CLASS = "ts-booking__urgent"
CONTACT_CLASS = "ts-booking__contact"


def check_variant(value: object) -> str:
    variant = str(value or "").strip().lower()
    if variant not in VARIANTS:
        raise ValueError(f"'{value}' is not a variant; use one of: {', '.join(VARIANTS)}")
    return variant


def is_booking_section(element: etree.Element) -> bool:
    return element.tag == "section" and SECTION_CLASS in (element.get("class") or "").split()


def _text(value: str) -> util.AtomicString:
    """Configured or option text, shown as written (no Markdown inside a label or URL)."""
    return util.AtomicString(value)


class BookingBlock(CheckedBlock):
    """``/// booking | Optional heading``; options ``button``, ``url``, ``variant``."""

    NAME = NAME
    ARGUMENT = None  # the heading is optional
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {
        "button": ("", check_label),
        "url": ("", check_cta_url),
        "variant": ("", check_variant),
    }
    OPTION_HINTS: ClassVar[dict[str, str]] = {"variant": "panel is the full box, inline a compact line"}

    def setting(self, name: str) -> str:
        """The block's option, else the extension's configured default."""
        return str(self.options.get(name) or self.config.get(name) or "").strip()

    def on_validate(self, parent: etree.Element) -> bool:
        url = self.setting("url")
        if not url:
            self.problem("has no link: add the option 'url: https://…' or configure the booking URL")
            return False
        try:
            check_cta_url(url)
            check_label(self.setting("button"))
            check_variant(self.setting("variant") or VARIANTS[0])
        except ValueError as error:  # a bad configured default: report it where it is used
            self.problem(f"configured default {error}")
            return False
        return True

    def on_create(self, parent: etree.Element) -> etree.Element:
        variant = self.setting("variant") or VARIANTS[0]
        section = etree.SubElement(parent, "section", {"class": f"{SECTION_CLASS} {SECTION_CLASS}--{variant}"})
        heading = etree.SubElement(section, "h2", {"class": TITLE_CLASS})
        heading.text = (self.argument or "").strip() or self.config.get("heading") or DEFAULT_HEADING
        return section

    def on_end(self, block: etree.Element) -> None:
        if len(block) == 1:  # only the heading: use the configured text
            text = str(self.config.get("text") or "").strip()
            if text:
                etree.SubElement(block, "p").text = text
        label = self.setting("button")
        url = with_utm(self.setting("url"), self.config.get("utm") or {})
        block.append(action(url, label))
        heading = next((child for child in block if child.get("class") == TITLE_CLASS), None)
        title = "".join(heading.itertext()).strip() if heading is not None else ""
        self.collect(Booking(heading=title, button=label, url=url))
        printed = etree.SubElement(block, "p", {"class": PRINT_CLASS})
        printed.text = _text(f"{label}: {printable(url)}")
        contact = contact_line(self.config.get("contact") or {}, url)
        if contact is not None:
            block.append(contact)
        urgent = urgent_line(self.config.get("urgent") or {})
        if urgent is not None:
            block.append(urgent)


def action(url: str, label: str) -> etree.Element:
    """The link itself: descriptive text; no referrer path and no opener for the booking site."""
    paragraph = etree.Element("p", {"class": ACTION_CLASS})
    attributes = {"class": f"{PRIMARY_BUTTON} ts-booking__button", "href": url}
    if is_external(url):
        attributes |= {"rel": "noopener", "referrerpolicy": "origin"}
    link = etree.SubElement(paragraph, "a", attributes)
    link.text = _text(label)
    return paragraph


def contact_line(contact: dict[str, str], booking_url: str) -> etree.Element | None:
    """'Prefer not to book online? Call … or email ….' (whatever of phone and email the button is not already)."""
    phone = str(contact.get("phone") or "").strip()
    email = str(contact.get("email") or "").strip()
    if phone and booking_url.startswith("tel:"):
        phone = ""
    if email and booking_url.startswith("mailto:"):
        email = ""
    if not (phone or email):
        return None
    parts: list[str | etree.Element] = [str(contact.get("text") or DEFAULT_CONTACT_TEXT).strip()]
    if phone:
        parts += [" Call ", _link(tel_href(phone), phone)]
    if email:
        parts += [" or email " if phone else " Email ", _link(f"mailto:{email}", email)]
    parts.append(".")
    return _paragraph(CONTACT_CLASS, parts)


def urgent_line(urgent: dict[str, str]) -> etree.Element | None:
    """'If you are in crisis … Call Samaritans on 116 123, or 999 in an emergency. Where to get urgent help.'"""
    text = str(urgent.get("text") or "").strip()
    line_name, line_phone = urgent.get("line_name", ""), urgent.get("line_phone", "")
    emergency, page_url = urgent.get("emergency_phone", ""), urgent.get("url", "")
    if not (text or line_phone or emergency or page_url):
        return None
    parts: list[str | etree.Element] = [text]
    if line_phone:
        parts += [f" Call {line_name} on " if line_name else " Call ", _link(tel_href(line_phone), line_phone)]
    if emergency:
        parts += [", or " if line_phone else " Call ", _link(tel_href(emergency), emergency), " in an emergency"]
    if line_phone or emergency:
        parts.append(".")
    if page_url:
        # Set after MkDocs' link resolver, which would log every site-absolute path (see blocks.links).
        late = _link("#", urgent.get("link_text") or DEFAULT_URGENT_LINK_TEXT)
        late_link(late, page_url)
        parts += [" ", late, "."]
    return _paragraph(URGENT_CLASS, parts)


def _link(href: str, words: str) -> etree.Element:
    link = etree.Element("a", {"href": href})
    link.text = _text(words)
    return link


def _paragraph(css_class: str, parts: list[str | etree.Element]) -> etree.Element:
    """A ``<p>`` from a run of text and elements, as ElementTree wants it (text, then tails)."""
    paragraph = etree.Element("p", {"class": css_class})
    paragraph.text = ""
    for part in parts:
        if isinstance(part, str):
            if len(paragraph):
                paragraph[-1].tail = _text((paragraph[-1].tail or "") + part)
            else:
                paragraph.text = _text(paragraph.text + part)
        else:
            paragraph.append(part)
    return paragraph


class BookingIdsTreeprocessor(Treeprocessor):
    """Give each booking heading a unique id and its section the ``aria-labelledby`` (like takeaways)."""

    def run(self, root: etree.Element) -> None:
        sections = [element for element in root.iter("section") if is_booking_section(element)]
        if not sections:
            return
        label_sections_by_heading(self.md, root, sections, TITLE_CLASS, NAME)


class _DropFromExcerpts(Treeprocessor):
    """Material's blog renders a post again for listing pages (with its ``excerpt`` processor): no CTA there."""

    def run(self, root: etree.Element) -> None:
        if not renders_excerpt(self.md):
            return
        for parent in list(root.iter()):
            for child in [child for child in parent if is_booking_section(child)]:
                parent.remove(child)


class BookingExtension(NamedOptions, CheckedBlocksExtension):
    """Python-Markdown extension for ``/// booking``; the config holds the site-wide defaults."""

    EXTENSION_NAME = "therapy_site.booking"

    BLOCKS = (BookingBlock,)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.config = {
            "heading": [DEFAULT_HEADING, "Heading of a block without a title after '|'"],
            "text": [DEFAULT_TEXT, "Text of a block without content"],
            "button": [DEFAULT_BUTTON, "Link text of a block without the 'button' option"],
            "url": ["", "Booking link of a block without the 'url' option (https:, mailto: or tel:)"],
            "variant": [VARIANTS[0], "Variant of a block without the 'variant' option: panel or inline"],
            "utm": [{}, "UTM parameters added to https: links, e.g. {'utm_source': 'website'}"],
            "contact": [{}, "Other ways to get in touch, shown under the button: text, phone, email"],
            "urgent": [{}, "Urgent-help line: text, line_name, line_phone, emergency_phone, url, link_text"],
        }
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        super().extendMarkdownBlocks(md, block_mgr)
        md.treeprocessors.register(_DropFromExcerpts(md), "therapy_booking_excerpts", 30)
        # After attr_list (8), before toc (5): toc keeps our id and lists the heading like any other.
        md.treeprocessors.register(BookingIdsTreeprocessor(md), "therapy_booking_ids", 6)
        register_late_hrefs(md)


def makeExtension(**kwargs: Any) -> BookingExtension:
    return BookingExtension(**kwargs)
