"""Helpers the tests share: build real sites in temporary folders, serve them, parse their HTML."""

from __future__ import annotations

import functools
import http.server
import json
import multiprocessing
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from lxml import html as lxml_html

REPO = Path(__file__).resolve().parent.parent
SITE_SOURCES = ("mkdocs.yml", "docs", "overrides")
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))  # the console script, for tests and benchmarks that run it


@dataclass
class Build:
    project: Path
    site: Path
    returncode: int
    output: str

    def page(self, url_path: str) -> Path:
        """The built file for a URL path such as ``blog/role-of-trust-in-therapy/``."""
        path = self.site / url_path.strip("/")
        return path / "index.html" if not url_path.endswith(".html") else path

    def html(self, url_path: str) -> Any:
        return lxml_html.fromstring(self.page(url_path).read_bytes())

    def text(self, url_path: str) -> str:
        return self.page(url_path).read_text(encoding="utf-8")


class CacheSeed:
    """The cache of the run's first build of the site (tests/conftest.py sets ``folder``): its drawn images and
    compiled templates.

    Drawing the hero covers, share cards and infographics is a third of a cold build's work, and compiling
    Material's templates a sixth of a warm one; most tests build copies of the same pages: a copy starts with that
    cache, as a practice's site does after its first build. Tests of drawing, caching or of clean builds being
    identical copy with ``warm=False``.
    """

    folder: Path | None = None
    PARTS = ("hero-images", "infographics", "social", "templates")


def copy_project(target: Path, *, warm: bool = True) -> Path:
    """Copy the site's sources (not the package) into ``target``; with ``warm``, the first build's cache too."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_SOURCES:
        source = REPO / name
        if not source.exists():
            continue  # overrides/: only a site that adds templates of its own has one
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns(".cache", "__pycache__"))
        else:
            shutil.copy2(source, target / name)
    seed = CacheSeed.folder
    if warm and seed is not None:
        for part in CacheSeed.PARTS:
            if (seed / part).is_dir():
                shutil.copytree(seed / part, target / ".cache" / "therapy-site" / part)
    return target


def load_config(project: Path) -> dict[str, Any]:
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)


def write_config(project: Path, config: dict[str, Any]) -> None:
    (project / "mkdocs.yml").write_text(yaml.dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


# What every `mkdocs build` and `therapy-site check` of a site imports: the command server below imports it once,
# and each command starts there.
COMMAND_PRELOAD = (
    "mkdocs.__main__",
    "mkdocs.commands.build",
    "material.plugins.blog.plugin",
    "material.plugins.search.plugin",
    "mkdocs_rss_plugin.plugin",
    "pymdownx.blocks",
    "therapy_site.cli",
    "therapy_site.engine.plugin",
    "therapy_site.validation.plugin",
    "therapy_site.validation.runner",
)


def run_build(project: Path, *, strict: bool = True, site_dir: str = "site") -> Build:
    """Run the real ``mkdocs build`` in ``project`` and return what it did (see :func:`run_command`)."""
    command = ["build", "--site-dir", site_dir]
    if strict:
        command.append("--strict")
    result = run_command(project, "mkdocs", *command)
    return Build(project, project / site_dir, result.returncode, result.stdout + result.stderr)


def run_command(project: Path, script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the console script ``script`` (``mkdocs`` or ``therapy-site``) with ``args`` in ``project``.

    The command line runs in a new process, forked from a server that has imported MkDocs, Material and the
    package once (``multiprocessing``'s fork server): what a console-script process does after its imports,
    without a third of a second of imports per command. Tests of the console scripts themselves (exit codes, a
    folder without ``mkdocs.yml``, a network blocked) run them as commands.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(COMMAND_PRELOAD))
    with tempfile.TemporaryDirectory() as folder:
        stdout, stderr = Path(folder, "stdout"), Path(folder, "stderr")
        process = context.Process(target=console_script, args=(project, script, list(args), env, stdout, stderr))
        process.start()
        process.join()
        output, errors = stdout.read_text(encoding="utf-8"), stderr.read_text(encoding="utf-8")
    return subprocess.CompletedProcess([script, *args], process.exitcode, output, errors)


def console_script(
    project: Path, script: str, args: list[str], env: dict[str, str], stdout: Path, stderr: Path
) -> None:
    """In a forked process: ``script args`` in ``project`` with ``env``, no input, its output into the two files.
    (Also ``tests/cli/command_server.py``'s, for the wheel's console scripts.)"""
    os.chdir(project)
    os.environ.clear()
    os.environ.update(env)
    nothing = os.open(os.devnull, os.O_RDONLY)  # a command reads no answers from its parent's input
    os.dup2(nothing, 0)
    os.close(nothing)
    for path, descriptor in ((stdout, 1), (stderr, 2)):
        file = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(file, descriptor)
        os.close(file)
    if script == "mkdocs":
        from mkdocs.__main__ import cli as entry
    else:
        from therapy_site.cli import main as entry
    sys.argv = [script, *args]
    entry(args, prog_name=script)


def engine_options(config: dict[str, Any]) -> dict[str, Any]:
    """The options of the ``therapy-site`` plugin in a loaded ``mkdocs.yml`` (made a mapping if it is a name)."""
    plugins = config["plugins"]
    for index, entry in enumerate(plugins):
        if entry == "therapy-site":
            plugins[index] = entry = {"therapy-site": {}}
        if isinstance(entry, dict) and "therapy-site" in entry:
            entry["therapy-site"] = entry["therapy-site"] or {}
            return entry["therapy-site"]
    raise AssertionError("mkdocs.yml lists no therapy-site plugin")


def feature_options(config: dict[str, Any], feature: str) -> dict[str, Any]:
    """The options of ``feature`` (``blog``, ``booking``, ...) under the ``therapy-site`` plugin, made if missing."""
    return engine_options(config).setdefault(feature, {})


def explicit_config(config: dict[str, Any]) -> dict[str, Any]:
    """``config`` with every plugin and extension the engine sets up written out, for a test that changes one."""
    from therapy_site.engine.settings import explicit_site_config

    return explicit_site_config(config)


def build_with_plugin_options(project: Path, plugin: str, options: dict[str, Any]) -> Build:
    """Build ``project`` with ``options`` for ``plugin`` (``therapy-site/<feature>`` or ``blog``); it must pass."""
    config = load_config(project)
    feature_options(config, plugin.removeprefix("therapy-site/")).update(options)
    write_config(project, config)
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build


def build_copy(
    tmp_path: Path, *, posts: dict[str, str] | None = None, strict: bool = True, warm: bool = True
) -> Build:
    """Copy the project, add or replace posts (file name -> Markdown), build it."""
    project = copy_project(tmp_path / "project", warm=warm)
    for name, markdown in (posts or {}).items():
        (project / "docs" / "blog" / "posts" / name).write_text(markdown, encoding="utf-8")
    return run_build(project, strict=strict)


def shared_build(tmp_path_factory: Any, name: str, make: Callable[[Path], Build]) -> Build:
    """``make(folder)`` once per test run, however many workers ask: the first builds into the run's shared
    temporary folder while the others wait, then all read the same build. Tests only read these builds."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return make(tmp_path_factory.mktemp(name))
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp().parent / "shared-builds"  # the run's folder, above each worker's
    shared.mkdir(exist_ok=True)
    record = shared / f"{name}.json"
    with FileLock(shared / f"{name}.lock"):
        if record.is_file():
            fields = json.loads(record.read_text(encoding="utf-8"))
            return Build(Path(fields["project"]), Path(fields["site"]), fields["returncode"], fields["output"])
        folder = shared / name
        folder.mkdir()
        build = make(folder)
        fields = {"project": str(build.project), "site": str(build.site)}
        fields |= {"returncode": build.returncode, "output": build.output}
        record.write_text(json.dumps(fields), encoding="utf-8")
        return build


PAGED_POSTS_PER_PAGE = 2


def paginate(config: dict[str, Any], per_page: int = PAGED_POSTS_PER_PAGE) -> dict[str, Any]:
    """Set the blog plugin's ``pagination_per_page`` in a loaded ``mkdocs.yml``."""
    listed = [entry["blog"] for entry in config["plugins"] if isinstance(entry, dict) and "blog" in entry]
    (listed[0] if listed else feature_options(config, "blog"))["pagination_per_page"] = per_page
    return config


def paged_copy(target: Path, per_page: int = PAGED_POSTS_PER_PAGE) -> Path:
    """Copy the project with the blog paginated at ``per_page`` posts (the site uses ten), so listings have a page 2."""
    project = copy_project(target)
    write_config(project, paginate(load_config(project), per_page))
    return project


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files without a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser that drops a connection (a new page loaded before the last response was read) is no error."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 and yield the base URL (ending in ``/``)."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def launch_chromium(playwright: Any) -> Any:
    """Debian's chromium through Playwright (never a downloaded browser)."""
    return playwright.chromium.launch(
        executable_path="/usr/bin/chromium",
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    )


SETTLED = """document.fonts.ready.then(
  () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
)"""


FIRST_VISIT = "localStorage.clear(); sessionStorage.clear();"  # what a page stored is gone before its scripts run


@contextmanager
def first_visit_tab(browser: Any) -> Iterator[Any]:
    """One tab for many loads, each a new document and a first visit (the storage emptied, so Material's stored
    palette never overrides prefers-color-scheme), keeping the browser's renderer between them."""
    context = browser.new_context()
    context.add_init_script(FIRST_VISIT)
    try:
        yield context.new_page()
    finally:
        context.close()


def open_page(page: Any, url: str) -> None:
    """Load ``url`` until the page is drawn as a reader sees it: its load event (stylesheets, scripts, pictures)
    and its web fonts. For layout and colour measures; a test that records every request the page makes waits
    for the network to be quiet as well."""
    page.goto(url, wait_until="load")
    # Then two frames, so that what the theme's scripts set on load (sidebar heights, the header) is laid out.
    page.evaluate(SETTLED)


POST_FRONT_MATTER = """---
title: {title}
description: {description}
date:
  created: {date}
slug: {slug}
categories:
  - {category}
authors:
  - anna
{extra}---

"""


def make_post(
    body: str,
    *,
    title: str = "A test post about sleep",
    slug: str = "test-post",
    date: str = "2025-08-01",
    category: str = "Anxiety",
    description: str = "A test post used by the automated tests; long enough to be a proper meta description.",
    extra: str = "",
) -> str:
    """A complete post: valid front matter followed by ``body``."""
    front = POST_FRONT_MATTER.format(
        title=title, description=description, date=date, slug=slug, category=category, extra=extra
    )
    return front + body


def reported(output: str, path: str, line: int, fragment: str) -> bool:
    """Whether ``output`` (check or build) has a finding ``docs/<path>:<line>:<col>: ...`` containing ``fragment``."""
    import re

    pattern = re.compile(rf"docs/{re.escape(path)}:{line}:\d+: (?:error|warning): .*{re.escape(fragment)}")
    return any(pattern.search(text) for text in output.splitlines())


def site_stylesheets(build: Build, url_path: str) -> list[str]:
    """Our stylesheets a page links (Material's own aside): the bundle built by ``therapy_site.assets``."""
    hrefs = build.html(url_path).xpath("//link[@rel='stylesheet']/@href")
    return [href for href in hrefs if "assets/therapy-site/" in href]


def stylesheet_bundle(build: Build, url_path: str) -> str:
    """The text of the one bundled stylesheet that ``url_path`` links."""
    (href,) = site_stylesheets(build, url_path)
    return (build.page(url_path).parent / href).resolve().read_text(encoding="utf-8")


THERAPY_SITE = str(Path(sys.executable).with_name("therapy-site"))


# Ports the tests' own servers listen on: below Linux's ephemeral range (32768-60999), so the system never hands
# one of them out meanwhile, and a band of its own for each pytest-xdist worker (gw0, gw1, ...), so two workers
# never pick the same port between the probe below and the server's bind.
PORT_BAND = 500
PORT_BASE = 20000
_next_port = random.randrange(PORT_BAND)  # two runs at once (two worktrees) rarely start on the same port


def free_port() -> int:
    """A port on 127.0.0.1 that is free now, from this worker's own band."""
    global _next_port
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    band = PORT_BASE + (int(worker) if worker.isdigit() else 0) * PORT_BAND
    for _ in range(PORT_BAND):
        port = band + _next_port % PORT_BAND
        _next_port += 1
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue  # in use (another program, or a server of this worker still closing)
            return port
    raise AssertionError(f"no free port in {band}-{band + PORT_BAND - 1}")


def start_preview(project: Path, port: int) -> subprocess.Popen[str]:
    """``therapy-site serve`` in ``project``, its output (the URL first) readable line by line.

    The environment is minimal on purpose: the command itself must silence Material's banner. Only this run's
    PYTHONPATH goes along, so the server runs the code under test.
    """
    env = {"PATH": "/usr/bin:/bin", "HOME": str(project)}
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return subprocess.Popen(
        [THERAPY_SITE, "serve", "--port", str(port)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )


def fetch_page(url: str) -> tuple[int, str]:
    """The status and text of ``url`` (an error status with no text)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def wait_for_page(url: str, seconds: float = 90) -> tuple[int, str]:
    """``fetch_page`` once the server answers 200 at ``url``, or the last answer after ``seconds``."""
    status, text = 0, ""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and status != 200:
        try:
            status, text = fetch_page(url)
        except OSError:
            time.sleep(0.5)
    return status, text


@dataclass(frozen=True)
class NicenessJob:
    """An image job (``therapy_site.imaging.pool.Job``) that reports the priority of the process drawing it."""

    key: str

    def render(self, renderer: Any) -> dict[str, int]:
        return {"niceness": os.nice(0)}


@dataclass(frozen=True)
class FailingJob:
    """An image job whose drawing raises, as Pillow does on a picture it cannot draw."""

    key: str

    def site_paths(self) -> list[str]:
        return [f"assets/images/derived/{self.key}-card.jpg"]

    def render(self, renderer: Any) -> dict[str, bytes]:
        raise ValueError("image file is truncated")


@dataclass(frozen=True)
class HeapJob:
    """An image job that allocates a picture-sized block, like decoding does, and reports whether glibc
    served it from the process's own heap (kept memory) rather than a fresh mapping from the kernel."""

    key: str
    size: int = 24 << 20

    def render(self, renderer: Any) -> dict[str, bool]:
        import ctypes

        class MallInfo2(ctypes.Structure):
            _fields_ = [(name, ctypes.c_size_t) for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd")] + [
                (name, ctypes.c_size_t) for name in ("usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")
            ]

        libc = ctypes.CDLL(None)
        libc.mallinfo2.restype = MallInfo2
        libc.malloc.restype = ctypes.c_void_p
        before = libc.mallinfo2().hblks
        block = libc.malloc(self.size)
        mapped = libc.mallinfo2().hblks > before
        libc.free(ctypes.c_void_p(block))
        return {"from_heap": not mapped}


# An indented code sample showing a block, then the real (empty) block on line 9: the case of issue 26 that
# separate scanners placed on line 3 (tests/sources and tests/validation read it through the source map).
INDENTED_CODE_PAGE = """# Writing takeaways

    /// takeaways
    - an example key point
    ///

The block itself:

/// takeaways
///
"""
