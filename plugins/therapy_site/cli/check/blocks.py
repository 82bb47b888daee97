"""Our ``///`` blocks' problems, found by the very extensions the build uses (one implementation).

The Markdown is converted with ``config.markdown_extensions`` after our
plugins' ``on_config`` added their extensions, so every block the site enables
is checked, with the messages the build prints.
"""

from __future__ import annotations

from collections.abc import Iterator

from therapy_site.blocks import BlockProblem, block_header_line
from therapy_site.blocks.base import PROBLEMS_ATTR
from therapy_site.cli.check.context import CheckContext
from therapy_site.cli.check.findings import Finding, error
from therapy_site.cli.check.source import SourceFile


def render(source: SourceFile, context: CheckContext) -> tuple[str, list[BlockProblem]]:
    """The page's HTML as the build makes it, and the block problems found on the way."""
    md = context.markdown()
    html = md.convert(source.body)
    return html, list(getattr(md, PROBLEMS_ATTR, []))


def check_blocks(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    _html, problems = render(source, context)
    for problem in problems:
        line = block_header_line(source.text, problem.block, problem.occurrence) or 1
        located = problem.located(source.shown, source.text)
        message = located.removeprefix(f"{source.shown}:{line}: ")
        yield error(source.shown, line, message, "block")
