"""What search engines and networks fetch besides the page: sitemap dates, share images, Article images, feeds."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from jsonld import SITE, graph_of, one
from lxml import etree
from PIL import Image
from seo.seo_helpers import build_variant, meta_content

from helpers import REPO, Build, run_build

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DC = "{http://purl.org/dc/elements/1.1/}"


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def sitemap(build: Build) -> dict[str, str | None]:
    root = etree.parse(str(build.site / "sitemap.xml")).getroot()
    return {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.iter(f"{SITEMAP}url")}


def post_dates(project: Path = REPO) -> dict[str, date]:
    found = {}
    for path in (project / "docs/blog/posts").glob("*.md"):
        meta = front_matter(path)
        found[f"{SITE}blog/{meta['slug']}/"] = meta["date"].get("updated") or meta["date"]["created"]
    return found


def built_pages(build: Build) -> list[str]:
    return sorted(
        str(path.parent.relative_to(build.site)) + "/" if path.parent != build.site else ""
        for path in build.site.rglob("index.html")
    )


# --- sitemap ---------------------------------------------------------------------------------------------------


def test_each_post_lastmod_is_its_own_updated_or_created_date(site_build: Build) -> None:
    dates = sitemap(site_build)
    posts = post_dates()
    assert len(set(posts.values())) > 1, "the fixture needs posts with different dates"
    for url, when in posts.items():
        assert dates[url] == when.isoformat(), url


def test_listing_lastmod_is_the_newest_post_it_lists(variant_build: Build) -> None:
    dates = sitemap(variant_build)
    posts = post_dates(variant_build.project)
    assert dates[f"{SITE}blog/"] == max(posts.values()).isoformat()
    # Page 2 lists older posts only: its date is theirs, not the site's newest.
    page_two = variant_build.html("blog/page/2/")
    slugs = {href.strip("/").rsplit("/", 1)[-1] for href in page_two.xpath("//article//a/@href")}
    listed_urls = [url for url in posts if url.strip("/").rsplit("/", 1)[-1] in slugs]
    assert listed_urls
    assert dates[f"{SITE}blog/page/2/"] == max(posts[url] for url in listed_urls).isoformat()
    assert dates[f"{SITE}blog/page/2/"] < dates[f"{SITE}blog/"]


def test_other_pages_without_a_date_or_git_have_no_lastmod(site_build: Build) -> None:
    # The test build is a copy outside git, and these pages carry no front-matter date.
    dates = sitemap(site_build)
    assert dates[f"{SITE}privacy/"] is None
    assert dates[f"{SITE}services/"] is None


def test_other_pages_take_their_last_git_commit_date(variant_build: Build) -> None:
    dates = sitemap(variant_build)
    assert dates[f"{SITE}privacy/"] == "2025-04-03"  # the variant's commit date
    assert dates[f"{SITE}blog/updated/"] == "2025-03-05"  # posts keep their own dates even under git
    assert dates[f"{SITE}blog/older/"] == "2025-01-10"


# --- share images and robots -----------------------------------------------------------------------------------


def test_every_page_has_a_png_or_jpeg_share_image_of_1200_by_630(site_build: Build) -> None:
    for url_path in built_pages(site_build):
        (url,) = meta_content(site_build, url_path, "property", "og:image")
        (kind,) = meta_content(site_build, url_path, "property", "og:image:type")
        width, height = (
            int(meta_content(site_build, url_path, "property", f"og:image:{n}")[0]) for n in ("width", "height")
        )
        assert meta_content(site_build, url_path, "property", "og:image:alt")[0].strip(), url_path
        with Image.open(site_build.site / url.removeprefix(SITE)) as image:
            assert image.format in {"PNG", "JPEG"}, (url_path, image.format)
            assert kind == Image.MIME[image.format], url_path
            assert image.size == (width, height) == (1200, 630), url_path


def test_every_page_allows_large_image_previews(site_build: Build) -> None:
    for url_path in built_pages(site_build):
        assert meta_content(site_build, url_path, "name", "robots") == ["max-image-preview:large"], url_path


def test_home_share_card_and_title_use_the_page_title_not_home(site_build: Build) -> None:
    title = front_matter(REPO / "docs/index.md")["title"]
    assert meta_content(site_build, "", "property", "og:title") == [title]
    (alt,) = meta_content(site_build, "", "property", "og:image:alt")
    assert alt.startswith(title) and not alt.startswith("Home")


def test_article_images_come_in_16_9_4_3_and_1_1_at_least_1200_wide(site_build: Build) -> None:
    graph = graph_of(site_build, "blog/role-of-trust-in-therapy/")
    article = one(graph, "BlogPosting")
    by_id = {node.get("@id"): node for node in graph}
    ratios = []
    for reference in article["image"]:
        node = by_id[reference["@id"]]
        with Image.open(site_build.site / node["url"].removeprefix(SITE)) as image:
            assert image.format == "JPEG"
            assert image.size == (node["width"], node["height"])
            assert image.width >= 1200
            ratios.append(round(image.width / image.height, 2))
    assert ratios == [round(16 / 9, 2), round(4 / 3, 2), 1.0]


def test_hero_images_come_from_the_cache_on_a_second_build(tmp_path: Path) -> None:
    first = build_variant(tmp_path / "a", warm=False)
    assert first.returncode == 0, first.output
    assert "hero images: 16 drawn, 0 from cache" in first.output
    # Same project folder (same cache), built again into another folder.
    second = run_build(first.project, site_dir="site2")
    assert second.returncode == 0
    assert "hero images: 0 drawn, 16 from cache" in second.output
    derived = sorted((first.site / "assets/images/derived").iterdir())
    assert derived
    # Deterministic: the same sources give byte-identical images, sitemap and feeds.
    for path in [
        *derived,
        *(first.site / name for name in ("sitemap.xml", "feed_rss_created.xml", "feed_json_updated.json")),
    ]:
        assert path.read_bytes() == (second.site / path.relative_to(first.site)).read_bytes(), path.name


# --- language ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url_path", ["", "blog/role-of-trust-in-therapy/", "blog/", "about/"])
def test_lang_in_language_and_og_locale_agree_on_en_gb(site_build: Build, url_path: str) -> None:
    document = site_build.html(url_path)
    assert document.get("lang") == "en-GB"
    assert meta_content(site_build, url_path, "property", "og:locale") == ["en_GB"]
    languages = {node["inLanguage"] for node in graph_of(site_build, url_path) if "inLanguage" in node}
    assert languages == {"en-GB"}


# --- feeds ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["feed_rss_created.xml", "feed_rss_updated.xml"])
def test_rss_items_name_authors_with_dc_creator_and_carry_their_image(site_build: Build, name: str) -> None:
    channel = etree.parse(str(site_build.site / name)).getroot().find("channel")
    assert channel.findtext("language") == "en-GB"
    editor = channel.findtext("managingEditor")
    assert editor is None or ("@" in editor and editor.endswith(")")), editor
    items = channel.findall("item")
    assert items
    for item in items:
        assert item.find("author") is None, "RSS <author> must be an email address; names go in dc:creator"
        assert [creator.text for creator in item.findall(f"{DC}creator")] == ["Anna Reyes"]
        enclosure = item.find("enclosure")
        assert enclosure is not None, item.findtext("link")
        path = site_build.site / enclosure.get("url").removeprefix(SITE)
        assert int(enclosure.get("length")) == path.stat().st_size
        with Image.open(path) as image:
            assert Image.MIME[image.format] == enclosure.get("type")
        page = item.findtext("link").removeprefix(SITE)
        assert meta_content(site_build, page, "property", "og:image") == [enclosure.get("url")]


@pytest.mark.parametrize("name", ["feed_json_created.json", "feed_json_updated.json"])
def test_json_feed_items_have_an_image(site_build: Build, name: str) -> None:
    feed = json.loads((site_build.site / name).read_text(encoding="utf-8"))
    assert feed["language"] == "en-GB"
    assert feed["items"]
    for item in feed["items"]:
        assert item["image"], item["url"]
        assert (site_build.site / item["image"].removeprefix(SITE)).is_file()


@pytest.mark.parametrize("name", ["feed_json_created.json", "feed_json_updated.json"])
def test_json_feed_icon_is_large_and_the_favicon_small(site_build: Build, name: str) -> None:
    """JSON Feed: ``icon`` about 512 x 512 (the practice's logo), ``favicon`` small (the site's favicon)."""
    feed = json.loads((site_build.site / name).read_text(encoding="utf-8"))
    sizes = {}
    for key in ("icon", "favicon"):
        assert feed[key].startswith(SITE), feed[key]
        with Image.open(site_build.site / feed[key].removeprefix(SITE)) as image:
            sizes[key] = image.size
    assert sizes["icon"][0] == sizes["icon"][1] >= 512
    assert sizes["favicon"][0] <= 64
