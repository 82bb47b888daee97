"""``therapy-site check``'s guidance: judged for the same files, printed after the errors and warnings.

Text: the guidance lines go to standard error, after the findings (standard output keeps
exactly the findings a build reports too), then one summary line; ``--guidance`` adds the
per-post table. JSON: under ``guidance`` in the same document. GitHub: annotations
(``warning``, ``notice``) after the findings'.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import click

from therapy_site.guidance.advice import advice
from therapy_site.guidance.report import all_advice, merge_json, render_advice, summary, table
from therapy_site.guidance.runner import GuidanceSettings, PageGuidance, guide_source, language_note
from therapy_site.guidance.syllables import SyllableDictionary
from therapy_site.validation.context import CheckContext
from therapy_site.validation.files import markdown_files
from therapy_site.validation.source import SourceFile


@dataclass
class Guided:
    settings: GuidanceSettings
    pages: list[PageGuidance]

    @property
    def fails(self) -> bool:
        """Whether ``--strict-guidance`` (or ``guidance: {strict: true}``) turns a guidance warning into a failure."""
        return any(item.severity == "warning" for item in all_advice(self.pages))


def guide_paths(paths: Iterable[Path], context: CheckContext) -> Guided:
    settings = GuidanceSettings.from_config(context.project.config)
    dictionary = SyllableDictionary()
    pages = []
    for entry in markdown_files(list(paths)):
        if entry.skipped or entry.problem is not None:
            continue
        source = context.source(entry.path)
        slug = context.post_slug(source) if source.is_post else None
        pages.append(_guide(source, settings, slug or "", dictionary))
    pages.sort(key=lambda page: page.shown)
    return Guided(settings, pages)


def _guide(source: SourceFile, settings: GuidanceSettings, slug: str, dictionary: SyllableDictionary) -> PageGuidance:
    """The page's guidance; a rule that trips over unusual content says so on line 1, never with a traceback."""
    try:
        return guide_source(source, settings, slug, dictionary=dictionary)
    except Exception as problem:
        message = (
            f"guidance could not read this page ({type(problem).__name__}: {problem}); look for an unusual "
            "construct, or report this message"
        )
        return PageGuidance(
            source.shown, source.is_post, [advice(source.shown, 1, message, "guidance-internal", "guidance")]
        )


def with_guidance_json(findings_json: str, guided: Guided) -> str:
    return merge_json(findings_json, all_advice(guided.pages))


def print_guidance(guided: Guided, output_format: str, *, show_table: bool) -> None:
    advice = all_advice(guided.pages)
    note = language_note(guided.settings)
    if output_format == "github":
        if advice:
            click.echo(render_advice(advice, "github"))
        return
    if output_format == "json":
        return
    if advice:
        click.echo(render_advice(advice, "text"), err=True)
    if note:
        click.echo(note, err=True)
    if show_table:
        click.echo(table(guided.pages), err=True)
    click.echo(summary(advice), err=True)
