"""Titles, descriptions and breadcrumbs: every page says what it is, and the trail shown is the trail marked up."""

from __future__ import annotations

from urllib.parse import urljoin

from jsonld import SITE, graph_of, one

from helpers import Build

TRUST = "blog/role-of-trust-in-therapy/"
LISTINGS = ["blog/", "blog/page/2/", "blog/archive/2025/", "blog/category/anxiety/", "blog/category/therapy-basics/"]


def title(build: Build, url_path: str) -> str:
    return build.html(url_path).findtext(".//head/title")


def description(build: Build, url_path: str) -> str:
    (content,) = build.html(url_path).xpath("//head/meta[@name='description']/@content")
    return content


def test_paginated_listing_titles_are_distinct_and_say_the_page(variant_build: Build) -> None:
    assert title(variant_build, "blog/") == "Blog - Stillwater Therapy"
    assert title(variant_build, "blog/page/2/") == "Blog – page 2 - Stillwater Therapy"
    webpage = one(graph_of(variant_build, "blog/page/2/"), "CollectionPage")
    assert webpage["name"] == "Blog – page 2"


def test_all_titles_are_unique(variant_build: Build) -> None:
    pages = sorted(
        str(path.parent.relative_to(variant_build.site)) + "/" if path.parent != variant_build.site else ""
        for path in variant_build.site.rglob("index.html")
    )
    titles = [title(variant_build, url_path) for url_path in pages]
    assert len(titles) == len(set(titles)), sorted(titles)


def test_listings_and_404_have_descriptions_of_their_own(variant_build: Build) -> None:
    config_description = "Online and in-person psychotherapy with Anna Reyes"
    descriptions = {url_path: description(variant_build, url_path) for url_path in [*LISTINGS, "404.html"]}
    for url_path, text in descriptions.items():
        assert not text.startswith(config_description), url_path
    assert len(set(descriptions.values())) == len(descriptions), descriptions
    assert "2025" in descriptions["blog/archive/2025/"]
    assert "anxiety" in descriptions["blog/category/anxiety/"]
    assert "page 2" in descriptions["blog/page/2/"]
    assert "could not be found" in descriptions["404.html"]
    assert title(variant_build, "404.html") == "Page not found - Stillwater Therapy"
    # og:description and the JSON-LD say the same as the meta description.
    for url_path in LISTINGS:
        (og,) = variant_build.html(url_path).xpath("//head/meta[@property='og:description']/@content")
        assert og == descriptions[url_path]
        assert one(graph_of(variant_build, url_path), "CollectionPage")["description"] == descriptions[url_path]


def test_breadcrumbs_of_page_two_have_no_pagination_step(variant_build: Build) -> None:
    for url_path, first in [("blog/page/2/", "blog/")]:
        crumbs = one(graph_of(variant_build, url_path), "BreadcrumbList")["itemListElement"]
        first_crumbs = one(graph_of(variant_build, first), "BreadcrumbList")["itemListElement"]
        assert crumbs == first_crumbs
        assert all("page" not in crumb["item"].removeprefix(SITE) for crumb in crumbs)


def test_posts_show_the_breadcrumb_trail_that_the_markup_states(site_build: Build) -> None:
    document = site_build.html(TRUST)
    (trail,) = document.xpath("//nav[@class='ts-breadcrumbs']")
    assert trail.get("aria-label") == "Breadcrumb"
    shown = [" ".join(item.text_content().split()) for item in trail.xpath(".//li")]
    links = trail.xpath(".//li/a/@href")
    crumbs = one(graph_of(site_build, TRUST), "BreadcrumbList")["itemListElement"]
    assert shown == [crumb["name"] for crumb in crumbs]
    # Each link resolves to the crumb's URL; the last crumb is the current page, not a link.
    assert [urljoin(SITE + TRUST, href).rstrip("/") + "/" for href in links] == [crumb["item"] for crumb in crumbs[:-1]]
    assert trail.xpath(".//li[last()]/span/@aria-current") == ["page"]
    # Visible: before the post's own header, inside the article.
    assert trail.xpath("following-sibling::header[contains(@class, 'ts-post-header')]")
