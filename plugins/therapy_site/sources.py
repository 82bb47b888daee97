"""Find lines in a page's source so that every problem names ``file:line``.

Python-Markdown keeps no source positions, so we look for the construct in the
page's text instead.
"""

from __future__ import annotations

import re
from pathlib import Path

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def read_source(path: str | Path) -> str:
    return Path(path).read_text(encoding="utf-8-sig")


def front_matter_key_line(text: str, key: str) -> int:
    """Return the 1-based line of a top-level front-matter ``key``; line 1 when it is absent."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return 1
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in {"---", "..."}:
            break
        if pattern.match(line):
            return number
    return 1


def body_lines(text: str) -> list[tuple[int, str]]:
    """Return ``(line_number, line)`` for the lines outside front matter and code fences."""
    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in {"---", "..."}:
                start = index + 1
                break
    result: list[tuple[int, str]] = []
    fence: str | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is None:
            result.append((index + 1, line))
    return result


def find_line(text: str, pattern: re.Pattern[str], occurrence: int = 0) -> int | None:
    """Return the line of the ``occurrence``-th body line matching ``pattern`` (outside code fences)."""
    seen = 0
    for number, line in body_lines(text):
        if pattern.search(line):
            if seen == occurrence:
                return number
            seen += 1
    return None
