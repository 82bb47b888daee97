"""Build time and peak memory: our site vs vanilla Material on N synthetic posts, all ratios in one table.

    .venv/bin/python benchmarks/build_time.py                  # 10, 100 and 500 posts, best of 3
    .venv/bin/python benchmarks/build_time.py --quick          # 10 posts only
    .venv/bin/python benchmarks/build_time.py --sizes 10,100 --repeat 5

Each post has about 1,500 words, a hero picture of its own, takeaways, a booking
block and an FAQ; every fifth post has an infographic. For each size, in the same run and on the same
posts: vanilla Material (our plugins, overrides and CSS off; the blocks stay as
text), ours with the image cache emptied (cold) and ours with it full (warm),
interleaved ``--repeat`` times; the best wall time of each counts (a shared
machine only ever adds time). Peak memory is the largest resident size of the
``mkdocs`` process or of an image worker it started (the kernel reports the larger).
Goals: warm <= 1.10x and cold <= 1.5x vanilla, the ratio not growing with N,
peak memory <= 1.2x. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BuildRun, copy_site, make_vanilla, timed_build, write_posts

# infographics, social cards and hero images each log what they drew and what came from their cache.
RENDERED = re.compile(r"(?:infographics|social cards|hero images): (\d+) (?:images rendered|drawn), (\d+) from cache")
CACHE = ".cache/therapy-site"  # every image cache: infographics, social cards, images drawn from heroes


def parse_sizes(text: str) -> list[int]:
    return [int(size) for size in text.split(",") if size.strip()]


def checked(run: BuildRun, what: str) -> BuildRun:
    if run.returncode != 0:
        raise SystemExit(f"{what} failed:\n{run.output[-4000:]}")
    return run


def images(run: BuildRun) -> str:
    found = RENDERED.findall(run.output)
    if not found:
        return "-"
    return f"{sum(int(drawn) for drawn, _ in found)} drawn/{sum(int(cached) for _, cached in found)} cached"


def best(runs: list[BuildRun]) -> BuildRun:
    return min(runs, key=lambda run: run.seconds)


def bench(size: int, workdir: Path, repeat: int) -> dict[str, BuildRun]:
    vanilla = copy_site(workdir / f"vanilla-{size}", keep_posts=False)
    ours = copy_site(workdir / f"ours-{size}", keep_posts=False)
    make_vanilla(vanilla)
    write_posts(vanilla, size)
    write_posts(ours, size)
    runs: dict[str, list[BuildRun]] = {"vanilla": [], "cold": [], "warm": []}
    for attempt in range(repeat):
        runs["vanilla"].append(checked(timed_build(vanilla, strict=False), f"vanilla build of {size} posts"))
        shutil.rmtree(ours / CACHE, ignore_errors=True)
        runs["cold"].append(checked(timed_build(ours), f"our cold build of {size} posts"))
        runs["warm"].append(checked(timed_build(ours), f"our warm build of {size} posts"))
        print(
            f"  {size} posts, run {attempt + 1}/{repeat}: "
            + ", ".join(f"{kind} {run[-1].seconds:.1f} s" for kind, run in runs.items()),
            flush=True,
        )
    return {kind: best(found) for kind, found in runs.items()}


def table(results: dict[int, dict[str, BuildRun]]) -> None:
    print("\nBuild time, best of runs (s/post = wall seconds per post); ratios ours/vanilla")
    print(
        f"  {'posts':>5}{'vanilla s':>11}{'s/post':>8}{'warm s':>9}{'s/post':>8}{'cold s':>9}{'s/post':>8}"
        f"{'warm x':>8}{'cold x':>8}{'CPU warm x':>12}{'MiB van/warm/cold':>20}{'mem x':>7}  images cold | warm"
    )
    for size, runs in results.items():
        plain, warm, cold = runs["vanilla"], runs["warm"], runs["cold"]
        memory = f"{plain.peak_rss_mib:.0f}/{warm.peak_rss_mib:.0f}/{cold.peak_rss_mib:.0f}"
        peak = max(warm.peak_rss_mib, cold.peak_rss_mib) / plain.peak_rss_mib
        print(
            f"  {size:>5}{plain.seconds:>11.2f}{plain.seconds / size:>8.3f}"
            f"{warm.seconds:>9.2f}{warm.seconds / size:>8.3f}{cold.seconds:>9.2f}{cold.seconds / size:>8.3f}"
            f"{warm.seconds / plain.seconds:>8.2f}"
            f"{cold.seconds / plain.seconds:>8.2f}{warm.cpu_seconds / plain.cpu_seconds:>12.2f}{memory:>20}"
            f"{peak:>7.2f}  {images(cold)} | {images(warm)}"
        )
    print("  goals: warm <= 1.10x at every size (not growing with posts), cold <= 1.50x, memory <= 1.20x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=parse_sizes, default=[10, 100, 500], help="comma-separated post counts")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size and kind (best counts)")
    parser.add_argument("--quick", action="store_true", help="10 posts only, one run")
    arguments = parser.parse_args()
    sizes = [10] if arguments.quick else arguments.sizes
    repeat = 1 if arguments.quick else arguments.repeat
    results = {}
    with tempfile.TemporaryDirectory(prefix="therapy-bench-") as workdir:
        for size in sizes:
            results[size] = bench(size, Path(workdir), repeat)
    table(results)


if __name__ == "__main__":
    main()
