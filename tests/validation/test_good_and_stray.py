"""Good content passes both gates cleanly (and is published right); stray entries never crash either gate;
no exception a rule meets reaches the author as a traceback."""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from corpus_support import GOOD, located, run_check
from lxml import html as lxml_html

from helpers import Build, copy_project, paged_copy, run_build
from therapy_site.security.csp import inline_script_hashes


@pytest.fixture(scope="session")
def good_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = paged_copy(tmp_path_factory.mktemp("good") / "project")  # listings with a page 2
    for post in sorted(GOOD.glob("*.md")):
        shutil.copyfile(post, project / "docs" / "blog" / "posts" / post.name)
    return run_build(project, strict=True)


def test_good_cases_pass_check_with_no_error(good_build: Build) -> None:
    result = run_check(good_build.project, "--format", "json")
    document = json.loads(result.stdout)
    assert result.returncode == 0, result.stdout
    assert document["errors"] == 0, document["findings"]


def test_good_cases_pass_the_strict_build(good_build: Build) -> None:
    assert good_build.returncode == 0, good_build.output
    assert not [finding for finding in located(good_build.output) if finding[3] == "error"]


@pytest.mark.parametrize("slug", ["good-faq-forms-colon", "good-faq-forms-short", "good-faq-forms-parenthetical"])
def test_faq_headings_are_recognised_in_their_common_forms(good_build: Build, slug: str) -> None:
    document = good_build.html(f"blog/{slug}/")
    assert document.xpath('//section[contains(@class, "ts-faq")]')
    graphs = [json.loads(script.text) for script in document.xpath('//script[@type="application/ld+json"]')]
    types = json.dumps(graphs)
    assert '"FAQPage"' in types


def test_an_authors_title_is_text_everywhere(good_build: Build) -> None:
    raw = "<script>alert('corpus-title')</script>"
    published = [
        path
        for path in good_build.site.rglob("*")
        if path.is_file() and path.suffix in {".html", ".xml", ".json"} and raw in path.read_text(encoding="utf-8")
    ]
    assert published == []
    post = good_build.html("blog/good-code-and-safe-html/")
    assert "<script>alert('corpus-title')</script> in a title" in post.xpath("string(//h1)")
    listings = [
        path
        for path in (good_build.site / "blog").rglob("index.html")
        if "good-code-and-safe-html" not in path.parent.name and "good-code-and-safe-html/" in path.read_text("utf-8")
    ]
    assert any("page" in path.parts for path in listings) and any("category" in path.parts for path in listings)
    for path in listings:  # index, category, archive, pagination: the title shows as the text it is
        text = lxml_html.fromstring(path.read_bytes()).xpath("string(//body)")
        assert "<script>alert('corpus-title')</script> in a title" in text, path


def test_the_policy_trusts_the_themes_scripts_and_nothing_else(good_build: Build) -> None:
    for path in good_build.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        policy = re.search(r'Content-Security-Policy" content="([^"]*)"', text)
        assert policy, path
        allowed = set(re.findall(r"'sha256-[^']+'", policy.group(1)))
        assert inline_script_hashes(text) <= allowed, path  # the theme's scripts all run
    code = good_build.text("blog/good-code-and-safe-html/")
    assert "alert('corpus-code')" not in lxml_html.fromstring(code).xpath("string(//script)")


def test_a_scheduled_post_stays_unpublished_and_does_not_date_the_site(good_build: Build) -> None:
    assert not (good_build.site / "blog" / "good-scheduled").exists()
    sitemap = (good_build.site / "sitemap.xml").read_text(encoding="utf-8")
    years = {int(year) for year in re.findall(r"<lastmod>(\d{4})-", sitemap)}
    assert years and max(years) <= datetime.now(UTC).year
    feed = (good_build.site / "feed_rss_created.xml").read_text(encoding="utf-8")
    assert "2099" not in feed and "good-scheduled" not in feed


def test_stray_entries_in_content_folders_never_crash_either_gate(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    posts = project / "docs" / "blog" / "posts"
    (posts / "folder.md").mkdir()
    (posts / "folder.md" / "notes.txt").write_text("a folder whose name ends in .md\n", encoding="utf-8")
    os.symlink("user@host.12345:1700000000", posts / ".#first-therapy-session.md")  # Emacs lock: dangling
    (posts / "~$rst-therapy-session.md").write_bytes(b"\x00\x05Word lock \xff\xfe")
    shutil.copyfile(posts / "first-therapy-session.md", posts / "first-therapy-session.md~")
    shutil.copyfile(posts / "first-therapy-session.md", posts / "first-therapy-session.md.bak")
    os.symlink("no-such-post.md", posts / "gone.md")
    check = run_check(project)
    build = run_build(project, strict=True)
    for output in (check.stdout + check.stderr, build.output):
        assert "Traceback" not in output
        findings = located(output)
        assert {(path, rule) for path, _line, _column, severity, rule in findings if severity == "error"} == {
            ("docs/blog/posts/gone.md", "file-stray")
        }, output
    assert check.returncode == 1 and build.returncode != 0
    (posts / "gone.md").unlink()
    check = run_check(project)
    build = run_build(project, strict=True)
    assert check.returncode == 0, check.stdout
    assert build.returncode == 0, build.output
    assert not [path for path in build.site.rglob("*") if "~" in path.name or path.name.startswith(".#")]
    assert not list(build.site.rglob("*.bak"))


def test_an_exception_inside_a_rule_becomes_a_located_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from therapy_site.cli import main
    from therapy_site.validation import runner

    def broken_rule(source: object, context: object) -> list[object]:
        raise RecursionError("maximum recursion depth exceeded")

    broken_rule.__name__ = "check_headings"
    monkeypatch.setattr(runner, "RULES", (*runner.RULES, broken_rule))
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check", "docs/about.md"], catch_exceptions=False)
    assert result.exit_code == 1
    assert re.search(r"^docs/about\.md:1:1: error: this file could not be checked .*\[internal\]$", result.stdout, re.M)


def test_a_picture_over_the_byte_limit_is_stopped_with_the_numbers(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    picture = project / "docs" / "assets" / "images" / "holiday.jpg"
    picture.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(6_200_000))  # a 6.2 MB camera photo
    post = (GOOD / "faq-forms-short.md").read_text(encoding="utf-8")
    post = post.replace("slug: good-faq-forms-short", "slug: holiday-photo") + (
        "\n![A beach at sunset](../../assets/images/holiday.jpg)\n"
    )
    target = project / "docs" / "blog" / "posts" / "holiday-photo.md"
    target.write_text(post, encoding="utf-8")
    line = post.splitlines().index("![A beach at sunset](../../assets/images/holiday.jpg)") + 1
    check = run_check(project)
    build = run_build(project, strict=True)
    for output in (check.stdout, build.output):
        assert "Traceback" not in output
        assert re.search(
            rf"docs/blog/posts/holiday-photo\.md:{line}:1: error: image .* is 6\.2 MB, over the limit of 5 MB; "
            r".*\[image-too-large\]",
            output,
        ), output
