"""A post's prose as a reader meets it: blocks (paragraphs, list items, quotes, headings) and sentences, with lines.

Read from the Markdown source (code, tables, block options, infographic data and the
Sources section left out of the reading figures), so every figure and finding names
the line it comes from. Code, ``///`` lines and headings are where the page's source
map puts them (:class:`therapy_site.sources.SourceMap`). Front matter is read by the
rules themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from therapy_site.validation.source import SourceFile

LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
QUOTE = re.compile(r"^\s{0,3}>\s?")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s")
SKIPPED_LINE = re.compile(r"^\s*(?:\||<!--|\*\[|\[\^?[^\]]+\]:|\{:?\s*[.#])")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]")
AUTOLINK = re.compile(r"<(?:https?|mailto|tel):[^>]*>")
TAG = re.compile(r"</?[A-Za-z][^>]*>")
ATTRS = re.compile(r"\{:?\s*[.#:][^}]*\}")
EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})")
SOURCES_TITLES = ("sources", "references")
DATA_BLOCKS = ("infographic", "sources")
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "etc",
        "vs",
        "dr",
        "mr",
        "mrs",
        "ms",
        "st",
        "no",
        "approx",
        "cf",
        "fig",
        "al",
        "prof",
        "mt",
        "jr",
        "sr",
        "inc",
        "ltd",
        "dept",
    ]
)
SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’]*(?:-[A-Za-z0-9'’]+)*")


@dataclass(frozen=True)
class Sentence:
    line: int  # where it starts
    text: str
    words: tuple[str, ...]
    block: int  # index of its block


@dataclass
class Block:
    kind: str  # "paragraph", "item", "quote", "heading"
    lines: list[tuple[int, str]]  # (line number, plain text)
    level: int = 0  # headings: 1-6
    reading: bool = True  # counted in the reading figures (not data, not the Sources section)

    @property
    def line(self) -> int:
        return self.lines[0][0]

    @property
    def text(self) -> str:
        return " ".join(text for _, text in self.lines).strip()

    def words(self) -> list[str]:
        return WORD.findall(self.text)


@dataclass
class Prose:
    blocks: list[Block] = field(default_factory=list)

    def reading_blocks(self) -> list[Block]:
        return [block for block in self.blocks if block.reading and block.kind != "heading"]

    def sentences(self) -> list[Sentence]:
        found: list[Sentence] = []
        for index, block in enumerate(self.blocks):
            if block.reading and block.kind != "heading":
                found.extend(split_sentences(block, index))
        return found

    def words(self) -> list[str]:
        return [word for block in self.reading_blocks() for word in block.words()]

    def first_paragraph(self) -> Block | None:
        return next((block for block in self.blocks if block.kind == "paragraph" and block.reading), None)


def plain(line: str) -> str:
    """A Markdown line's words as a reader sees them (links' text kept, addresses, pictures and tags dropped)."""
    line = IMAGE.sub(" ", line)
    line = AUTOLINK.sub(" ", line)
    line = LINK.sub(lambda match: match.group(1) if match.group(1) is not None else match.group(2), line)
    line = TAG.sub(" ", line)
    line = ATTRS.sub(" ", line)
    line = EMPHASIS.sub("", line)
    return " ".join(line.split())


def read_prose(source: SourceFile) -> Prose:
    prose = Prose()
    current: Block | None = None
    open_blocks: list[str] = []
    in_sources = 0  # level of the Sources heading while inside that section
    options_allowed = False
    block_lines = {item.line: item for item in source.map.block_lines}
    headings = {heading.line: heading for heading in source.map.headings}
    underlines = {heading.line + 1 for heading in source.map.headings if heading.setext}
    for number, raw in source.body_lines():
        stripped = raw.strip()
        if not stripped or number in underlines:
            current, options_allowed = None, False
            continue
        block_line = block_lines.get(number)
        if block_line is not None:
            if block_line.name is not None:
                open_blocks.append(block_line.name.lower())
            elif open_blocks:
                open_blocks.pop()
            current, options_allowed = None, block_line.is_header
            continue
        if SKIPPED_LINE.match(raw) or ADMONITION.match(raw):
            current = None
            continue
        if options_allowed and raw.startswith("    ") and ":" in raw:
            continue  # a block's option line
        options_allowed = False
        reading = not in_sources and not any(name in DATA_BLOCKS for name in open_blocks)
        heading = headings.get(number)
        if heading:
            level, title = heading.level, plain(heading.text)
            if in_sources and level <= in_sources:
                in_sources = 0
            if title.casefold().rstrip(":") in SOURCES_TITLES:
                in_sources = level
            prose.blocks.append(Block("heading", [(number, title)], level=level, reading=not in_sources))
            current = None
            continue
        quote, item = QUOTE.match(raw), LIST_ITEM.match(raw)
        kind = "quote" if quote else "item" if item else "paragraph"
        text = plain(raw[quote.end() :] if quote else raw[item.end() :] if item else raw)
        if item or current is None or (kind != current.kind and kind != "paragraph"):
            current = Block(kind, [], reading=reading)
            prose.blocks.append(current)
        if text:
            current.lines.append((number, text))
    prose.blocks = [block for block in prose.blocks if block.lines]
    return prose


def split_sentences(block: Block, index: int) -> list[Sentence]:
    """The block's sentences; a list item or heading is one sentence even without a full stop."""
    pieces: list[tuple[int, str]] = []  # (line, text) of the sentence being gathered
    sentences: list[Sentence] = []

    def close() -> None:
        text = " ".join(piece for _, piece in pieces).strip()
        words = tuple(WORD.findall(text))
        if words:
            sentences.append(Sentence(pieces[0][0], text, words, index))
        pieces.clear()

    for number, text in block.lines:
        start = 0
        for match in SENTENCE_END.finditer(text):
            before = text[start : match.start()].split()
            last = before[-1].casefold().rstrip(".") if before else ""
            if match.group(0).startswith(".") and (last in ABBREVIATIONS or re.fullmatch(r"[a-z]", last)):
                continue
            pieces.append((number, text[start : match.end()]))
            close()
            start = match.end()
        if text[start:].strip():
            pieces.append((number, text[start:]))
    if pieces:
        close()
    return sentences
