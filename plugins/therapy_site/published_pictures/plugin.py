"""MkDocs plugin ``therapy-site/pictures``: after the build, replace each picture MkDocs copied by a clean copy.

Its ``on_post_build`` runs after every other plugin's (priority -100), when the copies MkDocs made are final.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from therapy_site.pictures import RASTER_SUFFIXES, PictureError, clean_published

log = get_plugin_logger(__name__)


class PublishedPicturesPlugin(BasePlugin):
    def __init__(self) -> None:
        self.pictures: list[tuple[Path, Path]] = []  # (in docs/ or the theme, in the site) of this build

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.pictures = copied_pictures(files)
        return env

    @event_priority(-100)  # after every plugin wrote its files: the copies MkDocs made are final
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        pictures, self.pictures = self.pictures, []
        publish_clean_pictures(pictures, config)


def copied_pictures(files: Files) -> list[tuple[Path, Path]]:
    """The raster pictures MkDocs copies as they are (from docs/ or the theme): source and published path."""
    return [
        (Path(file.abs_src_path), Path(file.abs_dest_path))
        for file in files
        if file.abs_src_path
        and not file.generated_by
        and Path(file.abs_src_path).suffix.lower() in RASTER_SUFFIXES
        and not file.is_documentation_page()
    ]


def publish_clean_pictures(pictures: list[tuple[Path, Path]], config: MkDocsConfig) -> None:
    """Replace each copied picture by a copy without location or camera details (the original stays as it is).

    A picture that cannot be cleaned is not published: an error says which and why.
    """
    for source, published in pictures:
        if not published.is_file():
            continue  # not written by this build (excluded, or a preview's unchanged file)
        try:
            clean_published(source, published)
        except (PictureError, OSError) as problem:
            published.unlink(missing_ok=True)
            root = Path(config.config_file_path).parent
            shown = source.relative_to(root).as_posix() if source.is_relative_to(root) else source.as_posix()
            log.error(
                f"{shown}: picture left out of the site: {problem}; export it again as JPEG, PNG or WebP "
                "(its location and camera details could not be removed)"
            )
