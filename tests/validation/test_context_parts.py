"""The check context's parts read the site as the build does."""

from __future__ import annotations

from pathlib import Path

from helpers import copy_project, load_config, write_config
from therapy_site.project import load_project
from therapy_site.validation.context import CheckContext


def test_the_faq_titles_are_the_configured_extensions(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = load_config(project)
    config["markdown_extensions"] = [{"therapy_site.faq": {"titles": ["Common questions"]}}]
    write_config(project, config)
    assert CheckContext(load_project(project / "mkdocs.yml")).faq_titles == ("Common questions",)
