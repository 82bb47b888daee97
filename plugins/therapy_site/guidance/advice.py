"""A piece of writing guidance: where, how strong (warning or info), what to write instead, which rule, its group."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from therapy_site.validation.findings import bounded, github_annotation, text_line

Strength = Literal["warning", "info"]

# The five groups, in the order `check --guidance` and the preview panel show them.
GROUPS: dict[str, str] = {
    "safe-messaging": "Safe messaging",
    "stigma": "Stigmatising language",
    "reading": "Plain language",
    "search": "Search basics",
    "trust": "Health-information trust",
}
LANGUAGE_GROUPS = ("safe-messaging", "stigma", "reading")  # written for English only
RULE_IDS = (
    *("suicide-commit", "suicide-attempt-outcome", "suicide-completed", "suicide-sensational"),
    *("suicide-method", "suicide-helpline", "suicide-content-note"),
    *("stigma-slur", "stigma-label", "stigma-suffering", "stigma-casual"),
    *("reading-grade", "reading-long-sentences", "reading-long-paragraph", "reading-long-section"),
    *("reading-passive", "reading-repeated-start"),
    *("search-length", "search-description", "search-keyphrase", "search-keyphrase-density"),
    *("search-internal-link", "search-h1"),
    *("trust-review", "trust-review-age", "trust-sources"),
)


@dataclass(frozen=True, order=True)
class Advice:
    path: str
    line: int
    column: int
    severity: Strength
    message: str
    rule: str
    group: str

    def as_text(self) -> str:
        return text_line(self)

    def as_github(self) -> str:
        return github_annotation("warning" if self.severity == "warning" else "notice", self)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def advice(path: str, line: int, message: str, rule: str, group: str, *, info: bool = False, column: int = 1) -> Advice:
    return Advice(path, max(line, 1), max(column, 1), "info" if info else "warning", bounded(message), rule, group)
