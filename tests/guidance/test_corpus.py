"""The corpus (``corpus.py``): each text gives exactly the guidance expected of it, at its line, and no more."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from guidance_corpus import CASES, Case, post_text

from therapy_site.guidance.advice import RULE_IDS
from therapy_site.guidance.language import crisis_patterns
from therapy_site.guidance.runner import GuidanceSettings, PageGuidance, guide_source
from therapy_site.guidance.syllables import SyllableDictionary
from therapy_site.validation.source import SourceFile

TODAY = date(2026, 1, 15)
DICTIONARY = SyllableDictionary()  # read once for all the cases, as a check reads it once for all the pages
SETTINGS = GuidanceSettings(
    crisis=tuple(crisis_patterns({"crisis": {"line_phone": "0800 123 4567", "line_name": "Harbour Line"}}))
)


def guide(tmp_path: Path, case: Case, settings: GuidanceSettings = SETTINGS) -> tuple[SourceFile, PageGuidance]:
    path = tmp_path / f"{case.name}.md"
    path.write_text(post_text(case), encoding="utf-8")
    source = SourceFile.read(path, f"docs/blog/posts/{path.name}", f"blog/posts/{path.name}", True)
    return source, guide_source(source, settings, str(source.meta.get("slug") or ""), TODAY, DICTIONARY)


def judged(case: Case) -> tuple[str, ...]:
    return case.compare or tuple(sorted({rule.split("-")[0] for rule, _ in case.expect}))


def in_scope(rule: str, group: str, scope: tuple[str, ...]) -> bool:
    return rule in scope or group in scope or any(group.startswith(name) for name in scope)


def test_the_corpus_is_big_enough_and_has_near_misses() -> None:
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)
    assert sum(not case.expect for case in CASES) >= 15


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case(tmp_path: Path, case: Case) -> None:
    source, result = guide(tmp_path, case)
    scope = case.compare or tuple({_group(rule) for rule, _ in case.expect})
    found = {(item.rule, item.line) for item in result.advice if in_scope(item.rule, item.group, scope)}
    expected = {(rule, _line(source, where)) for rule, where in case.expect}
    assert found == expected, "\n".join(item.as_text() for item in result.advice)


def _group(rule: str) -> str:
    return {"suicide": "safe-messaging", "stigma": "stigma", "reading": "reading", "search": "search"}.get(
        rule.split("-")[0], "trust"
    )


def _line(source: SourceFile, where: int | str) -> int:
    return source.key_line(where) if isinstance(where, str) else source.body_start + where - 1


def test_every_rule_is_exercised() -> None:
    from therapy_site.guidance.language import TERMS

    rules = {rule for case in CASES for rule, _ in case.expect}
    assert {term.rule for term in TERMS} <= rules
    assert {"suicide-method", "suicide-helpline", "suicide-content-note"} <= rules
    assert {rule for rule in rules if rule.startswith(("reading-", "search-", "trust-"))} == {
        "reading-grade",
        "reading-long-sentences",
        "reading-long-paragraph",
        "reading-long-section",
        "reading-passive",
        "reading-repeated-start",
        "search-length",
        "search-description",
        "search-keyphrase",
        "search-keyphrase-density",
        "search-internal-link",
        "search-h1",
        "trust-review",
        "trust-review-age",
        "trust-sources",
    }


def test_messages_say_what_to_write_instead(tmp_path: Path) -> None:
    for case in CASES:
        _, result = guide(tmp_path, case)
        for item in result.advice:
            assert re.search(
                r"\b(say|use|add|put|give|write|describe|split|start|check|end|link|make|choose|leave|answer)\b",
                item.message,
            ), item.message
            assert item.severity in ("warning", "info")


def test_a_site_switches_a_word_off_by_its_name(tmp_path: Path) -> None:
    case = Case("crazy-off", "Mornings are crazy busy.\n")
    settings = GuidanceSettings(disabled_terms=frozenset({"crazy"}))
    assert not [item for item in guide(tmp_path, case, settings)[1].advice if item.group == "stigma"]


def test_a_site_in_another_language_gets_no_language_rules(tmp_path: Path) -> None:
    case = Case("french", "He committed suicide. Mornings are crazy busy.\n")
    _, result = guide(tmp_path, case, GuidanceSettings(language="fr"))
    assert {item.group for item in result.advice} <= {"search", "trust"}
    assert {item.group for item in result.advice} == {"search", "trust"}


def test_yaml_quotes_around_a_description_are_not_quoted_speech(tmp_path: Path) -> None:
    case = Case("quoted-description", "A calm text.\n")
    lines = post_text(case).splitlines(keepends=True)
    assert lines[2].startswith("description: ")
    lines[2] = 'description: "Busy days: why they feel crazy, and small steps that help."\n'
    text = "".join(lines)
    path = tmp_path / "quoted-description.md"
    path.write_text(text, encoding="utf-8")
    source = SourceFile.read(path, "docs/blog/posts/quoted-description.md", "blog/posts/quoted-description.md", True)
    found = [(item.rule, item.line) for item in guide_source(source, SETTINGS, "", TODAY, DICTIONARY).advice]
    assert ("stigma-casual", source.key_line("description")) in found


def test_every_rule_is_documented_for_authors() -> None:
    authoring = (Path(__file__).resolve().parents[2] / "AUTHORING.md").read_text(encoding="utf-8")
    for rule in (*RULE_IDS, "guidance-allow"):
        assert f"| `{rule}` |" in authoring, rule


def test_a_mistyped_allowance_is_named_with_the_closest_rule(tmp_path: Path) -> None:
    case = Case("typo", "Mornings are crazy busy.\n", meta={"guidance": {"allow": ["stigma-casul"]}})
    source, result = guide(tmp_path, case)
    (typo,) = [item for item in result.advice if item.rule == "guidance-allow"]
    assert typo.line == source.nested_key_line("guidance", "allow")
    assert "'stigma-casul'" in typo.message and "did you mean 'stigma-casual'?" in typo.message
    assert "stigma-casual" in {item.rule for item in result.advice}
    one = Case("one-name", "Mornings are crazy busy.\n", meta={"guidance": {"allow": "stigma"}})
    assert not [item for item in guide(tmp_path, one)[1].advice if item.group == "stigma"]


def test_the_corpus_exercises_every_rule() -> None:
    assert {rule for case in CASES for rule, _ in case.expect} == set(RULE_IDS)
