"""The dirty preview on the real site: an edit reaches every page that shows it, and only those are rebuilt.

Runs MkDocs' own build as ``mkdocs serve --dirty`` does (plugins that take part
in ``on_startup`` live across rebuilds) in a child process, on the site plus a
few posts of one category.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from helpers import copy_project, make_post

SCRIPT = textwrap.dedent(
    """
    import json, os, re, sys, time
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project, site = Path(sys.argv[1]), Path(sys.argv[2])
    post = project / "docs/blog/posts/preview-3.md"

    def rebuild():
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        config.site_url = "http://127.0.0.1:8000/"
        build(config, serve_url="http://127.0.0.1:8000/", dirty=True)

    def stamps():
        # 404.html comes from a theme template, which MkDocs renders on every build.
        pages = [path for path in site.rglob("*.html") if path.name != "404.html" or path.parent != site]
        return {str(path.relative_to(site)): path.stat().st_mtime_ns for path in pages}

    first = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    first.plugins.on_startup(command="serve", dirty=True)
    rebuild()
    results = {}
    for name, old, new in (
        ("body", "Body of post 3.", "Body of post 3, edited."),
        ("excerpt", "Excerpt of post 3.", "Excerpt of post 3, edited."),
        ("title", "title: Preview post 3", "title: Preview post 3 renamed"),
    ):
        before = stamps()
        time.sleep(0.05)
        post.write_text(post.read_text().replace(old, new))
        rebuild()
        after = stamps()
        results[name] = sorted(path for path in after if after[path] != before.get(path))
    print(json.dumps(results))
    """
)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    posts = project / "docs" / "blog" / "posts"
    for number in range(1, 5):
        markdown = make_post(
            title=f"Preview post {number}",
            date=f"2030-01-0{number}",
            slug=f"preview-post-{number}",
            body=f"Excerpt of post {number}.\n\n<!-- more -->\n\nBody of post {number}.",
        )
        (posts / f"preview-{number}.md").write_text(markdown, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(project), str(project / "site")],
        capture_output=True, text=True, env=env, check=False, cwd=project,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_body_edit_rebuilds_only_the_post(rebuilt: dict[str, list[str]]) -> None:
    assert rebuilt["body"] == ["blog/preview-post-3/index.html"]


def test_an_excerpt_edit_reaches_the_listings(rebuilt: dict[str, list[str]]) -> None:
    assert "blog/index.html" in rebuilt["excerpt"], rebuilt["excerpt"]
    assert any("category/" in path for path in rebuilt["excerpt"]), rebuilt["excerpt"]
    assert "about/index.html" not in rebuilt["excerpt"]


def test_a_title_edit_reaches_related_and_neighbour_posts(rebuilt: dict[str, list[str]]) -> None:
    assert any(path.startswith("blog/preview-post-") and "post-3" not in path for path in rebuilt["title"])
    assert "index.html" in rebuilt["title"]  # the home page lists the latest posts
