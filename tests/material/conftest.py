"""Builds the ``therapy_site.material`` tests share: the real site in-process (objects kept), and unrepaired."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin

from helpers import Build, build_with_plugin_options, copy_project, paged_copy, shared_build


class ProbePlugin(BasePlugin):
    """Keeps every page MkDocs renders, by URL, with the config (for the accessors under test)."""

    def __init__(self) -> None:
        self.pages: dict[str, Any] = {}

    def on_page_context(self, context: dict[str, Any], *, page: Any, config: Any, nav: Any) -> dict[str, Any]:
        self.pages[page.url] = page
        return context


@dataclass
class InProcessBuild:
    project: Path
    config: Any
    pages: dict[str, Any] = field(default_factory=dict)


@pytest.fixture(scope="session")
def objects_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcessBuild]:
    """The real site built in this process, so tests can call the accessors on Material's own objects.

    Paginated at two posts per page (the site uses ten), so its listings have a page 2.
    """
    project = paged_copy(tmp_path_factory.mktemp("objects") / "project")
    environment, folder = dict(os.environ), Path.cwd()
    os.chdir(project)  # plugins' caches are relative to the working folder, as in `mkdocs build`
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    probe = ProbePlugin()
    config.plugins["therapy-test/probe"] = probe
    try:
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        yield InProcessBuild(project, config, probe.pages)
    finally:
        # No on_shutdown here: MkDocs shares plugins that have startup/shutdown hooks (Material's blog and its
        # temporary folder) across every config loaded in this process, and the CLI tests shut them down at exit.
        os.chdir(folder)
        os.environ.clear()
        os.environ.update(environment)  # the build pins SOURCE_DATE_EPOCH in the environment


@pytest.fixture(scope="session")
def unrepaired_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site with ``therapy-site/material: repair_markup: false``: Material's markup before our repairs."""
    def make(folder: Path) -> Build:
        project = copy_project(folder / "project")
        return build_with_plugin_options(project, "therapy-site/material", {"repair_markup": False})

    return shared_build(tmp_path_factory, "unrepaired", make)
