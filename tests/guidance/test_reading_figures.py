"""Reading figures: the formulas agree with a reference computation on known texts (within 0.5 grade)."""

from __future__ import annotations

import math

import pytest
import textstat

from therapy_site.guidance.reading import Figures, figures_of_text, syllables

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
    found = figures_of_text(text)
    assert (found.words, found.sentences) == (words, sentences)
    assert abs(found.syllables - syllable_count) <= 1
    assert found.polysyllables == polysyllables
    grade, ease, smog = reference(words, sentences, syllable_count, polysyllables)
    assert found.flesch_kincaid_grade == pytest.approx(grade, abs=0.5)
    assert found.smog == pytest.approx(smog, abs=0.5)
    assert found.flesch_reading_ease == pytest.approx(ease, abs=5)


@pytest.mark.parametrize("text", PLAIN_TEXTS)
def test_figures_agree_with_textstat_on_plain_prose(text: str) -> None:
    found = figures_of_text(text)
    assert found.flesch_kincaid_grade == pytest.approx(textstat.flesch_kincaid_grade(text), abs=0.5)
    assert found.smog == pytest.approx(textstat.smog_index(text), abs=0.5)
    assert found.flesch_reading_ease == pytest.approx(textstat.flesch_reading_ease(text), abs=5)


def test_a_harder_text_gets_a_higher_grade() -> None:
    easy, hard = figures_of_text(PLAIN_TEXTS[1]), figures_of_text(PLAIN_TEXTS[2])
    assert easy.smog < 10 < 14 < hard.smog
    assert easy.flesch_reading_ease > 60 > hard.flesch_reading_ease


def test_syllables_of_hyphenated_and_dictionary_words() -> None:
    assert syllables("anxiety") == 4
    assert syllables("psychotherapy") == 5
    assert syllables("self-harm") == 2
    assert Figures(0, 0, 0, 0).smog == 0.0
