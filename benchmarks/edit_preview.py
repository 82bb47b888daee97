"""Edit → preview: how long after saving a post the preview server shows the change.

    .venv/bin/python benchmarks/edit_preview.py                 # 100 and 500 posts, 3 edits each
    .venv/bin/python benchmarks/edit_preview.py --sizes 100 --edits 1

For each size, two copies of the site with the same synthetic posts: ours runs
``make serve`` (what the practitioner runs), vanilla Material runs
``mkdocs serve --livereload``. We time the first build (until the newest post
answers), then, per round, save two edits to the newest post and time from
each save: a sentence in its body (only the post changes) until the served
post shows it; then a new title and excerpt until the post shows them, and
until every page that shows the post does too: the blog index and its
category page (excerpts) and, for ours, the posts whose footer shows its title:
its older neighbour and the related posts that list it back. Median of the rounds;
printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import CATEGORIES, MKDOCS, REPO, copy_site, load_config, make_vanilla, write_config, write_posts

NEWEST = 0  # benchmark-0000 is rewritten below to be the newest post
TIMEOUT = 600.0


@dataclass
class Edit:
    body: float  # seconds until the post shows an edit of its body
    post: float  # seconds until the post shows a new title and excerpt
    everywhere: float | None  # ... and every page that shows the post does (None: some never did)
    stale: list[str]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(url: str, needle: str | None, deadline: float) -> float | None:
    """Poll ``url`` until it answers (and contains ``needle``); the time it took, or ``None`` past the deadline."""
    start = time.perf_counter()
    while time.perf_counter() < deadline:
        body = fetch(url)
        if body is not None and (needle is None or needle in body):
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def newest_post(project: Path) -> Path:
    """Make benchmark-0000 the newest post (so it leads the blog index and its category) and return it."""
    post = project / "docs" / "blog" / "posts" / "benchmark-0000.md"
    text = re.sub(r"(?m)^  created: .*$", "  created: 2026-01-31", post.read_text(encoding="utf-8"), count=1)
    post.write_text(text, encoding="utf-8")
    return post


def prepare(workdir: Path, size: int, *, vanilla: bool) -> Path:
    project = copy_site(workdir / ("vanilla" if vanilla else "ours"), keep_posts=False)
    if vanilla:
        make_vanilla(project)
        config = load_config(project)
        config["strict"] = False  # our blocks stay as text and warn in vanilla
        write_config(project, config)
    else:  # `make serve` runs in the project: give it the Makefile and reuse this checkout's environment
        shutil.copy2(REPO / "Makefile", project / "Makefile")
        shutil.copy2(REPO / "pyproject.toml", project / "pyproject.toml")
    write_posts(project, size)
    newest_post(project)
    return project


def start_server(project: Path, port: int, *, vanilla: bool, log: Path) -> subprocess.Popen:
    if vanilla:
        command = [MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"]
    else:
        venv = REPO / ".venv"
        # -o: the checkout's environment is installed already; never reinstall it from the copy.
        command = ["make", "--no-print-directory", "-o", f"{venv}/.installed", "serve", f"VENV={venv}", f"PORT={port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as output:
        return subprocess.Popen(
            command, cwd=project, stdout=output, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def pages_showing_the_post(base: str, post_url: str, *, vanilla: bool) -> list[str]:
    """Listing pages (blog index, the post's category) and, for ours, the posts whose footer shows the newest
    post's title: its older neighbour ("Newer article") and those of its related posts that list it back."""
    category = CATEGORIES[NEWEST % len(CATEGORIES)].lower().replace(" ", "-")
    pages = [base + "blog/", base + f"blog/category/{category}/"]
    if vanilla:
        return pages
    html = fetch(base + post_url) or ""
    older = re.search(r'class="ts-post-nav__prev"[\s\S]*?href="([^"]+)"', html)
    if older:
        pages.append(urllib.request.urljoin(base + post_url, older.group(1)))
    related = re.search(r'class="ts-related"([\s\S]*?)</section>', html)
    for href in re.findall(r'href="([^"]+)"', related.group(1) if related else ""):
        url = urllib.request.urljoin(base + post_url, href)
        footer = re.search(r'class="ts-related"([\s\S]*?)</section>', fetch(url) or "")
        backlinks = re.findall(r'href="([^"]+)"', footer.group(1)) if footer else []
        listed = any(urllib.request.urljoin(url, back) == base + post_url for back in backlinks)
        if listed and url not in pages:
            pages.append(url)
    return pages


def save(post: Path, text: str) -> float:
    saved = time.perf_counter()
    post.write_text(text, encoding="utf-8")
    return saved


def edit_once(post: Path, base: str, post_url: str, pages: list[str], token: str) -> Edit:
    """A body edit (the post alone changes), then a new title and excerpt (listings and related posts change)."""
    text = post.read_text(encoding="utf-8")
    text = text.replace("\n## Section 2", f"\nBody edited {token}.\n\n## Section 2", 1)
    saved = save(post, text)
    if wait_for(base + post_url, f"Body edited {token}", saved + TIMEOUT) is None:
        raise SystemExit(f"the body edit never showed up at {base + post_url}")
    body = time.perf_counter() - saved
    time.sleep(1)
    text = re.sub(r"(?m)^title: .*$", f"title: Edited article {token}", text, count=1)
    text = text.replace("\n<!-- more -->", f"\nExcerpt edited {token}.\n\n<!-- more -->", 1)
    saved = save(post, text)
    if wait_for(base + post_url, f"Excerpt edited {token}", saved + TIMEOUT) is None:
        raise SystemExit(f"the title edit never showed up at {base + post_url}")
    shown = time.perf_counter() - saved
    stale = []
    for page in pages:
        # Give each page as long as a full rebuild could take after the post itself appeared.
        if wait_for(page, f"Edited article {token}", time.perf_counter() + max(10.0, 3 * shown)) is None:
            stale.append(page.removeprefix(base))
    everywhere = None if stale else time.perf_counter() - saved
    return Edit(body=body, post=shown, everywhere=everywhere, stale=stale)


def measure(workdir: Path, size: int, edits: int, *, vanilla: bool) -> tuple[float, list[Edit]]:
    project = prepare(workdir / f"{size}", size, vanilla=vanilla)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    post_url = "blog/benchmark-0/"
    process = start_server(project, port, vanilla=vanilla, log=workdir / f"serve-{size}-{vanilla}.log")
    try:
        started = time.perf_counter()
        if wait_for(base + post_url, None, started + TIMEOUT) is None:
            raise SystemExit(f"the server never came up:\n{(workdir / f'serve-{size}-{vanilla}.log').read_text()}")
        first = time.perf_counter() - started
        time.sleep(2)  # let the watcher settle
        pages = pages_showing_the_post(base, post_url, vanilla=vanilla)
        results = []
        for number in range(edits):
            results.append(
                edit_once(project / "docs/blog/posts/benchmark-0000.md", base, post_url, pages, f"t{number}")
            )
            time.sleep(1)
        return first, results
    finally:
        stop_server(process)


def describe(first: float, edits: list[Edit]) -> tuple[str, ...]:
    body = statistics.median(edit.body for edit in edits)
    post = statistics.median(edit.post for edit in edits)
    everywhere = [edit.everywhere for edit in edits if edit.everywhere is not None]
    stale = sorted({page for edit in edits for page in edit.stale})
    all_pages = (
        f"{statistics.median(everywhere):.1f}" if len(everywhere) == len(edits) else "stale: " + ", ".join(stale)
    )
    return f"{first:.1f}", f"{body:.1f}", f"{post:.1f}", all_pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=lambda text: [int(n) for n in text.split(",")], default=[100, 500])
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--servers", default="vanilla,ours", help="which to run: vanilla, ours or both")
    arguments = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="therapy-edit-") as workdir:
        for size in arguments.sizes:
            for vanilla in [name == "vanilla" for name in arguments.servers.split(",")]:
                first, edits = measure(
                    Path(workdir) / ("vanilla" if vanilla else "ours"), size, arguments.edits, vanilla=vanilla
                )
                rows.append((size, "vanilla mkdocs serve" if vanilla else "ours: make serve", *describe(first, edits)))
    print(f"Edit → preview (seconds from saving, median of {arguments.edits} edits of the newest post)")
    print(f"  {'':>29}{'first':>7}{'body edit':>11}{'title + excerpt edit:':>23}")
    print(f"  {'posts':>5}  {'server':<22}{'build':>7}{'post':>11}{'post':>7}  listings + related")
    for size, server, first, body, post, everywhere in rows:
        print(f"  {size:>5}  {server:<22}{first:>7}{body:>11}{post:>7}  {everywhere}")
    print("  goal: never slower than vanilla; at most 2 s at 500 posts, listings and related posts included")


if __name__ == "__main__":
    main()
