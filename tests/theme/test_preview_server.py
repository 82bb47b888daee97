"""The running preview (``therapy-site serve``) shows after each edit exactly what a clean build of the same files
shows: the edited post, its category page, the blog index and the home page (no "None" for a title it did not
render again)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import copy_project, load_config, run_build, write_config
from preview_support import Preview, reader_view, snapshot_sources, start

POST = "blog/posts/role-of-trust-in-therapy.md"
POST_URL = "blog/role-of-trust-in-therapy/"


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    running = start(project)
    try:
        yield running
    finally:
        running.stop()


def assert_like_a_clean_build(preview: Preview, tmp_path: Path, pages: list[str]) -> None:
    clean = run_build(snapshot_sources(preview.project, tmp_path / "clean"), strict=False)
    assert clean.returncode == 0, clean.output[-4000:]
    for page in pages:
        status, served = preview.fetch(page)
        assert status == 200, page
        seen, expected = reader_view(served), reader_view(clean.text(page))
        for key, value in expected.items():
            assert seen[key] == value, f"{page}: {key} differs from a clean build"
        assert "None" not in seen["body"], page


def test_a_body_edit_shows_what_a_clean_build_shows(preview: Preview, tmp_path: Path) -> None:
    preview.edit(POST, "That makes sense:", "That is no surprise:")
    assert "That is no surprise:" in preview.fetch(POST_URL)[1]
    assert_like_a_clean_build(preview, tmp_path, [POST_URL, "blog/category/therapy-basics/", "blog/", ""])


def test_a_title_edit_shows_what_a_clean_build_shows(preview: Preview, tmp_path: Path) -> None:
    preview.edit(POST, "title: The role of trust in therapy", "title: Why trust matters in therapy")
    assert "Why trust matters in therapy" in preview.fetch(POST_URL)[1]
    assert_like_a_clean_build(preview, tmp_path, [POST_URL, "blog/category/therapy-basics/", "blog/", ""])


def test_a_category_edit_shows_what_a_clean_build_shows(preview: Preview, tmp_path: Path) -> None:
    preview.edit(POST, "categories:\n  - Therapy basics", "categories:\n  - Relationships")
    pages = [POST_URL, "blog/category/relationships/", "blog/category/therapy-basics/", "blog/", ""]
    assert_like_a_clean_build(preview, tmp_path, pages)


def listed_titles(preview: Preview, page: str) -> str:
    return " ".join(reader_view(preview.fetch(page)[1])["body"].split())


def test_a_post_with_an_error_shows_its_findings_until_it_is_fixed(preview: Preview) -> None:
    source = "blog/posts/calming-anxious-mornings.md"
    url = "blog/calming-anxious-mornings/"
    text = (preview.project / "docs" / source).read_text(encoding="utf-8")
    broken = text.replace("<!-- more -->\n", "<!-- more -->\n\n/// takeaway\n\n- One.\n\n///\n", 1)
    line = broken.splitlines().index("/// takeaway") + 1
    preview.write(source, broken)
    status, page = preview.fetch(url)
    assert status == 200 and "ts-preview-findings" in page
    findings = reader_view(page)["body"]
    assert f"docs/{source}:{line}:1: error: unknown block '/// takeaway'" in findings, findings
    assert "Five small ways to steady an anxious morning" not in listed_titles(preview, "blog/")
    preview.write(source, text)
    status, page = preview.fetch(url)
    assert status == 200 and "ts-preview-findings" not in page
    assert "Five small ways to steady an anxious morning" in reader_view(page)["title"]


def test_a_deleted_post_is_gone_from_its_address_and_the_listings(preview: Preview) -> None:
    assert preview.fetch("blog/trust-in-relationships/")[0] == 200
    preview.remove("blog/posts/trust-in-relationships.md")
    assert preview.fetch("blog/trust-in-relationships/")[0] == 404
    for listing in ("blog/", "", "blog/category/relationships/"):
        status, _ = preview.fetch(listing)
        assert status == 404 or "When trusting a partner feels hard" not in listed_titles(preview, listing), listing


def test_a_renamed_post_moves_to_its_new_address(preview: Preview) -> None:
    preview.edit("blog/posts/first-therapy-session.md", "slug: first-therapy-session", "slug: your-first-session")
    assert preview.fetch("blog/first-therapy-session/")[0] == 404
    assert preview.fetch("blog/your-first-session/")[0] == 200


def test_a_build_never_has_the_preview_page_for_errors(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    source = project / "docs/blog/posts/calming-anxious-mornings.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n/// takeaway\n\n- One.\n\n///\n", encoding="utf-8")
    assert run_build(project).returncode != 0  # strict (as `therapy-site build`): it stops
    config = load_config(project)
    config["strict"] = False  # a lenient build leaves the page out
    write_config(project, config)
    build = run_build(project, strict=False)
    assert build.returncode == 0, build.output[-4000:]
    assert not build.page("blog/calming-anxious-mornings/").exists()
    assert not [path for path in build.site.rglob("*.html") if "ts-preview-findings" in path.read_text("utf-8")]
