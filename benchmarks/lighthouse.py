"""Lighthouse (mobile preset) for home, blog index, a post and 404: our site next to vanilla Material.

    .venv/bin/python benchmarks/lighthouse.py [--runs 3] [--paths "" blog/ ...]

Installs npm ``lighthouse`` (pinned) into .cache/npm-lighthouse on first use,
builds the real site and the same site with our plugins, overrides and CSS
off (vanilla Material), serves both gzip-compressed like a static host and
runs Lighthouse against Debian's chromium (CHROME_PATH=/usr/bin/chromium),
alternating ours and vanilla, ``--runs`` times per page. Prints one table,
ours above vanilla for each page: the median performance score, FCP, LCP,
CLS, TBT, Speed Index, render-blocking estimate, unsized images and the other
categories. Goals: performance at least 98 and never below vanilla, CLS 0,
100 in the other categories. Printed, never asserted. Reports are kept in
.cache/lighthouse/ for reading.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, build_real_site, copy_site, make_vanilla, serve, timed_build

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


PAGES = ("", "blog/", "blog/role-of-trust-in-therapy/", "404.html")


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
    figures = {name: result["categories"][name]["score"] * 100 for name in CATEGORIES}
    audits = result["audits"]
    figures["fcp"] = audits["first-contentful-paint"]["numericValue"] / 1000
    figures["lcp"] = audits["largest-contentful-paint"]["numericValue"] / 1000
    figures["cls"] = audits["cumulative-layout-shift"]["numericValue"]
    figures["tbt"] = audits["total-blocking-time"]["numericValue"]
    figures["si"] = audits["speed-index"]["numericValue"] / 1000
    # Lighthouse's render-blocking estimate (absent when it finds nothing to report): -1 prints as "-".
    blocking = audits.get("render-blocking-resources", {}).get("details") or {}
    figures["blocking"] = float(blocking["overallSavingsMs"]) if "overallSavingsMs" in blocking else -1.0
    figures["unsized"] = float(len((audits.get("unsized-images", {}).get("details") or {}).get("items", [])))
    return figures


def failed_audits(report: Path) -> list[str]:
    result = json.loads(report.read_text(encoding="utf-8"))
    failing = []
    for name in CATEGORIES:
        for ref in result["categories"][name]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{name}: {ref['id']} ({audit['score']:.2f}) {audit.get('displayValue', '')}".strip())
    return failing


def build_vanilla(workdir: Path) -> Path:
    project = copy_site(workdir / "vanilla")
    make_vanilla(project)
    run = timed_build(project, strict=False)
    if run.returncode != 0:
        raise SystemExit(f"vanilla Material did not build:\n{run.output[-3000:]}")
    return project / "site"


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def blocking(runs: list[dict[str, float]]) -> str:
    value = median(runs, "blocking")
    return "-" if value < 0 else f"{value:.0f}"


def row(path: str, site: str, runs: list[dict[str, float]]) -> str:
    """One line of the table: the medians of one page on one site."""
    others = "/".join(f"{median(runs, name):.0f}" for name in CATEGORIES[1:])
    each = ",".join(f"{run['performance']:.0f}" for run in runs)
    return (
        f"  {'/' + path:<34}{site:<9}{median(runs, 'performance'):>5.0f}{median(runs, 'fcp'):>7.2f}"
        f"{median(runs, 'lcp'):>7.2f}{median(runs, 'cls'):>7.3f}{median(runs, 'tbt'):>8.0f}"
        f"{median(runs, 'si'):>6.2f}{blocking(runs):>13}{median(runs, 'unsized'):>13.0f}  {others:<12}{each}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--paths", nargs="+", default=list(PAGES), help="URL paths")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and site (median)")
    arguments = parser.parse_args()
    ensure_lighthouse()
    REPORTS.mkdir(parents=True, exist_ok=True)
    results: dict[tuple[str, str], list[dict[str, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="therapy-lighthouse-") as workdir:
        sites = {"ours": build_real_site(Path(workdir)), "vanilla": build_vanilla(Path(workdir))}
        with serve(sites["ours"]) as ours, serve(sites["vanilla"]) as vanilla:
            bases = {"ours": ours, "vanilla": vanilla}
            for path in arguments.paths:
                for run in range(arguments.runs):
                    for site, base in bases.items():
                        name = f"{site}-{path.strip('/').replace('/', '_') or 'home'}-{run}.json"
                        results.setdefault((path, site), []).append(run_lighthouse(base + path, REPORTS / name))
    print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile preset, median of {arguments.runs} runs, ours vs vanilla Material")
    header = (
        f"  {'page':<34}{'site':<9}{'perf':>5}{'FCP s':>7}{'LCP s':>7}{'CLS':>7}{'TBT ms':>8}{'SI s':>6}"
        f"{'blocking ms':>13}{'unsized img':>13}  {'a11y/bp/seo':<12}perf of each run"
    )
    print(header)
    for path in arguments.paths:
        for site in ("ours", "vanilla"):
            print(row(path, site, results[(path, site)]))
        ours, vanilla = (median(results[(path, site)], "performance") for site in ("ours", "vanilla"))
        if ours < vanilla:
            print(f"      ours below vanilla: performance {ours:.0f} < {vanilla:.0f}")
        last = REPORTS / f"ours-{path.strip('/').replace('/', '_') or 'home'}-{arguments.runs - 1}.json"
        for line in failed_audits(last):
            print(f"      ours below 100: {line}")
    print("  goals: performance >= 98 and >= vanilla, CLS 0, 100 in accessibility, best practices and SEO")


if __name__ == "__main__":
    main()
