"""The real site's schema.org graphs, read back with extruct from the built pages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonld import SITE, graph_of, nodes_of_type, one
from lxml import html as lxml_html
from PIL import Image

from helpers import REPO, Build, explicit_config, load_config

TRUST = "blog/role-of-trust-in-therapy/"
ISO_WITH_ZONE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z)$")
LISTING_PAGES = ["blog/", "blog/page/2/", "blog/archive/2025/", "blog/category/therapy-basics/"]


def front_matter(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def built_pages(build: Build) -> list[str]:
    return sorted(
        str(path.parent.relative_to(build.site)).replace(".", "") + "/" if path.parent != build.site else ""
        for path in build.site.rglob("index.html")
    )


def text_without_permalinks(element: Any) -> str:
    copy = lxml_html.fromstring(lxml_html.tostring(element))
    for anchor in copy.xpath('.//a[@class="headerlink"]'):
        anchor.drop_tree()
    return " ".join(copy.text_content().split())


def visible_faq(build: Build, url_path: str) -> list[tuple[str, str]]:
    """Questions and answers as a reader sees them: each h3 after the FAQ h2 and the text up to the next heading."""
    document = build.html(url_path)
    elements = document.xpath(
        "//article//*[(self::h2 or self::h3 or self::p or self::ul or self::ol) and not(ancestor::aside)]"
    )
    pairs: list[tuple[str, str]] = []
    inside = False
    for element in elements:
        if element.tag == "h2":
            inside = text_without_permalinks(element) == "Frequently Asked Questions"
        elif inside and element.tag == "h3":
            pairs.append((text_without_permalinks(element), ""))
        elif inside and pairs and element.getparent().tag not in {"li"}:
            question, answer = pairs[-1]
            pairs[-1] = (question, " ".join(f"{answer} {element.text_content()}".split()))
    return pairs


def test_trust_post_graph_has_the_nodes_of_a_blog_post(site_build: Build) -> None:
    graph = graph_of(site_build, TRUST)
    for kind in ["WebSite", "MedicalBusiness", "Person", "WebPage", "BlogPosting", "BreadcrumbList", "FAQPage"]:
        assert len(nodes_of_type(graph, kind)) == 1, kind
    assert one(graph, "MedicalBusiness")["@id"] == f"{SITE}#organization"
    assert one(graph, "BlogPosting")["@id"] == f"{SITE}{TRUST}#article"


def test_trust_post_faq_has_its_four_questions_exactly_as_the_page_shows_them(site_build: Build) -> None:
    faq = one(graph_of(site_build, TRUST), "FAQPage")
    stated = [
        (question["name"], " ".join(lxml_html.fromstring(question["acceptedAnswer"]["text"]).text_content().split()))
        for question in faq["mainEntity"]
    ]
    shown = visible_faq(site_build, TRUST)
    assert len(shown) == 4
    assert stated == shown
    source = (REPO / "docs/blog/posts/role-of-trust-in-therapy.md").read_text(encoding="utf-8")
    assert [name for name, _ in stated] == re.findall(
        r"^### (.+)$", source.split("## Frequently Asked Questions")[1], re.M
    )


def test_blog_posting_states_the_post_facts(site_build: Build) -> None:
    graph = graph_of(site_build, TRUST)
    article = one(graph, "BlogPosting")
    meta = front_matter(REPO / "docs/blog/posts/role-of-trust-in-therapy.md")
    assert article["headline"] == meta["title"]
    assert article["description"] == meta["description"]
    assert article["articleSection"] == meta["categories"][0]
    assert article["keywords"] == meta["tags"]
    assert article["inLanguage"] == "en-GB"
    assert ISO_WITH_ZONE.match(article["datePublished"]) and ISO_WITH_ZONE.match(article["dateModified"])
    assert article["datePublished"].startswith(str(meta["date"]["created"]))
    assert article["dateModified"].startswith(str(meta["date"]["updated"]))
    assert article["author"] == {"@id": f"{SITE}#person"}
    assert article["publisher"] == {"@id": f"{SITE}#organization"}
    assert article["mainEntityOfPage"] == {"@id": f"{SITE}{TRUST}#webpage"}
    body_words = len(
        re.sub(
            r"^---.*?---", "", (REPO / "docs/blog/posts/role-of-trust-in-therapy.md").read_text(), flags=re.S
        ).split()
    )
    assert 0.8 * body_words < article["wordCount"] < 1.1 * body_words
    image = next(node for node in graph if node["@id"] == article["image"][0]["@id"])
    assert image["@type"] == "ImageObject"
    stem = meta["hero"]["src"].rsplit("/", 1)[1].removesuffix(".webp")
    assert image["url"].startswith(f"{SITE}assets/images/derived/{stem}-") and image["url"].endswith("-16x9.jpg")
    with Image.open(site_build.site / image["url"].removeprefix(SITE)) as picture:
        assert (image["width"], image["height"]) == picture.size == (1200, 675)


def test_trust_post_abstract_is_the_takeaways_list(site_build: Build) -> None:
    article = one(graph_of(site_build, TRUST), "BlogPosting")
    items = site_build.html(TRUST).xpath('//section[contains(@class, "ts-takeaways")]//li')
    assert items, "the trust post renders its takeaways"
    assert article["abstract"] == " ".join(" ".join(item.text_content().split()) for item in items)


def test_breadcrumbs_lead_home_blog_category_post(site_build: Build) -> None:
    crumbs = one(graph_of(site_build, TRUST), "BreadcrumbList")["itemListElement"]
    assert [(crumb["position"], crumb["name"], crumb["item"]) for crumb in crumbs] == [
        (1, "Home", SITE),
        (2, "Blog", f"{SITE}blog/"),
        (3, "Therapy basics", f"{SITE}blog/category/therapy-basics/"),
        (4, "The role of trust in therapy", f"{SITE}{TRUST}"),
    ]


def test_person_and_organization_come_from_the_practice_config(site_build: Build) -> None:
    practice = explicit_config(load_config(REPO))["extra"]["practice"]  # its name: site_name
    graph = graph_of(site_build, TRUST)
    person = one(graph, "Person")
    assert person["name"] == practice["practitioner"]["name"]
    assert person["jobTitle"] == practice["practitioner"]["job_title"]
    assert [credential["name"] for credential in person["hasCredential"]] == practice["practitioner"]["credentials"]
    assert person["knowsAbout"] == practice["practitioner"]["knows_about"]
    assert person["url"] == f"{SITE}{practice['practitioner']['about_page']}"
    organization = one(graph, practice["type"])
    assert organization["name"] == practice["name"]
    assert organization["founder"] == {"@id": person["@id"]}


@pytest.mark.parametrize("url_path", LISTING_PAGES)
def test_listing_pages_carry_no_post_data(paged_build: Build, url_path: str) -> None:
    graph = graph_of(paged_build, url_path)
    text = paged_build.text(url_path)
    for kind in ["BlogPosting", "FAQPage", "Question", "Answer"]:
        assert not nodes_of_type(graph, kind), f"{url_path} has {kind}"
    assert one(graph, "CollectionPage")["url"] == SITE + url_path
    assert '<meta property="og:type" content="website">' in text
    assert "article:published_time" not in text


def test_pages_get_fitting_webpage_types_and_breadcrumbs(site_build: Build) -> None:
    assert one(graph_of(site_build, "about/"), "AboutPage")["mainEntity"] == {"@id": f"{SITE}#person"}
    contact = one(graph_of(site_build, "book/"), "ContactPage")
    crumbs = one(graph_of(site_build, "book/"), "BreadcrumbList")["itemListElement"]
    assert contact["breadcrumb"] == {"@id": f"{SITE}book/#breadcrumb"}
    assert [crumb["item"] for crumb in crumbs] == [SITE, f"{SITE}book/"]
    home = graph_of(site_build, "")
    assert one(home, "WebPage")["about"] == {"@id": f"{SITE}#organization"}


def _references(value: Any) -> list[str]:
    if isinstance(value, dict):
        if set(value) == {"@id"}:
            return [value["@id"]]
        return [ref for item in value.values() for ref in _references(item)]
    if isinstance(value, list):
        return [ref for item in value for ref in _references(item)]
    return []


def _definitions(value: Any) -> list[str]:
    if isinstance(value, dict):
        own = [value["@id"]] if "@id" in value and len(value) > 1 else []
        return own + [ref for item in value.values() for ref in _definitions(item)]
    if isinstance(value, list):
        return [ref for item in value for ref in _definitions(item)]
    return []


def test_every_page_has_one_graph_whose_references_all_resolve(site_build: Build) -> None:
    pages = [page for page in built_pages(site_build) if page != "404/"]
    assert TRUST in pages and "blog/" in pages
    for url_path in pages:
        document = site_build.html(url_path)
        scripts = document.xpath('//script[@type="application/ld+json"]')
        assert len(scripts) == 1, url_path
        graph = json.loads(scripts[0].text)["@graph"]
        defined = _definitions(graph)
        assert len(defined) == len(set(defined)), f"{url_path}: an @id is defined twice"
        missing = set(_references(graph)) - set(defined)
        assert not missing, f"{url_path}: unresolved {missing}"
        assert all(node_id.startswith(SITE) for node_id in defined), url_path
