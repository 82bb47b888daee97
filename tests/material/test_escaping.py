"""Authors' titles and descriptions are escaped where Material prints them, whichever plugins are enabled."""

from __future__ import annotations

import html
import json

import pytest
from lxml import etree

from helpers import Build, copy_project, engine_options, load_config, make_post, run_build, write_config

TITLE = 'Calm <script>alert("t")</script> & "quotes"'
DESCRIPTION = 'A description with <img src=x onerror=alert(1)> and "quotes".'


@pytest.fixture(scope="module")
def unvalidated(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site without the validation plugin (which would stop such a post), not strict."""
    project = copy_project(tmp_path_factory.mktemp("escaping") / "project")
    config = load_config(project)
    engine_options(config)["validation"] = False
    config["strict"] = False
    write_config(project, config)
    post = make_post("Intro paragraph.\n", slug="escaped", title=TITLE, description=f"'{DESCRIPTION}'")
    (project / "docs/blog/posts/escaped.md").write_text(post, encoding="utf-8")
    build = run_build(project, strict=False)
    assert build.returncode == 0, build.output
    return build


@pytest.mark.parametrize("path", ["blog/escaped/", "blog/", "blog/category/anxiety/", ""])
def test_no_authors_markup_is_published_as_markup(unvalidated: Build, path: str) -> None:
    text = unvalidated.text(path)
    assert "<script>alert" not in text
    assert "<img src=x" not in text


def test_the_title_reads_as_written(unvalidated: Build) -> None:
    page = unvalidated.html("blog/escaped/")
    assert [h1.text_content().strip() for h1 in page.xpath("//article//h1")] == [TITLE]
    (description,) = page.xpath("//meta[@name='description']/@content")
    assert description == DESCRIPTION


@pytest.mark.parametrize("feed", ["feed_rss_created.xml", "feed_rss_updated.xml"])
def test_rss_feeds_carry_the_title_as_text_never_as_markup(unvalidated: Build, feed: str) -> None:
    raw = (unvalidated.site / feed).read_bytes()
    assert b"<script>" not in raw
    titles = etree.fromstring(raw).xpath("//item/title/text()")
    assert TITLE in titles


def test_the_search_index_holds_the_title_escaped(unvalidated: Build) -> None:
    """Material's search shows titles as HTML, so the index must hold them escaped."""
    index = json.loads((unvalidated.site / "search/search_index.json").read_text(encoding="utf-8"))
    (entry,) = [doc for doc in index["docs"] if doc["location"] == "blog/escaped/"]
    assert "<script>" not in entry["title"]
    assert html.unescape(entry["title"]) == TITLE


def test_json_feeds_hold_the_title_as_plain_text(unvalidated: Build) -> None:
    """JSON Feed titles are plain text by that format's rules: the title appears as written."""
    feed = json.loads((unvalidated.site / "feed_json_created.json").read_text(encoding="utf-8"))
    assert TITLE in [item["title"] for item in feed["items"]]
