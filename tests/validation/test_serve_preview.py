"""``make serve`` (``therapy-site serve``) keeps previewing when a post has a mistake: the terminal names the file
and line, and the broken post is left out of the preview instead of being shown broken: its address shows the
findings instead (tests/theme/test_preview_server.py follows an edit and its fix)."""

from __future__ import annotations

import time
from pathlib import Path

from helpers import copy_project, fetch_page, free_port, make_post, start_preview

fetch = fetch_page


def test_serve_previews_the_site_and_leaves_a_broken_post_out(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    post = make_post("Intro.\n\n/// takeaway\n\n- One.\n\n///\n", slug="broken-preview", title="A broken preview")
    (project / "docs" / "blog" / "posts" / "broken-preview.md").write_text(post, encoding="utf-8")
    line = post.splitlines().index("/// takeaway") + 1
    port = free_port()
    server = start_preview(project, port)
    try:
        status, body = 0, ""
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and status != 200:
            try:
                status, body = fetch(f"http://127.0.0.1:{port}/")
            except OSError:
                time.sleep(0.5)
        assert status == 200 and "Stillwater Therapy" in body
        status, page = fetch(f"http://127.0.0.1:{port}/blog/broken-preview/")
        assert status == 200 and "ts-preview-findings" in page and "A broken preview" not in page
        assert f"docs/blog/posts/broken-preview.md:{line}:1" in page
        assert "broken-preview" not in fetch(f"http://127.0.0.1:{port}/blog/")[1]
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert f"docs/blog/posts/broken-preview.md:{line}:1: error: unknown block '/// takeaway'" in output
    assert "Traceback" not in output
