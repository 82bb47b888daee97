"""Build time and peak memory: vanilla Material vs our plugins, on N synthetic posts.

    .venv/bin/python benchmarks/build_time.py            # 10, 100 and 500 posts
    .venv/bin/python benchmarks/build_time.py --quick    # 10 posts only
    .venv/bin/python benchmarks/build_time.py --sizes 50,200

Each post has about 1,500 words, takeaways, a booking block and an FAQ; every
fifth post has an infographic. Both builds of a size run in one go, on the
same posts (vanilla: our plugins, overrides and CSS off; the blocks stay as
text). Then ours is rebuilt with its image cache warm: images rendered should
be 0. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BuildRun, copy_site, make_vanilla, timed_build, write_posts

RENDERED = re.compile(r"infographics: (\d+) images rendered, (\d+) from cache")


def parse_sizes(text: str) -> list[int]:
    return [int(size) for size in text.split(",") if size.strip()]


def checked(run: BuildRun, what: str) -> BuildRun:
    if run.returncode != 0:
        raise SystemExit(f"{what} failed:\n{run.output[-4000:]}")
    return run


def images(run: BuildRun) -> str:
    match = RENDERED.search(run.output)
    return f"{match.group(1)} rendered, {match.group(2)} from cache" if match else "no infographics report"


def bench(size: int, workdir: Path) -> None:
    vanilla = copy_site(workdir / f"vanilla-{size}", keep_posts=False)
    ours = copy_site(workdir / f"ours-{size}", keep_posts=False)
    make_vanilla(vanilla)
    write_posts(vanilla, size)
    write_posts(ours, size)
    plain = checked(timed_build(vanilla, strict=False), f"vanilla build of {size} posts")
    cold = checked(timed_build(ours), f"our build of {size} posts")
    warm = checked(timed_build(ours), f"our warm rebuild of {size} posts")
    print(f"\n{size} posts")
    print(f"  {'build':<22}{'seconds':>9}{'s/post':>9}{'CPU s':>9}{'peak MiB':>10}")
    for label, run in (("vanilla Material", plain), ("ours (cold cache)", cold), ("ours (warm rebuild)", warm)):
        figures = f"{run.seconds:>9.2f}{run.seconds / size:>9.3f}{run.cpu_seconds:>9.2f}{run.peak_rss_mib:>10.0f}"
        print(f"  {label:<22}{figures}")
    wall = f"cold {cold.seconds / plain.seconds:.2f}x, warm {warm.seconds / plain.seconds:.2f}x"
    cpu = f"cold {cold.cpu_seconds / plain.cpu_seconds:.2f}x, warm {warm.cpu_seconds / plain.cpu_seconds:.2f}x"
    print(f"  ratio ours/vanilla: wall {wall}; CPU {cpu}")
    print(f"  images, cold build: {images(cold)}")
    print(f"  images, warm rebuild: {images(warm)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=parse_sizes, default=[10, 100, 500], help="comma-separated post counts")
    parser.add_argument("--quick", action="store_true", help="10 posts only")
    arguments = parser.parse_args()
    sizes = [10] if arguments.quick else arguments.sizes
    with tempfile.TemporaryDirectory(prefix="therapy-bench-") as workdir:
        for size in sizes:
            bench(size, Path(workdir))


if __name__ == "__main__":
    main()
