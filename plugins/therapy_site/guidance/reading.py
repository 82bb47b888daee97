"""Plain language: a post's reading figures (SMOG, Flesch–Kincaid grade, Flesch reading ease) and Yoast-style checks.

The formulas are the published ones, computed from our own counts of the prose
(:mod:`therapy_site.guidance.prose`: Markdown read as sentences with lines);
syllables are counted as textstat 0.7.8 counts them
(:mod:`therapy_site.guidance.syllables`: the CMU Pronouncing Dictionary, else
Pyphen's hyphenation; no download, ever).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from therapy_site.guidance.advice import Advice, advice
from therapy_site.guidance.prose import Block, Prose, Sentence
from therapy_site.guidance.syllables import SyllableDictionary

SMOG_WARN = 14.0
LONG_SENTENCE_WORDS = 20
LONG_SENTENCES_SHARE = 0.25
LONG_PARAGRAPH_WORDS = 150
LONG_SECTION_WORDS = 300
PASSIVE_SHARE = 0.10
SAME_START_RUN = 3
WORDS_PER_MINUTE = 230  # the blog's reading time (post_readtime_words_per_minute)
GROUP = "reading"

BE = r"(?:am|is|are|was|were|be|been|being|get|gets|got|gotten|getting)"
IRREGULAR = (
    "given taken known seen done made told found kept held left shown written heard thought brought bought caught "
    "taught sent built met paid said put hurt understood led meant spent born broken chosen driven forgotten hidden "
    "spoken stolen worn drawn grown thrown won lost sold set felt"
)
# Adjectives in -ed that describe a state, not an action done to someone ("I was worried").
STATE_WORDS = frozenset(
    [
        "tired",
        "interested",
        "worried",
        "scared",
        "concerned",
        "excited",
        "used",
        "supposed",
        "married",
        "based",
        "related",
        "involved",
        "prepared",
        "pleased",
        "surprised",
        "confused",
        "frightened",
        "ashamed",
        "overwhelmed",
        "exhausted",
        "isolated",
        "stressed",
        "depressed",
        "embarrassed",
        "relaxed",
        "committed",
        "qualified",
        "registered",
        "trained",
        "bored",
        "annoyed",
        "upset",
        "determined",
        "amazed",
        "disappointed",
        "satisfied",
        "connected",
        "attached",
        "detached",
        "blessed",
        "naked",
        "wicked",
        "sacred",
    ]
)
PASSIVE = re.compile(rf"\b{BE}\s+(?:\w+ly\s+)?(?:not\s+)?(\w{{3,}}ed|{'|'.join(IRREGULAR.split())})\b", re.IGNORECASE)


class SyllableCounter:
    """Syllables per word, remembered for one page only (its words repeat: 'the', 'and', 'anxiety')."""

    def __init__(self, dictionary: SyllableDictionary | None = None) -> None:
        self.dictionary = dictionary or SyllableDictionary()
        self.known: dict[str, int] = {}

    def __call__(self, word: str) -> int:
        key = word.casefold()
        if key not in self.known:
            self.known[key] = self.syllables(key)
        return self.known[key]

    def syllables(self, word: str) -> int:
        """Syllables of one word (each part of a hyphenated word counted, at least one each)."""
        return sum(max(1, self.dictionary.count(part)) for part in word.split("-") if part)


@dataclass(frozen=True)
class Figures:
    words: int
    sentences: int
    syllables: int
    polysyllables: int  # words of three syllables or more

    @property
    def flesch_kincaid_grade(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    @property
    def flesch_reading_ease(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return 206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words

    @property
    def smog(self) -> float:
        if not self.sentences:
            return 0.0
        return 1.043 * math.sqrt(self.polysyllables * 30 / self.sentences) + 3.1291

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(self.words / WORDS_PER_MINUTE)) if self.words else 0


def figures(sentences: list[Sentence], count: SyllableCounter | None = None) -> Figures:
    count = count or SyllableCounter()
    counts = [count(word) for sentence in sentences for word in sentence.words]
    return Figures(
        words=len(counts),
        sentences=len(sentences),
        syllables=sum(counts),
        polysyllables=sum(count >= 3 for count in counts),
    )


def figures_of_text(text: str, dictionary: SyllableDictionary | None = None) -> Figures:
    """The figures of plain text (paragraphs separated by blank lines): for tests and tools."""
    from therapy_site.guidance.prose import split_sentences

    blocks = [Block("paragraph", [(1, " ".join(part.split()))]) for part in text.split("\n\n") if part.strip()]
    sentences = [sentence for index, block in enumerate(blocks) for sentence in split_sentences(block, index)]
    return figures(sentences, SyllableCounter(dictionary))


def check_reading(
    shown: str, prose: Prose, sentences: list[Sentence], found: Figures, count: SyllableCounter | None = None
) -> Iterator[Advice]:
    count = count or SyllableCounter()
    if found.sentences >= 3 and found.smog > SMOG_WARN:
        worst = max(sentences, key=lambda sentence: sum(count(word) >= 3 for word in sentence.words))
        yield advice(
            shown,
            worst.line,
            f"reading grade (SMOG) {found.smog:.1f}, above {SMOG_WARN:.0f}: health information aims at 9–11: use "
            "shorter sentences and everyday words ('help' for 'facilitate'); the hardest sentence starts here",
            "reading-grade",
            GROUP,
        )
    yield from _long_sentences(shown, sentences)
    yield from _long_paragraphs(shown, prose)
    yield from _long_sections(shown, prose)
    yield from _passive(shown, sentences)
    yield from _same_starts(shown, [sentence for sentence in sentences if prose.blocks[sentence.block].kind != "item"])


def _long_sentences(shown: str, sentences: list[Sentence]) -> Iterator[Advice]:
    long = [sentence for sentence in sentences if len(sentence.words) > LONG_SENTENCE_WORDS]
    if sentences and len(long) / len(sentences) > LONG_SENTENCES_SHARE:
        worst = max(long, key=lambda sentence: len(sentence.words))
        share = round(100 * len(long) / len(sentences))
        yield advice(
            shown,
            worst.line,
            f"{share}% of sentences have more than {LONG_SENTENCE_WORDS} words (aim for at most 25%): split the "
            f"longest ({len(worst.words)} words, here) into two",
            "reading-long-sentences",
            GROUP,
            info=True,
        )


def _long_paragraphs(shown: str, prose: Prose) -> Iterator[Advice]:
    for block in prose.reading_blocks():
        count = len(block.words())
        if block.kind == "paragraph" and count > LONG_PARAGRAPH_WORDS:
            yield advice(
                shown,
                block.line,
                f"this paragraph has {count} words (aim for at most {LONG_PARAGRAPH_WORDS}): split it where the "
                "thought turns, many readers are on a phone",
                "reading-long-paragraph",
                GROUP,
                info=True,
            )


def _long_sections(shown: str, prose: Prose) -> Iterator[Advice]:
    start: int | None = None
    count = 0
    for block in [*prose.blocks, None]:
        if block is None or block.kind == "heading":
            if start is not None and count > LONG_SECTION_WORDS:
                yield advice(
                    shown,
                    start,
                    f"{count} words without a subheading (aim for at most {LONG_SECTION_WORDS}): add a '##' or "
                    "'###' heading that says what the next part is about",
                    "reading-long-section",
                    GROUP,
                    info=True,
                )
            start, count = (block.line if block is not None else None), 0
            continue
        if block.reading:
            start = block.line if start is None else start
            count += len(block.words())


def _passive(shown: str, sentences: list[Sentence]) -> Iterator[Advice]:
    passive = [sentence for sentence in sentences if is_passive(sentence.text)]
    if sentences and len(passive) / len(sentences) > PASSIVE_SHARE:
        share = round(100 * len(passive) / len(sentences))
        yield advice(
            shown,
            passive[0].line,
            f"{share}% of sentences are passive (aim for at most 10%): say who does what, e.g. 'we keep your "
            "notes private' rather than 'notes are kept private'; the first is here",
            "reading-passive",
            GROUP,
            info=True,
        )


def is_passive(text: str) -> bool:
    return any(match.group(1).casefold() not in STATE_WORDS for match in PASSIVE.finditer(text))


def _same_starts(shown: str, sentences: list[Sentence]) -> Iterator[Advice]:
    run: list[Sentence] = []
    for sentence in sentences:
        first = sentence.words[0].casefold()
        if run and run[-1].words[0].casefold() == first:
            run.append(sentence)
        else:
            run = [sentence]
        if len(run) == SAME_START_RUN:
            yield advice(
                shown,
                run[0].line,
                f"three sentences in a row start with '{sentence.words[0]}': start one of them differently",
                "reading-repeated-start",
                GROUP,
                info=True,
            )
