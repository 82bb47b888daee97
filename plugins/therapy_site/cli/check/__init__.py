"""``therapy-site check``: lint posts and pages without building the site.

Each check is a function ``(SourceFile, CheckContext) -> Iterator[Finding]``;
:data:`CHECKS` lists them in the order their findings are printed for a line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from therapy_site.cli.check.blocks import check_blocks
from therapy_site.cli.check.context import CheckContext
from therapy_site.cli.check.faq import check_faq
from therapy_site.cli.check.findings import Finding, render
from therapy_site.cli.check.front_matter import check_front_matter
from therapy_site.cli.check.headings import check_headings
from therapy_site.cli.check.images import check_images
from therapy_site.cli.check.language import check_language
from therapy_site.cli.check.links import check_links
from therapy_site.cli.check.placeholders import check_placeholders
from therapy_site.cli.check.source import SourceFile

Check = Callable[[SourceFile, CheckContext], Iterator[Finding]]
CHECKS: tuple[Check, ...] = (
    check_front_matter,
    check_images,
    check_headings,
    check_faq,
    check_blocks,
    check_links,
    check_language,
    check_placeholders,
)


def markdown_files(paths: Iterable[Path]) -> list[Path]:
    """The Markdown files named, or found in the folders named, sorted and without repeats."""
    found: dict[Path, Path] = {}
    for path in paths:
        candidates = sorted(path.rglob("*.md")) if path.is_dir() else [path]
        for candidate in candidates:
            found.setdefault(candidate.resolve(), candidate)
    return sorted(found.values(), key=lambda path: str(path))


def check_file(path: Path, context: CheckContext) -> list[Finding]:
    source = context.source(path)
    if source.meta_error:  # nothing else can be trusted until the front matter reads
        return list(check_front_matter(source, context))
    findings = {finding for check in CHECKS for finding in check(source, context)}
    return sorted(findings, key=lambda finding: (finding.line, finding.column, finding.rule, finding.message))


def check_paths(paths: Iterable[Path], context: CheckContext) -> list[Finding]:
    return [finding for path in markdown_files(paths) for finding in check_file(path, context)]


__all__ = ["CHECKS", "CheckContext", "Finding", "check_file", "check_paths", "markdown_files", "render"]
