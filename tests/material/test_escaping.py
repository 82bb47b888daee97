"""Authors' titles and descriptions are escaped where Material prints them, whichever plugins are enabled."""

from __future__ import annotations

import pytest

from helpers import Build, copy_project, engine_options, load_config, make_post, run_build, write_config

TITLE = 'Calm <script>alert("t")</script> & "quotes"'
DESCRIPTION = 'A description with <img src=x onerror=alert(1)> and "quotes".'


@pytest.fixture(scope="module")
def unvalidated(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site without the validation plugin (which would stop such a post), not strict."""
    project = copy_project(tmp_path_factory.mktemp("escaping") / "project")
    config = load_config(project)
    engine_options(config)["validation"] = False
    config["strict"] = False
    write_config(project, config)
    post = make_post("Intro paragraph.\n", slug="escaped", title=TITLE, description=f"'{DESCRIPTION}'")
    (project / "docs/blog/posts/escaped.md").write_text(post, encoding="utf-8")
    build = run_build(project, strict=False)
    assert build.returncode == 0, build.output
    return build


@pytest.mark.parametrize("path", ["blog/escaped/", "blog/", "blog/category/anxiety/", ""])
def test_no_authors_markup_is_published_as_markup(unvalidated: Build, path: str) -> None:
    text = unvalidated.text(path)
    assert "<script>alert" not in text
    assert "<img src=x" not in text


def test_the_title_reads_as_written(unvalidated: Build) -> None:
    page = unvalidated.html("blog/escaped/")
    assert [h1.text_content().strip() for h1 in page.xpath("//article//h1")] == [TITLE]
    (description,) = page.xpath("//meta[@name='description']/@content")
    assert description == DESCRIPTION
