"""Guidance for one page or post, and for the pages ``therapy-site check`` was given.

Posts get every group; other pages (About, Urgent help) the two about words
(safe messaging, stigma). Sites whose language is not English get no language
rules (safe messaging, stigma, plain language), and :func:`language_note` says so.
Nothing here is kept between calls: each page is read and judged on its own.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from therapy_site.guidance.advice import GROUPS, LANGUAGE_GROUPS, RULE_IDS, Advice, advice
from therapy_site.guidance.language import (
    SAFE,
    STIGMA,
    check_safe_messaging,
    check_terms,
    crisis_patterns,
    is_about_suicide,
    prose_lines,
)
from therapy_site.guidance.prose import read_prose
from therapy_site.guidance.reading import Figures, SyllableCounter, check_reading, figures
from therapy_site.guidance.search import check_search
from therapy_site.guidance.syllables import SyllableDictionary
from therapy_site.guidance.trust import check_trust
from therapy_site.validation.source import SourceFile

# `language` was the one rule for words before guidance: allowing it allows both groups about words.
ALIASES = {"language": (SAFE, STIGMA)}


@dataclass(frozen=True)
class GuidanceSettings:
    """``extra.therapy_check.guidance`` (``strict``, ``allow``), the site's language and crisis line."""

    language: str = "en"
    strict: bool = False
    allow: frozenset[str] = frozenset()
    disabled_terms: frozenset[str] = frozenset()  # extra.therapy_check.phrases: {crazy: false}
    crisis: tuple[re.Pattern[str], ...] = ()

    @property
    def english(self) -> bool:
        return self.language.casefold().split("-")[0].split("_")[0] == "en"

    @classmethod
    def from_config(cls, config: Any) -> GuidanceSettings:
        extra = config["extra"] or {}
        check = extra.get("therapy_check") or {}
        raw = check.get("guidance") or {}
        phrases = check.get("phrases") or {}
        theme = config["theme"]
        language = str((theme.get("language") if theme is not None else None) or "en")
        return cls(
            language=language,
            strict=bool(raw.get("strict", False)),
            allow=frozenset(str(rule) for rule in raw.get("allow") or ()),
            disabled_terms=frozenset(str(name).casefold() for name, value in phrases.items() if value in (False, None)),
            crisis=tuple(crisis_patterns(extra.get("practice") or {})),
        )


@dataclass
class PageGuidance:
    shown: str
    is_post: bool
    advice: list[Advice] = field(default_factory=list)
    figures: Figures | None = None
    about_suicide: bool = False

    def group_light(self, group: str) -> str:
        """'red' (a warning), 'amber' (only notes) or 'green'."""
        found = [item for item in self.advice if item.group == group]
        if any(item.severity == "warning" for item in found):
            return "red"
        return "amber" if found else "green"


def listed_allowances(meta: dict[str, Any]) -> list[str]:
    """``guidance: {allow: [...]}`` of a page (one name alone is read as a list of one)."""
    guidance = meta.get("guidance")
    listed = guidance.get("allow") if isinstance(guidance, dict) else None
    if isinstance(listed, str):
        listed = [listed]
    return [str(name) for name in listed] if isinstance(listed, list) else []


def allowed_rules(meta: dict[str, Any], settings: GuidanceSettings) -> set[str]:
    names = set(settings.allow) | set(listed_allowances(meta))
    for alias, groups in ALIASES.items():
        if alias in names:
            names.update(groups)
    return names


def unknown_allowances(source: SourceFile) -> list[Advice]:
    """A name in ``guidance: {allow: [...]}`` that is no rule, group or ``language``: it would allow nothing."""
    known = {*RULE_IDS, *GROUPS, *ALIASES}
    found = []
    for name in listed_allowances(source.meta):
        if name not in known:
            close = difflib.get_close_matches(name, sorted(known), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "use a rule id from AUTHORING.md or a group"
            message = f"'{name}' under guidance: allow is not a guidance rule or group, so it allows nothing: {hint}"
            line = source.nested_key_line("guidance", "allow")
            found.append(advice(source.shown, line, message, "guidance-allow", "guidance"))
    return found


def is_health_post(meta: dict[str, Any]) -> bool:
    guidance = meta.get("guidance")
    return not (isinstance(guidance, dict) and guidance.get("health") is False)


def guide_source(
    source: SourceFile,
    settings: GuidanceSettings,
    slug: str = "",
    today: date | None = None,
    dictionary: SyllableDictionary | None = None,
) -> PageGuidance:
    """Every guidance finding for one readable page or post (none for a file that cannot be read).

    ``dictionary``: the run's syllable dictionary, read once for all the pages a check or a preview judges.
    """
    result = PageGuidance(source.shown, source.is_post)
    if source.read_error or source.meta_error:
        return result
    meta, body = source.meta, source.body_lines()
    lines = {key: source.key_line(key) for key in ("title", "description", "keyphrase", "last_reviewed")}
    prose = read_prose(source)
    first_body_line = body[0][0] if body else source.body_start
    found: list[Advice] = []
    if settings.english:
        text_lines = prose_lines(_front_line(source, "title"), _front_line(source, "description"), body)
        result.about_suicide = is_about_suicide(text_lines)
        found += check_terms(source.shown, text_lines, result.about_suicide, set(settings.disabled_terms))
        if result.about_suicide:
            found += check_safe_messaging(source.shown, text_lines, prose, list(settings.crisis), first_body_line)
    if source.is_post:
        sentences = prose.sentences()
        if settings.english:  # the formulas and syllable counts are English ones
            count = SyllableCounter(dictionary)
            result.figures = figures(sentences, count)
            found += check_reading(source.shown, prose, sentences, result.figures, count)
        found += check_search(source.shown, meta, lines, body, prose, slug or source.path.stem)
        if is_health_post(meta):
            found += check_trust(source.shown, meta, lines, body, today or date.today(), source.map)
    found += unknown_allowances(source)
    allowed = allowed_rules(meta, settings)
    result.advice = sorted(
        {item for item in found if item.rule not in allowed and item.group not in allowed},
        key=lambda item: (item.line, item.column, item.rule, item.message),
    )
    return result


def _front_line(source: SourceFile, key: str) -> tuple[int, str] | None:
    if key not in source.meta:
        return None
    number = source.key_line(key)
    return number, source.text.splitlines()[number - 1]


def language_note(settings: GuidanceSettings) -> str | None:
    """The one line a site in another language gets instead of the language rules."""
    if settings.english:
        return None
    groups = ", ".join(GROUPS[group].lower() for group in LANGUAGE_GROUPS)
    return (
        f"guidance: the site's language is '{settings.language}'; the {groups} rules are written for English "
        "only, so they were not run (search basics and health-information trust were)"
    )
