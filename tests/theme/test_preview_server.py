"""The running preview (``therapy-site serve``) shows after each edit exactly what a clean build of the same files
shows: the edited post, its category page, the blog index and the home page (no "None" for a title it did not
render again)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import copy_project, run_build
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
