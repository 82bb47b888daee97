"""Browser fixtures for the layout, contrast and print tests.

Every page type is loaded once per viewport width (light palette) and the
layout measurements, axe results and control colours of that load are cached
for the session; dark-palette loads run axe and measure the controls only. Pages come from the real site, except the
blog's page 2, which comes from the copy paginated at two posts per page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from ui_support import BY_NAME, Load, load

from helpers import Build, first_visit_tab


@pytest.fixture(scope="session")
def ui_url(site_url: str, paged_url: str) -> Any:
    return lambda name: (paged_url if BY_NAME[name].paged else site_url) + BY_NAME[name].path


@pytest.fixture(scope="session")
def author_bio(site_build: Build) -> str:
    """The opening words of the author's bio (docs/blog/.authors.yml), to count its copies on a page."""
    authors = yaml.safe_load((site_build.project / "docs" / "blog" / ".authors.yml").read_text(encoding="utf-8"))
    description = " ".join(next(iter(authors["authors"].values()))["description"].split())
    return description[:40]


@pytest.fixture(scope="session")
def loads(browser: Any, ui_url: Any, author_bio: str) -> Iterator[dict[tuple[str, int, str], Load]]:
    """Each (page type, width, scheme) loaded once, lazily, all in one tab (see ``ui_support.load``)."""
    # Each load a first visit: what a page stored (Material keeps the palette it showed) is gone before the next
    # page's own scripts run, so its palette follows prefers-color-scheme as for a new reader.
    with first_visit_tab(browser) as page:

        class Loads(dict):
            def __missing__(self, key: tuple[str, int, str]) -> Load:
                name, width, scheme = key
                self[key] = load(page, ui_url(name), width, scheme, author_bio)
                return self[key]

        yield Loads()
