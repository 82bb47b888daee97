"""Health-information trust (after the PIF TICK criteria): a named reviewer and date, a recent review, sources."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from therapy_site.dates import as_date
from therapy_site.guidance.advice import Advice, advice
from therapy_site.review.freshness import months_between
from therapy_site.sources import SourceMap

GROUP = "trust"
MAX_REVIEW_MONTHS = 36
SOURCES_TITLES = frozenset({"sources", "references"})


def has_sources(source_map: SourceMap) -> bool:
    """A ``/// sources`` block or a ``## Sources`` / ``## References`` heading (any level below the title)."""
    return bool(source_map.blocks_named("sources")) or any(
        heading.level >= 2 and heading.text.rstrip(":").strip().casefold() in SOURCES_TITLES
        for heading in source_map.headings
    )


def check_trust(
    shown: str,
    meta: dict[str, Any],
    lines: dict[str, int],
    body: list[tuple[int, str]],
    today: date,
    source_map: SourceMap,
) -> Iterator[Advice]:
    reviewed = as_date(meta.get("last_reviewed"))
    if not meta.get("reviewed_by") or reviewed is None:
        yield advice(
            shown,
            lines["title"],
            "health information without a named review: add 'reviewed_by:' (an author key) "
            "and 'last_reviewed:' (the date a qualified person checked it), so readers know it was checked",
            "trust-review",
            GROUP,
        )
    elif months_between(reviewed, today) >= MAX_REVIEW_MONTHS:
        yield advice(
            shown,
            lines["last_reviewed"],
            f"last reviewed on {reviewed.isoformat()}, more than 3 years ago: "
            "check the facts and numbers, then update 'last_reviewed'",
            "trust-review-age",
            GROUP,
        )
    if not has_sources(source_map):
        at = body[-1][0] if body else lines["title"]
        yield advice(
            shown,
            at,
            "no sources: end the post with a '## Sources' section listing the research or guidance "
            "it draws on (NHS, NICE, a journal article), each as a link",
            "trust-sources",
            GROUP,
        )
