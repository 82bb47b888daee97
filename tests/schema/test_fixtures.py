"""The schema graph with fixture content: safe serialisation, reviews, takeaways abstract, og:image precedence."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from jsonld import graph_of

from helpers import Build, copy_project, make_post, reported, run_build
from therapy_site.faq import Faq, FaqItem
from therapy_site.practice import Practice, Practitioner
from therapy_site.schema.graph import PageFacts, PostFacts, SiteFacts, build_graph, serialise

SITE = "https://stillwater-therapy.example/"
DANGEROUS = "a </script><!-- & > \u2028 \u2029 ü 😀"


def facts(text: str) -> tuple[SiteFacts, PageFacts]:
    site = SiteFacts(
        url="https://site.example/",
        name=f"Site {text}",
        description=text,
        language="en",
        practice=Practice(name="Practice", practitioner=Practitioner(name="Pat")),
    )
    page = PageFacts(
        url="https://site.example/blog/p/",
        title=text,
        description=text,
        breadcrumbs=(("Home", "https://site.example/"), (text, "https://site.example/blog/p/")),
        post=PostFacts(headline=text, published=datetime(2025, 1, 2, tzinfo=UTC), modified=None, authors=(None,)),
        faq=Faq(title="FAQ", items=(FaqItem("q", text, f"<p>{text}</p>", text),)),
    )
    return site, page


def test_serialised_graph_cannot_end_the_script_or_break_lines() -> None:
    site, page = facts(DANGEROUS)
    graph = build_graph(site, page)
    text = serialise(graph)
    for character in "<>&\u2028\u2029":
        assert character not in text
    assert "\\u003c/script\\u003e" in text
    assert json.loads(text) == graph


def test_serialisation_is_deterministic_with_sorted_keys() -> None:
    site, page = facts("same")
    first, second = serialise(build_graph(site, page)), serialise(build_graph(*facts("same")))
    assert first == second
    website = json.loads(first)["@graph"][0]
    assert list(website) == sorted(website)


HOOK = """\
from mkdocs.plugins import event_priority

from therapy_site.pagedata import SocialImage, page_data

OVERRIDE = SocialImage("assets/images/trust-hero.webp", 1200, 675, "Card for the override post")


@event_priority(-100)  # after every plugin, as a stand-in for the social plugin's choice
def on_page_content(html, page, config, files):
    if page.file.src_path.endswith("og-override.md"):
        page_data(page).social_image = OVERRIDE
    return html
"""

TAKEAWAYS_HTML = """\
Intro paragraph.

/// takeaways
- First point &amp; more.
- Second **point** here.
///

## Body

Text of the post.
"""

HERO = "hero:\n  src: assets/images/anxiety-hero.webp\n  alt: A low warm sun above soft green hills.\n"

POSTS = {
    "reviewed-self.md": make_post(
        "Body text.\n",
        title="Reviewed by the practitioner",
        slug="reviewed-self",
        extra="reviewed_by: anna\nlast_reviewed: 2025-12-01\n",
    ),
    "reviewed-other.md": make_post(
        "Body text.\n",
        title="Reviewed by a colleague",
        slug="reviewed-other",
        extra="reviewed_by: sam\nlast_reviewed: 2025-12-02\n",
    ),
    "takeaways-html.md": make_post(TAKEAWAYS_HTML, title="With takeaways", slug="takeaways-html"),
    "og-override.md": make_post("Body text.\n", title="Override", slug="og-override", extra=HERO),
    "hero-only.md": make_post("Body text.\n", title="Hero only", slug="hero-only", extra=HERO),
}

SAM = """
  sam:
    name: Sam Okafor
    description: Clinical supervisor.
    avatar: assets/images/anna-reyes.webp
    url: services/
"""


@pytest.fixture(scope="module")
def schema_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = copy_project(tmp_path_factory.mktemp("schema") / "project")
    for name, text in POSTS.items():
        (project / "docs/blog/posts" / name).write_text(text, encoding="utf-8")
    with (project / "docs/blog/.authors.yml").open("a", encoding="utf-8") as authors:
        authors.write(SAM)
    (project / "hooks.py").write_text(HOOK, encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - hooks.py\n")
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build


def node(graph: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    (found,) = [item for item in graph if item["@type"] == kind]
    return found


def by_id(graph: list[dict[str, Any]], node_id: str) -> dict[str, Any]:
    (found,) = [item for item in graph if item["@id"] == node_id]
    return found


def test_review_by_the_practitioner_is_stated_and_shown(schema_site: Build) -> None:
    url_path = "blog/reviewed-self/"
    page = node(graph_of(schema_site, url_path), "WebPage")
    assert page["reviewedBy"] == {"@id": f"{SITE}#person"}
    assert page["lastReviewed"] == "2025-12-01"
    (line,) = schema_site.html(url_path).xpath('//*[contains(@class, "ts-post-header__review")]')
    assert " ".join(line.text_content().split()) == "Reviewed by Anna Reyes on 1 December 2025"
    assert line.xpath(".//time/@datetime") == ["2025-12-01"]


def test_review_by_another_configured_person_adds_their_node(schema_site: Build) -> None:
    url_path = "blog/reviewed-other/"
    graph = graph_of(schema_site, url_path)
    page = node(graph, "WebPage")
    reviewer = by_id(graph, page["reviewedBy"]["@id"])
    assert reviewer["@type"] == "Person"
    assert reviewer["name"] == "Sam Okafor"
    assert reviewer["url"] == f"{SITE}services/"
    assert page["lastReviewed"] == "2025-12-02"
    text = " ".join(schema_site.html(url_path).xpath('string(//*[contains(@class, "ts-post-header__review")])').split())
    assert text == "Reviewed by Sam Okafor on 2 December 2025"


def test_takeaways_section_becomes_the_abstract(schema_site: Build) -> None:
    article = node(graph_of(schema_site, "blog/takeaways-html/"), "BlogPosting")
    assert article["abstract"] == "First point & more. Second point here."
    assert "abstract" not in node(graph_of(schema_site, "blog/hero-only/"), "BlogPosting")


def og_image(build: Build, url_path: str) -> dict[str, str]:
    document = build.html(url_path)
    return {
        meta.get("property"): meta.get("content")
        for meta in document.xpath('//head/meta[starts-with(@property, "og:image")]')
    }


def test_chosen_social_image_takes_precedence_over_the_hero(schema_site: Build) -> None:
    assert og_image(schema_site, "blog/og-override/") == {
        "og:image": f"{SITE}assets/images/trust-hero.webp",
        "og:image:type": "image/webp",
        "og:image:width": "1200",
        "og:image:height": "675",
        "og:image:alt": "Card for the override post",
    }
    graph = graph_of(schema_site, "blog/og-override/")
    # The Article images are the hero's 16:9, 4:3 and 1:1 versions (issue 15), the 16:9 one primary.
    primary = by_id(graph, node(graph, "WebPage")["primaryImageOfPage"]["@id"])
    assert primary["url"].startswith(f"{SITE}assets/images/derived/anxiety-hero-") and primary["url"].endswith(
        "16x9.jpg"
    )
    images = [by_id(graph, ref["@id"])["url"] for ref in node(graph, "BlogPosting")["image"]]
    assert [url.rsplit("-", 1)[1] for url in images] == ["16x9.jpg", "4x3.jpg", "1x1.jpg"]


def test_without_a_chosen_social_image_the_hero_is_the_og_image(schema_site: Build) -> None:
    image = og_image(schema_site, "blog/hero-only/")
    # A JPEG card drawn from the hero (networks such as LinkedIn do not preview WebP).
    assert image["og:image"].startswith(f"{SITE}assets/images/derived/anxiety-hero-")
    assert image["og:image"].endswith("-card.jpg") and image["og:image:type"] == "image/jpeg"
    assert image["og:image:alt"] == "A low warm sun above soft green hills."


def test_post_without_description_fails_naming_the_file(tmp_path: Path) -> None:
    post = make_post("Body.\n", slug="no-description")
    post = "\n".join(line for line in post.splitlines() if not line.startswith("description:")) + "\n"
    project = copy_project(tmp_path / "project")
    (project / "docs/blog/posts/no-description.md").write_text(post, encoding="utf-8")
    build = run_build(project)
    assert build.returncode != 0
    assert reported(build.output, "blog/posts/no-description.md", 1, "add 'description:'"), build.output
