"""Ship files that live outside ``docs/`` (our fonts, each feature's stylesheet) into the site."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

PACKAGE_ASSET_PREFIX = "assets/therapy-site"


def add_file(files: Files, config: MkDocsConfig, site_path: str, source: Path) -> None:
    """Add ``source`` to the build as ``site_path`` unless the docs already hold that path."""
    if files.get_file_from_path(site_path) is None:
        files.append(File.generated(config, site_path, abs_src_path=str(source)))


def add_stylesheet(files: Files, config: MkDocsConfig, source: Path) -> str:
    """Add a packaged stylesheet to the build and to ``extra_css``; return its site path.

    Call from ``on_files``; the path is appended to ``extra_css`` once even when
    ``mkdocs serve`` rebuilds.
    """
    site_path = f"{PACKAGE_ASSET_PREFIX}/{source.name}"
    add_file(files, config, site_path, source)
    if site_path not in config.extra_css:
        config.extra_css.append(site_path)
    return site_path
