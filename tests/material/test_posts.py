"""Material's blog reads posts' front matter with libyaml: the same posts as Material's own reading."""

from __future__ import annotations

from pathlib import Path

import material.plugins.blog.structure as blog_structure
import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

import therapy_site.material.posts as posts
from helpers import copy_project, make_post


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    project = copy_project(tmp_path / "project")
    extra = "tags: [calm, 'quoted: text', 2025-01-02]\nreadtime: 7\ndraft: false\n"
    (project / "docs" / "blog" / "posts" / "edge.md").write_text(
        make_post("Body.\n", slug="edge-cases", extra=extra), encoding="utf-8"
    )
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(project)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    return config


def post_files(config) -> list[File]:  # type: ignore[no-untyped-def]
    folder = Path(config.docs_dir) / "blog" / "posts"
    return [
        File(path.relative_to(config.docs_dir).as_posix(), config.docs_dir, config.site_dir, True)
        for path in sorted(folder.glob("*.md"))
    ]


def test_the_blog_reads_the_same_posts_with_libyaml(site) -> None:  # type: ignore[no-untyped-def]
    blog = site.plugins["material/blog"]
    assert type(blog._resolve_post(post_files(site)[0], site)).__name__ == "LibyamlPost", "installed by on_config"
    files = post_files(site)
    assert len(files) >= 4
    for file in files:
        fast = blog._resolve_post(file, site)
        plain = blog_structure.Post(File(file.src_path, site.docs_dir, site.site_dir, True), site)
        assert isinstance(fast, blog_structure.Post) and isinstance(fast, Page)
        assert fast.meta == plain.meta, file.src_path
        assert fast.markdown == plain.markdown
        assert dict(fast.config) == dict(plain.config)
        assert fast.file.url.startswith("blog/") and fast.canonical_url


def test_material_itself_is_left_as_it_was(site) -> None:  # type: ignore[no-untyped-def]
    assert blog_structure.SafeLoader is yaml.SafeLoader
    assert type(blog_structure.Post(post_files(site)[0], site)) is blog_structure.Post


def test_installed_material_has_the_functions_we_run() -> None:
    """Fails after a Material upgrade that changed ``Post.__init__`` or ``BlogPlugin._resolve_post``."""
    assert not posts.sources_changed(), "Material's post reading changed; see therapy_site/material/posts.py"


def test_a_changed_material_is_left_to_read_posts_its_own_way(monkeypatch: pytest.MonkeyPatch) -> None:
    source = posts.material_sources()
    monkeypatch.setattr(posts, "material_sources", lambda: source.replace("SafeLoader", "FullLoader"))
    assert posts.sources_changed()

    class Blog:
        pass

    blog = Blog()
    assert posts.read_posts_with_libyaml(blog) is False and not hasattr(blog, "_resolve_post")
