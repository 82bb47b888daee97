"""Bytes a post page loads, by kind, raw and gzip-compressed, as a browser fetches them.

    .venv/bin/python benchmarks/page_weight.py [--path blog/role-of-trust-in-therapy/]

Builds the real site, serves it locally and loads the page in Debian's
chromium (Playwright), waiting for the network to go quiet (Material fetches
its search index at load). Content images are those inside the article.
Goal: at most 150 KB compressed before content images. Printed, never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import build_real_site, serve

KINDS = {"document": "HTML", "stylesheet": "CSS", "script": "JS", "font": "fonts", "image": "images"}
ORDER = ("HTML", "CSS", "JS", "fonts", "images", "content images", "other (search index, data)")


def content_image_urls(page) -> set[str]:
    return set(page.eval_on_selector_all(".md-content img", "images => images.map(image => image.currentSrc)"))


def measure(url: str) -> dict[str, list[tuple[str, int, int]]]:
    from playwright.sync_api import sync_playwright

    loaded: list[tuple[str, str, bytes]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=3)
        page.on("response", lambda response: loaded.append((response.request.resource_type, response.url, response)))
        page.goto(url, wait_until="networkidle")
        # Scroll through the page so lazy images load, as a reader's would.
        height = page.evaluate("() => document.body.scrollHeight")
        for top in range(0, height, 600):
            page.evaluate(f"() => window.scrollTo(0, {top})")
            page.wait_for_timeout(50)
        page.wait_for_load_state("networkidle")
        content_images = content_image_urls(page)
        by_kind: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        for resource_type, response_url, response in loaded:
            body = response.body() if response.status < 300 else b""
            kind = KINDS.get(resource_type, "other (search index, data)")
            if kind == "images" and response_url in content_images:
                kind = "content images"
            by_kind[kind].append((urlsplit(response_url).path, len(body), len(gzip.compress(body, 6))))
        browser.close()
    return by_kind


def kb(size: int) -> str:
    return f"{size / 1000:,.1f} KB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--path", default="blog/role-of-trust-in-therapy/", help="URL path of the page to weigh")
    parser.add_argument("--files", action="store_true", help="list every file")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="therapy-weight-") as workdir:
        site = build_real_site(Path(workdir))
        with serve(site) as base:
            by_kind = measure(base + arguments.path)
    print(f"Page weight of /{arguments.path} (phone viewport, 3x images)")
    print(f"  {'kind':<28}{'files':>6}{'raw':>13}{'gzip':>13}")
    totals = {"raw": 0, "gzip": 0}
    before_content = {"raw": 0, "gzip": 0}
    for kind in ORDER:
        files = by_kind.get(kind, [])
        raw, packed = sum(f[1] for f in files), sum(f[2] for f in files)
        print(f"  {kind:<28}{len(files):>6}{kb(raw):>13}{kb(packed):>13}")
        if arguments.files:
            for path, file_raw, file_packed in files:
                print(f"      {path:<54}{kb(file_raw):>13}{kb(file_packed):>13}")
        totals["raw"] += raw
        totals["gzip"] += packed
        if kind != "content images":
            before_content["raw"] += raw
            before_content["gzip"] += packed
    print(f"  {'total':<28}{'':>6}{kb(totals['raw']):>13}{kb(totals['gzip']):>13}")
    print(f"  {'before content images':<28}{'':>6}{kb(before_content['raw']):>13}{kb(before_content['gzip']):>13}")
    print("  goal: at most 150 KB gzip before content images")


if __name__ == "__main__":
    main()
