"""The policy trusts the theme's scripts only: even a script that reaches a page (validation switched off)
is not hashed, so the browser refuses to run it."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import copy_project, feature_options, load_config, make_post, run_build, write_config
from therapy_site.security.csp import inline_script_hashes, sha256_source

PAYLOAD = "alert('corpus-csp')"


def test_an_authors_script_is_never_in_the_policy(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = load_config(project)
    config["strict"] = False
    feature_options(config, "validation")["enabled"] = False
    write_config(project, config)
    post = make_post(f"Intro.\n\n<script>{PAYLOAD}</script>\n", slug="csp-post", title="A post with a script")
    (project / "docs" / "blog" / "posts" / "csp-post.md").write_text(post, encoding="utf-8")
    build = run_build(project, strict=False)
    assert build.returncode == 0, build.output
    author = sha256_source(PAYLOAD)
    pages = [build.page("blog/csp-post/"), *(build.site / "blog").glob("page/*/index.html"), build.page("blog/")]
    shown = [page for page in pages if f"<script>{PAYLOAD}</script>" in page.read_text(encoding="utf-8")]
    assert build.page("blog/csp-post/") in shown  # the script did reach the page (and a listing's excerpt)...
    for page in shown:
        text = page.read_text(encoding="utf-8")
        policy = re.search(r'Content-Security-Policy" content="([^"]*)"', text).group(1)
        assert author not in policy  # ...but the policy does not let it run
        assert inline_script_hashes(text) - {author} <= set(re.findall(r"'sha256-[^']+'", policy))
    headers = (build.site / "_headers").read_text(encoding="utf-8")
    assert author not in headers
