"""A post's title reads the same everywhere: page, head, structured data, breadcrumbs, feeds and listings.

One real build with a title holding quotes, an ampersand and angle brackets (what HTML escapes).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from lxml import etree

from helpers import Build, copy_project, make_post, run_build

TITLE = '"Tom & Jerry" say <hello> & goodbye'


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = copy_project(tmp_path_factory.mktemp("titles") / "project")
    post = make_post("A paragraph about the title.\n", title="'" + TITLE + "'", slug="quoted-title", date="2025-12-01")
    (project / "docs" / "blog" / "posts" / "quoted-title.md").write_text(post, encoding="utf-8")
    return run_build(project)


def _graph_names(document: Any) -> list[str]:
    found = []
    for script in document.xpath("//script[@type='application/ld+json']"):
        for node in json.loads(script.text).get("@graph", []):
            found += [node.get("headline", ""), node.get("name", "")]
            crumbs = node.get("itemListElement") or []
            found += [crumb.get("name", "") for crumb in crumbs if crumb.get("position") == len(crumbs)]
    return [name for name in found if "Tom" in name]


def test_the_title_reads_the_same_in_every_place(built: Build) -> None:
    assert built.returncode == 0, built.output
    page = built.html("blog/quoted-title/")
    places = {
        "h1": [page.xpath("//article//h1")[0].text_content().strip()],
        "title": [page.xpath("//title")[0].text_content().split(" - ")[0]],
        "og:title": page.xpath("//meta[@property='og:title']/@content"),
        "twitter:title": page.xpath("//meta[@name='twitter:title']/@content"),
        "json-ld": _graph_names(page),
        "listing": [link.text_content().strip() for link in built.html("blog/").xpath("//a[contains(., 'Tom')]")],
    }
    for name in ("feed_json_created.json", "feed_json_updated.json"):
        items = json.loads((built.site / name).read_text(encoding="utf-8"))["items"]
        places[name] = [item["title"] for item in items if "Tom" in item["title"]]
    for name in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        titles = etree.parse(str(built.site / name)).iter("title")
        places[name] = [title.text for title in titles if "Tom" in (title.text or "")]
    for place, seen in places.items():
        assert seen and all(text == TITLE for text in seen), (place, seen)
    assert len(places["json-ld"]) >= 3  # the page, the article's headline, the last breadcrumb
