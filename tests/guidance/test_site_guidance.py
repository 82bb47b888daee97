"""The guidance on real sites: the repository's own pages, a check with the network blocked, the preview's panel."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from guidance_corpus import CASES, post_text

from helpers import copy_project, fetch_page, free_port, make_post, run_build, start_preview, wait_for_page
from therapy_site.cli import main

THERAPY_SITE = str(Path(sys.executable).with_name("therapy-site"))
PANEL = 'class="therapy-guidance'


def check_json(
    project: Path, command_prefix: list[str] | None = None, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(
        [*(command_prefix or []), THERAPY_SITE, "check", "--format", "json"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_the_repositorys_own_pages_need_no_safe_messaging_or_stigma_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(copy_project(tmp_path / "project"))
    result = CliRunner().invoke(main, ["check", "--guidance", "--format", "json"], catch_exceptions=False)
    guidance = json.loads(result.stdout)["guidance"]
    assert not [item for item in guidance if item["group"] in ("safe-messaging", "stigma")], guidance
    table = CliRunner().invoke(main, ["check", "--guidance"], catch_exceptions=False).stderr
    rows = [line for line in table.splitlines() if re.match(r"(post|docs/blog/posts/\S+\.md)\s", line)]
    assert len(rows) == 1 + len(list(Path("docs/blog/posts").glob("*.md")))
    with capsys.disabled():
        print("\nReading figures of the repository's posts:\n" + "\n".join(rows))


def _network_blocker(tmp_path: Path) -> tuple[list[str], dict[str, str]]:
    """A command prefix (and environment) that runs a command with no network: a new network namespace
    (``unshare -n``, as root); where that is not possible, a ``sitecustomize`` that refuses every socket."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True, check=False).returncode == 0:
        devices = subprocess.run([unshare, "-n", "cat", "/proc/net/dev"], capture_output=True, text=True, check=True)
        interfaces = [line.split(":")[0].strip() for line in devices.stdout.splitlines()[2:]]
        assert interfaces == ["lo"]  # nothing but a loopback: no way out
        return [unshare, "-n"], {}
    blocker = tmp_path / "no-network"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(
        "import socket\n"
        "def _refuse(*args, **kwargs):\n    raise OSError('network blocked by the test')\n"
        "socket.socket.connect = _refuse\nsocket.create_connection = _refuse\nsocket.getaddrinfo = _refuse\n",
        encoding="utf-8",
    )
    paths = [str(blocker), *filter(None, [os.environ.get("PYTHONPATH")])]
    return [], {"PYTHONPATH": os.pathsep.join(paths)}


def test_check_with_the_network_blocked_gives_the_same_guidance(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    posts = project / "docs" / "blog" / "posts"
    for case in CASES:
        if case.expect:
            (posts / f"corpus-{case.name}.md").write_text(post_text(case), encoding="utf-8")
    shutil.rmtree(project / ".cache", ignore_errors=True)
    online = check_json(project)
    prefix, env = _network_blocker(tmp_path)
    offline = check_json(project, prefix, env)
    assert offline.returncode == online.returncode, offline.stderr
    assert "Traceback" not in offline.stderr
    document, blocked = json.loads(online.stdout), json.loads(offline.stdout)
    assert blocked == document
    rules = {item["rule"] for item in blocked["guidance"]}
    assert {"suicide-commit", "stigma-label", "reading-grade", "search-keyphrase", "trust-review-age"} <= rules


def test_the_panel_shows_in_the_preview_and_never_in_a_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    body = "Intro for the preview.\n\nMornings are crazy busy for many of us.\n"
    text = make_post(body, slug="panel-post", title="Panel post")
    (project / "docs" / "blog" / "posts" / "panel-post.md").write_text(text, encoding="utf-8")
    line = text.splitlines().index("Mornings are crazy busy for many of us.") + 1

    build = run_build(project)
    assert build.returncode == 0, build.output
    pages = list(build.site.rglob("*.html"))
    assert len(pages) > 10
    assert not [page for page in pages if PANEL in page.read_text(encoding="utf-8")]
    assert "Mornings are crazy busy" in build.text("blog/panel-post/")

    port = free_port()
    server = start_preview(project, port)
    try:
        status, page = wait_for_page(f"http://127.0.0.1:{port}/blog/panel-post/")
        assert status == 200
        _, other = fetch_page(f"http://127.0.0.1:{port}/blog/first-therapy-session/")
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert page.count(PANEL) == 1 and other.count(PANEL) == 1
    panel = page[page.index(PANEL) : page.index("</aside>", page.index(PANEL))]
    source = (project / "docs/blog/posts/panel-post.md").resolve().as_posix()
    assert f'href="vscode://file{source}:{line}:14">line {line}</a>' in panel
    assert "stigma-casual" in panel and "Reading grade (SMOG)" in panel
