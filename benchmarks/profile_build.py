"""Where a warm build of our site spends its time: cProfile of ``mkdocs build`` on N synthetic posts.

    .venv/bin/python benchmarks/profile_build.py              # 300 posts
    .venv/bin/python benchmarks/profile_build.py --posts 100 --top 40
    .venv/bin/python benchmarks/profile_build.py --vanilla   # the same posts, vanilla Material

Builds once to fill the image cache, then profiles a second (warm) build in
this process and prints the top entries by own time and by cumulative time,
plus our own code (``therapy_site``) by cumulative time. The raw profile is
kept in .cache/profile/build.prof (``python -m pstats`` reads it).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, copy_site, make_vanilla, timed_build, write_posts


def profiled_build(project: Path, output: Path, *, strict: bool) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    previous = Path.cwd()
    os.chdir(project)
    try:
        config = load_config(str(project / "mkdocs.yml"), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        profiler = cProfile.Profile()
        profiler.enable()
        try:
            build(config)
        finally:
            profiler.disable()
            config.plugins.on_shutdown()
        profiler.dump_stats(output)
    finally:
        os.chdir(previous)


def top(stats_file: Path, sort: str, limit: int, pattern: str = "") -> str:
    buffer = io.StringIO()
    stats = pstats.Stats(str(stats_file), stream=buffer)
    stats.strip_dirs() if not pattern else None
    stats.sort_stats(sort).print_stats(pattern, limit) if pattern else stats.sort_stats(sort).print_stats(limit)
    text = buffer.getvalue()
    return text[text.find("   ncalls") :] if "   ncalls" in text else text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--vanilla", action="store_true", help="profile vanilla Material instead of our site")
    arguments = parser.parse_args()
    output = REPO / ".cache" / "profile" / ("vanilla.prof" if arguments.vanilla else "build.prof")
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="therapy-profile-") as workdir:
        project = copy_site(Path(workdir) / "ours", keep_posts=False)
        if arguments.vanilla:
            make_vanilla(project)
        write_posts(project, arguments.posts)
        first = timed_build(project, strict=not arguments.vanilla)
        if first.returncode != 0:
            raise SystemExit(f"the build failed:\n{first.output[-3000:]}")
        profiled_build(project, output, strict=not arguments.vanilla)
    site = "vanilla Material" if arguments.vanilla else "our site"
    print(f"Warm build of {arguments.posts} posts, {site}, profiled ({output})")
    print("\nBy own time:")
    print(top(output, "tottime", arguments.top))
    print("By cumulative time:")
    print(top(output, "cumulative", arguments.top))
    print("Our code (therapy_site) by cumulative time:")
    print(top(output, "cumulative", arguments.top, "therapy_site"))


if __name__ == "__main__":
    main()
