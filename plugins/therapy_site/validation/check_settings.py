"""The check's settings: ``extra.therapy_check`` in mkdocs.yml, with the packaged defaults."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from typing import Any

import yaml

from therapy_site.faq.extension import DEFAULT_TITLES
from therapy_site.review.freshness import DEFAULT_MAX_AGE_MONTHS

DEFAULT_IMAGE_BUDGET_KB = 200
DEFAULT_DESCRIPTION_LENGTH = (50, 160)
# Hard limits: beyond them an image is refused (the weight budget above is advice).
DEFAULT_IMAGE_MAX_MB = 5
DEFAULT_IMAGE_MAX_MEGAPIXELS = 40


def default_phrases() -> dict[str, str]:
    """The packaged list of phrases to avoid or reword (``phrases.yml``)."""
    text = resources.files("therapy_site.validation").joinpath("phrases.yml").read_text(encoding="utf-8")
    return {str(phrase): str(advice) for phrase, advice in (yaml.safe_load(text) or {}).items()}


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as whole words, any spacing, any case."""
    words = (re.escape(word) for word in phrase.split())
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE)


@dataclass
class Settings:
    """``extra.therapy_check`` in mkdocs.yml; every key is optional."""

    image_budget_kb: int = DEFAULT_IMAGE_BUDGET_KB
    description_min: int = DEFAULT_DESCRIPTION_LENGTH[0]
    description_max: int = DEFAULT_DESCRIPTION_LENGTH[1]
    phrases: dict[str, str] = field(default_factory=default_phrases)
    faq_titles: tuple[str, ...] = DEFAULT_TITLES
    image_max_mb: float = DEFAULT_IMAGE_MAX_MB
    image_max_megapixels: float = DEFAULT_IMAGE_MAX_MEGAPIXELS
    review_max_age_months: int = DEFAULT_MAX_AGE_MONTHS  # warn when last_reviewed is older

    @cached_property
    def phrase_patterns(self) -> list[tuple[re.Pattern[str], str, str]]:
        """Each phrase compiled once per check run (no module-level cache), with its longest word case-folded:
        text whose case-folded form lacks that word cannot match, and a substring test is far cheaper."""
        return [
            (phrase_pattern(phrase), advice, max(phrase.split(), key=len).casefold())
            for phrase, advice in self.phrases.items()
        ]

    @classmethod
    def from_extra(cls, raw: dict[str, Any]) -> Settings:
        settings = cls()
        if "image_budget_kb" in raw:
            settings.image_budget_kb = int(raw["image_budget_kb"])
        if "image_max_mb" in raw:
            settings.image_max_mb = float(raw["image_max_mb"])
        if "image_max_megapixels" in raw:
            settings.image_max_megapixels = float(raw["image_max_megapixels"])
        if "review_max_age_months" in raw:
            settings.review_max_age_months = int(raw["review_max_age_months"])
        if "description_length" in raw:
            settings.description_min, settings.description_max = (int(value) for value in raw["description_length"])
        # A phrase mapped to false (or null) switches a default off; other values add or replace advice.
        for phrase, advice in (raw.get("phrases") or {}).items():
            if advice in (False, None):
                settings.phrases.pop(str(phrase), None)
            else:
                settings.phrases[str(phrase)] = str(advice)
        return settings
