"""Our CSS reaches the reader as one hashed bundle: every feature's sheet plus the site's own, in a fixed order."""

from __future__ import annotations

import re

import rcssmin

from helpers import Build, load_config, site_stylesheets, stylesheet_bundle

PAGES = ("", "blog/", "blog/role-of-trust-in-therapy/", "404.html")
FEATURE_PARTS = (
    "fonts.css",
    "font-fallback.css",
    "review.css",
    "infographics.css",
    "booking.css",
    "takeaways.css",
    "breadcrumbs.css",  # therapy-site/seo: the visible trail on posts
)
PARTS = (*FEATURE_PARTS, "therapy.css")


def site_sheets(build: Build) -> list[str]:
    """The site's own stylesheets, in mkdocs.yml's extra_css order."""
    return list(load_config(build.project).get("extra_css") or [])


def test_every_page_links_one_hashed_bundle_of_ours(site_build: Build) -> None:
    bundles = set()
    for path in PAGES:
        (href,) = site_stylesheets(site_build, path)
        assert re.search(r"assets/therapy-site/bundle\.[0-9a-f]{12}\.css$", href), href
        bundles.add(href.rsplit("/", 1)[1])
    assert len(bundles) == 1


def test_bundle_holds_each_feature_sheet_then_the_sites_own_in_a_fixed_order(site_build: Build) -> None:
    css = stylesheet_bundle(site_build, "")
    found = re.findall(r"^/\* ([a-z-]+\.css) \*/$", css, flags=re.MULTILINE)
    sheets = site_sheets(site_build)
    assert "assets/stylesheets/therapy.css" in sheets
    assert found == [*FEATURE_PARTS, *(sheet.rsplit("/", 1)[1] for sheet in sheets)]
    last = (site_build.project / "docs" / sheets[-1]).read_text(encoding="utf-8")
    assert css.rstrip().endswith(rcssmin.cssmin(last).strip())


def test_bundle_name_is_its_content_hash(site_build: Build) -> None:
    import hashlib

    (href,) = site_stylesheets(site_build, "")
    css = stylesheet_bundle(site_build, "")
    assert href.endswith(f"bundle.{hashlib.sha256(css.encode()).hexdigest()[:12]}.css")


def test_font_urls_in_the_bundle_point_at_the_published_fonts(site_build: Build) -> None:
    bundle_dir = site_build.site / "assets/therapy-site"
    urls = re.findall(r"""url\(["']?([^"')]+)""", stylesheet_bundle(site_build, ""))
    fonts = [url for url in urls if url.endswith(".woff2")]
    assert fonts
    for url in fonts:
        assert (bundle_dir / url).resolve().is_file(), url


def test_feature_sheets_are_not_linked_one_by_one(site_build: Build) -> None:
    for path in PAGES:
        hrefs = site_build.html(path).xpath("//link[@rel='stylesheet']/@href")
        assert not [href for href in hrefs if href.endswith(PARTS)], (path, hrefs)
