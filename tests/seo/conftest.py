"""Fixtures for the search/sharing/trust tests; the real site is the session ``site_build`` of tests/conftest.py."""

from __future__ import annotations

import pytest
from seo.seo_helpers import VARIANT_POSTS, build_variant

from helpers import Build, shared_build


@pytest.fixture(scope="session")
def variant_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site plus test posts (sources, reviewer, dates), two posts a page, committed to git, built strictly."""
    build = shared_build(
        tmp_path_factory, "seo-variant", lambda folder: build_variant(folder, posts=VARIANT_POSTS, git=True, paged=True)
    )
    assert build.returncode == 0, build.output
    return build
