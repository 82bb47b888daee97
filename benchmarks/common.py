"""Shared by the benchmark scripts: copy the site, write synthetic posts, build, serve."""

from __future__ import annotations

import gzip
import io
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from helpers import MKDOCS, QuietHandler, copy_project, load_config, write_config  # noqa: E402
from helpers import serve as serve_directory  # noqa: E402
from therapy_site.engine.settings import explicit_site_config  # noqa: E402

CATEGORIES = ("Therapy basics", "Anxiety", "Relationships")
WORDS = (
    *("therapy", "trust", "calm", "steady", "feelings", "listening", "safety", "pace", "gentle", "honest"),
    *("change", "support", "notice", "breath", "morning", "worry", "partner", "boundary", "kindness"),
    *("practice", "patience", "session", "question", "habit", "memory", "body", "rest"),
)


def copy_site(target: Path, *, keep_posts: bool = True) -> Path:
    """Copy the site's sources into ``target``; optionally without the real blog posts."""
    copy_project(target)
    if not keep_posts:
        for post in (target / "docs" / "blog" / "posts").glob("*.md"):
            post.unlink()
    return target


def make_vanilla(project: Path) -> None:
    """Plain Material for MkDocs: our plugins, extensions, template overrides and CSS off."""
    # Written out as the engine sets it up (Material's blog, rss, the theme's settings), then ours taken away.
    config = explicit_site_config(load_config(project))
    config["plugins"] = [
        plugin
        for plugin in config["plugins"]
        if not (plugin if isinstance(plugin, str) else next(iter(plugin))).startswith("therapy-site/")
    ]
    config["markdown_extensions"] = [  # our content extensions, as the engine adds them
        entry
        for entry in config["markdown_extensions"]
        if not (entry if isinstance(entry, str) else next(iter(entry))).startswith("therapy_site.")
    ]
    config["theme"].pop("custom_dir", None)
    config["theme"]["language"] = "en"  # en-GB is our partial (the package's templates), not Material's
    config.pop("extra_css", None)
    write_config(project, config)
    for page in (project / "docs").rglob("*.md"):  # pages that name one of our templates
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"(?m)^template: .*\n", "", text), encoding="utf-8")


def sentence(seed: int, length: int = 16) -> str:
    words = [WORDS[(seed * 7 + index * 3) % len(WORDS)] for index in range(length)]
    return " ".join(words).capitalize() + "."


def paragraph(seed: int, sentences: int = 5) -> str:
    return " ".join(sentence(seed + index) for index in range(sentences))


INFOGRAPHIC = """/// infographic | Four steps that help, post {number}
layout: comparison
summary: Small, steady steps make the first weeks easier. Each has a simple way to begin.
remedy_label: A way in
items:
  - title: Notice
    icon: eye
    text: See what is happening now.
    remedy: Write one line about it each evening.
  - title: Breathe
    icon: leaf
    text: Slow the body down first.
    remedy: Breathe out for longer than you breathe in.
  - title: Talk
    icon: chat
    text: Say it out loud to someone safe.
    remedy: Bring it to your next session.
  - title: Rest
    icon: heart
    text: Recovery needs time off too.
    remedy: Keep one quiet hour in every day.
source: Synthetic benchmark content.
///
"""


HERO_DIR = "assets/images/benchmark"
HERO_SIZE = (1200, 675)  # as the site's own heroes


def hero_image(number: int) -> bytes:
    """A post's own hero picture (WebP, 1200×675): soft bands in colours that differ from post to post."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", HERO_SIZE, (200 + number % 40, 220, 200 + (number * 7) % 50))
    draw = ImageDraw.Draw(image)
    for band in range(6):
        top = 300 + band * 100 + (number * (band + 3)) % 60
        colour = (60 + (number * 11 + band * 25) % 120, 120 + band * 15, 90 + (number * 5) % 80)
        draw.ellipse((-300 + band * 70, top * 3 // 4, 1500 - band * 50, top * 3 // 4 + 675), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=80)
    return buffer.getvalue()


def synthetic_post(number: int, *, infographic: bool) -> str:
    """About 1,500 words with a hero of its own, takeaways, a booking block, an FAQ and optionally an infographic."""
    day = 1 + number % 28
    month = 1 + (number // 28) % 12
    category = CATEGORIES[number % len(CATEGORIES)]
    parts = [
        "---",
        f"title: Benchmark article number {number} about steady change",
        f"description: A synthetic article, number {number}, used to measure how long the site takes to build.",
        "date:",
        f"  created: 2024-{month:02d}-{day:02d}",
        f"slug: benchmark-{number}",
        "categories:",
        f"  - {category}",
        "authors:",
        "  - anna",
        "hero:",
        f"  src: {HERO_DIR}/hero-{number:04d}.webp",
        f"  alt: Soft green hills for benchmark article number {number}.",
        "---",
        "",
        paragraph(number, 3),
        "",
        "<!-- more -->",
        "",
        "/// takeaways",
        *(f"- **{sentence(number + index, 4)}** {sentence(number + index + 9, 12)}" for index in range(4)),
        "///",
        "",
    ]
    for section in range(8):
        parts += [f"## Section {section + 1}: {sentence(number + section, 4)[:-1]}", ""]
        parts += [paragraph(number + section * 11), "", paragraph(number + section * 13), ""]
        if section == 3:
            parts += [f"- {sentence(number + index, 10)}" for index in range(4)] + [""]
        if section == 4 and infographic:
            parts += [INFOGRAPHIC.format(number=number), ""]
        if section == 6:
            parts += ["/// booking | Take the first step", "", paragraph(number + 99, 2), "", "///", ""]
    parts += ["## Frequently Asked Questions", ""]
    for question in range(4):
        parts += [f"### Question {question + 1} about {WORDS[(number + question) % len(WORDS)]}?", ""]
        parts += [paragraph(number + question * 17, 3), ""]
    return "\n".join(parts)


def write_posts(project: Path, count: int) -> None:
    posts = project / "docs" / "blog" / "posts"
    heroes = project / "docs" / HERO_DIR
    heroes.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (heroes / f"hero-{number:04d}.webp").write_bytes(hero_image(number))
        text = synthetic_post(number, infographic=number % 5 == 0)
        (posts / f"benchmark-{number:04d}.md").write_text(text, encoding="utf-8")


@dataclass
class BuildRun:
    seconds: float
    cpu_seconds: float  # user + system: steadier than wall time on a busy machine
    peak_rss_mib: float
    returncode: int
    output: str


def timed_build(project: Path, *, strict: bool = True, site_dir: str = "site") -> BuildRun:
    """Run ``mkdocs build`` as a child process: wall time and that child's peak memory."""
    command = [MKDOCS, "build", "--site-dir", site_dir] + (["--strict"] if strict else [])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile(mode="w+") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    # ru_maxrss is in KiB on Linux.
    cpu = usage.ru_utime + usage.ru_stime
    return BuildRun(seconds, cpu, usage.ru_maxrss / 1024, process.returncode, output)


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(QuietHandler):
    """Static files, gzip-compressed when the browser asks (as static hosts do), without logging."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 with gzip, as static hosts do; yield the base URL."""
    with serve_directory(directory, GzipHandler) as url:
        yield url


def build_real_site(workdir: Path) -> Path:
    """Build the real site into ``workdir`` and return its site folder."""
    project = copy_site(workdir / "project")
    run = timed_build(project)
    if run.returncode != 0:
        raise SystemExit(f"the site did not build:\n{run.output[-3000:]}")
    return project / "site"
