"""FAQ markup the Yoast way: the page's one WebPage node is also an FAQPage; a per-site and a per-page switch."""

from __future__ import annotations

from pathlib import Path

from jsonld import SITE, graph_of, nodes_of_type, types_of
from seo.seo_helpers import build_variant

from helpers import REPO, Build, feature_options

TRUST = "blog/role-of-trust-in-therapy/"
PAGE_TYPES = {"WebPage", "AboutPage", "ContactPage", "CollectionPage", "ProfilePage", "MedicalWebPage", "FAQPage"}


def test_the_webpage_is_typed_faqpage_too_and_is_the_only_page_node(site_build: Build) -> None:
    graph = graph_of(site_build, TRUST)
    page_nodes = [node for node in graph if types_of(node) & PAGE_TYPES]
    assert len(page_nodes) == 1
    (webpage,) = page_nodes
    assert types_of(webpage) == {"WebPage", "FAQPage"}
    assert webpage["@id"] == f"{SITE}{TRUST}#webpage"
    questions = webpage["mainEntity"]
    assert len(questions) == 4 and all(question["@type"] == "Question" for question in questions)
    assert all(question["acceptedAnswer"]["@type"] == "Answer" for question in questions)


def test_front_matter_faq_false_turns_the_markup_off_for_that_page(variant_build: Build) -> None:
    graph = graph_of(variant_build, "blog/sources-heading/")
    assert not nodes_of_type(graph, "FAQPage")
    shown = "//h3[starts-with(normalize-space(), 'Is this a question?')]"
    assert variant_build.html("blog/sources-heading/").xpath(shown), "the FAQ itself is still shown"


def test_site_wide_switch_turns_faq_markup_off_and_the_build_still_passes(tmp_path: Path) -> None:
    def switch_off(config: dict, project: Path) -> None:
        feature_options(config, "schema")["faq_markup"] = False

    build = build_variant(tmp_path, tweak=switch_off)
    assert build.returncode == 0, build.output
    assert not nodes_of_type(graph_of(build, TRUST), "FAQPage")
    assert build.html(TRUST).xpath("//section[contains(@class, 'ts-faq')]"), "the FAQ itself is still shown"


def test_authoring_guide_promises_no_faq_rich_results() -> None:
    text = (REPO / "AUTHORING.md").read_text(encoding="utf-8")
    faq_part = text.split("### Frequently asked questions", 1)[1].split("\n## ", 1)[0]
    assert "not a promise" in faq_part
    assert "rich result" not in faq_part.lower().replace("not a promise", "")
    assert "faq_markup: false" in faq_part and "faq: false" in faq_part
