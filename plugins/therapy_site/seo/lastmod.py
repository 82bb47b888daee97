"""Each page's own modified date for the sitemap (Google uses ``<lastmod>`` only when it is accurate).

* a post: ``date.updated``, else ``date.created``;
* a blog listing (index, archive, category, its page 2...): the newest of the posts it lists;
* any other page: a front-matter ``date`` (a date, or ``{created, updated}``), else the last git commit
  that touched its source file when git is available, else nothing (the ``<lastmod>`` is left out).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from therapy_site.dates import as_date


def front_matter_date(meta: dict[str, Any]) -> date | None:
    """``date: 2025-11-20`` or ``date: {created: ..., updated: ...}``: the later one."""
    value = meta.get("date")
    if isinstance(value, dict):
        found = [as_date(value.get(key)) for key in ("updated", "created")]
        dates = [found_date for found_date in found if found_date is not None]
        return max(dates) if dates else None
    return as_date(value)


def post_date(created: Any, updated: Any) -> date | None:
    return as_date(updated) or as_date(created)


def newest(dates: Iterable[date | None]) -> date | None:
    known = [value for value in dates if value is not None]
    return max(known) if known else None


class GitDates:
    """Last commit date of files, from ``git log``; ``None`` outside a work tree or without git.

    One instance per build (no module-level cache): a file's date can change between ``serve`` rebuilds.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.known: dict[Path, date | None] = {}
        self.available = shutil.which("git") is not None and self._run("rev-parse", "--is-inside-work-tree") == "true"

    def _run(self, *args: str) -> str:
        try:
            result = subprocess.run(
                ["git", *args], cwd=self.root, capture_output=True, text=True, check=False, timeout=20
            )
        except (OSError, subprocess.SubprocessError):
            return ""
        return result.stdout.strip() if result.returncode == 0 else ""

    def last_commit(self, path: Path) -> date | None:
        if not self.available:
            return None
        if path not in self.known:
            # Uncommitted changes: git has no date for them; the committed date is still the last known one.
            self.known[path] = as_date(self._run("log", "-1", "--format=%cs", "--", str(path)))
        return self.known[path]


def sitemap_date(value: date | None) -> str:
    """The W3C date MkDocs' sitemap template prints; empty means "leave <lastmod> out"."""
    return value.isoformat() if value is not None else ""
