"""Reading figures: the formulas agree with a reference computation on known texts (within 0.5 grade)."""

from __future__ import annotations

import math
import re

import pytest
import textstat

from helpers import REPO
from therapy_site.guidance.reading import Figures, SyllableCounter, figures_of_text
from therapy_site.guidance.syllables import SyllableDictionary

DICTIONARY = SyllableDictionary()  # one for the module's texts, as one check reads it once for all its pages

# Texts counted by hand: words, sentences, syllables (the CMU Pronouncing Dictionary's), words of 3+ syllables.
HAND_COUNTED = [
    ("The cat sat on the mat.", 6, 1, 6, 0),
    (
        "Psychotherapy is an effective treatment for anxiety. Many people find relief within twelve sessions. "
        "Talking helps.",
        16,
        3,
        32,
        3,
    ),
    (
        "Worry often gets louder at night. The house is quiet and there is nothing else to think about. "
        "Short paragraphs are easier to read on a phone.",
        27,
        3,
        37,  # 9 + 15 + 13
        2,  # paragraphs, easier
    ),
]
# Plain prose (every sentence of three words or more, no figures or hyphens) for textstat's own segmentation.
PLAIN_TEXTS = [
    "Most people who look for a therapist say that feeling able to trust them matters more than anything else. "
    "That makes sense: therapy asks you to talk about the things you usually keep to yourself. This article looks "
    "at what trust means in therapy, the different forms it takes, and how a therapist and client build it.",
    "Mornings are often when anxiety is loudest. Five small, practical steps can make the first hour of the day "
    "feel steadier. Breathe out for longer than you breathe in. Put your feet on the floor and notice the ground. "
    "Wait before you read the news and your messages.",
    "Considerable individualised psychoeducational documentation necessitates comprehensive interdisciplinary "
    "consideration. Psychotherapeutic interventions facilitate physiological regulation in anxious individuals. "
    "Organisational responsibilities are communicated systematically.",
]


def reference(words: int, sentences: int, syllable_count: int, polysyllables: int) -> tuple[float, float, float]:
    """Flesch–Kincaid grade, Flesch reading ease and SMOG, as published (Kincaid 1975, Flesch 1948, McLaughlin 1969)."""
    grade = 0.39 * words / sentences + 11.8 * syllable_count / words - 15.59
    ease = 206.835 - 1.015 * words / sentences - 84.6 * syllable_count / words
    smog = 1.043 * math.sqrt(polysyllables * 30 / sentences) + 3.1291
    return grade, ease, smog


@pytest.mark.parametrize(("text", "words", "sentences", "syllable_count", "polysyllables"), HAND_COUNTED)
def test_counts_and_formulas_match_a_hand_count(
    text: str, words: int, sentences: int, syllable_count: int, polysyllables: int
) -> None:
    found = figures_of_text(text, DICTIONARY)
    assert (found.words, found.sentences) == (words, sentences)
    assert abs(found.syllables - syllable_count) <= 1
    assert found.polysyllables == polysyllables
    grade, ease, smog = reference(words, sentences, syllable_count, polysyllables)
    assert found.flesch_kincaid_grade == pytest.approx(grade, abs=0.5)
    assert found.smog == pytest.approx(smog, abs=0.5)
    assert found.flesch_reading_ease == pytest.approx(ease, abs=5)


@pytest.mark.parametrize("text", PLAIN_TEXTS)
def test_figures_agree_with_textstat_on_plain_prose(text: str) -> None:
    found = figures_of_text(text, DICTIONARY)
    assert found.flesch_kincaid_grade == pytest.approx(textstat.flesch_kincaid_grade(text), abs=0.5)
    assert found.smog == pytest.approx(textstat.smog_index(text), abs=0.5)
    assert found.flesch_reading_ease == pytest.approx(textstat.flesch_reading_ease(text), abs=5)


def test_a_harder_text_gets_a_higher_grade() -> None:
    easy, hard = figures_of_text(PLAIN_TEXTS[1], DICTIONARY), figures_of_text(PLAIN_TEXTS[2], DICTIONARY)
    assert easy.smog < 10 < 14 < hard.smog
    assert easy.flesch_reading_ease > 60 > hard.flesch_reading_ease


# Words textstat treats in its own ways: contractions keep their apostrophe, other apostrophes and punctuation go,
# unknown words fall back to hyphenation, a second pronunciation ("a(2)") is never the one counted.
TRICKY_WORDS = [
    "don't", "we'll", "client's", "clients'", "'quoted'", "rock'n'roll", "a", "the", "fire", "hour", "every",
    "CBT", "EMDR", "2025", "x", "teletherapy", "overthinking", "mindfulness-based", "wellbeing", "naïve", "café",
    "o'brien", "kōwhai", "sepulveda", "stilted", "£90", "e.g.", "one—two", "", "-", "...",
]


def demo_words() -> list[str]:
    """Every distinct word of the demo's Markdown, as written (case, apostrophes and hyphens kept)."""
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted((REPO / "docs").rglob("*.md")))
    return sorted(set(re.findall(r"[\w'’-]+", text)))


def test_syllables_are_counted_as_textstat_counts_them() -> None:
    """The run's own dictionary (read once, for speed) counts every word exactly as textstat 0.7.8 does."""
    dictionary = SyllableDictionary()
    words = [*demo_words(), *TRICKY_WORDS]
    assert len(words) > 1000
    differing = [(word, dictionary.count(word), textstat.syllable_count(word)) for word in words]
    assert [entry for entry in differing if entry[1] != entry[2]] == []


def test_a_dictionary_is_read_once_for_a_run_and_only_when_asked() -> None:
    dictionary = SyllableDictionary()
    assert dictionary._phones is None, "reading the dictionary waits for the first word"
    first, second = SyllableCounter(dictionary), SyllableCounter(dictionary)
    assert first("anxiety") == second("anxiety") == 4
    assert first.dictionary._pronunciations() is second.dictionary._pronunciations()


def syllables(word: str) -> int:
    return SyllableCounter(DICTIONARY).syllables(word)


def test_syllables_of_hyphenated_and_dictionary_words() -> None:
    assert syllables("anxiety") == 4
    assert syllables("psychotherapy") == 5
    assert syllables("self-harm") == 2
    assert Figures(0, 0, 0, 0).smog == 0.0
