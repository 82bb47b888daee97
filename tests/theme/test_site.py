"""Issue 3: the site builds strictly and the trust post page holds everything an article needs."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from lxml import etree

from helpers import Build, build_copy, build_with_plugin_options, copy_project, make_post

TRUST = "blog/role-of-trust-in-therapy/"
PAGES = ["", "about/", "services/", "book/", "privacy/", "urgent-help/", "blog/", TRUST]


def test_strict_build_writes_the_trust_post(site_build: Build) -> None:
    assert site_build.returncode == 0, site_build.output
    assert site_build.page(TRUST).is_file()


def test_a_build_keeps_its_compiled_templates_for_the_next(site_build: Build) -> None:
    """Material's templates are compiled once into the project's cache (therapy_site.theme.templates), never into
    the published site."""
    compiled = list((site_build.project / ".cache" / "therapy-site" / "templates").glob("__jinja2_*.cache"))
    assert len(compiled) > 20
    assert not list(site_build.site.rglob("*.cache"))


@pytest.mark.parametrize("path", PAGES)
def test_every_page_links_the_rss_feed_and_has_a_canonical_url(site_build: Build, path: str) -> None:
    doc = site_build.html(path)
    feeds = doc.cssselect('head link[rel="alternate"][type="application/rss+xml"]')
    assert feeds, f"{path} has no RSS link in its head"
    canonical = doc.cssselect('head link[rel="canonical"]')
    assert canonical and canonical[0].get("href").startswith("https://stillwater-therapy.example/")


def test_site_files_for_search_engines(site_build: Build) -> None:
    sitemap = (site_build.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://stillwater-therapy.example/blog/role-of-trust-in-therapy/" in sitemap
    robots = (site_build.site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://stillwater-therapy.example/sitemap.xml" in robots
    rss = etree.fromstring((site_build.site / "feed_rss_created.xml").read_bytes())
    titles = [item.findtext("title") for item in rss.iter("item")]
    assert "The role of trust in therapy" in titles
    not_found = site_build.html("404.html")
    assert "could not find" in not_found.cssselect("h1")[0].text_content()


def test_trust_post_hero_image_is_the_unlazy_lcp_with_alt_and_size(site_build: Build) -> None:
    doc = site_build.html(TRUST)
    hero = doc.cssselect("article .ts-hero img")[0]
    assert len(hero.get("alt")) > 20
    assert int(hero.get("width")) == 1200 and int(hero.get("height")) == 675
    assert hero.get("loading") != "lazy"
    assert hero.get("fetchpriority") == "high"
    assert (site_build.page(TRUST) / ".." / hero.get("src")).resolve().is_file()


def test_trust_post_title_dates_reading_time_and_category(site_build: Build) -> None:
    doc = site_build.html(TRUST)
    header = doc.cssselect("article .ts-post-header")[0]
    assert header.cssselect("h1")[0].text_content().strip() == "The role of trust in therapy"
    datetimes = [time.get("datetime") for time in header.cssselect("time")]
    assert datetimes == ["2025-11-14", "2025-11-20"]
    meta = header.cssselect(".ts-post-header__meta")[0].text_content()
    assert re.search(r"Published\s+14 November 2025", meta)
    assert re.search(r"Updated\s+20 November 2025", meta)
    assert re.search(r"\d+ min read", meta)
    category = header.cssselect(".ts-post-header__categories a")[0]
    assert category.text_content() == "Therapy basics"
    assert category.get("href").rstrip("/").endswith("category/therapy-basics")


def test_trust_post_table_of_contents_lists_its_sections(site_build: Build) -> None:
    doc = site_build.html(TRUST)
    toc_links = doc.cssselect("article nav.ts-toc a")
    targets = {link.get("href") for link in toc_links}
    section_ids = {"#" + h2.get("id") for h2 in doc.cssselect("article h2[id]")}
    assert len(toc_links) >= 6
    assert targets <= section_ids
    assert any("Frequently Asked Questions" in link.text_content() for link in toc_links)


def test_trust_post_author_box(site_build: Build) -> None:
    doc = site_build.html(TRUST)
    box = doc.cssselect("article aside.ts-author")[0]
    assert box.get("aria-labelledby") == box.cssselect("h2")[0].get("id")
    assert box.cssselect("h2")[0].text_content() == "Anna Reyes"
    photo = box.cssselect("img")[0]
    assert photo.get("alt") and photo.get("width") and photo.get("height")
    assert "UKCP" in box.cssselect(".ts-author__credentials")[0].text_content()
    assert len(box.cssselect(".ts-author__bio")[0].text_content()) > 60
    assert box.xpath(".//a[contains(@href, 'about/')]")


def test_trust_post_related_posts_come_from_its_category(site_build: Build) -> None:
    doc = site_build.html(TRUST)
    related = doc.cssselect("article .ts-related li a")
    assert 1 <= len(related) <= 3
    hrefs = [link.get("href") for link in related]
    assert "../first-therapy-session/" in hrefs
    assert not any("role-of-trust-in-therapy" in href for href in hrefs)
    # the anxiety post shares no category with the trust post
    assert not any("calming-anxious-mornings" in href for href in hrefs)


def test_trust_post_previous_next_and_back_to_blog(site_build: Build) -> None:
    doc = site_build.html(TRUST)
    nav = doc.cssselect("article nav.ts-post-nav")[0]
    assert nav.get("aria-label")
    older = nav.cssselect(".ts-post-nav__prev a")
    assert older and older[0].get("href") == "../calming-anxious-mornings/"
    back = nav.cssselect(".ts-post-nav__back a")[0]
    assert back.text_content() == "Back to blog" and back.get("href") == "../"


def test_home_shows_latest_posts_and_a_booking_button(site_build: Build) -> None:
    doc = site_build.html("")
    latest = doc.cssselect(".ts-latest li h3 a")
    assert latest[0].text_content() == "The role of trust in therapy"
    assert len(latest) == 3
    assert doc.xpath("//article//a[contains(., 'Book')]")


def test_blog_has_categories_archive_and_pagination(site_build: Build, paged_build: Build) -> None:
    for path in ("blog/category/anxiety/", "blog/category/therapy-basics/", "blog/archive/2025/"):
        assert site_build.page(path).is_file(), path
    # The site lists ten posts per page; the paginated copy (two per page) has a page 2.
    posts = len(list((site_build.project / "docs" / "blog" / "posts").glob("*.md")))
    assert len(site_build.html("blog/").cssselect("article.md-post--excerpt")) == min(posts, 10)
    assert len(paged_build.html("blog/").cssselect("article.md-post--excerpt")) == 2
    assert paged_build.page("blog/page/2/").is_file()


def _external_urls(text: str) -> list[str]:
    return re.findall(r"""(?:src|href|srcset|url\()\s*=?\s*["']?((?:https?:)?//[^"'\s)>]+)""", text)


def test_no_asset_from_another_origin_in_html_or_css(site_build: Build) -> None:
    offenders: list[str] = []
    for html_file in site_build.site.rglob("*.html"):
        doc = site_build.html(str(html_file.relative_to(site_build.site)))
        for element, attribute in (
            ("script", "src"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
            ("video", "src"),
            ("audio", "src"),
            ("embed", "src"),
            ("object", "data"),
        ):
            for node in doc.iter(element):
                value = node.get(attribute) or ""
                if urlparse(value).netloc:
                    offenders.append(f"{html_file}: <{element} {attribute}={value}>")
        for link in doc.iter("link"):
            rel = (link.get("rel") or "").lower()
            loads = rel in {"stylesheet", "preload", "preconnect", "dns-prefetch", "icon", "modulepreload"}
            if loads and urlparse(link.get("href") or "").netloc:
                offenders.append(f"{html_file}: <link rel={rel} href={link.get('href')}>")
    for css_file in site_build.site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css_file.read_text(encoding="utf-8")):
            if urlparse(url).netloc:
                offenders.append(f"{css_file}: url({url})")
        for url in re.findall(r"@import\s+['\"]([^'\"]+)", css_file.read_text(encoding="utf-8")):
            offenders.append(f"{css_file}: @import {url}")
    assert offenders == []


@pytest.mark.parametrize("path", ["", "blog/", TRUST])
def test_browser_makes_no_request_to_another_origin(browser, site_url: str, path: str) -> None:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + path, wait_until="networkidle")
    page.close()
    origin = urlparse(site_url).netloc
    assert requests, "the page made no request at all: the test would prove nothing"
    foreign = [url for url in requests if urlparse(url).scheme in {"http", "https"} and urlparse(url).netloc != origin]
    assert foreign == []
    assert any(url.endswith(".woff2") for url in requests), "our self-hosted fonts were not loaded"


def test_quotes_and_angle_brackets_in_front_matter_are_escaped_in_the_page(tmp_path) -> None:
    """Titles, descriptions and alt text are the author's text: they must never break the HTML."""
    title = 'Saying "no" <kindly> & firmly'
    description = 'What to say when "no" feels impossible: <b>small</b> scripts & steps for people who struggle.'
    alt = 'A hand raised, palm out, meaning "stop" <gently>'
    post = make_post(
        "Some text.\n",
        title=f"'{title}'",
        description=f"'{description}'",
        slug="saying-no",
        date="2026-01-05",
        extra=f"hero:\n  src: assets/images/anxiety-hero.webp\n  alt: '{alt}'\n",
    )
    build = build_copy(tmp_path, posts={"saying-no.md": post})
    assert build.returncode == 0, build.output
    doc = build.html("blog/saying-no/")
    assert doc.cssselect('head meta[name="description"]')[0].get("content") == description
    assert doc.cssselect("head title")[0].text_content().startswith(title)
    assert doc.cssselect("article .ts-post-header h1")[0].text_content() == title
    assert doc.cssselect("article .ts-hero img")[0].get("alt") == alt
    home = build.html("")
    assert title in [link.text_content() for link in home.cssselect(".ts-latest h3 a")]


def _tree_bytes(root) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_two_builds_of_the_same_sources_are_byte_identical(tmp_path, site_build: Build) -> None:
    """Every file, feeds and sitemap included: their dates come from the sources, not the clock."""
    import time

    time.sleep(1.1)  # the feeds' dates have one-second resolution: a clock date would now differ
    again = build_copy(tmp_path, warm=False)  # images drawn again, not taken from the first build's cache
    assert again.returncode == 0, again.output
    first, second = _tree_bytes(site_build.site), _tree_bytes(again.site)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    # the channel's date is the newest date in the sources (the trust post's update), not the clock
    feed = etree.fromstring(first["feed_rss_created.xml"])
    assert feed.findtext("channel/lastBuildDate").startswith("Thu, 20 Nov 2025 00:00:00")
    # a post without an "updated" date is listed in the updated feed with its creation date
    updated = etree.fromstring(first["feed_rss_updated.xml"])
    dates = {item.findtext("title"): item.findtext("pubDate") for item in updated.iter("item")}
    assert dates["Five small ways to steady an anxious morning"].startswith("Tue, 28 Oct 2025")
    assert dates["The role of trust in therapy"].startswith("Thu, 20 Nov 2025")


def test_a_draft_among_the_latest_articles_has_the_blog_index_badge(tmp_path) -> None:
    """Drafts are listed only where Material's blog shows them (the preview; here ``draft: true``): the home
    page's latest articles mark one as the blog index does."""
    project = copy_project(tmp_path / "project")
    body = "A draft.\n\n<!-- more -->\n\nMore.\n"
    post = make_post(body, title="An unfinished draft", slug="draft", date="2030-01-01", extra="draft: true\n")
    (project / "docs/blog/posts/draft.md").write_text(post, encoding="utf-8")
    build = build_with_plugin_options(project, "blog", {"draft": True})
    home = build.html("")
    items = home.cssselect(".ts-latest li")
    badges = [[badge.text_content().strip() for badge in item.cssselect(".md-draft")] for item in items]
    assert items[0].cssselect("h3")[0].text_content() == "An unfinished draft"
    assert badges == [["Draft"], [], []]
    excerpt = build.html("blog/").cssselect("article.md-post--excerpt")[0]
    assert [badge.text_content().strip() for badge in excerpt.cssselect(".md-draft")] == ["Draft"]


def test_a_post_footer_links_each_article_once(tmp_path) -> None:
    """Related articles leave out the older and newer article, which the footer links right below them: a new
    post in the trust post's category, written just after it, has the trust post as its older article."""
    body = "Words.\n\n<!-- more -->\n\nMore words.\n"
    post = make_post(
        body, title="Trust after a rupture", slug="trust-after-rupture", date="2025-11-16", category="Therapy basics"
    )
    build = build_copy(tmp_path, posts={"trust-after-rupture.md": post})
    assert build.returncode == 0, build.output
    doc = build.html("blog/trust-after-rupture/")
    neighbours = doc.xpath("//nav[contains(@class, 'ts-post-nav')]//a/@href")
    assert "../role-of-trust-in-therapy/" in neighbours
    for page in sorted((build.site / "blog").glob("*/index.html")):
        doc = build.html(f"blog/{page.parent.name}/")
        related = doc.xpath("//section[contains(@class, 'ts-related')]//a/@href")
        neighbours = doc.xpath("//nav[contains(@class, 'ts-post-nav')]//a/@href")
        assert not set(related) & set(neighbours), page
