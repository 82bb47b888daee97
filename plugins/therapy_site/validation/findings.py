"""Findings and the three ways of printing them (text for editors, JSON for tools, GitHub annotations)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Literal, Protocol

Severity = Literal["error", "warning"]

# Long enough for a value, a reason and what to do; short enough to read in a terminal or an editor's hover.
MAX_MESSAGE = 320


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    column: int
    severity: Severity
    message: str
    rule: str

    def as_text(self) -> str:
        return text_line(self)

    def as_github(self) -> str:
        return github_annotation(self.severity, self)


def bounded(message: str) -> str:
    """One line of at most :data:`MAX_MESSAGE` characters (authors' values can be arbitrarily long)."""
    message = " ".join(message.split())
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1].rstrip() + "…"


def shorten(value: object, limit: int = 60) -> str:
    """An author's value quoted in a message: on one line, at most ``limit`` characters."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def error(path: str, line: int, message: str, rule: str, column: int = 1) -> Finding:
    return Finding(path, max(line, 1), max(column, 1), "error", bounded(message), rule)


def warning(path: str, line: int, message: str, rule: str, column: int = 1) -> Finding:
    return Finding(path, max(line, 1), max(column, 1), "warning", bounded(message), rule)


def render(findings: list[Finding], output_format: str) -> str:
    if output_format == "json":
        errors = sum(finding.severity == "error" for finding in findings)
        document = {
            "findings": [asdict(finding) for finding in findings],
            "errors": errors,
            "warnings": len(findings) - errors,
        }
        return json.dumps(document, indent=2, ensure_ascii=False)
    line = Finding.as_github if output_format == "github" else Finding.as_text
    return "\n".join(line(finding) for finding in findings)


class Located(Protocol):
    """A finding or a piece of guidance: where it is, what it says, under which rule."""

    path: str
    line: int
    column: int
    severity: str
    message: str
    rule: str


def text_line(item: Located) -> str:
    """``path:line:column: severity: message [rule]``, as ``check`` and the build print it."""
    return f"{item.path}:{item.line}:{item.column}: {item.severity}: {item.message} [{item.rule}]"


def github_annotation(level: str, item: Located) -> str:
    """A GitHub Actions annotation (``::warning file=...::message``) at the item's place."""
    message = item.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{level} file={item.path},line={item.line},col={item.column},title={item.rule}::{message}"
