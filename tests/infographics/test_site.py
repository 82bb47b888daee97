"""Infographics and social cards in real builds: page HTML, image files, og:image, cache and determinism."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from helpers import (
    Build,
    build_copy,
    copy_project,
    feature_options,
    load_config,
    make_post,
    reported,
    run_build,
    stylesheet_bundle,
    write_config,
)

TRUST = "blog/role-of-trust-in-therapy/"
SITE_URL = "https://stillwater-therapy.example/"
# The infographics and the social-cards plugins each log one line.
RENDERED = re.compile(r"(?:infographics|social cards): (\d+) images rendered, (\d+) from cache")
IMAGE_DIRS = ("assets/infographics", "assets/social")


def image_files(build: Build) -> dict[str, bytes]:
    return {
        str(path.relative_to(build.site)): path.read_bytes()
        for folder in IMAGE_DIRS
        for path in sorted((build.site / folder).glob("*"))
    }


def rendered_counts(build: Build) -> tuple[int, int]:
    matches = RENDERED.findall(build.output)
    assert len(matches) == 2, build.output
    return sum(int(rendered) for rendered, _ in matches), sum(int(cached) for _, cached in matches)


def og_image(build: Build, url_path: str) -> str:
    return build.html(url_path).xpath("//meta[@property='og:image']/@content")[0]


def site_file(build: Build, url: str) -> Path:
    path = url.removeprefix(SITE_URL) if url.startswith(SITE_URL) else url.lstrip("/")
    return build.site / path


def test_trust_post_shows_the_barriers_as_html_cards(site_build: Build) -> None:
    (figure,) = site_build.html(TRUST).xpath("//article//figure[contains(@class, 'ts-infographic')]")
    headings = figure.xpath("./ul/li/h3")
    titles = [" ".join("".join(h.xpath("./text()")).split()) for h in headings]
    assert titles == ["Past betrayal", "Fear of judgement", "Stigma", "Cultural distance"]
    # Real headings (ids, permalinks), but not sections: no table of contents lists them (Material's sidebar
    # and ours above the post), while the section holding the infographic is listed once.
    toc_links = site_build.html(TRUST).xpath("//nav[.//a[starts-with(@href, '#')]]//a/@href")
    assert toc_links
    for heading in headings:
        assert heading.get("id") and heading.xpath("./a[@class='headerlink']/@href") == [f"#{heading.get('id')}"]
        assert f"#{heading.get('id')}" not in toc_links
    (section,) = figure.xpath("preceding::h2[1]/@id")
    for nav in site_build.html(TRUST).xpath("//nav[.//a[starts-with(@href, '#')]]"):
        assert nav.xpath(".//a/@href").count(f"#{section}") <= 1
    for card in figure.xpath("./ul/li"):
        assert card.xpath("./p[contains(@class, 'text')]")[0].text_content().strip()
        assert card.xpath("./p[contains(@class, 'remedy')]")[0].text_content().startswith("A way through:")
    caption = " ".join(figure.xpath("./figcaption")[0].text_content().split())
    assert caption == "Four barriers to trust, and a way through each"
    # Read in this order: the title, the summary, the cards, then the source and the download link.
    order = [child.get("class") for child in figure]
    assert order[:3] == ["ts-infographic__caption", "ts-infographic__summary", "ts-infographic__items"]
    assert order[3:] == ["ts-infographic__credit"]
    assert "Source: Practice experience" in figure[-1].text_content()
    assert figure[-1].xpath(".//a[contains(@class, 'download')]")
    assert figure.get("data-pin-description").startswith("Four barriers to trust")
    assert not figure.xpath(".//img"), "no text inside images on the page"
    assert ".ts-infographic" in stylesheet_bundle(site_build, TRUST)


def test_download_link_and_pin_media_point_at_the_portrait(site_build: Build, artifacts_dir: Path) -> None:
    (figure,) = site_build.html(TRUST).xpath("//figure[contains(@class, 'ts-infographic')]")
    (link,) = figure.xpath(".//a[contains(@class, 'download')]")
    assert link.text_content().startswith("Download image")
    portrait = site_file(site_build, link.get("href"))
    assert figure.get("data-pin-media") == SITE_URL.rstrip("/") + link.get("href")
    with Image.open(portrait) as image:
        assert (image.format, image.size) == ("PNG", (1000, 1500))
    key = portrait.name.removesuffix("-portrait.png")
    with Image.open(portrait.with_name(f"{key}-card.png")) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))
    drawn = sorted(path.name for path in portrait.parent.glob(f"{key}-*"))
    assert drawn == [f"{key}-card.png", f"{key}-portrait.png"], "only the images a page or a network loads"
    shutil.copyfile(portrait, artifacts_dir / "site-trust-infographic-portrait.png")
    shutil.copyfile(portrait.with_name(f"{key}-card.png"), artifacts_dir / "site-trust-infographic-card.png")


def test_pages_without_an_image_get_a_generated_social_card(site_build: Build, artifacts_dir: Path) -> None:
    assert og_image(site_build, TRUST).endswith("-card.jpg"), "a post with a hero shares a card drawn from it"
    for url_path in ("about/", "", "blog/", "privacy/"):
        url = og_image(site_build, url_path)
        assert url.startswith(SITE_URL + "assets/social/") and url.endswith(".png"), (url_path, url)
        with Image.open(site_file(site_build, url)) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630))
    shutil.copyfile(site_file(site_build, og_image(site_build, "about/")), artifacts_dir / "site-social-card-about.png")
    assert og_image(site_build, "about/") != og_image(site_build, "privacy/")


def test_a_clean_build_renders_every_image(site_build: Build) -> None:
    rendered, cached = rendered_counts(site_build)
    assert cached == 0 and rendered == len(image_files(site_build))


SOCIAL_POST = make_post(
    """Intro.

<!-- more -->

## Three ideas

/// infographic | Three small ideas
layout: grid
summary: Three small things that help on an anxious morning.
items:
  - title: Breathe
    icon: leaf
    text: Slow breaths out.
  - title: Move
    text: A short walk outside.
  - title: Plan
    icon: clock
    text: One small task first.
///
""",
    slug="three-ideas",
    extra="social_image: infographic\nhero:\n  src: assets/images/trust-hero.webp\n  alt: Two armchairs by a window.\n",
)


def test_second_build_is_identical_warm_rebuild_renders_nothing(tmp_path: Path, site_build: Build) -> None:
    first = build_copy(tmp_path, posts={"three-ideas.md": SOCIAL_POST}, warm=False)
    assert first.returncode == 0, first.output
    images = image_files(first)
    reference = image_files(site_build)
    common = sorted(set(images) & set(reference))
    assert len(common) >= len(reference) - 2, "the same pages give the same image names"
    assert [name for name in common if images[name] != reference[name]] == [], "clean builds are byte-identical"

    og = og_image(first, "blog/three-ideas/")
    assert re.search(r"/assets/infographics/[0-9a-f]+-card\.png$", og), "social_image: infographic beats the hero"
    alt = first.html("blog/three-ideas/").xpath("//meta[@property='og:image:alt']/@content")[0]
    assert alt.startswith("Three small ideas")

    second = run_build(first.project)
    assert second.returncode == 0, second.output
    assert rendered_counts(second) == (0, len(images))
    assert image_files(second) == images
    manifests = [
        json.loads((first.project / f".cache/therapy-site/{name}/manifest.json").read_text())
        for name in ("infographics", "social")
    ]
    assert sorted(path for manifest in manifests for paths in manifest.values() for path in paths) == sorted(images)


def project_without_page_cards(tmp_path: Path, posts: dict[str, str]) -> Path:
    project = copy_project(tmp_path / "project")
    config = load_config(project)
    feature_options(config, "social")["page_cards"] = False
    write_config(project, config)
    for name, text in posts.items():
        (project / "docs/blog/posts" / name).write_text(text, encoding="utf-8")
    return project


def test_schema_problems_fail_the_strict_build_with_file_and_line(tmp_path: Path) -> None:
    bad = make_post(
        """Intro.

/// infographic | Ideas
layout: grid
items:
  - title: One
    text: First.
  - title: Two
    txt: Second.
///
""",
        slug="bad-infographic",
    )
    banner = make_post("Intro.\n", slug="banner", title="A post with a banner", extra="social_image: banner\n")
    project = project_without_page_cards(tmp_path, {"bad-infographic.md": bad, "banner.md": banner})
    build = run_build(project)
    assert build.returncode != 0
    bad_line = next(n for n, line in enumerate(bad.splitlines(), 1) if "txt: Second." in line)
    assert reported(
        build.output, "blog/posts/bad-infographic.md", bad_line, "infographic block: items[2].txt: unknown key"
    )
    banner_line = next(n for n, line in enumerate(banner.splitlines(), 1) if line.startswith("social_image:"))
    assert reported(build.output, "blog/posts/banner.md", banner_line, "'social_image: banner' is not supported")


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "not-strict"])
def test_a_character_the_fonts_lack_is_a_build_error(tmp_path: Path, strict: bool) -> None:
    post = make_post(
        """Intro.

/// infographic | Ideas
layout: grid
items:
  - title: One
    text: First.
  - title: Two
    text: Calm ✿ second.
///
""",
        slug="glyph",
    )
    project = project_without_page_cards(tmp_path, {"glyph.md": post})
    build = run_build(project, strict=strict)
    assert build.returncode != 0
    line = next(n for n, line in enumerate(post.splitlines(), 1) if "✿" in line)
    assert reported(
        build.output, "blog/posts/glyph.md", line, "infographic block: items[2].text: the character '✿' (U+273F)"
    )
