"""Lighthouse category scores (mobile preset) for the home page and a post.

    .venv/bin/python benchmarks/lighthouse.py [--paths "" blog/role-of-trust-in-therapy/]

Installs npm ``lighthouse`` (pinned) into .cache/npm-lighthouse on first use,
builds the real site, serves it locally and runs Lighthouse against Debian's
chromium (CHROME_PATH=/usr/bin/chromium). Goal: 100 in all four categories.
Printed, never asserted. Reports are kept in .cache/lighthouse/ for reading.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, build_real_site, serve

LIGHTHOUSE_VERSION = "12.2.3"  # 13 needs Node 22; Debian 12 has Node 18/20
PREFIX = REPO / ".cache" / "npm-lighthouse"
CLI = PREFIX / "node_modules" / "lighthouse" / "cli" / "index.js"
REPORTS = REPO / ".cache" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"


def ensure_lighthouse() -> None:
    installed = PREFIX / "node_modules" / "lighthouse" / "package.json"
    if installed.is_file() and json.loads(installed.read_text())["version"] == LIGHTHOUSE_VERSION:
        return
    npm = shutil.which("npm")
    if not npm:
        raise SystemExit("Lighthouse needs npm: apt-get install npm")
    PREFIX.mkdir(parents=True, exist_ok=True)
    command = [npm, "install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", str(PREFIX)]
    subprocess.run([*command, f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)


def run_lighthouse(url: str, report: Path) -> dict[str, float]:
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    command = [
        "node",
        str(CLI),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    subprocess.run(command, check=True, env=env)
    result = json.loads(report.read_text(encoding="utf-8"))
    return {name: result["categories"][name]["score"] for name in CATEGORIES}


def failed_audits(report: Path) -> list[str]:
    result = json.loads(report.read_text(encoding="utf-8"))
    failing = []
    for name in CATEGORIES:
        for ref in result["categories"][name]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{name}: {ref['id']} ({audit['score']:.2f}) {audit.get('displayValue', '')}".strip())
    return failing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--paths", nargs="+", default=["", "blog/role-of-trust-in-therapy/"], help="URL paths")
    arguments = parser.parse_args()
    ensure_lighthouse()
    REPORTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="therapy-lighthouse-") as workdir:
        site = build_real_site(Path(workdir))
        with serve(site) as base:
            print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile preset")
            print(f"  {'page':<36}" + "".join(f"{name:>16}" for name in CATEGORIES))
            for path in arguments.paths:
                report = REPORTS / f"{path.strip('/').replace('/', '_') or 'home'}.json"
                scores = run_lighthouse(base + path, report)
                print(f"  {'/' + path:<36}" + "".join(f"{round(scores[name] * 100):>16}" for name in CATEGORIES))
                for line in failed_audits(report):
                    print(f"      below 100: {line}")
    print("  goal: 100 in every category")


if __name__ == "__main__":
    main()
