"""Write the visual review set: every page type at phone and desktop width, light and dark, plus print.

    .venv/bin/python tools/screenshot.py                  # builds the site, writes test-artifacts/screenshots/
    .venv/bin/python tools/screenshot.py --out /tmp/shots --viewport-only

Builds the real site (and a copy paginated at two posts, for the blog's page 2) into a
temporary folder with ``mkdocs build --strict``, serves it on 127.0.0.1 and drives
Debian's chromium through Playwright (never a downloaded browser). Writes one PNG per
page type x phone/desktop x light/dark (full page height unless ``--viewport-only``),
the trust post printed to PDF (``print-trust-post.pdf``) and that PDF's first page as
PNG (``print-trust-post-page1.png``, via poppler's ``pdftoppm``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from helpers import copy_project, launch_chromium, paged_copy, run_build, serve  # noqa: E402

VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}
SCHEMES = ("light", "dark")
# Page type -> URL path; "paged:" paths come from the copy paginated at two posts per page.
PAGE_TYPES = {
    "home": "",
    "blog": "blog/",
    "blog-page-2": "paged:blog/page/2/",
    "category": "blog/category/anxiety/",
    "archive": "blog/archive/2025/",
    "trust-post": "blog/role-of-trust-in-therapy/",
    "post": "blog/calming-anxious-mornings/",
    "about": "about/",
    "services": "services/",
    "book": "book/",
    "privacy": "privacy/",
    "urgent-help": "urgent-help/",
    "404": "404.html",
}
PRINT_PAGE = "blog/role-of-trust-in-therapy/"


def build_sites(workdir: Path) -> tuple[Path, Path]:
    """The real site and its two-posts-per-page copy, built strictly."""
    real = run_build(copy_project(workdir / "real"))
    paged = run_build(paged_copy(workdir / "paged"))
    for build in (real, paged):
        if build.returncode != 0:
            sys.exit(f"mkdocs build failed in {build.project}:\n{build.output}")
    return real.site, paged.site


def shoot(browser: object, bases: dict[str, str], out: Path, *, full_page: bool) -> None:
    for scheme in SCHEMES:
        for device, (width, height) in VIEWPORTS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
            page = context.new_page()
            for name, path in PAGE_TYPES.items():
                site, _, url_path = path.rpartition(":")
                page.goto(bases[site or "real"] + url_path, wait_until="networkidle")
                target = out / f"{name}-{device}-{scheme}.png"
                page.screenshot(path=str(target), full_page=full_page, animations="disabled")
                print(target)
            context.close()


def print_pdf(browser: object, base: str, out: Path) -> None:
    """The trust post as the browser's "Save as PDF" makes it, and its first page as PNG."""
    page = browser.new_page()
    page.goto(base + PRINT_PAGE, wait_until="networkidle")
    page.emulate_media(media="print")
    pdf = out / "print-trust-post.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    page.close()
    print(pdf)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (Debian package poppler-utils): no PNG of the PDF", file=sys.stderr)
        return
    stem = out / "print-trust-post-page1"
    first_page = ["-f", "1", "-l", "1", "-singlefile"]
    subprocess.run(["pdftoppm", "-png", "-r", "80", *first_page, str(pdf), str(stem)], check=True)
    print(f"{stem}.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "test-artifacts" / "screenshots")
    parser.add_argument("--viewport-only", action="store_true", help="capture the first screen, not the full page")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as workdir:
        real, paged = build_sites(Path(workdir))
        with serve(real) as real_base, serve(paged) as paged_base, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            bases = {"real": real_base, "paged": paged_base}
            shoot(browser, bases, args.out, full_page=not args.viewport_only)
            print_pdf(browser, real_base, args.out)
            browser.close()


if __name__ == "__main__":
    main()
