"""Read the FAQ section the extension marked back from the document's own HTML, so that its structured data
says exactly what the reader sees (visible text, the answers' HTML as published, links as on the page).

The extension runs this on its own output, at the end of each conversion, and hands
the result on as :class:`therapy_site.pagedata.Faq`; nobody else reads FAQ HTML.
"""

from __future__ import annotations

from urllib.parse import urljoin

from lxml import html as lxml_html
from lxml.etree import ParserError

from therapy_site.faq.extension import ANSWER_CLASS, ITEM_CLASS, PERMALINK_CLASS, QUESTION_CLASS, SECTION_CLASS
from therapy_site.pagedata import Faq, FaqItem

# The HTML Google keeps in an FAQ answer; every other element is reduced to its content.
ALLOWED_ANSWER_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "br", "ol", "ul", "li", "a", "p", "div", "b", "strong", "i", "em"}
)


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


SECTION_XPATH = f"//section[{_has_class(SECTION_CLASS)}]"
ITEM_XPATH = f"./div[{_has_class(ITEM_CLASS)}]"
QUESTION_XPATH = f"./h3[{_has_class(QUESTION_CLASS)}]"
ANSWER_XPATH = f"./div[{_has_class(ANSWER_CLASS)}]"
PERMALINK_XPATH = f".//a[{_has_class(PERMALINK_CLASS)}]"


def collapse(text: str) -> str:
    return " ".join(text.split())


def _parse(fragment: str) -> lxml_html.HtmlElement | None:
    try:
        return lxml_html.fragment_fromstring(fragment, create_parent="div")
    except ParserError:
        return None


def visible_text(element: lxml_html.HtmlElement) -> str:
    """The element's text without permalink anchors, whitespace collapsed."""
    copy = lxml_html.fromstring(lxml_html.tostring(element, encoding="unicode"))
    for anchor in copy.xpath(PERMALINK_XPATH):
        anchor.drop_tree()
    return collapse(copy.text_content())


def find_sections(document: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    return document.xpath(SECTION_XPATH)


def _reduce(element: lxml_html.HtmlElement, base_url: str) -> None:
    """Keep allowed tags (links absolute, only ``href``); unwrap everything else to its content."""
    for child in list(element):
        if not isinstance(child.tag, str):  # comments, processing instructions
            child.drop_tree()
            continue
        if PERMALINK_CLASS in (child.get("class") or "").split():
            child.drop_tree()
            continue
        _reduce(child, base_url)
        if child.tag not in ALLOWED_ANSWER_TAGS:
            child.drop_tag()
            continue
        href = child.get("href") if child.tag == "a" else None
        for name in list(child.attrib):
            del child.attrib[name]
        if href is not None:
            child.set("href", urljoin(base_url, href))


def _inner_html(element: lxml_html.HtmlElement) -> str:
    inner = (element.text or "") + "".join(lxml_html.tostring(child, encoding="unicode") for child in element)
    return inner.strip()


def answer_html(answer: lxml_html.HtmlElement, base_url: str) -> str:
    copy = lxml_html.fromstring(lxml_html.tostring(answer, encoding="unicode"))
    _reduce(copy, base_url)
    return _inner_html(copy)


def absolute_links(faq: Faq, base_url: str) -> Faq:
    """``faq`` with the answers' links made absolute against ``base_url`` (the page's URL), for structured data."""
    items = []
    for item in faq.items:
        answer = _parse(item.answer_html) if item.answer_html else None
        if answer is None:
            items.append(item)
            continue
        for link in answer.iter("a"):
            if link.get("href") is not None:
                link.set("href", urljoin(base_url, link.get("href")))
        items.append(FaqItem(item.id, item.question, _inner_html(answer), item.answer_text))
    return Faq(faq.title, tuple(items))


def faq_from_section(section: lxml_html.HtmlElement, base_url: str) -> Faq:
    headings = section.xpath("./h2")
    title = visible_text(headings[0]) if headings else ""
    items: list[FaqItem] = []
    for item in section.xpath(ITEM_XPATH):
        questions = item.xpath(QUESTION_XPATH)
        answers = item.xpath(ANSWER_XPATH)
        if not questions or not answers:
            continue
        question, answer = visible_text(questions[0]), visible_text(answers[0])
        if question and answer:  # the Markdown extension reports empty ones
            items.append(FaqItem(questions[0].get("id", ""), question, answer_html(answers[0], base_url), answer))
    return Faq(title=title, items=tuple(items))


def extract_faq(content_html: str, base_url: str = "") -> Faq | None:
    """The page's FAQ (its first marked FAQ section) from rendered HTML; ``None`` when it has none.

    ``base_url`` (the page's absolute URL) turns the answers' relative links into absolute ones.
    """
    document = _parse(content_html)
    if document is None:
        return None
    sections = find_sections(document)
    if not sections:
        return None
    faq = faq_from_section(sections[0], base_url)
    return faq if faq.items else None


def html_text(fragment: str) -> str:
    """The visible text of an HTML fragment, whitespace collapsed."""
    document = _parse(fragment)
    return collapse(document.text_content()) if document is not None else ""
