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

BUILT = "Documentation built in"


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

    def builds(self) -> int:
        return sum(BUILT in line for line in list(self.lines))

    def output(self) -> str:
        return "".join(self.lines)

    def fetch(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def wait_for_build(self, after: int, timeout: float = 90) -> None:
        """Wait until more than ``after`` builds have finished (and a moment for the watcher to settle)."""
        deadline = time.monotonic() + timeout
        while self.builds() <= after:
            assert self.process.poll() is None, self.output()[-4000:]
            assert time.monotonic() < deadline, f"no rebuild within {timeout} s:\n{self.output()[-4000:]}"
            time.sleep(0.2)

    def edit(self, relative: str, old: str, new: str) -> None:
        """Replace ``old`` with ``new`` in ``docs/<relative>`` and wait for the rebuild."""
        path = self.project / "docs" / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        self.write(relative, text.replace(old, new, 1))

    def write(self, relative: str, text: str) -> None:
        before = self.builds()
        (self.project / "docs" / relative).write_text(text, encoding="utf-8")
        self.wait_for_build(before)

    def remove(self, relative: str) -> None:
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
    preview.wait_for_build(0, timeout=180)
    return preview


def snapshot_sources(project: Path, target: Path) -> Path:
    """Copy ``project``'s sources as they are now (for a clean build of the same files)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy2(project / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(project / "docs", target / "docs", ignore=shutil.ignore_patterns(".cache"))
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
    its breadcrumbs, its navigation links, the article section and the structured data's breadcrumb names."""
    tree = lxml_html.fromstring(markup)
    for element in tree.xpath("//script[not(@type='application/ld+json')] | //style | //noscript"):
        element.drop_tree()
    return {
        "title": _text(tree.xpath("//title")[0]),
        "breadcrumbs": [_text(nav) for nav in tree.xpath("//nav[contains(@class, 'ts-breadcrumbs')]")],
        "navigation": [_text(link) for link in tree.xpath("//nav[contains(@class, 'md-nav')]//a")],
        "section": tree.xpath("//meta[@property='article:section']/@content"),
        "structured_breadcrumbs": _breadcrumb_names(tree),
        "body": _text(tree.xpath("//body")[0]),
    }
