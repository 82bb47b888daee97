"""The feed's styled preview (rss.xsl) keeps its style under our own Content-Security-Policy (``_headers``)."""

from __future__ import annotations

import http.server
from collections.abc import Iterator
from typing import Any

import pytest

from helpers import Build, QuietHandler, serve


def policy_of(build: Build) -> str:
    """The Content-Security-Policy ``_headers`` gives every path (``/*``)."""
    lines = (build.site / "_headers").read_text(encoding="utf-8").splitlines()
    (policy,) = [line.split(":", 1)[1].strip() for line in lines if line.strip().startswith("Content-Security-Policy:")]
    return policy


@pytest.fixture(scope="module")
def strict_host(site_build: Build) -> Iterator[str]:
    """The built site served as a static host that reads ``_headers`` would serve it."""
    policy = policy_of(site_build)

    class WithPolicy(QuietHandler):
        def end_headers(self) -> None:
            self.send_header("Content-Security-Policy", policy)
            super().end_headers()

        def guess_type(self, path: Any) -> str:
            return "application/xml" if str(path).endswith((".xml", ".xsl")) else super().guess_type(path)

    handler: type[http.server.SimpleHTTPRequestHandler] = WithPolicy
    with serve(site_build.site, handler) as url:
        yield url


def test_the_preview_links_its_style_instead_of_writing_it_inline(site_build: Build) -> None:
    xsl = (site_build.site / "rss.xsl").read_text(encoding="utf-8")
    assert "<style>" not in xsl
    assert '<link rel="stylesheet" href="/assets/therapy-site/feed-preview.css"/>' in xsl
    css = (site_build.site / "assets/therapy-site/feed-preview.css").read_text(encoding="utf-8")
    assert "max-width: 900px" in css


def test_a_browser_shows_the_feed_styled_under_the_policy(strict_host: str, browser: Any) -> None:
    """Chromium adds a banner of its own (XSLT is being retired) with inline styles the policy blocks: not ours."""
    page = browser.new_page()
    page.goto(f"{strict_host}feed_rss_created.xml")
    page.wait_for_selector("body")
    max_width = page.evaluate("getComputedStyle(document.body).maxWidth")
    inline_styles = page.evaluate("document.querySelectorAll('style').length")
    page.close()
    assert max_width == "900px", "the preview's stylesheet applies"
    assert inline_styles == 0
