"""The check context's parts read the site as the build does."""

from __future__ import annotations

from pathlib import Path

from helpers import copy_project, load_config, make_post, write_config
from therapy_site.project import load_project
from therapy_site.validation.context import CheckContext
from therapy_site.validation.source_files import SourceFiles


def test_the_faq_titles_are_the_configured_extensions(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = load_config(project)
    config["markdown_extensions"] = [{"therapy_site.faq": {"titles": ["Common questions"]}}]
    write_config(project, config)
    assert CheckContext(load_project(project / "mkdocs.yml")).faq_titles == ("Common questions",)


def test_the_addresses_of_pages_posts_and_blog_views(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    posts = project / "docs" / "blog" / "posts"
    draft_text = make_post("Text.\n", slug="a-draft", title="A draft", extra="draft: true\n")
    (posts / "a-draft.md").write_text(draft_text, encoding="utf-8")
    context = CheckContext(load_project(project / "mkdocs.yml"))
    addresses = context.addresses
    draft = context.source(posts / "a-draft.md")
    assert addresses.page_url(draft) == "/blog/a-draft/" and addresses.unpublished(draft) == "a draft"
    assert addresses.page_url(context.source(project / "docs" / "about.md")) == "/about/"
    assert [page.shown for page in addresses.pages_at("/about/")] == ["docs/about.md"]
    for exists in ("/about/", "/blog/a-draft/", "/blog/page/2/", "/sitemap.xml", "/"):
        assert addresses.site_path_exists(exists), exists
    for missing in ("/nowhere/", "/blog/no-such-post/", "/blog/category/not-a-category/"):
        assert not addresses.site_path_exists(missing), missing


def test_source_files_are_read_once_and_named_from_the_project(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    files = SourceFiles(load_project(project / "mkdocs.yml"), cwd=tmp_path)
    about = project / "docs" / "about.md"
    assert files.source(about) is files.source(about) and files.source(about).shown == "docs/about.md"
    assert files.shown(tmp_path / "elsewhere.md") == "elsewhere.md"  # outside the project: from the current folder
