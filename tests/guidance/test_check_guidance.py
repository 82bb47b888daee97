"""``therapy-site check`` prints guidance after the findings; ``--strict-guidance``, ``--guidance``, JSON, GitHub."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from helpers import copy_project, make_post
from therapy_site.cli import main

POST = "docs/blog/posts/busy-mornings.md"
BODY = "Mornings are crazy busy for many of us.\n\nRead about [a first session](first-therapy-session.md).\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = copy_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


def write_post(project: Path, body: str = BODY, **options: str) -> int:
    """Write the post; return the line of its first body line."""
    text = make_post(body, slug="busy-mornings", title="Busy mornings", **options)
    (project / POST).write_text(text, encoding="utf-8")
    return text.splitlines().index(body.splitlines()[0]) + 1


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_guidance_is_printed_after_the_findings_with_file_and_line(project: Path) -> None:
    line = write_post(project, category="Sleep")  # an unknown category: an error
    result = run("check", POST)
    assert result.exit_code == 1
    assert "[front-matter-category]" in result.stdout and "[stigma-casual]" not in result.stdout
    stderr = result.stderr.splitlines()
    summary = next(index for index, text in enumerate(stderr) if text.startswith("1 error(s)"))
    advice = next(index for index, text in enumerate(stderr) if text.endswith("[stigma-casual]"))
    assert summary < advice
    assert stderr[advice].startswith(f"{POST}:{line}:14: warning: 'crazy': ")
    assert stderr[-1].startswith("guidance: ") and "never blocks publishing" in stderr[-1]


def test_guidance_never_fails_unless_asked(project: Path) -> None:
    write_post(project)
    assert run("check", POST).exit_code == 0
    assert run("check", "--strict-guidance", POST).exit_code == 1
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "\nextra:\n", "\nextra:\n  therapy_check:\n    guidance:\n      strict: true\n", 1
        ),
        encoding="utf-8",
    )
    assert run("check", POST).exit_code == 1


def test_notes_alone_do_not_fail_strict_guidance(project: Path) -> None:
    body = (
        "Notes are kept private.\nSessions are booked online.\n\n"
        + "We talk about [sleep](first-therapy-session.md). " * 80
    )
    extra = "reviewed_by: anna\nlast_reviewed: 2025-11-01\n"
    write_post(
        project,
        body + "\n\n## Sources\n\n- [NHS](https://www.nhs.uk/), NHS.\n",
        extra=extra,
        description="Why mornings feel so busy when you are anxious, and a few small, practical steps that "
        "make the first hour of the day feel steadier.",
    )
    result = run("check", "--strict-guidance", "--format", "json", POST)
    guidance = json.loads(result.stdout)["guidance"]
    assert {item["severity"] for item in guidance} == {"info"}, guidance
    assert result.exit_code == 0


def test_json_and_github_formats_carry_the_guidance(project: Path) -> None:
    line = write_post(project)
    document = json.loads(run("check", "--format", "json", POST).stdout)
    (crazy,) = [item for item in document["guidance"] if item["rule"] == "stigma-casual"]
    assert crazy == {
        "path": POST,
        "line": line,
        "column": 14,
        "severity": "warning",
        "message": crazy["message"],
        "rule": "stigma-casual",
        "group": "stigma",
    }
    assert document["guidance_warnings"] == sum(item["severity"] == "warning" for item in document["guidance"])
    github = run("check", "--format", "github", POST).stdout
    assert f"::warning file={POST},line={line},col=14,title=stigma-casual::" in github


def test_the_table_has_a_row_per_post(project: Path) -> None:
    write_post(project)
    result = run("check", "--guidance")
    rows = [text for text in result.stderr.splitlines() if text.startswith("docs/blog/posts/") and ".md  " in text]
    assert len(rows) == len(list((project / "docs/blog/posts").glob("*.md")))
    (row,) = [text for text in rows if text.startswith(POST)]
    cells = row.split()
    assert cells[1:6] == ["ok", "warn", cells[3], cells[4], cells[5]]  # safe messaging ok, stigma warn
    assert {cells[3], cells[4], cells[5]} <= {"ok", "note", "warn"}
    assert float(cells[6]) >= 0 and int(cells[9]) > 0 and int(cells[10]) >= 1


def test_allowance_and_keyphrase_are_front_matter_the_checks_accept(project: Path) -> None:
    write_post(project, extra="keyphrase: busy mornings\nguidance:\n  allow: [stigma-casual]\n")
    document = json.loads(run("check", "--format", "json", POST).stdout)
    assert document["findings"] == [], document["findings"]
    assert not [item for item in document["guidance"] if item["group"] == "stigma"]
    assert [item["rule"] for item in document["guidance"] if item["rule"].startswith("search-keyphrase")]


def test_a_site_in_another_language_is_told_once(project: Path) -> None:
    write_post(project)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("language: en-GB", "language: fr", 1), encoding="utf-8"
    )
    result = run("check")
    notes = [text for text in result.stderr.splitlines() if "were not run" in text]
    assert len(notes) == 1 and "'fr'" in notes[0]
    assert "[stigma-" not in result.stderr and "[reading-" not in result.stderr
    assert "[trust-" in result.stderr
    table = run("check", "--guidance").stderr
    (row,) = [text for text in table.splitlines() if text.startswith(f"{POST} ")]
    assert row.split()[1:] == ["ok", "ok", "ok", row.split()[4], row.split()[5], "-", "-", "-", "-", "-"]


def test_a_rule_that_trips_is_a_located_note_not_a_traceback(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import therapy_site.guidance.check as check_module

    def trips(*args: object, **kwargs: object) -> None:
        raise ValueError("an unforeseen construct")

    write_post(project)
    monkeypatch.setattr(check_module, "guide_source", trips)
    result = run("check", POST)
    assert result.exit_code == 0
    assert (
        f"{POST}:1:1: warning: guidance could not read this page (ValueError: an unforeseen construct)" in result.stderr
    )
