"""Plugin side of every content feature: one page at a time, problems with ``file:line``, data kept per page.

Our Markdown extensions are stateless: they hand each problem to a ``reporter``
callable and each piece of page data (see :mod:`therapy_site.pagedata`) to a
``collector`` callable. A :class:`PageSession` is both, for one MkDocs plugin:
the plugin opens it for a page in ``on_page_markdown`` and closes it in
``on_page_content``. Whatever arrives while no page is open comes from Material's
blog rendering a post again for a listing page (an excerpt): its problems were
already reported for the post, and its data belongs to the post, never to the
listing, so both are dropped.

The problems of the page are kept on its :class:`~therapy_site.pagedata.PageData`
(``problems``). When the site runs the ``therapy-site/validation`` plugin, that
plugin reports them, in ``therapy-site check``'s words, and stops a strict build
before anything is written; the session only logs them itself when it does not.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from mkdocs.config.defaults import MkDocsConfig

from therapy_site.pagedata import ContentItem, page_data
from therapy_site.sources import read_source


class LocatedProblem(Protocol):
    """A problem that can name its own line in the page's source (block, infographic and FAQ problems)."""

    def located(self, path: str, source: str) -> str: ...


VALIDATION_PLUGIN = "therapy-site/validation"


def validation_reports(config: MkDocsConfig) -> bool:
    """Whether the site's validation plugin reports the problems met while converting pages."""
    plugin = config.plugins.get(VALIDATION_PLUGIN)
    return plugin is not None and bool(getattr(plugin, "config", {}).get("enabled", False))


class PageSession:
    """Collect the problems and data of the page being rendered; problems go to the page's data.

    ``logs``: also log them as ``file:line: message`` warnings (when no validation plugin reports them).
    """

    def __init__(self, logger: logging.Logger | logging.LoggerAdapter[logging.Logger], *, logs: bool = True) -> None:
        self.logger = logger
        self.logs = logs
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
        """Keep the page's problems in its data; return (and log, if ``logs``) them as ``file:line: message``."""
        page, problems = self.page, self.problems
        self.page, self.problems = None, []
        if page is None or not problems:
            return []
        page_data(page).problems.extend(problems)
        source = read_source(page.file.abs_src_path)
        messages = [problem.located(page.file.src_path, source) for problem in problems]
        if self.logs:
            for message in messages:
                self.logger.warning(message)
        return messages
