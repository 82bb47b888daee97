"""FAQ sections written in plain Markdown, turned into FAQ structured data that says what the reader sees.

Authors write ``## Frequently Asked Questions`` (or another configured title)
followed by ``### Question?`` headings, each answered by the Markdown under it.

* :class:`FaqExtension` (``therapy_site.faq``, declared in ``mkdocs.yml``
  ``markdown_extensions``) is a Python-Markdown extension that finds that
  section and marks it in the HTML (``section.ts-faq`` > ``div.ts-faq__item`` >
  ``h3.ts-faq__question`` + ``div.ts-faq__answer``), then hands the questions
  and answers as published to the page data (:class:`therapy_site.pagedata.Faq`,
  also on ``md.therapy_page_data``); the schema plugin builds the ``FAQPage``
  node from it. It works without MkDocs and keeps no state between documents::

      markdown.markdown(text, extensions=["therapy_site.faq"])
* :func:`find_faq_problems` is the one check shared by the build and the
  ``therapy-site check`` command::

      from therapy_site.faq import find_faq_problems

      for line, message in find_faq_problems(source_text, titles=("FAQ",)):
          print(f"docs/blog/posts/x.md:{line}: {message}")

  It takes a page's full source (front matter included: ``faq: false`` turns
  the check off) and returns ``(line, message)`` pairs, line 1-based.
* The MkDocs plugin (``therapy-site/faq``) hands the declared extension a page
  session: problems become ``file:line`` warnings (so ``--strict`` fails), the
  FAQ is kept with the page. That the JSON-LD says what the page shows is
  checked by the test suite over the real site (``tests/faq/``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import markdown
import yaml

from therapy_site.faq.extension import DEFAULT_TITLES, FaqExtension, FaqProblem, makeExtension
from therapy_site.faq.extract import absolute_links, extract_faq, html_text
from therapy_site.pagedata import Faq, FaqItem
from therapy_site.sources import SourceMap

# What a page is parsed with when the caller does not pass the site's own extensions.
DEFAULT_CHECK_EXTENSIONS: tuple[str, ...] = (
    "attr_list",
    "md_in_html",
    "toc",
    "tables",
    "def_list",
    "footnotes",
    "fenced_code",
)


def split_front_matter(source: str) -> tuple[dict[str, object], str]:
    """Return ``(front matter, body)`` where MkDocs would split them; an unreadable front matter counts as empty."""
    source_map = SourceMap(source)
    front = source_map.front_matter
    if front is None:
        return {}, source_map.text
    try:
        meta = yaml.safe_load(front.yaml) or {}
    except yaml.YAMLError:
        meta = {}
    return (meta if isinstance(meta, dict) else {}), source_map.text[front.length :]


def faq_enabled(meta: dict[str, object]) -> bool:
    """Front matter ``faq: false`` opts a page out of FAQ structured data and checks."""
    return meta.get("faq") is not False


def find_faq_problems(
    source: str,
    titles: Sequence[str] = DEFAULT_TITLES,
    extensions: Iterable[object] = DEFAULT_CHECK_EXTENSIONS,
) -> list[tuple[int, str]]:
    """Check a page's Markdown source for FAQ problems; return ``(line, message)`` pairs."""
    meta, body = split_front_matter(source)
    if not faq_enabled(meta):
        return []
    found: list[FaqProblem] = []
    converter = markdown.Markdown(
        extensions=[*extensions, FaqExtension(titles=list(titles), reporter=found.append)],
    )
    converter.convert(body)
    return [(problem.line(source), f"FAQ: {problem.message}") for problem in found]


__all__ = [
    "DEFAULT_TITLES",
    "Faq",
    "FaqExtension",
    "FaqItem",
    "FaqProblem",
    "absolute_links",
    "extract_faq",
    "faq_enabled",
    "find_faq_problems",
    "html_text",
    "makeExtension",
    "split_front_matter",
]
