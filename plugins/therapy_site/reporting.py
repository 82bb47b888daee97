"""Plugin side of every content feature: one page at a time, problems with ``file:line``, data kept per page.

Our Markdown extensions are stateless: they hand each problem to a ``reporter``
callable and each piece of page data (see :mod:`therapy_site.pagedata`) to a
``collector`` callable. A :class:`PageSession` is both, for one MkDocs plugin:
the plugin opens it for a page in ``on_page_markdown`` and closes it in
``on_page_content``. Whatever arrives while no page is open comes from Material's
blog rendering a post again for a listing page (an excerpt): its problems were
already reported for the post, and its data belongs to the post, never to the
listing, so both are dropped.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from therapy_site.pagedata import ContentItem, page_data
from therapy_site.sources import read_source


class LocatedProblem(Protocol):
    """A problem that can name its own line in the page's source (block, infographic and FAQ problems)."""

    def located(self, path: str, source: str) -> str: ...


class PageSession:
    """Collect the problems and data of the page being rendered; log problems as ``file:line: message``."""

    def __init__(self, logger: logging.Logger | logging.LoggerAdapter[logging.Logger]) -> None:
        self.logger = logger
        self.page: Any = None
        self.problems: list[Any] = []

    def report(self, problem: LocatedProblem) -> None:
        if self.page is not None:
            self.problems.append(problem)

    def collect(self, item: ContentItem) -> None:
        if self.page is not None:
            data = page_data(self.page)
            data.content = data.content.with_item(item)

    # A session is the reporter itself, so extensions can take it where they expect a callable.
    __call__ = report

    def start(self, page: Any) -> None:
        self.page = page
        self.problems = []

    def finish(self) -> list[str]:
        """Log and return the problems of the current page as ``file:line: message`` strings."""
        page, problems = self.page, self.problems
        self.page, self.problems = None, []
        if page is None or not problems:
            return []
        source = read_source(page.file.abs_src_path)
        messages = [problem.located(page.file.src_path, source) for problem in problems]
        for message in messages:
            self.logger.warning(message)
        return messages
