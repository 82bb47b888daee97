"""The preview as a running server (``therapy-site serve``): start it, wait for its rebuilds, fetch its pages,
and read a page the way a reader sees it, to compare with a clean build of the same files."""

from __future__ import annotations

import json
import re
import shutil
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from subprocess import Popen
from typing import Any

from lxml import html as lxml_html

from helpers import free_port, start_preview

# What `mkdocs serve` logs: serving (after the first build), a rebuild starting, done, or failed. Not MkDocs'
# "Documentation built in 0.40 seconds": a filter drops a message equal to an earlier one (the same duration).
SERVING = "Serving on"
DETECTED = "Detected file changes"
BUILT = "Reloading browsers"
FAILED = "An error happened during the rebuild"


@dataclass
class Preview:
    """A running ``therapy-site serve`` and everything it has printed so far."""

    project: Path
    process: Popen[str]
    port: int
    lines: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def count(self, text: str) -> int:
        return sum(text in line for line in list(self.lines))

    def builds(self) -> int:
        return self.count(BUILT)

    def settle(self, timeout: float = 90) -> None:
        """Wait until no rebuild is under way, so the next edit starts one of its own."""
        deadline = time.monotonic() + timeout
        while self.builds() + self.count(FAILED) < self.count(DETECTED):
            assert time.monotonic() < deadline, f"a rebuild never finished:\n{self.output()[-4000:]}"
            time.sleep(0.2)

    def output(self) -> str:
        return "".join(self.lines)

    def fetch(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def wait_for(self, text: str, after: int, timeout: float = 90) -> None:
        """Wait until ``text`` has been logged more than ``after`` times; fail at once if a rebuild fails."""
        deadline = time.monotonic() + timeout
        failed = self.count(FAILED)
        while self.count(text) <= after:
            assert self.process.poll() is None, self.output()[-4000:]
            assert self.count(FAILED) == failed, f"the rebuild failed:\n{self.output()[-4000:]}"
            assert time.monotonic() < deadline, f"no {text!r} within {timeout} s:\n{self.output()[-4000:]}"
            time.sleep(0.2)

    def wait_for_build(self, after: int) -> None:
        """Wait until more than ``after`` rebuilds have finished."""
        self.wait_for(BUILT, after)

    def edit(self, relative: str, old: str, new: str) -> None:
        """Replace ``old`` with ``new`` in ``docs/<relative>`` and wait for the rebuild."""
        path = self.project / "docs" / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        self.write(relative, text.replace(old, new, 1))

    def write(self, relative: str, text: str) -> None:
        self.settle()
        before = self.builds()
        (self.project / "docs" / relative).write_text(text, encoding="utf-8")
        self.wait_for_build(before)

    def remove(self, relative: str) -> None:
        self.settle()
        before = self.builds()
        (self.project / "docs" / relative).unlink()
        self.wait_for_build(before)

    def stop(self) -> str:
        self.process.terminate()
        self.process.wait(timeout=30)
        return self.output()


def _read_lines(preview: Preview) -> None:
    assert preview.process.stdout is not None
    for line in preview.process.stdout:
        preview.lines.append(line)


def start(project: Path) -> Preview:
    """Start the preview of ``project`` and wait for its first build."""
    port = free_port()
    preview = Preview(project, start_preview(project, port), port)
    threading.Thread(target=_read_lines, args=(preview,), daemon=True).start()
    preview.wait_for(SERVING, 0, timeout=180)
    return preview


def snapshot_sources(project: Path, target: Path) -> Path:
    """Copy ``project``'s sources as they are now (for a clean build of the same files)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy2(project / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(project / "docs", target / "docs", ignore=shutil.ignore_patterns(".cache"))
    if (project / "overrides").is_dir():  # the site's own templates (the demo's notice)
        shutil.copytree(project / "overrides", target / "overrides")
    return target


def _text(element: Any) -> str:
    return re.sub(r"\s+", " ", element.text_content()).strip()


def _breadcrumb_names(tree: Any) -> list[list[str]]:
    found = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        data = json.loads(script)
        nodes = data.get("@graph", [data]) if isinstance(data, dict) else data
        for node in nodes:
            if node.get("@type") == "BreadcrumbList":
                found.append([item.get("name") for item in node.get("itemListElement", [])])
    return found


def reader_view(markup: str) -> dict[str, Any]:
    """What a reader and a search engine see of a page: its visible text (header, sidebars, content, footer),
    its breadcrumbs, its navigation links, the article section and the structured data's breadcrumb names.
    What only the preview shows on purpose (``data-preview-only``: the writing-guidance panel) is left out."""
    tree = lxml_html.fromstring(markup)
    for element in tree.xpath("//script[not(@type='application/ld+json')] | //style | //noscript"):
        element.drop_tree()
    for panel in tree.xpath("//*[@data-preview-only]"):  # the writing-guidance panel: the preview's alone, by design
        panel.drop_tree()
    return {
        "title": _text(tree.xpath("//title")[0]),
        "breadcrumbs": [_text(nav) for nav in tree.xpath("//nav[contains(@class, 'ts-breadcrumbs')]")],
        "navigation": [_text(link) for link in tree.xpath("//nav[contains(@class, 'md-nav')]//a")],
        "section": tree.xpath("//meta[@property='article:section']/@content"),
        "structured_breadcrumbs": _breadcrumb_names(tree),
        "body": _text(tree.xpath("//body")[0]),
    }
