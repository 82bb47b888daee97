"""A build date taken from the sources, so the same sources give byte-identical feeds and sitemap.

MkDocs (sitemap ``lastmod``) and mkdocs-rss-plugin (channel dates, and the
"updated" date of posts without one) use the build time unless
``SOURCE_DATE_EPOCH`` is set, the reproducible-builds convention they both
honour. We set it, when the environment has not, to the newest date written
in the pages' front matter.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
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
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            _, front_matter = meta.get_data(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs itself reports unreadable pages
        for found in _dates(front_matter.get("date")):
            newest = found if newest is None or found > newest else newest
    return newest


def pin_build_date(docs_dir: Path) -> None:
    """Set ``SOURCE_DATE_EPOCH`` from the sources unless the environment already chose one."""
    if SOURCE_DATE_EPOCH in os.environ:
        return
    newest = newest_source_date(docs_dir)
    if newest is not None:
        os.environ[SOURCE_DATE_EPOCH] = str(int(newest.timestamp()))
