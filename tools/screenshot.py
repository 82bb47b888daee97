"""Take screenshots of built pages in light and dark, phone and desktop width.

    .venv/bin/python tools/screenshot.py site blog/role-of-trust-in-therapy/ [more paths] --out test-artifacts

Serves the built site on 127.0.0.1 and drives Debian's chromium through
Playwright (never a downloaded browser).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--out", type=Path, default=Path("test-artifacts"))
    parser.add_argument("--full", action="store_true", help="capture the full page height")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for scheme in ("light", "dark"):
            for name, (width, height) in VIEWPORTS.items():
                page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
                for path in args.paths:
                    page.goto(base + path.lstrip("/"))
                    slug = path.strip("/").replace("/", "_") or "home"
                    target = args.out / f"{slug}-{scheme}-{name}.png"
                    page.screenshot(path=str(target), full_page=args.full)
                    print(target)
                page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
