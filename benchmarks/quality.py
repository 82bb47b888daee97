"""Quality against vanilla Material: Nu Html Checker errors, axe violations, third-party requests.

    .venv/bin/python benchmarks/quality.py

Builds the real content twice: vanilla Material for MkDocs (our plugins,
overrides and CSS off, Material's default fonts) and ours. Counts vnu errors
over every HTML page, axe violations (WCAG 2.2 A/AA + best practices) on the
trust post in both palettes, and requests to other origins. The test suite
asserts zero for ours; this prints both side by side. Needs vnu.jar from
``bash tools/ensure-test-tools.sh``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, copy_site, load_config, make_vanilla, serve, timed_build, write_config

VNU_JAR = REPO / ".cache" / "npm" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
POST = "blog/role-of-trust-in-therapy/"


def vnu_errors(site: Path) -> tuple[int, int]:
    if not VNU_JAR.is_file() or not shutil.which("java"):
        raise SystemExit("run `bash tools/ensure-test-tools.sh` first (Java and vnu.jar)")
    command = ["java", "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return len(messages), len(list(site.rglob("*.html")))


def browser_figures(site: Path) -> dict[str, object]:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    figures: dict[str, object] = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for scheme in ("light", "dark"):
            page = browser.new_page(color_scheme=scheme)
            requests: list[str] = []
            page.on("request", lambda request, sink=requests: sink.append(request.url))
            page.goto(base + POST, wait_until="load")
            page.wait_for_timeout(1000)
            results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            violations = results.response["violations"]
            figures[f"axe {scheme}"] = ", ".join(f"{v['id']} ({len(v['nodes'])})" for v in violations) or "none"
            own = urlsplit(base)[:2]
            figures[f"other-origin requests {scheme}"] = sum(
                1 for url in requests if urlsplit(url)[:2] != own and not url.startswith("data:")
            )
            page.close()
        browser.close()
    return figures


def build(project: Path) -> Path:
    run = timed_build(project, strict=False)
    if run.returncode != 0:
        raise SystemExit(f"build failed:\n{run.output[-3000:]}")
    return project / "site"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="therapy-quality-") as workdir:
        vanilla = copy_site(Path(workdir) / "vanilla")
        make_vanilla(vanilla)
        config = load_config(vanilla)
        config["theme"].pop("font", None)  # Material's default: Roboto from Google Fonts
        write_config(vanilla, config)
        ours = copy_site(Path(workdir) / "ours")
        for label, project in (("vanilla Material", vanilla), ("ours", ours)):
            site = build(project)
            errors, pages = vnu_errors(site)
            print(f"{label}")
            print(f"  Nu Html Checker: {errors} errors over {pages} pages")
            for name, value in browser_figures(site).items():
                print(f"  {name} (/{POST}): {value}")


if __name__ == "__main__":
    main()
