"""Base classes for our pymdownx blocks; see the package docstring for the why."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from therapy_site.pagedata import collect, ignore, register_document_data
from therapy_site.sources import SourceMap

log = logging.getLogger("therapy_site.blocks")

PROBLEMS_ATTR = "therapy_block_problems"
COUNTS_ATTR = "therapy_block_counts"
PENDING_ATTR = "therapy_block_pending"


@dataclass(frozen=True)
class BlockProblem:
    """One thing wrong with one block, precise enough to point the author at it."""

    block: str  # block name, e.g. "takeaways"
    occurrence: int  # 0-based index among this document's blocks of that name
    message: str  # what is wrong and what to do

    def located(self, path: str, source: str) -> str:
        """Format as ``path:line: message``, finding the block's header line in ``source``."""
        line = block_header_line(source, self.block, self.occurrence)
        return f"{path}:{line or 1}: {self.block} block: {self.message}"


Reporter = Callable[[BlockProblem], None]


def block_header_line(source: str, name: str, occurrence: int) -> int | None:
    """1-based line of the ``occurrence``-th ``/// name`` header in a page's full source (not in code)."""
    return SourceMap(source).block_header_line(name, occurrence)


def log_problem(problem: BlockProblem) -> None:
    """Default reporter outside MkDocs: a warning on the ``therapy_site.blocks`` logger."""
    log.warning("%s block #%d: %s", problem.block, problem.occurrence + 1, problem.message)


def record_problem(md: Markdown, problem: BlockProblem, reporter: Reporter) -> None:
    problems: list[BlockProblem] = getattr(md, PROBLEMS_ATTR, [])
    if problem in problems:
        return
    problems.append(problem)
    setattr(md, PROBLEMS_ATTR, problems)
    reporter(problem)


class CheckedBlock(Block):
    """A pymdownx ``Block`` that reports invalid options instead of silently becoming text.

    Subclasses declare ``OPTIONS`` as usual; option parsers raise ``ValueError``
    with a message meant for the author. ``on_validate`` may call
    :meth:`problem` and return ``False``.
    """

    # Maps option names to a short hint shown when the value is invalid.
    OPTION_HINTS: ClassVar[dict[str, str]] = {}

    def on_init(self) -> None:
        counts: Counter[str] = getattr(self.md, COUNTS_ATTR)
        self.occurrence = counts[self.NAME]
        counts[self.NAME] += 1
        # Pending until _validate runs; pymdownx skips _validate when the options are not valid YAML.
        getattr(self.md, PENDING_ATTR).add((self.NAME, self.occurrence))

    def collect(self, item: Any) -> None:
        """Hand a piece of page data to the current document and the extension's collector."""
        collector = self.config.get("collector") if isinstance(self.config, dict) else None
        collect(self.md, item, collector)

    def problem(self, message: str) -> None:
        reporter = self.config.get("reporter", log_problem) if isinstance(self.config, dict) else log_problem
        record_problem(self.md, BlockProblem(self.NAME, self.occurrence, message), reporter)

    def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:
        getattr(self.md, PENDING_ATTR).discard((self.NAME, self.occurrence))
        if self.arg_spec is True and not arg:
            self.problem(f"needs a title after '|', e.g. '/// {self.NAME} | Title'")
            return False
        if self.arg_spec is False and arg:
            self.problem(f"takes no title after '|' (found '{arg}')")
            return False
        known = sorted(name for name in self.option_spec if name != "attrs")
        for name, value in options.items():
            if name not in self.option_spec:
                allowed = ", ".join(known) or "none"
                self.problem(f"unknown option '{name}'; allowed options: {allowed}")
                return False
            parser = self.option_spec[name][1]
            if parser is None:
                continue
            try:
                parser(value)
            except Exception as error:  # the option parsers' messages are for the author
                hint = self.OPTION_HINTS.get(name, "")
                self.problem(f"option '{name}': {error}{'; ' + hint if hint else ''}")
                return False
        return super()._validate(parent, arg, **options)


class _ResetPerDocument(Preprocessor):
    """Start each conversion with empty problem and occurrence records (the Markdown object may be reused)."""

    def run(self, lines: list[str]) -> list[str]:
        setattr(self.md, PROBLEMS_ATTR, [])
        setattr(self.md, COUNTS_ATTR, Counter())
        setattr(self.md, PENDING_ATTR, set())
        return lines


class _UnreadHeaderCheck(Treeprocessor):
    """Report blocks whose options pymdownx could not read as YAML (it never validated them)."""

    def __init__(self, md: Markdown, names: tuple[str, ...], reporter: Reporter) -> None:
        super().__init__(md)
        self.names = names
        self.reporter = reporter

    def run(self, root: etree.Element) -> None:
        for name, occurrence in sorted(getattr(self.md, PENDING_ATTR, set())):
            if name not in self.names:
                continue
            message = (
                "options could not be read: write them indented by four spaces under the header, "
                "as YAML 'key: value' lines, and end the block with '///'"
            )
            record_problem(self.md, BlockProblem(name, occurrence, message), self.reporter)


class CheckedBlocksExtension(BlocksExtension):
    """A ``BlocksExtension`` for our checked blocks; subclasses set ``BLOCKS`` and ``block_config``."""

    BLOCKS: ClassVar[tuple[type[CheckedBlock], ...]] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.config: dict[str, list[Any]] = {
            "reporter": [log_problem, "Callable receiving each BlockProblem (our MkDocs plugins set it)"],
            "collector": [ignore, "Callable receiving each piece of page data (therapy_site.pagedata)"],
            **getattr(self, "config", {}),
        }
        super().__init__(*args, **kwargs)

    def block_config(self) -> dict[str, Any]:
        """The config each block sees as ``self.config``."""
        return self.getConfigs()

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        md.preprocessors.register(_ResetPerDocument(md), "therapy_block_reset", 1000)
        register_document_data(md)
        for block in self.BLOCKS:
            block_mgr.register(block, self.block_config())
        md.treeprocessors.register(
            _UnreadHeaderCheck(md, tuple(block.NAME for block in self.BLOCKS), self.getConfig("reporter")),
            f"therapy_unread_{self.BLOCKS[0].NAME}",
            1,
        )
