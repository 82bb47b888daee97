"""The engine: a site is its own facts; the package sets up everything else (``therapy-site`` plugin)."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree

from helpers import REPO, Build, copy_project, engine_options, load_config, run_build, write_config

TRUST_POST = "blog/role-of-trust-in-therapy/"
CONFIG = load_config(Path(__file__).resolve().parents[2])
SITE_URL = CONFIG["site_url"]


def test_the_demo_site_lists_one_plugin_of_ours_and_no_template_or_stylesheet() -> None:
    names = [next(iter(entry)) if isinstance(entry, dict) else entry for entry in CONFIG["plugins"]]
    assert names == ["search", "therapy-site"]
    assert "extra_css" not in CONFIG
    assert CONFIG["theme"]["custom_dir"] == "overrides", "what the demo adds on top of the package's templates"
    assert [path.name for path in (REPO / "overrides").rglob("*.html")] == ["announce.html"]
    assert "name" not in CONFIG["extra"]["practice"], "the practice's name is site_name: written once"


def test_the_demo_says_on_every_page_that_its_practice_is_fictional(site_build: Build) -> None:
    for path in ("", TRUST_POST, "book/", "blog/"):
        (banner,) = site_build.html(path).xpath("//aside[@class='md-banner']")
        assert "this practice is fictional" in banner.text_content()


def test_robots_txt_names_the_sites_own_sitemap(site_build: Build) -> None:
    robots = (site_build.site / "robots.txt").read_text(encoding="utf-8")
    assert robots.splitlines()[-1] == f"Sitemap: {SITE_URL}sitemap.xml"
    assert not (site_build.project / "docs" / "robots.txt").exists()


@pytest.mark.parametrize("feed", ["feed_rss_created.xml", "feed_rss_updated.xml"])
def test_feed_image_is_the_sites_own_favicon(site_build: Build, feed: str) -> None:
    channel = etree.parse(str(site_build.site / feed)).getroot().find("channel")
    assert channel.findtext("image/url") == f"{SITE_URL}assets/images/favicon.png"


def test_extension_options_follow_the_practice(site_build: Build) -> None:
    page = site_build.html(TRUST_POST)
    booking = "//article//section[contains(@class, 'ts-booking')]"
    (button,) = page.xpath(f"{booking}//a[contains(@class, 'ts-booking__button')]")
    assert button.get("href") == CONFIG["extra"]["practice"]["booking_url"]
    text = " ".join(page.xpath(f"{booking}//text()"))
    assert CONFIG["extra"]["practice"]["crisis"]["line_phone"] in text
    assert CONFIG["extra"]["practice"]["phone"] in text
    (pin,) = set(page.xpath("//figure[contains(@class, 'ts-infographic')]/@data-pin-media"))
    assert urlsplit(pin).hostname == urlsplit(SITE_URL).hostname


def test_no_generator_meta_by_default_and_the_short_name_under_posts(site_build: Build) -> None:
    page = site_build.html(TRUST_POST)
    assert not page.xpath("//meta[@name='generator']")
    (more,) = page.xpath("//aside[contains(@class, 'ts-author')]//a[starts-with(normalize-space(), 'More about')]")
    assert more.text_content().strip() == "More about Anna"


@pytest.fixture(scope="module")
def variant(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The generator meta asked for, no short name, the site's own footer partial, the engine listed first."""
    project = copy_project(tmp_path_factory.mktemp("engine") / "project")
    config = load_config(project)
    engine_options(config)["generator"] = True
    del config["extra"]["practice"]["practitioner"]["short_name"]
    config["theme"]["custom_dir"] = "overrides"
    config["plugins"] = list(reversed(config["plugins"]))
    write_config(project, config)
    partial = project / "overrides" / "partials" / "practice-footer.html"
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_text('<p class="site-own-footer">{{ config.extra.practice.name | e }}</p>\n', encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build


def test_generator_meta_when_the_practice_wants_it(variant: Build) -> None:
    (meta,) = variant.html("").xpath("//meta[@name='generator']")
    assert meta.get("content") == f"therapy-site {version('therapy-site')}"


def test_without_a_short_name_the_full_name_never_a_title(variant: Build) -> None:
    page = variant.html(TRUST_POST)
    (more,) = page.xpath("//aside[contains(@class, 'ts-author')]//a[starts-with(normalize-space(), 'More about')]")
    assert more.text_content().strip() == "More about Anna Reyes"


def test_a_sites_own_templates_win_over_the_packages(variant: Build) -> None:
    (footer,) = variant.html("").xpath("//p[@class='site-own-footer']")
    assert footer.text == CONFIG["site_name"]


def test_the_order_of_the_sites_plugins_does_not_change_the_pages(variant: Build, site_build: Build) -> None:
    """The engine places its plugins' events where it stands: the posts come out the same."""
    generator = f'\n    <meta name="generator" content="therapy-site {version("therapy-site")}">'
    ours = site_build.text("blog/first-therapy-session/").split('<footer class="md-footer">')[0]
    theirs = variant.text("blog/first-therapy-session/").split('<footer class="md-footer">')[0]
    assert theirs.replace(generator, "").replace("More about Anna Reyes", "More about Anna") == ours


def test_listing_a_plugin_the_engine_sets_up_says_where_its_options_go(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = load_config(project)
    config["plugins"].append({"blog": {"pagination_per_page": 5}})
    write_config(project, config)
    build = run_build(project)
    assert build.returncode != 0
    assert "'blog' is set up by 'therapy-site'; remove it from 'plugins'" in build.output
    assert "Traceback" not in build.output


def test_a_mistyped_feature_option_is_named(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = load_config(project)
    engine_options(config)["blog"] = {"pagination_per_page": "ten"}
    write_config(project, config)
    build = run_build(project)
    assert build.returncode != 0
    assert "therapy-site: blog:" in build.output and "pagination_per_page" in build.output
    assert "Traceback" not in build.output


def test_the_engine_loads_the_published_pictures_feature_and_publishes_nothing_itself(tmp_path: Path) -> None:
    """Cleaning the published pictures is a feature plugin of its own; the engine only loads features."""
    from mkdocs.config import load_config as load_mkdocs_config

    from therapy_site.engine.plugin import EnginePlugin
    from therapy_site.published_pictures.plugin import PublishedPicturesPlugin

    project = copy_project(tmp_path / "project")
    config = load_mkdocs_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config = config.plugins.on_config(config)  # the engine loads the features here
    assert isinstance(config.plugins["therapy-site/pictures"], PublishedPicturesPlugin)
    assert "on_post_build" not in vars(EnginePlugin)
