"""The published FAQ structured data says exactly what each page shows (this used to be a check in every build).

Over the real site: every page's ``FAQPage`` JSON-LD (read with extruct) lists the
questions and answer texts of the page's visible FAQ section (read with lxml), in
order; listing pages (blog index, archive, categories, pagination) carry no FAQ
structured data at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import extruct
from lxml import html as lxml_html

from helpers import Build

SITE = "https://stillwater-therapy.example/"
TRUST_POST = "blog/role-of-trust-in-therapy/index.html"
HAS_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _visible(element: Any) -> str:
    """Text as the reader sees it: permalink anchors (the toc's ¶) left out."""
    copy = lxml_html.fromstring(lxml_html.tostring(element, encoding="unicode"))
    for anchor in copy.xpath(f".//a[{HAS_CLASS.format('headerlink')}]"):
        anchor.drop_tree()
    return _collapse(copy.text_content())


def shown_pairs(page_html: str) -> list[tuple[str, str]]:
    """(question, answer text) of the page's visible FAQ section."""
    document = lxml_html.fromstring(page_html)
    sections = document.xpath(f"//article//section[{HAS_CLASS.format('ts-faq')}]")
    if not sections:
        return []
    pairs = []
    for item in sections[0].xpath(f"./div[{HAS_CLASS.format('ts-faq__item')}]"):
        (question,) = item.xpath(f"./h3[{HAS_CLASS.format('ts-faq__question')}]")
        (answer,) = item.xpath(f"./div[{HAS_CLASS.format('ts-faq__answer')}]")
        pairs.append((_visible(question), _visible(answer)))
    return pairs


def faq_nodes(page_html: str, url: str) -> list[dict[str, Any]]:
    nodes = []
    for data in extruct.extract(page_html, base_url=url, syntaxes=["json-ld"])["json-ld"]:
        for node in data.get("@graph", [data]):
            kinds = node.get("@type", [])
            if "FAQPage" in ([kinds] if isinstance(kinds, str) else kinds):
                nodes.append(node)
    return nodes


def stated_pairs(node: dict[str, Any]) -> list[tuple[str, str]]:
    """(question, answer text) as the JSON-LD states them (the answer's HTML reduced to its text)."""
    pairs = []
    for question in node["mainEntity"]:
        answer = lxml_html.fragment_fromstring(question["acceptedAnswer"]["text"], create_parent="div")
        pairs.append((question["name"], _collapse(answer.text_content())))
    return pairs


def faq_mismatch(page_html: str, url: str) -> str | None:
    """What is wrong with the page's FAQ structured data, or ``None``."""
    nodes = faq_nodes(page_html, url)
    shown = shown_pairs(page_html)
    if len(nodes) > 1:
        return f"{len(nodes)} FAQPage nodes"
    stated = stated_pairs(nodes[0]) if nodes else []
    return None if stated == shown else f"page shows {shown!r}, JSON-LD states {stated!r}"


def is_listing(site: Path, page: Path) -> bool:
    parts = page.relative_to(site).parts
    return parts[:1] == ("blog",) and (len(parts) == 2 or parts[1] in {"page", "archive", "category"})


def test_every_pages_faq_structured_data_says_what_the_page_shows(site_build: Build) -> None:
    pages = sorted(site_build.site.rglob("*.html"))
    with_faq = []
    for page in pages:
        url = SITE + str(page.relative_to(site_build.site).parent).replace(".", "").strip("/") + "/"
        text = page.read_text(encoding="utf-8")
        assert faq_mismatch(text, url) is None, page
        if faq_nodes(text, url):
            with_faq.append(page.relative_to(site_build.site).as_posix())
    assert TRUST_POST in with_faq
    trust = (site_build.site / TRUST_POST).read_text(encoding="utf-8")
    assert len(shown_pairs(trust)) == 4


def test_listing_pages_carry_no_faq_structured_data(site_build: Build) -> None:
    listings = [page for page in sorted(site_build.site.rglob("index.html")) if is_listing(site_build.site, page)]
    assert len(listings) >= 5, listings
    for page in listings:
        text = page.read_text(encoding="utf-8")
        assert not faq_nodes(text, SITE), page
        assert '"Question"' not in text and "FAQPage" not in text, page


def test_the_check_notices_a_page_whose_text_differs(site_build: Build) -> None:
    trust = (site_build.site / TRUST_POST).read_text(encoding="utf-8")
    changed = trust.replace("Trust lets you feel safe enough", "Trust makes you feel safe enough", 1)
    assert changed != trust
    assert faq_mismatch(changed, SITE + "blog/role-of-trust-in-therapy/") is not None
