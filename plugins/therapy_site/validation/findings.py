"""Findings and the three ways of printing them (text for editors, JSON for tools, GitHub annotations)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Literal

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
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.rule}]"

    def as_github(self) -> str:
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{self.severity} file={self.path},line={self.line},col={self.column},title={self.rule}::{message}"


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
