"""Card titles stay out of the table of contents.

An infographic's card titles are real headings (a screen reader moves between them, each has a permalink),
but they are not sections of the page: a table of contents listing "Past betrayal", "Fear of judgement", ...
under the section that holds the infographic says nothing. This tree processor runs after ``toc`` (which gives
every heading its id and builds ``md.toc_tokens``, the list MkDocs makes ``page.toc`` from) and takes the card
titles out of that list, keeping any heading ``toc`` nested under one.
"""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

CARD_TITLE_CLASS = "ts-infographic__title"
# Python-Markdown's toc tree processor runs at priority 5; lower runs later.
AFTER_TOC = 4


def card_title_ids(root: etree.Element) -> set[str]:
    return {
        str(element.get("id"))
        for element in root.iter()
        if element.get("id") and CARD_TITLE_CLASS in str(element.get("class", "")).split()
    }


def without_ids(tokens: list[dict[str, Any]], ids: set[str]) -> list[dict[str, Any]]:
    """``tokens`` (``toc_tokens``) without the entries whose id is in ``ids``; their children take their place."""
    kept: list[dict[str, Any]] = []
    for token in tokens:
        children = without_ids(list(token.get("children", [])), ids)
        if token.get("id") in ids:
            kept.extend(children)
        else:
            kept.append({**token, "children": children})
    return kept


class CardTitlesOutOfToc(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        ids = card_title_ids(root)
        tokens = getattr(self.md, "toc_tokens", None)
        if ids and tokens:
            self.md.toc_tokens = without_ids(tokens, ids)  # type: ignore[attr-defined]


def register_card_titles_out_of_toc(md: Markdown) -> None:
    md.treeprocessors.register(CardTitlesOutOfToc(md), "therapy_infographic_toc", AFTER_TOC)
