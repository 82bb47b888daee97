"""The build date, computed from the sources: the newest date written in the pages' front matter.

MkDocs (sitemap ``lastmod``) and mkdocs-rss-plugin (channel dates) would use the
current time, or the ``SOURCE_DATE_EPOCH`` environment variable (the
reproducible-builds convention) when it is set. We honour that variable when the
environment sets it, but never set it ourselves: the date is computed for each
build and handed to what needs it (see :mod:`therapy_site.feed.plugin`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from mkdocs.utils import meta

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"


def _dates(value: Any) -> Iterator[datetime]:
    """Every date in a front-matter ``date`` value (a date, or a mapping like ``{created, updated}``)."""
    if isinstance(value, dict):
        for item in value.values():
            yield from _dates(item)
    elif isinstance(value, datetime):
        yield value if value.tzinfo else value.replace(tzinfo=UTC)
    elif isinstance(value, date):
        yield datetime.combine(value, time(), tzinfo=UTC)


def newest_source_date(docs_dir: Path) -> datetime | None:
    newest: datetime | None = None
    now = datetime.now(UTC)
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            _, front_matter = meta.get_data(path.read_text(encoding="utf-8-sig"))
        except Exception:  # unreadable or malformed: the validation plugin reports it with file:line
            continue
        if front_matter.get("draft") is True:
            continue  # not published
        for found in _dates(front_matter.get("date")):
            if found > now:
                continue  # a scheduled post: unpublished until then (blog: draft_if_future_date)
            newest = found if newest is None or found > newest else newest
    return newest


def build_date(docs_dir: Path, environ: Mapping[str, str] = os.environ, now: datetime | None = None) -> datetime:
    """``SOURCE_DATE_EPOCH`` when the environment sets it, else the sources' newest date, else now (UTC)."""
    if environ.get(SOURCE_DATE_EPOCH):
        return datetime.fromtimestamp(int(environ[SOURCE_DATE_EPOCH]), UTC)
    return newest_source_date(docs_dir) or now or datetime.now(UTC)
