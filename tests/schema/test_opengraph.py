"""Open Graph, article and Twitter tags, canonical URL and description in the real site's head."""

from __future__ import annotations

from typing import Any

import extruct
import pytest
import yaml
from PIL import Image

from helpers import REPO, Build

SITE = "https://stillwater-therapy.example/"
TRUST = "blog/role-of-trust-in-therapy/"
URL_PROPERTIES = {"og:url", "og:image", "article:author", "twitter:image"}


def head_meta(build: Build, url_path: str) -> dict[str, list[str]]:
    """``property``/``name`` -> contents of the page's ``<meta>`` tags, in order."""
    found: dict[str, list[str]] = {}
    for meta in build.html(url_path).xpath("//head/meta[@property or @name]"):
        found.setdefault(meta.get("property") or meta.get("name"), []).append(meta.get("content"))
    return found


def trust_front_matter() -> dict[str, Any]:
    text = (REPO / "docs/blog/posts/role-of-trust-in-therapy.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])


def test_post_head_has_article_open_graph(site_build: Build) -> None:
    meta = head_meta(site_build, TRUST)
    front = trust_front_matter()
    graph = extruct.extract(site_build.text(TRUST), syntaxes=["json-ld"])["json-ld"][0]["@graph"]
    article = next(node for node in graph if node["@type"] == "BlogPosting")
    assert meta["og:type"] == ["article"]
    assert meta["og:title"] == [front["title"]]
    assert meta["og:description"] == meta["description"] == [front["description"]]
    assert meta["og:locale"] == ["en_GB"]
    assert meta["og:site_name"] == ["Stillwater Therapy"]
    assert meta["article:published_time"] == [article["datePublished"]]
    assert meta["article:modified_time"] == [article["dateModified"]]
    assert meta["article:section"] == front["categories"]
    assert meta["article:tag"] == front["tags"]
    assert meta["article:author"] == [f"{SITE}about/"]
    assert meta["twitter:card"] == ["summary_large_image"]


def test_post_og_image_is_the_hero_with_size_and_alt(site_build: Build) -> None:
    meta = head_meta(site_build, TRUST)
    hero = trust_front_matter()["hero"]
    # A JPEG card drawn from the hero (WebP is not previewed everywhere), 1200×630.
    stem = hero["src"].rsplit("/", 1)[1].removesuffix(".webp")
    (url,) = meta["og:image"]
    assert url.startswith(f"{SITE}assets/images/derived/{stem}-") and url.endswith("-card.jpg")
    assert meta["og:image:type"] == ["image/jpeg"]
    with Image.open(site_build.site / url.removeprefix(SITE)) as picture:
        assert picture.format == "JPEG"
        assert (int(meta["og:image:width"][0]), int(meta["og:image:height"][0])) == picture.size == (1200, 630)
    assert meta["og:image:alt"] == [hero["alt"]]


def test_canonical_and_og_url_are_the_absolute_page_url(site_build: Build) -> None:
    document = site_build.html(TRUST)
    (canonical,) = document.xpath('//head/link[@rel="canonical"]/@href')
    assert canonical == f"{SITE}{TRUST}"
    assert head_meta(site_build, TRUST)["og:url"] == [canonical]


@pytest.mark.parametrize("url_path", ["", "about/", "book/", "blog/", "blog/category/anxiety/"])
def test_other_pages_are_websites_with_absolute_urls(site_build: Build, url_path: str) -> None:
    meta = head_meta(site_build, url_path)
    assert meta["og:type"] == ["website"]
    assert meta["og:url"] == [f"{SITE}{url_path}"]
    assert not any(name.startswith("article:") for name in meta)
    for name in URL_PROPERTIES & set(meta):
        assert all(value.startswith(SITE) for value in meta[name]), name


def test_every_page_has_one_set_of_open_graph_tags(site_build: Build) -> None:
    for path in site_build.site.rglob("index.html"):
        url_path = str(path.parent.relative_to(site_build.site))
        url_path = "" if url_path == "." else f"{url_path}/"
        if url_path == "404/":
            continue
        meta = head_meta(site_build, url_path)
        assert len(meta.get("og:type", [])) == 1, url_path
        assert len(meta.get("og:image", [])) <= 1, url_path
