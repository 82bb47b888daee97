"""One Markdown file as the checks see it: front matter with line numbers, body lines outside code."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from therapy_site.sources import body_lines, front_matter_key_line

# The same pattern MkDocs (mkdocs.utils.meta) and Material's blog use for YAML front matter.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")


@dataclass
class SourceFile:
    path: Path  # on disk
    shown: str  # as printed in findings (relative to where the author runs the command)
    docs_path: str  # relative to docs_dir, with forward slashes
    text: str
    is_post: bool
    meta: dict[str, Any] = field(default_factory=dict)
    meta_error: tuple[int, int, str, str] | None = None  # line, column, message, rule
    body: str = ""
    body_start: int = 1  # 1-based line where the body starts

    @classmethod
    def read(cls, path: Path, shown: str, docs_path: str, is_post: bool) -> SourceFile:
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        source = cls(path=path, shown=shown, docs_path=docs_path, text=text, is_post=is_post, body=text)
        source._parse_front_matter()
        return source

    def _parse_front_matter(self) -> None:
        match = FRONT_MATTER.match(self.text)
        if not match:
            return
        self.body = self.text[match.end() :]
        self.body_start = self.text[: match.end()].count("\n") + 1
        try:
            meta = yaml.load(match.group(1), Loader=yaml.SafeLoader)
        except yaml.YAMLError as problem:
            mark = getattr(problem, "problem_mark", None)
            line, column = (mark.line + 2, mark.column + 1) if mark else (1, 1)
            reason = getattr(problem, "problem", None) or str(problem)
            self.meta_error = (line, column, f"front matter is not valid YAML: {reason}", "front-matter-yaml")
            return
        except ValueError as problem:  # YAML's timestamp syntax with an impossible date, e.g. 2025-02-30
            line = front_matter_key_line(self.text, "date")
            message = f"front matter has an impossible date ({problem}); write dates as YYYY-MM-DD"
            self.meta_error = (line, 1, message, "front-matter-date")
            return
        if meta is None:
            return
        if not isinstance(meta, dict):
            message = "front matter must be 'key: value' lines between the two '---' lines"
            self.meta_error = (2, 1, message, "front-matter-yaml")
            return
        self.meta = meta

    def key_line(self, key: str) -> int:
        return front_matter_key_line(self.text, key)

    def nested_key_line(self, key: str, child: str) -> int:
        """Line of ``child:`` indented under the top-level ``key:`` (the key's own line if not found)."""
        start = self.key_line(key)
        lines = self.text.splitlines()
        pattern = re.compile(rf"^\s+{re.escape(child)}\s*:")
        for number in range(start + 1, min(len(lines), self.body_start) + 1):
            line = lines[number - 1]
            if line and not line[0].isspace():
                break
            if pattern.match(line):
                return number
        return start

    def body_lines(self) -> list[tuple[int, str]]:
        """``(line, text)`` of body lines outside code fences, with inline code blanked out (columns kept)."""
        return [(number, blank_inline_code(line)) for number, line in body_lines(self.text)]

    def front_matter_lines(self) -> list[tuple[int, str]]:
        lines = self.text.splitlines()
        return [(number, lines[number - 1]) for number in range(2, self.body_start - 1)]


def blank_inline_code(line: str) -> str:
    """Replace inline code spans with spaces so that checks ignore them but columns stay right."""
    return INLINE_CODE.sub(lambda match: " " * len(match.group(0)), line)
