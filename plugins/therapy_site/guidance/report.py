"""Guidance as people read it: the lines ``check`` prints, the per-post table, the preview's panel."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup, escape

from therapy_site.guidance.advice import GROUPS, Advice
from therapy_site.guidance.runner import PageGuidance

LIGHTS = {"green": "ok", "amber": "note", "red": "warn"}
PANEL_CLASS = "therapy-guidance"


def all_advice(pages: Iterable[PageGuidance]) -> list[Advice]:
    return [item for page in pages for item in page.advice]


def render_advice(advice: list[Advice], output_format: str) -> str:
    if output_format == "github":
        return "\n".join(item.as_github() for item in advice)
    return "\n".join(item.as_text() for item in advice)


def json_document(advice: list[Advice]) -> dict[str, object]:
    return {
        "guidance": [item.as_dict() for item in advice],
        "guidance_warnings": sum(item.severity == "warning" for item in advice),
        "guidance_notes": sum(item.severity == "info" for item in advice),
    }


def merge_json(findings_json: str, advice: list[Advice]) -> str:
    """The ``--format json`` document of ``check`` with the guidance added under its own keys."""
    document = json.loads(findings_json)
    document.update(json_document(advice))
    return json.dumps(document, indent=2, ensure_ascii=False)


def summary(advice: list[Advice]) -> str:
    warnings = sum(item.severity == "warning" for item in advice)
    return f"guidance: {warnings} warning(s), {len(advice) - warnings} note(s) (guidance never blocks publishing)"


def table(pages: Iterable[PageGuidance]) -> str:
    """One row per post: a traffic light per group, reading grade, words, reading time."""
    rows = [page for page in pages if page.is_post]
    groups = list(GROUPS)
    header = ["post", *groups, "SMOG", "FK grade", "ease", "words", "minutes"]
    body = []
    for page in rows:
        found = page.figures
        figures = (
            [
                f"{found.smog:.1f}",
                f"{found.flesch_kincaid_grade:.1f}",
                f"{found.flesch_reading_ease:.0f}",
                str(found.words),
                str(found.reading_minutes),
            ]
            if found is not None
            else ["-"] * 5  # not English: no reading figures
        )
        body.append([page.shown, *(LIGHTS[page.group_light(group)] for group in groups), *figures])
    widths = [max(len(row[index]) for row in [header, *body]) for index in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *body]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    lines.append("ok: nothing to change; note: worth a look; warn: change it before publishing if you can")
    return "\n".join(lines)


def editor_link(path: Path, line: int, column: int) -> str:
    """A link that opens the file at the line in a local editor (VS Code's scheme; others read it too)."""
    return f"vscode://file{quote(path.resolve().as_posix())}:{line}:{column}"


def panel(page: PageGuidance, path: Path, note: str | None = None) -> Markup:
    """The preview's guidance panel: every finding with a link to its line. Material's admonition styles only."""
    kind = "warning" if any(item.severity == "warning" for item in page.advice) else "info"
    if not page.advice:
        kind = "success"
    items = "".join(
        f'<li><a href="{escape(editor_link(path, item.line, item.column))}">line {item.line}</a> '
        f"<strong>{escape(item.severity)}</strong> {escape(item.message)} <code>{escape(item.rule)}</code></li>"
        for item in page.advice
    )
    figures = ""
    if page.figures is not None:
        found = page.figures
        figures = (
            f"<p>Reading grade (SMOG) {found.smog:.1f}, Flesch–Kincaid grade {found.flesch_kincaid_grade:.1f}, "
            f"reading ease {found.flesch_reading_ease:.0f}; {found.words} words, about {found.reading_minutes} "
            "min.</p>"
        )
    listing = f"<ul>{items}</ul>" if items else "<p>Nothing to change.</p>"
    if note:
        listing += f"<p>{escape(note.removeprefix('guidance: '))}</p>"
    title = f"Writing guidance (preview only): {len(page.advice)} finding(s)"
    return Markup(
        f'<aside class="{PANEL_CLASS} admonition {kind}" data-preview-only="guidance" aria-label="Writing guidance">'
        f'<p class="admonition-title">{escape(title)}</p>{figures}{listing}</aside>'
    )
