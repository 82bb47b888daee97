"""Compiled templates kept between builds and preview rebuilds, in the project's cache folder.

MkDocs makes a new Jinja environment for every build and for every rebuild of ``mkdocs serve``, and Jinja compiles
each of Material's templates again for it: about a sixth of a small site's build. Jinja's own file cache keeps the
compiled code in ``.cache/therapy-site/templates`` (written atomically). It checks each template's source against
a checksum, so an edited template (a site's override, a new Material release) is compiled afresh.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache

DEFAULT_FOLDER = ".cache/therapy-site/templates"


def compiled_templates(folder: Path) -> FileSystemBytecodeCache:
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))
