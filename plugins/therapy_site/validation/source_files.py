"""The site's source files as the check reads them: each once per run, named relative to the project."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from therapy_site.validation.source import SourceFile

if TYPE_CHECKING:
    from therapy_site.project import Project


class SourceFiles:
    """Reads and names the files of ``project``; ``cwd`` names files outside it (else the project root)."""

    def __init__(self, project: Project, cwd: Path | None = None) -> None:
        self.project = project
        # Findings name files relative to the project root (where mkdocs.yml is), so editors can open them.
        self.root = project.config_file.parent
        self.cwd = cwd or self.root
        self._sources: dict[str, SourceFile] = {}

    def shown(self, path: Path) -> str:
        """A path relative to the project root (else to the current folder, else as given), with '/'."""
        absolute = Path(os.path.abspath(path))
        for base in (self.root, self.cwd):
            try:
                return absolute.relative_to(os.path.abspath(base)).as_posix()
            except ValueError:
                continue
        return path.as_posix()

    def source(self, path: Path) -> SourceFile:
        """The file read once per run (the rules only read it; the slug and address maps reuse it)."""
        key = os.path.abspath(path)
        if key not in self._sources:
            self._sources[key] = self._read(path)
        return self._sources[key]

    def _read(self, path: Path) -> SourceFile:
        docs = Path(os.path.abspath(self.project.docs_dir))
        absolute = Path(os.path.abspath(path))
        docs_path = absolute.relative_to(docs).as_posix() if absolute.is_relative_to(docs) else path.name
        is_post = absolute.is_relative_to(os.path.abspath(self.project.posts_dir))
        return SourceFile.read(path, self.shown(path), docs_path, is_post)
