"""The site as the authoring tools see it: MkDocs' own config, with our plugins' ``on_config`` applied.

Loading the config the way ``mkdocs build`` does means ``therapy-site check``
converts Markdown with exactly the extensions the build uses, and reads the
blog's categories, authors and slug rules from Material's blog plugin.
"""

from __future__ import annotations

import atexit
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError

from therapy_site.material.blog import BlogSettings, blog_authors, blog_settings


@dataclass
class Project:
    """What the authoring tools need to know about the site."""

    config: MkDocsConfig
    config_file: Path
    docs_dir: Path
    posts_dir: Path
    categories_allowed: list[str]
    authors: dict[str, Any]
    authors_file: Path | None
    slugify: Callable[[str], str]
    blog: BlogSettings
    settings: dict[str, Any] = field(default_factory=dict)

    def is_post(self, path: Path) -> bool:
        return path.resolve().is_relative_to(self.posts_dir.resolve())


def find_config_file(start: Path) -> Path:
    """``mkdocs.yml`` in ``start`` or the nearest folder above it."""
    for folder in (start, *start.parents):
        candidate = folder / "mkdocs.yml"
        if candidate.is_file():
            return candidate
    raise click.ClickException(f"no mkdocs.yml found in {start} or any folder above it")


@contextmanager
def _quiet_mkdocs() -> Iterator[None]:
    """MkDocs' INFO chatter is not for authors; warnings still reach stderr."""
    logger = logging.getLogger("mkdocs")
    previous = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(previous)


def load_project(config_file: Path | None) -> Project:
    """Load ``mkdocs.yml`` and run the plugins' ``on_config`` so Markdown extensions match the build."""
    path = (config_file or find_config_file(Path.cwd())).resolve()
    with _quiet_mkdocs():
        try:
            config = load_config(config_file=str(path))
            config.plugins.on_startup(command="build", dirty=False)
            config = config.plugins.on_config(config)
        except (ConfigurationError, PluginError) as error:
            raise click.ClickException(f"{path}: {error}") from error
    return project_from_config(config, path)


def project_from_config(config: MkDocsConfig, path: Path) -> Project:
    """The project as seen from a loaded config (``on_config`` done): shared by ``check`` and the build."""
    docs_dir = Path(config.docs_dir)
    blog = blog_settings(config)
    if blog is None:
        raise click.ClickException(f"{path}: the 'blog' plugin is not enabled")
    return Project(
        config=config,
        config_file=path,
        docs_dir=docs_dir,
        posts_dir=blog.posts_dir,
        categories_allowed=list(blog.categories_allowed),
        authors=blog_authors(config),
        authors_file=blog.authors_file if blog.authors_file.is_file() else None,
        slugify=blog.slugify,
        blog=blog,
        settings=dict(config.extra.get("therapy_check") or {}),
    )


def close_project(project: Project) -> None:
    """Let plugins clean up (Material's blog plugin removes its temporary folder) when the process ends.

    MkDocs keeps plugins that have ``on_startup``/``on_shutdown`` for the whole
    process (as in ``mkdocs serve``), so each plugin's shutdown runs once, at exit:
    registering a bound method again first removes the earlier registration of
    the same plugin instance (no flag of our own).
    """
    for plugin in project.config.plugins.values():
        shutdown = getattr(plugin, "on_shutdown", None)
        if callable(shutdown):
            atexit.unregister(shutdown)
            atexit.register(shutdown)
