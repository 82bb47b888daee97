"""``therapy-site build`` (and ``make build``) swap the new site in only when the strict build succeeds."""

from __future__ import annotations

import subprocess
from pathlib import Path

from helpers import copy_project, run_command

BAD_POST = "---\ntitle: Broken\n---\n\n<script>alert('corpus-xss-safe-build')</script>\n"


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return run_command(project, "therapy-site", "build")


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    good = build(project)
    assert good.returncode == 0, good.stdout + good.stderr
    site = project / "site"
    before = {path.relative_to(site): path.read_bytes() for path in site.rglob("*") if path.is_file()}
    assert Path("index.html") in before
    (project / "docs" / "blog" / "posts" / "broken.md").write_text(BAD_POST, encoding="utf-8")
    bad = build(project)
    assert bad.returncode != 0
    assert "Traceback" not in bad.stdout + bad.stderr
    assert "docs/blog/posts/broken.md:5:1: error:" in bad.stderr
    after = {path.relative_to(site): path.read_bytes() for path in site.rglob("*") if path.is_file()}
    assert after == before
    assert [path.name for path in project.iterdir() if path.name.startswith(".site")] == []


def test_make_build_and_the_deploy_workflow_use_the_safe_build() -> None:
    repo = Path(__file__).resolve().parents[2]
    makefile = (repo / "Makefile").read_text(encoding="utf-8")
    assert (
        "\t$(BIN)/therapy-site build" in makefile and "mkdocs build" not in makefile.split("build:")[1].split("\n\n")[0]
    )
    workflow = (repo / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    assert (
        "run: therapy-site build" in workflow
        and "mkdocs build" not in workflow.split("name: Build")[1].split("- uses")[0]
    )
