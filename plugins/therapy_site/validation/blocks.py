"""Problems our Markdown extensions find, found by the very extensions the build uses (one implementation).

The page is converted with ``config.markdown_extensions`` after our plugins'
``on_config`` added their extensions, so every ``///`` block and the FAQ are
checked by the code that renders them, and reported with the build's messages
(``problem.located(path, source)``, as ``therapy_site.reporting.PageSession`` does).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from therapy_site.blocks import BlockProblem
from therapy_site.blocks.base import PROBLEMS_ATTR as BLOCK_PROBLEMS
from therapy_site.faq.extension import PROBLEMS_ATTR as FAQ_PROBLEMS
from therapy_site.faq.extension import FaqExtension, FaqProblem
from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, error
from therapy_site.validation.source import SourceFile


@dataclass(frozen=True)
class Rendered:
    html: str
    block_problems: list[BlockProblem]
    faq_problems: list[FaqProblem]


def render(source: SourceFile, context: CheckContext) -> Rendered:
    """The page's HTML as the build makes it, with the problems found on the way (once per file)."""
    cached = context.last_rendered
    if cached is None or cached[0] is not source:
        md = context.markdown()
        html = md.convert(source.body)
        rendered = Rendered(html, list(getattr(md, BLOCK_PROBLEMS, [])), list(getattr(md, FAQ_PROBLEMS, [])))
        context.last_rendered = cached = (source, rendered)
    return cached[1]


OPTION_NAMED = re.compile(r"option '([\w-]+)'")


def located_finding(source: SourceFile, problem: Any, rule: str) -> Finding:
    """A finding with the extension's own message, at the offending option's line when it names one."""
    located = problem.located(source.shown, source.text)
    match = re.match(rf"{re.escape(source.shown)}:(\d+): (.*)", located, re.DOTALL)
    if match is None:  # a problem type that formats itself differently: keep its text whole
        return error(source.shown, 1, located, rule)
    line, message = int(match.group(1)), match.group(2)
    option = OPTION_NAMED.search(message)
    header = source.text.splitlines()[line - 1] if 0 < line <= source.text.count("\n") + 1 else ""
    if option is not None and re.match(r"^\s*/{3,}", header):
        line = option_line(source.text, line, option.group(1)) or line
    return error(source.shown, line, message, rule)


def option_line(text: str, header: int, option: str) -> int | None:
    """The line of ``option:`` among the indented option lines under the block header at ``header``."""
    lines = text.splitlines()
    pattern = re.compile(rf"^\s+{re.escape(option)}\s*:")
    for number in range(header + 1, len(lines) + 1):
        line = lines[number - 1]
        if not line.strip() or not line[0].isspace():
            return None
        if pattern.match(line):
            return number
    return None


# A plain "## Sources" / "## References" section is read by the citations extension like a block.
SOURCES_HEADINGS = frozenset({"sources", "references"})


def has_blocks(source: SourceFile) -> bool:
    """Whether the page has a ``///`` line or a sources section outside code (else converting it can report nothing)."""
    return bool(source.map.block_lines) or any(
        heading.level == 2 and heading.text.lower() in SOURCES_HEADINGS
        for heading in source.map.headings
    )


def check_blocks(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    if not has_blocks(source):
        return  # no block: nothing the conversion could report (and converting every page twice is slow)
    for problem in render(source, context).block_problems:
        yield located_finding(source, problem, "block")


def conversion_finding(source: SourceFile, problem: Any) -> Finding:
    """A problem the build's own conversion of the page met, as ``check_faq``/``check_blocks`` word it."""
    return located_finding(source, problem, "faq" if isinstance(problem, FaqProblem) else "block")


def site_converts_faq(context: CheckContext) -> bool:
    """Whether the site's Markdown extensions include the FAQ extension (declared in mkdocs.yml)."""
    return any(
        isinstance(extension, FaqExtension) or extension in ("therapy_site.faq", "therapy_site.faq.extension")
        for extension in context.project.config.markdown_extensions
    )
