"""Blog excerpts rendered from the Markdown before the separator only, byte-identical to Material's.

Material's blog (``Excerpt.render``) converts a post's *whole* Markdown for every
listing page that shows its excerpt (the blog index and its numbered pages, the
archive, the categories), then cuts the HTML at the separator (``<!-- more -->``):
most of a listing page's build time goes to HTML that is thrown away.
:class:`TrimmedExcerpt` converts the title line, the Markdown before the separator
and the separator line, and keeps everything else Material's ``render`` does.

Python-Markdown's output for a prefix of a document is the prefix of its output,
except where something before the cut depends on what comes after it. Whenever
that might happen :class:`TrimmedExcerpt` renders the whole post the way Material
does; the reason is kept in ``fallback_reason``:

* before rendering, from the text: the separator is missing, not a line of its
  own at column 0, or not between blank lines; nothing follows it; the part
  before it (title line included) holds raw HTML (``<``), a code fence, a
  footnote, the table-of-contents marker, or an unclosed ``///`` block; the part
  after it defines abbreviations, or link references while the part before it
  has a ``[``; no line of plain text follows it outside ``///`` blocks and code
  (then only a full rendering tells whether "Continue reading" is due: our
  booking block disappears from excerpts); the post's own page is not rendered
  yet (the next checks read it);
* after rendering the trimmed text: the separator does not end the HTML (a block
  or section wraps it); on the post's own page, an id before the separator is
  not the first of its kind, or the title's id occurs after it (the ``toc``
  extension reserves ids written anywhere in the document before it numbers
  headings); the post's own page has top-level
  headings (which would join the excerpt's table of contents) that the trimmed
  part lacks. A post that fails these once is rendered in full from then on.

``more`` holds :data:`MORE_NOT_RENDERED` instead of the rest of the post's HTML:
templates only test it (Material's ``partials/post.html``: "Continue reading").
Material's ``render`` is copied in spirit, so :data:`RENDER_SOURCE_SHA256`
records the source it was written against; ``tests/material`` fails when an
upgrade changes it (then re-check :meth:`TrimmedExcerpt.render` against the new
source, update the hash and version).
"""

from __future__ import annotations

import hashlib
import inspect
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from material.plugins.blog.structure import Excerpt, Post
from material.plugins.blog.structure.markdown import ExcerptTreeprocessor
from mkdocs.structure.toc import get_toc

from therapy_site.sources import SourceMap

COPIED_FROM_VERSION = "9.8.2"
# SHA-256 of ``inspect.getsource(Excerpt.render)`` at COPIED_FROM_VERSION.
RENDER_SOURCE_SHA256 = "6ee38b3efd751ef5996bf852d21008bf7e504476671a6b1b9d5025110899c27a"
# What ``excerpt.more`` holds after a trimmed rendering: truthy, as Material's HTML after the separator would be.
MORE_NOT_RENDERED = "<!-- the rest of the post is not rendered for listing pages -->"

_INDENTED_BLOCK_LINE = re.compile(r"^(?: {4,}|\t)[ \t]*/{3,}")
_SLASHES_LINE = re.compile(r"^ {0,3}/{3,}")
_ABBREVIATION = re.compile(r"(?m)^[ \t]*\*\[")
_DEFINITION = re.compile(r"(?m)^[ \t]*\[[^\]\n]*\]:")
_TEXT_LINE = re.compile(r"[^\W_]|#|[-*+>]\s")
_ID = re.compile(r'\sid="([^"]*)"')
_ID_NUMBER = re.compile(r"_\d+$")
_H1 = re.compile(r"<h1[\s>]")


def material_render_source() -> str:
    """The source of the installed Material's ``Excerpt.render``."""
    return inspect.getsource(Excerpt.render)


def render_source_changed() -> bool:
    """Whether Material's ``Excerpt.render`` is no longer the one :class:`TrimmedExcerpt` was written against."""
    return hashlib.sha256(material_render_source().encode("utf-8")).hexdigest() != RENDER_SOURCE_SHA256


@dataclass(frozen=True)
class Cut:
    """An excerpt's Markdown (title line included) around the separator line."""

    before: str  # up to the separator line
    head: str  # up to and including the separator line: what a trimmed rendering converts
    after: str  # after the separator line


def cut_at_separator(markdown: str, separator: str) -> Cut | str:
    """The :class:`Cut` at the first separator, or why the Markdown cannot be cut there."""
    at = markdown.find(separator)
    if at < 0:
        return "no separator: the excerpt is the whole post"
    start = markdown.rfind("\n", 0, at) + 1
    end = markdown.find("\n", at)
    end = len(markdown) if end < 0 else end
    if start != at or markdown[start:end].rstrip() != separator:
        return "the separator is not a line of its own at column 0"
    before, after = markdown[:start], markdown[end + 1 :]
    if before and before[:-1].rsplit("\n", 1)[-1].strip():
        return "no blank line before the separator"
    if after.split("\n", 1)[0].strip():
        return "no blank line after the separator"
    if not after.strip():
        return "nothing after the separator"
    return Cut(before, markdown[:end], after)


def _blocks_balanced(source_map: SourceMap) -> bool:
    """Whether every ``///`` block the map reads is closed, no closing line is stray, and no other line
    outside code starts with ``///`` (the footnotes extension's placeholder ``///Footnotes Go Here///``)."""
    if source_map.stray_closings or any(block.end is None for block in source_map.blocks):
        return False
    block_lines = {item.line for item in source_map.block_lines}
    return not any(
        _SLASHES_LINE.match(line) for number, line in source_map.body_lines() if number not in block_lines
    )


def _has_text_outside_blocks(markdown: str) -> bool:
    """Whether a paragraph, heading, list item or quote starts outside ``///`` blocks and code in ``markdown``.

    Such a line is never dropped from an excerpt (our booking block is), so the
    HTML after the separator is not empty. ``False`` also when unsure (a stray
    closing line, HTML or indented ``///`` lines in a block). Code and blocks are
    where the page's source map (:class:`therapy_site.sources.SourceMap`) reads them.
    """
    source_map = SourceMap(markdown, front_matter=False)
    block_lines = {item.line for item in source_map.block_lines}
    first_stray = min((item.line for item in source_map.stray_closings), default=len(source_map.lines) + 1)
    for number, line in source_map.body_lines():
        if number >= first_stray:
            return False
        if number in block_lines:
            continue
        if not source_map.inside_block(number):
            if _TEXT_LINE.match(line):
                return True
        elif _INDENTED_BLOCK_LINE.match(line) or line.strip().startswith("<"):
            return False
    return False


def text_problem(cut: Cut, toc_marker: str) -> str | None:
    """Why the text around the separator might render differently when cut, or ``None``."""
    before = SourceMap(cut.before, front_matter=False)
    if "<" in cut.before:
        return "HTML before the separator"
    if before.fences:
        return "a code fence before the separator"
    if "[^" in cut.before:
        return "a footnote before the separator"
    if toc_marker and toc_marker in cut.before:
        return "the table-of-contents marker before the separator"
    if not _blocks_balanced(before):
        return "a /// block open at the separator"
    if _ABBREVIATION.search(cut.after):
        return "an abbreviation defined after the separator"
    if "[" in cut.before and _DEFINITION.search(cut.after):
        return "a link reference defined after the separator"
    if not _has_text_outside_blocks(cut.after):
        return "no plain text after the separator: only a full rendering tells whether there is more"
    return None


def _stem(value: str) -> str:
    """An id without the ``_1``, ``_2`` ... that the ``toc`` extension adds to repeated ones."""
    return _ID_NUMBER.sub("", value)


def _ids_by_stem(ids: list[str]) -> dict[str, list[str]]:
    """``ids`` (in document order) grouped by :func:`_stem`."""
    groups: dict[str, list[str]] = defaultdict(list)
    for value in ids:
        groups[_stem(value)].append(value)
    return groups


def id_problem(excerpt_ids: list[str], title_id: str | None, post_ids: list[str]) -> str | None:
    """Why the ids before the separator might differ in a full rendering, or ``None``.

    ``excerpt_ids``: the trimmed excerpt's ids in document order; ``title_id``: the
    id of the title line Material adds (not on the post's page); ``post_ids``: the
    post's own page. Ids that the ``toc`` extension or our blocks make unique are
    numbered in document order, so the part before the separator keeps its ids
    when, on the post's page, its ids are the first of their stem; ids written by
    the author (``{#id}``) are reserved before, so the title's stem must not occur
    after the separator at all.
    """
    before = list(excerpt_ids)
    if title_id is not None and title_id in before:
        before.remove(title_id)
    on_page = _ids_by_stem(post_ids)
    after: set[str] = set(on_page)
    for stem, ids in _ids_by_stem(before).items():
        if on_page.get(stem, [])[: len(ids)] != ids:
            return "an id before the separator differs on the post's page"
        if len(on_page[stem]) == len(ids):
            after.discard(stem)
    if title_id is not None and _stem(title_id) in after:
        return "an id before the separator also occurs after it"
    return None


def _token_count(tokens: list[dict[str, Any]]) -> int:
    return sum(1 + _token_count(token.get("children", [])) for token in tokens)


def rendered_problem(
    html: str, separator: str, tokens: list[dict[str, Any]], post_html: str, titled: bool
) -> str | None:
    """Why the trimmed rendering ``html`` (toc ``tokens``) might differ from Material's, or ``None``.

    ``post_html`` is the post's own page; ``titled``: the excerpt starts with the title line Material adds.
    """
    if not html.endswith(separator):
        return "the separator does not end the trimmed rendering (a block or section wraps it)"
    title_id = str(tokens[0]["id"]) if titled and tokens else None
    problem = id_problem(_ID.findall(html.split(separator, 1)[0]), title_id, _ID.findall(post_html))
    if problem:
        return problem
    if len(_H1.findall(post_html)) != _token_count(tokens) - (1 if titled else 0):
        return "a top-level heading after the separator (it belongs in the excerpt's table of contents)"
    return None


class TrimmedExcerpt(Excerpt):
    """Material's ``Excerpt`` converting only the Markdown up to the separator (see the module docstring).

    Installed per instance by :func:`trim_excerpt`; ``fallback_reason`` says why the
    last rendering was Material's full one (``None`` after a trimmed one).
    """

    fallback_reason: str | None = None
    _refused: str | None = None  # a post whose trimmed rendering failed a check: rendered in full from then on

    def render(self, page: Any, separator: str) -> None:
        markdown = self.post.markdown
        if not self.post._title_from_render:
            markdown = "\n\n".join([f"# {self.post.title}", markdown])
        cut = cut_at_separator(markdown, separator)
        reason = self._refused or (cut if isinstance(cut, str) else self._text_problem(cut))
        if reason is None and isinstance(cut, Cut):
            reason = self._render_trimmed(page, separator, markdown, cut)
            self._refused = reason
        self.fallback_reason = reason
        if reason is not None:
            super().render(page, separator)

    def _text_problem(self, cut: Cut) -> str | None:
        if self.post.content is None:
            return "the post's own page is not rendered yet"
        marker = ""
        if "toc" in self.md.treeprocessors:  # a Registry: no .get()
            marker = str(getattr(self.md.treeprocessors["toc"], "marker", "") or "")
        return text_problem(cut, marker)

    def _render_trimmed(self, page: Any, separator: str, markdown: str, cut: Cut) -> str | None:
        """Material's ``render`` on ``cut.head``; the reason to render in full instead, if any."""
        self.file.url = page.url
        at = self.md.treeprocessors.get_index_for_name("excerpt")
        processor: ExcerptTreeprocessor = self.md.treeprocessors[at]
        processor.base = page
        self.markdown = markdown
        html = self.md.convert(cut.head)
        tokens = getattr(self.md, "toc_tokens", [])
        titled = not self.post._title_from_render
        reason = rendered_problem(html, separator, tokens, self.post.content, titled)
        if reason is None:
            self.content = html.split(separator, 1)[0]
            self.more = MORE_NOT_RENDERED
            self.toc = get_toc(tokens)
        self.file.url = self.post.url
        return reason


def trim_excerpt(page: Any) -> bool:
    """Make the excerpt Material's blog gave the post ``page`` a :class:`TrimmedExcerpt`; whether it did."""
    excerpt = getattr(page, "excerpt", None) if isinstance(page, Post) else None
    if type(excerpt) is not Excerpt:
        return False
    excerpt.__class__ = TrimmedExcerpt
    return True
