"""The one rule set, run over files: by ``therapy-site check`` and by the build's validation plugin.

Each rule is a function ``(SourceFile, CheckContext) -> Iterator[Finding]``;
:data:`RULES` lists them in the order their findings are printed for a line.
A rule that fails on content nobody foresaw still gives a located finding
(``internal``), never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from therapy_site.validation.blocks import check_blocks
from therapy_site.validation.content_security import check_content_security
from therapy_site.validation.context import CheckContext
from therapy_site.validation.faq import check_faq
from therapy_site.validation.files import ContentEntry, content_files, markdown_files
from therapy_site.validation.findings import Finding, error
from therapy_site.validation.front_matter import check_front_matter
from therapy_site.validation.headings import check_headings
from therapy_site.validation.images import check_images
from therapy_site.validation.language import check_language
from therapy_site.validation.links import check_links
from therapy_site.validation.metadata import check_metadata
from therapy_site.validation.placeholders import check_placeholders
from therapy_site.validation.review_age import check_review_age
from therapy_site.validation.source import SourceFile
from therapy_site.validation.structure import check_block_structure

Rule = Callable[[SourceFile, CheckContext], Iterator[Finding]]
RULES: tuple[Rule, ...] = (
    check_front_matter,
    check_metadata,
    check_images,
    check_headings,
    check_block_structure,
    check_faq,
    check_blocks,
    check_content_security,
    check_links,
    check_language,
    check_placeholders,
    check_review_age,
)
CHECKS = RULES  # the name ``therapy-site check`` used


def _run(rule: Rule, source: SourceFile, context: CheckContext) -> list[Finding]:
    try:
        return list(rule(source, context))
    except Exception as problem:  # a rule tripped over content: say where, never a traceback
        name = rule.__name__.removeprefix("check_").replace("_", "-")
        message = (
            f"this file could not be checked ({name}: {type(problem).__name__}: {problem}); "
            "look for an unusual construct near the top, or report this message"
        )
        return [error(source.shown, 1, message, "internal")]


def check_source(source: SourceFile, context: CheckContext) -> list[Finding]:
    if source.read_error:
        line, column, message, rule = source.read_error
        return [error(source.shown, line, message, rule, column)]
    if source.meta_error:  # nothing else can be trusted until the front matter reads
        return _run(check_front_matter, source, context)
    if any(finding.rule == "block-unclosed" for finding in _run(check_block_structure, source, context)):
        # An unclosed block swallows the rest of the page: the converted page says nothing reliable.
        rules = tuple(rule for rule in RULES if rule not in (check_faq, check_blocks))
    else:
        rules = RULES
    findings = {finding for rule in rules for finding in _run(rule, source, context)}
    return sorted(findings, key=lambda finding: (finding.line, finding.column, finding.rule, finding.message))


def check_entry(entry: ContentEntry, context: CheckContext) -> list[Finding]:
    if entry.skipped:
        return []
    if entry.problem is not None:
        rule, message = entry.problem
        return [error(context.shown(entry.path), 1, message, rule)]
    try:
        source = context.source(entry.path)
    except Exception as problem:  # reading is built not to raise; if it still does, say where
        message = f"this file could not be read ({type(problem).__name__}: {problem}); save it again as UTF-8 text"
        return [error(context.shown(entry.path), 1, message, "internal")]
    return check_source(source, context)


def check_file(path: Path, context: CheckContext) -> list[Finding]:
    return [finding for entry in markdown_files([path]) for finding in check_entry(entry, context)]


def check_paths(paths: Iterable[Path], context: CheckContext) -> list[Finding]:
    return [finding for entry in markdown_files(paths) for finding in check_entry(entry, context)]


def check_site(context: CheckContext) -> dict[Path, list[Finding]]:
    """Findings of every content entry of the docs folder, by path (entries without findings included)."""
    return {entry.path: check_entry(entry, context) for entry in content_files(context.project.docs_dir)}


__all__ = [
    "CHECKS",
    "RULES",
    "CheckContext",
    "Finding",
    "check_entry",
    "check_file",
    "check_paths",
    "check_site",
    "check_source",
    "markdown_files",
]
