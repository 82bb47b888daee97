"""The takeaways block in built sites: the real trust post, accessibility, and errors under --strict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers import (
    Build,
    build_copy,
    copy_project,
    explicit_config,
    load_config,
    make_post,
    reported,
    run_build,
    stylesheet_bundle,
    write_config,
)

TRUST_POST = "blog/role-of-trust-in-therapy/"
SECTION = "section.ts-takeaways"


def takeaways_sections(build: Build, url_path: str) -> list[Any]:
    return build.html(url_path).xpath("//section[contains(concat(' ', @class, ' '), ' ts-takeaways ')]")


def test_trust_post_renders_its_takeaways_through_the_block(site_build: Build) -> None:
    (section,) = takeaways_sections(site_build, TRUST_POST)
    (heading,) = section.xpath("./h2")
    heading_id = heading.get("id")
    assert heading_id and section.get("aria-labelledby") == heading_id
    assert heading.xpath("normalize-space(text())") == "Key takeaways"
    assert heading.xpath("./a[@class='headerlink']/@href") == [f"#{heading_id}"]
    items = section.xpath("./ul/li")
    assert len(items) == 4
    leads = [item.xpath("./strong[contains(@class, 'ts-takeaways__lead')]") for item in items]
    assert all(len(lead) == 1 for lead in leads)
    assert leads[0][0].text_content().startswith("Trust is the ground")
    # The old Markdown heading is gone: exactly one "Key takeaways" heading on the page.
    page = site_build.html(TRUST_POST)
    assert len(page.xpath("//h2[normalize-space(text())='Key takeaways']")) == 1
    assert len(page.xpath(f"//*[@id='{heading_id}']")) == 1


def test_takeaways_heading_is_in_both_tables_of_contents(site_build: Build) -> None:
    page = site_build.html(TRUST_POST)
    heading_id = takeaways_sections(site_build, TRUST_POST)[0].xpath("./h2/@id")[0]
    sidebar = page.xpath(f"//nav[contains(@class, 'md-nav--secondary')]//a[@href='#{heading_id}']")
    in_article = page.xpath(f"//nav[@class='ts-toc']//a[@href='#{heading_id}']")
    assert [link.text_content().strip() for link in sidebar] == ["Key takeaways"]
    assert [link.text_content().strip() for link in in_article] == ["Key takeaways"]


def test_stylesheet_is_shipped_and_linked(site_build: Build) -> None:
    css = stylesheet_bundle(site_build, TRUST_POST)
    assert "/* takeaways.css */" in css
    assert '[data-md-color-scheme="slate"]' in css and "@media print" in css


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_the_takeaways(browser: Any, site_url: str, artifacts_dir: Path, scheme: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    try:
        page.goto(site_url + TRUST_POST)
        expected_palette = "default" if scheme == "light" else "slate"
        assert page.get_attribute("body", "data-md-color-scheme") == expected_palette
        page.locator(SECTION).screenshot(path=str(artifacts_dir / f"takeaways-{scheme}.png"))
        results = Axe().run(page, context=SECTION)
        assert results.violations_count == 0, results.generate_report()
        passed = {rule["id"] for rule in results.response["passes"]}
        assert {"color-contrast", "list", "listitem"} <= passed
    finally:
        page.close()


def test_takeaways_print_black_on_white_even_in_dark_mode(browser: Any, site_url: str, artifacts_dir: Path) -> None:
    page = browser.new_page(viewport={"width": 800, "height": 900}, color_scheme="dark")
    try:
        page.goto(site_url + TRUST_POST)
        page.emulate_media(media="print")
        section = page.locator(SECTION)
        section.screenshot(path=str(artifacts_dir / "takeaways-print.png"))
        style = section.evaluate("el => { const s = getComputedStyle(el); return [s.backgroundColor, s.color]; }")
        assert style == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]
    finally:
        page.close()


def header_line(text: str, occurrence: int) -> int:
    """1-based line of the ``occurrence``-th ``/// takeaways`` header in a fixture post."""
    lines = [number for number, line in enumerate(text.splitlines(), start=1) if line.startswith("/// takeaways")]
    return lines[occurrence]


BAD_POSTS = {
    "empty.md": make_post("Intro.\n\n/// takeaways\n///\n", slug="empty-takeaways", title="Empty takeaways"),
    "no-list.md": make_post(
        "/// takeaways\n- **Fine.** This one is valid.\n///\n\nText.\n\n/// takeaways\nOnly a paragraph.\n///\n",
        slug="no-list-takeaways",
        title="Takeaways without a list",
    ),
    "unknown-option.md": make_post(
        "/// takeaways\n    colour: green\n\n- **A.** b\n///\n", slug="unknown-option", title="Unknown option"
    ),
}


def test_strict_build_fails_naming_file_and_line_for_each_problem(tmp_path: Path) -> None:
    build = build_copy(tmp_path, posts=BAD_POSTS)
    assert build.returncode != 0
    expected = [
        ("blog/posts/empty.md", header_line(BAD_POSTS["empty.md"], 0), "takeaways block: is empty"),
        ("blog/posts/no-list.md", header_line(BAD_POSTS["no-list.md"], 1), "takeaways block: has no list"),
        (
            "blog/posts/unknown-option.md",
            header_line(BAD_POSTS["unknown-option.md"], 0) + 1,  # the option's own line
            "takeaways block: unknown option 'colour'",
        ),
    ]
    for path, line, message in expected:
        assert reported(build.output, path, line, message), build.output
    # Each problem is reported once, for the post only (never again for blog listing pages).
    assert build.output.count("takeaways block:") == len(expected), build.output


def test_site_wide_title_setting(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = explicit_config(load_config(project))
    config["markdown_extensions"] = [
        {"therapy_site.takeaways": {"title": "In short"}}
        if isinstance(entry, dict) and "therapy_site.takeaways" in entry
        else entry
        for entry in config["markdown_extensions"]
    ]
    write_config(project, config)
    build = run_build(project)
    assert build.returncode == 0, build.output
    (section,) = takeaways_sections(build, TRUST_POST)
    assert section.xpath("normalize-space(./h2/text())") == "In short"
    assert section.get("aria-labelledby") == "in-short"


EXCERPT_BODY = "Intro.\n\n/// takeaways\n- **A point.** A sentence.\n///\n\n<!-- more -->\n\n## Rest\n\nText.\n"


def test_listing_page_with_two_takeaways_excerpts_keeps_ids_unique(tmp_path: Path) -> None:
    posts = {
        "first.md": make_post(EXCERPT_BODY, slug="first-post", title="First post about sleep", date="2026-01-01"),
        "second.md": make_post(EXCERPT_BODY, slug="second-post", title="Second post about sleep", date="2026-01-02"),
    }
    build = build_copy(tmp_path, posts=posts)
    assert build.returncode == 0, build.output
    listing = build.html("blog/")
    sections = takeaways_sections(build, "blog/")
    assert len(sections) == 2
    ids = listing.xpath("//@id")
    assert len(ids) == len(set(ids))
    for section in sections:
        (heading,) = section.xpath("./*[contains(@class, 'ts-takeaways__title')]")
        assert section.get("aria-labelledby") == heading.get("id")
    # The headings still link to the takeaways on each post's own page.
    links = sorted(link for section in sections for link in section.xpath(".//a[@class='toclink']/@href"))
    assert links == ["first-post/#key-takeaways", "second-post/#key-takeaways"]
    for slug in ("first-post", "second-post"):
        (section,) = takeaways_sections(build, f"blog/{slug}/")
        assert section.get("aria-labelledby") == "key-takeaways"
