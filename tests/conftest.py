"""Fixtures shared by the whole suite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import Build, build_copy, launch_chromium, paged_copy, run_build, serve


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per test session with ``mkdocs build --strict``."""
    build = build_copy(tmp_path_factory.mktemp("site"))
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def site_url(site_build: Build) -> Iterator[str]:
    with serve(site_build.site) as url:
        yield url


@pytest.fixture(scope="session")
def paged_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site paginated at two posts per page (the site itself uses ten), so listings have a page 2."""
    build = run_build(paged_copy(tmp_path_factory.mktemp("paged") / "project"))
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def paged_url(paged_build: Build) -> Iterator[str]:
    with serve(paged_build.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def artifacts_dir() -> Path:
    """Where tests save screenshots and rendered images for review."""
    path = Path(__file__).resolve().parent.parent / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path
