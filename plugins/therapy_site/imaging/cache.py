"""The image cache under ``.cache/``: files named by content hash, a manifest, atomic writes.

Modelled on Material's social plugin: an image whose key is in the manifest
and whose files exist is copied, not drawn again.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

MANIFEST = "manifest.json"


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file and rename, so no half-written file is ever left behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def cache_file(directory: Path, site_path: str) -> Path:
    """Where the cache in ``directory`` keeps the image published at ``site_path`` (names hold content hashes)."""
    return directory / Path(site_path).name


class ImageCache:
    """Encoded images by site path, remembered under the key of the job that drew them."""

    def __init__(self, directory: Path, *, enabled: bool = True) -> None:
        self.directory = directory
        self.enabled = enabled
        self.manifest: dict[str, list[str]] = {}
        manifest = directory / MANIFEST
        if enabled and manifest.is_file():
            try:
                loaded = json.loads(manifest.read_text(encoding="utf-8"))
                self.manifest = {str(k): [str(p) for p in v] for k, v in loaded.items()}
            except (ValueError, AttributeError):
                self.manifest = {}  # a damaged manifest only costs a re-render

    def _file(self, site_path: str) -> Path:
        return cache_file(self.directory, site_path)

    def get(self, key: str, site_paths: list[str]) -> dict[str, Path] | None:
        """Cached files for ``key`` when all of them are present."""
        if not self.enabled or sorted(self.manifest.get(key, [])) != sorted(site_paths):
            return None
        files = {site_path: self._file(site_path) for site_path in site_paths}
        return files if all(path.is_file() for path in files.values()) else None

    def put(self, key: str, images: dict[str, bytes]) -> dict[str, Path]:
        if not self.enabled:
            return {}
        files = {}
        for site_path, data in images.items():
            files[site_path] = self._file(site_path)
            write_atomic(files[site_path], data)
        self.manifest[key] = sorted(images)
        return files

    def record(self, key: str, site_paths: list[str]) -> None:
        """Remember ``key``'s images, written into the folder by an image worker (:func:`cache_file` names)."""
        if self.enabled:
            self.manifest[key] = sorted(site_paths)

    def save(self) -> None:
        if self.enabled:
            text = json.dumps(self.manifest, indent=1, sort_keys=True)
            write_atomic(self.directory / MANIFEST, text.encode("utf-8"))
