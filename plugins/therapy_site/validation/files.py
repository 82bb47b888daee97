"""Which entries of a content folder are pages, which are editor leftovers, which are broken.

``therapy-site check`` and the build walk the docs folder with the same
function, so a folder named ``x.md``, an editor's lock or backup file or a
dangling link is treated the same way by both and never crashes either.

It also lists the other files of a folder that are published (or read into
pages) as text, which the ``template-identity`` rule searches too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import markdown_extensions

# The file names MkDocs reads as pages.
PAGE_SUFFIXES = tuple(markdown_extensions)

# Lock and backup files editors leave next to the file being edited: Emacs (.#x.md, #x.md#, x.md~),
# Microsoft Office (~$x.md), LibreOffice (.~lock.x.md#), Vim (.x.md.swp).
# And backup copies (x.md.bak, x.md.orig, x.md.tmp), which MkDocs would otherwise publish as they are.
EDITOR_LEFTOVER = re.compile(
    r"^(\.#.*|#.*#|~\$.*|\.~lock\..*#|.*~|\..*\.sw[a-p]|.*\.(?:bak|orig|tmp|old))$", re.IGNORECASE
)

# Files under docs/ (and the theme's custom_dir) that are published, or read into pages, as text.
PUBLISHED_TEXT_SUFFIXES = (
    ".svg", ".txt", ".xml", ".json", ".webmanifest", ".html", ".htm",
    ".css", ".js", ".mjs", ".yml", ".yaml",
)  # fmt: skip


@dataclass(frozen=True)
class ContentEntry:
    path: Path
    skipped: bool = False  # an editor's lock or backup file, or a folder: neither a page nor a mistake
    problem: tuple[str, str] | None = None  # (rule, message) when the entry is broken


def is_editor_leftover(name: str) -> bool:
    return EDITOR_LEFTOVER.match(name) is not None


def classify(path: Path) -> ContentEntry:
    """What ``path`` (a name ending in ``.md``, or a name MkDocs would read as a page) is."""
    if is_editor_leftover(path.name):
        return ContentEntry(path, skipped=True)
    if path.is_symlink() and not path.exists():
        target = os.readlink(path)
        message = f"this is a link to '{target}', which does not exist; delete the link or restore the file"
        return ContentEntry(path, problem=("file-stray", message))
    if path.is_dir():
        return ContentEntry(path, skipped=True)
    if not path.name.endswith(PAGE_SUFFIXES):  # 'Post.MD': MkDocs would publish the raw file, not a page
        suffix = path.name[path.name.rfind(".") :]
        message = f"the name ends in '{suffix}', so it is not read as a page; rename it to end in '.md'"
        return ContentEntry(path, problem=("file-stray", message))
    if not path.is_file():
        return ContentEntry(path, problem=("file-stray", "this is not a regular file; delete it or replace it"))
    return ContentEntry(path)


def content_files(folder: Path) -> list[ContentEntry]:
    """Every ``*.md`` entry under ``folder`` (sorted), classified; folders are never descended twice."""
    if not folder.is_dir():
        return []
    found: list[ContentEntry] = []
    for directory, subdirectories, names in os.walk(folder):
        subdirectories.sort()
        base = Path(directory)
        for name in sorted(names + subdirectories):
            if name.lower().endswith(PAGE_SUFFIXES) or (is_editor_leftover(name) and ".md" in name.lower()):
                found.append(classify(base / name))
    return sorted(found, key=lambda entry: entry.path.as_posix())


def markdown_files(paths: Iterable[Path]) -> list[ContentEntry]:
    """The entries named, or found in the folders named, without repeats."""
    found: dict[str, ContentEntry] = {}
    for path in paths:
        entries = content_files(path) if path.is_dir() and not path.name.endswith(PAGE_SUFFIXES) else [classify(path)]
        for entry in entries:
            found.setdefault(os.path.abspath(entry.path), entry)
    return sorted(found.values(), key=lambda entry: entry.path.as_posix())


def is_published_text(path: Path) -> bool:
    return path.name.lower().endswith(PUBLISHED_TEXT_SUFFIXES) and not is_editor_leftover(path.name)


# Folders of tools, never published (a theme's .icons folder is: Material inlines its pictures).
UNPUBLISHED_FOLDERS = frozenset({".git", ".cache", "__pycache__", "node_modules"})


def published_text_files(folder: Path) -> list[Path]:
    """The files under ``folder`` that are published (or read into pages) as text, sorted."""
    if not folder.is_dir():
        return []
    found = []
    for directory, subdirectories, names in os.walk(folder):
        subdirectories[:] = sorted(name for name in subdirectories if name not in UNPUBLISHED_FOLDERS)
        found.extend(Path(directory) / name for name in names if is_published_text(Path(name)))
    return sorted(found, key=lambda path: path.as_posix())
