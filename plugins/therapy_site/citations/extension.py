"""Sources a page cites: a ``/// sources`` block or a plain ``## Sources`` / ``## References`` section.

Both become the same HTML, a numbered list of links with titles and publishers::

    <section class="ts-sources" aria-labelledby="sources">
      <h2 id="sources">Sources</h2>
      <ol class="ts-sources__list">
        <li><cite><a href="https://doi.org/…">Title</a></cite>, Publisher</li>
      </ol>
    </section>

Authors write each source as one list item: ``- [Title](https://address), Publisher``. The tree
processor (after ``toc``, like the FAQ's) reads the items back as :class:`Citation` data for the page's
structured data (:class:`therapy_site.pagedata.Sources`, also on ``md.therapy_page_data``), handed to the
``collector`` callable once per conversion; problems (a source without a
link, a link that is not ``https:``, no publisher, an empty section) go to the ``reporter`` and to
``md.therapy_citation_problems``. No state is kept between conversions.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar
from xml.etree import ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from therapy_site.blocks import CheckedBlock, CheckedBlocksExtension
from therapy_site.blocks.base import BlockProblem, record_problem
from therapy_site.faq.extension import heading_text, normalise_title, section_in_place_of, source_headings
from therapy_site.options import NamedOptions
from therapy_site.pagedata import Citation, Sources, collect

log = logging.getLogger("therapy_site.citations")

NAME = "sources"
DEFAULT_TITLES: tuple[str, ...] = ("Sources", "References")
DEFAULT_BLOCK_TITLE = "Sources"
SECTION_CLASS = "ts-sources"
LIST_CLASS = "ts-sources__list"
PUBLISHER_CLASS = "ts-sources__publisher"
PROBLEMS_ATTR = "therapy_citation_problems"
LIST_TAGS = ("ul", "ol")
_LEADING = re.compile(r"^[\s,;:–—-]+")
_YEAR = re.compile(r"\((\d{4})\)")
EXAMPLE = "'- [Title of the work](https://address), Publisher'"


@dataclass(frozen=True)
class HeadingProblem:
    """A problem in a ``## Sources`` section, located at its heading in the page's source."""

    occurrence: int  # 0-based among the document's sources headings
    message: str
    titles: tuple[str, ...] = DEFAULT_TITLES

    def line(self, source: str) -> int:
        wanted = {normalise_title(title) for title in self.titles}
        found = [
            number for number, level, text in source_headings(source) if level == 2 and normalise_title(text) in wanted
        ]
        return found[self.occurrence] if self.occurrence < len(found) else 1

    def located(self, path: str, source: str) -> str:
        return f"{path}:{self.line(source)}: sources: {self.message}"


Problem = HeadingProblem | BlockProblem
Reporter = Callable[[Any], None]
Collector = Callable[[Any], None]


def log_problem(problem: Any) -> None:
    """Default reporter outside MkDocs: a warning on the ``therapy_site.citations`` logger."""
    log.warning("sources: %s", problem.message)


def _text(element: etree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def read_item(item: etree.Element) -> Citation | str:
    """The citation in one list item, or what is wrong with it (for the author)."""
    link = next(iter(item.iter("a")), None)
    if link is None or not link.get("href"):
        return f"a source has no link: write it as {EXAMPLE}"
    url = link.get("href", "")
    title = _text(link)
    if not url.startswith("https://"):
        return f"the source '{title}' links to '{url}': link to the work itself with an https:// address"
    whole = _text(item)
    before, _, after = whole.partition(title) if title else ("", "", "")
    after = _LEADING.sub("", after).rstrip(" .")
    details, _, publisher = after.rpartition(",")
    publisher = publisher.strip()
    if not title:
        return f"the source linking to {url} has no title: put the work's title in the link text"
    if not publisher:
        return f"the source '{title}' names no publisher: add it after the link, as in {EXAMPLE}"
    year = _YEAR.search(before)
    del details, year  # shown on the page; the structured data keeps title, address and publisher
    return Citation(url=url, title=title, publisher=publisher)


def format_item(item: etree.Element) -> None:
    """Wrap the item's link in ``<cite>`` (the title of a work)."""
    for parent in item.iter():
        for index, child in enumerate(list(parent)):
            if child.tag == "a":
                cite = etree.Element("cite")
                cite.tail, child.tail = child.tail, None
                parent.remove(child)
                cite.append(child)
                parent.insert(index, cite)
                return


class SourcesBlock(CheckedBlock):
    """``/// sources | Optional heading``: a Markdown list of sources."""

    NAME = NAME
    ARGUMENT = None
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        section = etree.SubElement(parent, "section", {"class": SECTION_CLASS, "data-ts-block": str(self.occurrence)})
        section.text = "\n"
        heading = etree.SubElement(section, "h2")
        heading.text = (self.argument or "").strip() or DEFAULT_BLOCK_TITLE
        heading.tail = "\n"
        return section

    def on_end(self, block: etree.Element) -> None:
        if not any(child.tag in LIST_TAGS for child in block):
            self.problem(f"has no list of sources: write one per line, {EXAMPLE}")


class SourcesTreeprocessor(Treeprocessor):
    """Find sources sections (blocks and ``##`` headings), number them, read them as citations."""

    def __init__(self, md: Markdown, titles: Sequence[str], reporter: Reporter, collector: Collector) -> None:
        super().__init__(md)
        self.titles = tuple(titles)
        self.wanted = {normalise_title(title) for title in titles}
        self.reporter = reporter
        self.collector = collector

    def run(self, root: etree.Element) -> None:
        setattr(self.md, PROBLEMS_ATTR, [])
        citations: list[Citation] = []
        self.wrap_headings(root)
        sections = [element for element in root.iter("section") if SECTION_CLASS in (element.get("class") or "")]
        title = ""
        for section in sections:
            heading = next((child for child in section if child.tag == "h2"), None)
            title = title or (heading_text(heading, self.md) if heading is not None else "")
            citations.extend(self.read_section(section))
        if sections:
            found = tuple(dict.fromkeys(citations))  # the same work cited twice is one citation
            collect(self.md, Sources(title=title or DEFAULT_BLOCK_TITLE, citations=found), self.collector)

    def wrap_headings(self, root: etree.Element) -> None:
        children = list(root)
        occurrence = -1
        for index, child in enumerate(children):
            if child.tag != "h2" or normalise_title(heading_text(child, self.md)) not in self.wanted:
                continue
            occurrence += 1
            end = next(
                (i for i in range(index + 1, len(children)) if children[i].tag in {"h1", "h2", "section"}),
                len(children),
            )
            members = children[index:end]
            section = section_in_place_of(root, members, {"class": SECTION_CLASS, "data-ts-heading": str(occurrence)})
            section.extend(members)

    def problem(self, section: etree.Element, message: str) -> None:
        """Report once, to the reporter and on the document (``md.therapy_citation_problems``); the list of
        block problems holds them too, so ``therapy-site check`` finds them where it finds other blocks'."""
        problem: Problem
        if section.get("data-ts-heading") is not None:
            problem = HeadingProblem(int(section.get("data-ts-heading", "0")), message, self.titles)
        else:
            problem = BlockProblem(NAME, int(section.get("data-ts-block", "0")), message)
        getattr(self.md, PROBLEMS_ATTR).append(problem)
        record_problem(self.md, problem, self.reporter)  # type: ignore[arg-type]

    def read_section(self, section: etree.Element) -> list[Citation]:
        heading = next((child for child in section if child.tag == "h2"), None)
        if heading is not None and heading.get("id") and not section.get("aria-labelledby"):
            section.set("aria-labelledby", heading.get("id", ""))
        lists = [child for child in section if child.tag in LIST_TAGS]
        if not lists:
            if section.get("data-ts-heading") is not None:
                self.problem(section, f"the section has no list of sources: write one per line, {EXAMPLE}")
            self.clean(section)
            return []
        citations: list[Citation] = []
        for listing in lists:
            listing.tag = "ol"  # numbered, whatever the author typed
            listing.set("class", LIST_CLASS)
            for item in listing.findall("li"):
                found = read_item(item)
                if isinstance(found, str):
                    self.problem(section, found)
                    continue
                format_item(item)
                citations.append(found)
        self.clean(section)
        return citations

    @staticmethod
    def clean(section: etree.Element) -> None:
        for attribute in ("data-ts-heading", "data-ts-block"):
            section.attrib.pop(attribute, None)


class CitationsExtension(NamedOptions, CheckedBlocksExtension):
    """``therapy_site.citations``: the ``/// sources`` block and ``## Sources``/``## References`` sections."""

    EXTENSION_NAME = "therapy_site.citations"
    BLOCKS = (SourcesBlock,)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.config = {
            "reporter": [log_problem, "Callable receiving each problem (our MkDocs plugin sets it)"],
            "titles": [list(DEFAULT_TITLES), "h2 texts that start a sources section (case-insensitive)"],
        }
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        super().extendMarkdownBlocks(md, block_mgr)
        processor = SourcesTreeprocessor(
            md, self.getConfig("titles"), self.getConfig("reporter"), self.getConfig("collector")
        )
        # After toc (5), so headings have their ids; beside the FAQ's (4), before unescape (0).
        md.treeprocessors.register(processor, "therapy_sources", 3)


def makeExtension(**kwargs: Any) -> Extension:
    return CitationsExtension(**kwargs)


__all__ = ["CitationsExtension", "HeadingProblem", "SourcesBlock", "makeExtension", "read_item"]
