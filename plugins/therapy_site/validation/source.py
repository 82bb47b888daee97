"""One Markdown file as the rules see it: front matter with line numbers, body lines outside code.

Reading never raises for anything an author can put in the file: bytes that
are not UTF-8 (a post saved by Word as Windows-1252, by Notepad as UTF-16)
become :attr:`SourceFile.read_error`, located at the first bad byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from therapy_site.sources import FRONT_MATTER, SourceMap, front_matter_key_line

__all__ = ["FRONT_MATTER", "SourceFile"]
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
    read_error: tuple[int, int, str, str] | None = None  # the file could not be read as UTF-8 text
    body: str = ""
    body_start: int = 1  # 1-based line where the body starts

    @classmethod
    def read(cls, path: Path, shown: str, docs_path: str, is_post: bool) -> SourceFile:
        text, read_error = decode_source(path)
        source = cls(path=path, shown=shown, docs_path=docs_path, text=text, is_post=is_post, body=text)
        source.read_error = read_error
        if read_error is None:
            source._parse_front_matter()
        return source

    @cached_property
    def map(self) -> SourceMap:
        """Where the page's front matter, code, blocks and headings are (one reading for every rule)."""
        return SourceMap(self.text)

    def _parse_front_matter(self) -> None:
        front = self.map.front_matter
        if front is None:
            return
        self.body = self.text[front.length :]
        self.body_start = front.body_start
        try:
            meta = load_front_matter(front.yaml)
        except yaml.YAMLError as problem:
            mark = getattr(problem, "problem_mark", None)
            line, column = (mark.line + 2, mark.column + 1) if mark else (1, 1)
            reason = getattr(problem, "problem", None) or str(problem)
            message = f"front matter is not valid YAML ({reason}); {yaml_hint(reason)}"
            self.meta_error = pasted_characters(front.yaml) or curly_quotes(front.yaml, line) or (
                line, column, message, "front-matter-yaml"
            )
            return
        except ValueError as problem:  # YAML's timestamp syntax with an impossible date, e.g. 2025-02-30
            line = impossible_date_line(self.text, self.body_start)
            message = f"front matter has an impossible date ({problem}); write real dates as YYYY-MM-DD"
            self.meta_error = (line, 1, message, "front-matter-date")
            return
        except Exception as problem:  # anything else YAML can raise on odd input: still a located message
            message = f"front matter could not be read ({type(problem).__name__}); write 'key: value' lines"
            self.meta_error = (2, 1, message, "front-matter-yaml")
            return
        if meta is None:
            return
        if not isinstance(meta, dict):
            self.meta_error = pasted_characters(front.yaml)
            if self.meta_error:
                return
            message = "front matter must be 'key: value' lines between the two '---' lines"
            self.meta_error = (2, 1, message, "front-matter-yaml")
            return
        self.meta = meta

    def key_line(self, key: str) -> int:
        return self.map.key_line(key)

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
        """``(line, text)`` of body lines outside code, with inline code blanked out (columns kept)."""
        return [(number, blank_inline_code(line)) for number, line in self.map.body_lines()]

    def front_matter_lines(self) -> list[tuple[int, str]]:
        lines = self.text.splitlines()
        return [(number, lines[number - 1]) for number in range(2, self.body_start - 1)]


YAML_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])")


def impossible_date_line(text: str, body_start: int) -> int:
    """The front-matter line holding a YYYY-MM-DD value that is not a real day (2025-02-30)."""
    import datetime as dt

    for number, line in enumerate(text.splitlines()[: max(body_start - 1, 1)], start=1):
        for match in YAML_DATE.finditer(line):
            try:
                dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                return number
    return front_matter_key_line(text, "date")


def blank_inline_code(line: str) -> str:
    """Replace inline code spans with spaces so that checks ignore them but columns stay right."""
    return INLINE_CODE.sub(lambda match: " " * len(match.group(0)), line)


RESAVE = (
    "open it in your editor and save it again with the encoding 'UTF-8' "
    "(in Notepad: File > Save as > Encoding: UTF-8; in Word: save as Plain Text, then Unicode (UTF-8))"
)


def decode_source(path: Path) -> tuple[str, tuple[int, int, str, str] | None]:
    """The file's text (normalised newlines) and, when it is not UTF-8, where and how to fix that."""
    try:
        data = path.read_bytes()
    except OSError as problem:
        reason = problem.strerror or type(problem).__name__
        return "", (1, 1, f"the file cannot be read ({reason}); check that it exists and is a file", "file-unreadable")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", (1, 1, f"the file is saved as UTF-16, not UTF-8; {RESAVE}", "file-encoding")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = data[: problem.start].count(b"\n") + 1
        column = problem.start - (data.rfind(b"\n", 0, problem.start) + 1) + 1
        byte = data[problem.start : problem.start + 1].hex().upper()
        message = f"the file is not UTF-8 text (byte 0x{byte} here; Word often saves as Windows-1252); {RESAVE}"
        return "", (line, column, message, "file-encoding")
    if "\x00" in text:
        return "", (1, 1, f"the file contains NUL bytes, so it is not plain text; {RESAVE}", "file-encoding")
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


YAML_HINTS = (
    ("mapping values are not allowed", "a value contains ': ': put the whole value in quotes, e.g. title: \"A: B\""),
    ("'\\t'", "indent with spaces, not tabs"),
    ("found unexpected end of stream", "a quote is not closed: end the value with the same quote it starts with"),
    ("did not find expected key", "check the indentation: items of a list start with '- ' under their key"),
    ("found undefined alias", "a value starts with '*': put the whole value in quotes"),
    ("expected <block end>", "check the indentation and that quoted values are closed"),
)


# Characters pasted from word processors and web pages that YAML does not read as spaces.
PASTED_SPACES = {
    "\u00a0": "non-breaking space",
    "\u202f": "narrow non-breaking space",
    "\u2007": "figure space",
    "\u200b": "zero-width space",
    "\ufeff": "byte order mark",
    "\u2060": "word joiner",
}
CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"


def pasted_characters(front: str) -> tuple[int, int, str, str] | None:
    """Where front matter that does not read has a non-breaking or zero-width space in its indentation or
    after a key's colon (pasted from Word or a web page): that line, in words (rule ``invisible-character``)."""
    for number, line in enumerate(front.splitlines(), start=2):
        lead = len(line) - len(line.lstrip(" \t" + "".join(PASTED_SPACES)))
        colon = re.match(r"^\s*(?:-\s+)?[\w-]+:", line)
        for index, character in enumerate(line):
            if character not in PASTED_SPACES:
                continue
            name = PASTED_SPACES[character]
            if index < lead:
                where = f"line {number} is indented with a {name} (often pasted from Word or a web page)"
            elif colon and index == colon.end():
                where = f"line {number} has a {name} after the colon instead of an ordinary space"
            else:
                continue
            message = f"front matter cannot be read: {where}; replace it with ordinary spaces"
            return number, index + 1, message, "invisible-character"
    return None


def curly_quotes(front: str, line: int) -> tuple[int, int, str, str] | None:
    """A YAML error on a line with curly quotes (a word processor typed them): name them."""
    lines = front.splitlines()
    for number in (line, line - 1):
        text = lines[number - 2] if 2 <= number < len(lines) + 2 else ""
        found = next((index for index, character in enumerate(text) if character in CURLY_QUOTES), None)
        if found is not None:
            message = (
                f"front matter is not valid YAML: line {number} has curly quotes ({text[found]}), which YAML does not "
                "read as quotes (a word processor typed them); use straight quotes: title: \"A: B\""
            )
            return number, found + 1, message, "front-matter-yaml"
    return None


def yaml_hint(reason: str) -> str:
    """What to do about a YAML parser's complaint, in words an author can act on."""
    for needle, hint in YAML_HINTS:
        if needle in reason:
            return hint
    return "write one 'key: value' per line, and put values with ':' or '#' in quotes"


def load_front_matter(text: str) -> Any:
    """YAML with libyaml's parser when PyYAML has it (every page, every build); on any error the pure-Python
    parser reads it again, so the message and its line are the ones the rules word (libyaml's differ)."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)
        except Exception:  # judged again below
            pass
    return yaml.load(text, Loader=yaml.SafeLoader)
