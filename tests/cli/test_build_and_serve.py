"""``therapy-site build`` never leaves a failed build where a deploy would pick it up; ``serve`` previews."""

from __future__ import annotations

import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import THERAPY_SITE, copy_project, free_port, make_post, start_preview


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(project)}  # no NO_MKDOCS_2_WARNING: the command sets it
    return subprocess.run([THERAPY_SITE, *args], cwd=project, capture_output=True, text=True, env=env, check=False)


def test_a_successful_build_replaces_the_site_folder(project: Path) -> None:
    (project / "site").mkdir()
    (project / "site" / "stale.html").write_text("old", encoding="utf-8")
    result = run(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "site" / "index.html").is_file()
    assert not (project / "site" / "stale.html").exists()
    assert sorted(path.name for path in project.iterdir() if path.name.startswith(".site")) == []
    assert "end of life" not in result.stdout + result.stderr  # Material's banner is off


def test_a_failed_build_leaves_the_previous_site_untouched(project: Path) -> None:
    assert run(project, "build").returncode == 0
    published = (project / "site" / "index.html").read_bytes()
    # A warning (a link to a page that does not exist) fails the strict build.
    post = make_post("Read [this](missing-page.md).\n", slug="broken-link")
    (project / "docs/blog/posts/broken-link.md").write_text(post, encoding="utf-8")
    result = run(project, "build")
    assert result.returncode != 0
    assert "missing-page.md" in result.stdout + result.stderr
    assert "left as it was" in result.stderr
    assert (project / "site" / "index.html").read_bytes() == published
    assert not (project / "site" / "blog" / "broken-link").exists()
    assert [path.name for path in project.iterdir() if path.name.startswith(".site")] == []


def test_serve_previews_on_the_port_asked_for_and_says_where(project: Path) -> None:
    port = free_port()
    server = start_preview(project, port)
    try:
        first_line = server.stdout.readline() if server.stdout else ""
        assert f"http://127.0.0.1:{port}/" in first_line
        body = ""
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not body:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    body = response.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        assert "Stillwater Therapy" in body
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "end of life" not in output
