"""Our CSS reaches the reader as one hashed bundle: every feature's sheet plus the site's own, in a fixed order."""

from __future__ import annotations

import re
from pathlib import Path

import rcssmin

from helpers import Build, copy_project, load_config, run_build, site_stylesheets, stylesheet_bundle, write_config
from therapy_site.material.partials import SITE_STYLESHEETS

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
# The package's look of every page, after the features' sheets (a site's own extra_css would follow).
SITE_PARTS = ("therapy.css", "print.css")
PARTS = (*FEATURE_PARTS, *SITE_PARTS)


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
    assert not load_config(site_build.project).get("extra_css"), "the demo site's look comes from the package"
    assert found == list(PARTS)
    last = (SITE_STYLESHEETS[-1]).read_text(encoding="utf-8")
    assert css.rstrip().endswith(rcssmin.cssmin(last).strip())


def test_a_sites_own_stylesheet_comes_last_so_its_rules_win(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = load_config(project)
    config["extra_css"] = ["assets/stylesheets/ours.css"]
    write_config(project, config)
    (project / "docs/assets/stylesheets").mkdir(parents=True)
    (project / "docs/assets/stylesheets/ours.css").write_text(".ts-mine { color: #123456; }\n", encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output
    css = stylesheet_bundle(build, "")
    found = re.findall(r"^/\* ([a-z-]+\.css) \*/$", css, flags=re.MULTILINE)
    assert found == [*PARTS, "ours.css"]
    assert css.rstrip().endswith(".ts-mine{color:#123456}")


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
