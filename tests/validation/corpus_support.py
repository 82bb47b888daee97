"""What the validation tests share: the corpus' cases, running check, reading findings out of any output."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from helpers import run_command

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
GOOD = HERE / "good"
FINDING = re.compile(r"^(?:\S+\s+-\s+)?(?:therapy_site: )?(\S+?):(\d+):(\d+): (error|warning): (.*) \[([\w-]+)\]$")


@dataclass(frozen=True)
class Case:
    name: str
    rule: str
    line: int
    column: int | None
    path: str  # where post.md goes, relative to the project root


def load_cases() -> list[Case]:
    cases = []
    for folder in sorted(CORPUS.iterdir()):
        manifest = yaml.safe_load((folder / "case.yml").read_text(encoding="utf-8"))
        path = manifest.get("path", f"docs/blog/posts/{folder.name}.md")
        cases.append(Case(folder.name, manifest["rule"], int(manifest["line"]), manifest.get("column"), path))
    return cases


def run_check(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``therapy-site check`` in ``project``, its own process (``helpers.run_command``)."""
    return run_command(project, "therapy-site", "check", *args)


def located(output: str) -> set[tuple[str, int, int, str, str]]:
    """(path, line, column, severity, rule) of every finding line in a command's output."""
    found = set()
    for line in output.splitlines():
        match = FINDING.match(line.strip())
        if match:
            path, row, column, severity, _message, rule = match.groups()
            found.add((path, int(row), int(column), severity, rule))
    return found
