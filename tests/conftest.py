"""Fixtures shared by the whole suite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import Build, CacheSeed, build_copy, launch_chromium, paged_copy, run_build, serve, shared_build

# --- Running in parallel (pytest-xdist) -------------------------------------------------------------------------
#
# `make test` runs the suite in worker processes with `--dist loadscope`: each test module runs whole on one worker,
# so its module-scoped builds happen once. The scheduler below refines that for the browser tests, which cache one
# load of each page (tests/ui/conftest.py's `loads`, tests/quality/test_browser.py's `visits`): their tests are
# grouped by the page they look at, across the modules that share the cache, so each page is loaded once and the
# pages spread over the workers. The slowest units start first, so no worker is left with a long one at the end.
PAGE_GROUPS = {
    "tests/ui/test_layout.py": "ui",
    "tests/ui/test_contrast.py": "ui",
    "tests/ui/test_non_text_contrast.py": "ui",
    "tests/ui/test_pages.py": "ui",
    "tests/quality/test_browser.py": "browser",
}
SHARED_SCOPES = {
    # The site built in-process by tests/material/conftest.py's `objects_build`.
    "tests/material/test_blog.py": "material-objects",
    "tests/material/test_excerpts.py": "material-objects",
}
# Rough seconds of the slowest units on one core; the rest are started in order of their number of tests.
SLOW_SCOPES = {
    "tests/cli/test_init.py": 27,
    "material-objects": 20,
    "tests/booking/test_site.py": 20,
    "tests/theme/test_preview_server.py": 17,
    "tests/ui/test_landmarks.py": 15,
    "tests/validation/test_good_and_stray.py": 15,
    "tests/theme/test_site.py": 12,
    "tests/ui/test_phone_header.py": 10,
}
PAGE_SECONDS = 8  # one page's loads in a page group above


def expected_seconds(scope: str) -> float:
    return SLOW_SCOPES.get(scope, PAGE_SECONDS if scope.endswith("]") else 0)


def scope_of(nodeid: str) -> str:
    """The unit of work ``nodeid`` runs in: its module, its shared group, or its group and page."""
    module, _, test = nodeid.partition("::")
    if module in PAGE_GROUPS:
        group = PAGE_GROUPS[module]
        # The page is the first parameter: test_contrast.py::test_text_meets_aaa_contrast[category-light-1280]
        return f"{group}[{test.partition('[')[2].split('-')[0].rstrip(']')}]" if "[" in test else group
    return SHARED_SCOPES.get(module, module)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    if config.getoption("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedScopeScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return scope_of(nodeid)

        def _assign_work_unit(self, node: Any) -> None:
            slowest = max(self.workqueue, key=lambda scope: (expected_seconds(scope), len(self.workqueue[scope])))
            self.workqueue.move_to_end(slowest, last=False)
            super()._assign_work_unit(node)

    return SharedScopeScheduling(config, log)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per test session with ``mkdocs build --strict``."""
    build = shared_build(tmp_path_factory, "site", build_copy)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session", autouse=True)
def seeded_cache(site_build: Build) -> None:
    """Copies of the site start with the first build's cache: drawn images, compiled templates (``CacheSeed``)."""
    CacheSeed.folder = site_build.project / ".cache" / "therapy-site"


@pytest.fixture(scope="session")
def site_url(site_build: Build) -> Iterator[str]:
    with serve(site_build.site) as url:
        yield url


@pytest.fixture(scope="session")
def paged_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site paginated at two posts per page (the site itself uses ten), so listings have a page 2."""
    build = shared_build(tmp_path_factory, "paged", lambda folder: run_build(paged_copy(folder / "project")))
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
