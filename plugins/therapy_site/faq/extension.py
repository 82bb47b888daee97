"""The FAQ Markdown extension: find the FAQ section and mark its questions and answers in the HTML.

A section is an FAQ when an ``h2``'s plain text equals one of the configured
titles (case-insensitively, trimmed, permalink anchor excluded). Every ``h3``
under it is a question; its answer is everything up to the next ``h3``/``h2``
(or up to a block of its own, such as the booking invitation appended to posts,
which also ends the section).
The tree processor wraps the structure; at the end of the conversion the
extension reads its own section back (see :mod:`therapy_site.faq.extract`) and
hands the questions and answers on as :class:`therapy_site.pagedata.Faq`::

    <section class="ts-faq" aria-labelledby="frequently-asked-questions">
      <h2 id="frequently-asked-questions">Frequently Asked Questions</h2>
      <div class="ts-faq__item">
        <h3 id="…" class="ts-faq__question">…</h3>
        <div class="ts-faq__answer">…</div>
      </div>
    </section>

The processor keeps no state between conversions: problems of the current
document are in ``md.therapy_faq_problems`` (reset on every run) and go to the
``reporter`` callable.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from copy import deepcopy
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree as etree

from markdown import Extension, Markdown
from markdown.extensions.toc import render_inner_html, strip_tags
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from therapy_site.options import NamedOptions
from therapy_site.pagedata import Collector, collect, ignore, register_document_data
from therapy_site.sources import SourceMap

log = logging.getLogger("therapy_site.faq")

DEFAULT_TITLES: tuple[str, ...] = ("Frequently Asked Questions", "Frequently Asked Question", "FAQ", "FAQs", "FAQ's")
PROBLEMS_ATTR = "therapy_faq_problems"
SECTION_CLASS = "ts-faq"
ITEM_CLASS = "ts-faq__item"
QUESTION_CLASS = "ts-faq__question"
ANSWER_CLASS = "ts-faq__answer"
PERMALINK_CLASS = "headerlink"

_ATTR_LIST = re.compile(r"\s*\{:?[^}]*\}\s*$")


def normalise_title(text: str) -> str:
    """The comparable form of a heading: whitespace collapsed, case folded, a trailing ':', '.' or '(FAQ)' ignored."""
    title = " ".join(text.split()).casefold().rstrip(":.").rstrip()
    return re.sub(r"\s*\((?:faqs?|faq's)\)$", "", title)  # "Frequently asked questions (FAQ)"


@dataclass(frozen=True)
class FaqProblem:
    """Something wrong with one FAQ section, located later in the page's source."""

    occurrence: int  # 0-based index among the document's FAQ headings
    message: str
    question: int | None = None  # 0-based index of the question inside that section
    titles: tuple[str, ...] = DEFAULT_TITLES  # the titles that made the section an FAQ

    def line(self, source: str) -> int:
        """1-based line of the FAQ heading (or of the question) in ``source``; 1 when not found."""
        return faq_problem_line(source, self.titles, self.occurrence, self.question) or 1

    def located(self, path: str, source: str) -> str:
        """Format as ``path:line: FAQ: message`` (the interface ``therapy_site.reporting.PageSession`` uses)."""
        return f"{path}:{self.line(source)}: FAQ: {self.message}"


Reporter = Callable[[FaqProblem], None]


def log_problem(problem: FaqProblem) -> None:
    """Default reporter outside MkDocs: a warning on the ``therapy_site.faq`` logger."""
    log.warning("FAQ section #%d: %s", problem.occurrence + 1, problem.message)


def _heading_source_text(raw: str) -> str:
    """The text of a heading as an author reads it: no attr list, no emphasis markers."""
    text = _ATTR_LIST.sub("", raw)
    return re.sub(r"[*_`]", "", text)


def source_headings(source: str) -> list[tuple[int, int, str]]:
    """``(line, level, text)`` of the page's headings as its source map reads them (ATX and setext, not in code)."""
    return [
        (heading.line, heading.level, _heading_source_text(heading.text)) for heading in SourceMap(source).headings
    ]


def faq_problem_line(source: str, titles: Iterable[str], occurrence: int, question: int | None = None) -> int | None:
    """Find the line of the ``occurrence``-th FAQ ``##`` heading, or of its ``question``-th ``###``."""
    wanted = {normalise_title(title) for title in titles}
    seen = -1
    in_section = False
    questions = -1
    for number, level, text in source_headings(source):
        if level <= 2:
            if in_section:
                return None
            if level == 2 and normalise_title(text) in wanted:
                seen += 1
                if seen == occurrence:
                    if question is None:
                        return number
                    in_section = True
        elif level == 3 and in_section:
            questions += 1
            if questions == question:
                return number
    return None


def heading_text(element: etree.Element, md: Markdown) -> str:
    """A heading's plain text as the reader sees it, without the permalink anchor."""
    copy = deepcopy(element)
    for parent in list(copy.iter()):
        for child in list(parent):
            if child.tag == "a" and PERMALINK_CLASS in (child.get("class") or "").split():
                if child.tail:
                    previous = _previous_sibling(parent, child)
                    if previous is None:
                        parent.text = (parent.text or "") + child.tail
                    else:
                        previous.tail = (previous.tail or "") + child.tail
                parent.remove(child)
    if len(copy) == 0 and not copy.text:
        return ""
    return " ".join(html.unescape(strip_tags(render_inner_html(copy, md))).split())


def _previous_sibling(parent: etree.Element, child: etree.Element) -> etree.Element | None:
    index = list(parent).index(child)
    return parent[index - 1] if index > 0 else None


SECTIONING_TAGS = frozenset({"section", "aside", "nav", "header", "footer", "article"})


def ends_section(element: etree.Element) -> bool:
    """An h1/h2, or a block of its own (a sectioning element, or one holding an h1/h2), ends the FAQ.

    Other features append such blocks to a post (e.g. the booking invitation after the last
    answer); they are not part of any answer.
    """
    if element.tag in {"h1", "h2"} or element.tag in SECTIONING_TAGS:
        return True
    return any(child.tag in {"h1", "h2"} for child in element.iter())


def _add_class(element: etree.Element, name: str) -> None:
    classes = (element.get("class") or "").split()
    if name not in classes:
        element.set("class", " ".join([*classes, name]))


class FaqTreeprocessor(Treeprocessor):
    """Wrap each FAQ section of the document and its question/answer pairs (see the module docstring)."""

    def __init__(self, md: Markdown, titles: Sequence[str], reporter: Reporter) -> None:
        super().__init__(md)
        self.titles = tuple(titles)
        self.wanted = {normalise_title(title) for title in titles}
        self.reporter = reporter

    def run(self, root: etree.Element) -> None:
        setattr(self.md, PROBLEMS_ATTR, [])
        children = list(root)
        starts = [
            index
            for index, child in enumerate(children)
            if child.tag == "h2" and normalise_title(heading_text(child, self.md)) in self.wanted
        ]
        for occurrence, start in enumerate(starts):
            if occurrence > 0:
                self.problem(occurrence, "a page can have only one FAQ section; merge the questions into the first")
                continue
            self.wrap_section(root, children, start, occurrence)

    def problem(self, occurrence: int, message: str, question: int | None = None) -> None:
        problem = FaqProblem(occurrence, message, question, self.titles)
        getattr(self.md, PROBLEMS_ATTR).append(problem)
        self.reporter(problem)

    def wrap_section(self, root: etree.Element, children: list[etree.Element], start: int, occurrence: int) -> None:
        end = next((index for index in range(start + 1, len(children)) if ends_section(children[index])), len(children))
        members = children[start:end]
        heading = members[0]
        section = section_in_place_of(root, members, {"class": SECTION_CLASS})
        section.append(heading)
        item: etree.Element | None = None
        answer: etree.Element | None = None
        questions = 0
        for element in members[1:]:
            if element.tag == "h3":
                if answer is not None and len(answer) == 0:
                    self.report_empty_answer(occurrence, questions - 1, item)
                item = etree.SubElement(section, "div", {"class": ITEM_CLASS})
                item.text, item.tail = "\n", "\n"
                _add_class(element, QUESTION_CLASS)
                item.append(element)
                answer = etree.SubElement(item, "div", {"class": ANSWER_CLASS})
                answer.text, answer.tail = "\n", "\n"
                questions += 1
            elif answer is not None:
                answer.append(element)
            else:
                section.append(element)
        if answer is not None and len(answer) == 0:
            self.report_empty_answer(occurrence, questions - 1, item)
        if questions == 0:
            title = heading_text(heading, self.md)
            self.problem(
                occurrence,
                f"the '{title}' section has no questions: add '### Question?' headings under it, "
                "each followed by its answer, or rename the heading",
            )

    def report_empty_answer(self, occurrence: int, question: int, item: etree.Element | None) -> None:
        text = heading_text(item[0], self.md) if item is not None else ""
        self.problem(occurrence, f"the question '{text}' has no answer: write it under the heading", question)


class FaqDataPostprocessor(Postprocessor):
    """At the very end of the conversion, read the FAQ section this extension marked back from the document's
    final HTML (answers exactly as published) and hand it on as :class:`therapy_site.pagedata.Faq`."""

    def __init__(self, md: Markdown, collector: Collector) -> None:
        super().__init__(md)
        self.collector = collector

    def run(self, text: str) -> str:
        if SECTION_CLASS in text:
            from therapy_site.faq.extract import extract_faq  # extract reads this module's class names

            faq = extract_faq(text)
            if faq is not None:
                collect(self.md, faq, self.collector)
        return text


class FaqExtension(NamedOptions, Extension):
    """Python-Markdown extension: ``FaqExtension(titles=[...], reporter=callable, collector=callable)``."""

    EXTENSION_NAME = "therapy_site.faq"

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "titles": [list(DEFAULT_TITLES), "h2 texts that start an FAQ section (case-insensitive)"],
            "reporter": [log_problem, "Callable receiving each FaqProblem (our MkDocs plugin sets it)"],
            "collector": [ignore, "Callable receiving the page's Faq (therapy_site.pagedata)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        register_document_data(md)
        processor = FaqTreeprocessor(md, self.getConfig("titles"), self.getConfig("reporter"))
        # After attr_list (8) and toc (5), so headings have their ids; before unescape (0).
        md.treeprocessors.register(processor, "therapy_faq", 4)
        # Last of all postprocessors: the answers as the reader gets them.
        md.postprocessors.register(FaqDataPostprocessor(md, self.getConfig("collector")), "therapy_faq_data", -100)


def makeExtension(**kwargs: Any) -> FaqExtension:
    return FaqExtension(**kwargs)


def section_in_place_of(root: etree.Element, members: list[etree.Element], attributes: dict[str, str]) -> etree.Element:
    """An empty ``<section>`` where ``members`` (a heading and what follows it) stood, labelled by that heading.

    The members are taken out of ``root``; the caller puts them (or what it makes of them) into the section.
    """
    heading = members[0]
    section = etree.Element("section", attributes)
    section.text, section.tail = "\n", members[-1].tail
    if heading.get("id"):
        section.set("aria-labelledby", heading.get("id", ""))
    root.insert(list(root).index(heading), section)
    for element in members:
        root.remove(element)
    return section
