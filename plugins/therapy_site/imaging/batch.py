"""Draw a build's image jobs (or copy them from the cache) into the site: infographics, social cards, hero images."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol

from mkdocs.exceptions import PluginError

from therapy_site.imaging.cache import ImageCache, cache_file, write_atomic
from therapy_site.imaging.pool import DrawingFailed, RenderPool, Workers


class ImageJob(Protocol):
    key: str

    def site_paths(self) -> list[str]: ...

    def render(self, renderer: Any) -> dict[str, bytes]: ...  # renderer: the batch's, in the process that draws


@dataclass(frozen=True)
class DrawIntoCache:
    """A job whose worker writes its images into the cache folder itself: only file names come back, so the
    build process neither receives nor writes the images' bytes."""

    job: ImageJob
    directory: Path

    @property
    def key(self) -> str:
        return self.job.key

    def render(self, renderer: Any) -> dict[str, str]:
        files = {}
        for site_path, data in self.job.render(renderer).items():
            path = cache_file(self.directory, site_path)
            write_atomic(path, data)
            files[site_path] = str(path)
        return files


class ImageBatch:
    """A build's image jobs: drawn in worker processes from the moment each is known, while the build goes on.

    The plugins add a job when a page names its image (``on_page_content``), so the workers draw on the
    cores the build itself leaves idle; :meth:`publish` (``on_post_build``) copies the cached images, waits
    for the drawn ones and writes them. A job whose images are all cached costs a file copy. Drawn images go
    to the cache as they arrive, so the build never holds them all in memory.
    """

    def __init__(self, renderer: Any, cache: ImageCache, workers: Workers) -> None:
        self.cache = cache
        self.pool = RenderPool(renderer, workers)
        self.cached: dict[str, dict[str, str]] = {}  # key -> site path -> cached file (strings: hundreds are kept)
        self.pending: dict[str, ImageJob] = {}
        self.drawn: dict[str, dict[str, str]] = {}  # drawn and put in the cache, as ``cached``
        self.drawn_bytes: dict[str, dict[str, bytes]] = {}  # drawn with the cache off

    def add(self, job: ImageJob) -> None:
        if job.key in self.cached or job.key in self.pending:
            return
        files = self.cache.get(job.key, job.site_paths())
        if files is not None:
            self.cached[job.key] = {site_path: str(path) for site_path, path in files.items()}
            return
        self.pending[job.key] = job
        self.pool.submit(DrawIntoCache(job, self.cache.directory) if self.cache.enabled else job)
        self.drain()

    def drain(self) -> None:
        """Put what the workers have drawn so far in the cache (plugins call it as pages are written)."""
        self._keep(self.pool.take_finished().items())

    def _keep(self, drawn: Iterable[tuple[str, dict[str, Any]]]) -> None:
        for key, images in drawn:
            if self.cache.enabled:  # DrawIntoCache: site path -> the cached file the worker wrote
                self.cache.record(key, list(images))
                self.drawn[key] = images
            else:
                self.drawn_bytes[key] = images

    def publish(self, site_dir: Path) -> tuple[int, int]:
        """Write every job's images into ``site_dir``; return ``(drawn, from cache)`` image counts."""
        cached = 0
        for key in sorted(self.cached):
            for site_path, source in self.cached[key].items():
                cached += 1
                _copy(Path(source), site_dir / site_path)
        try:
            self._keep(self.pool.each_result())
        except DrawingFailed as failed:
            job = self.pending.get(failed.key)
            images = ", ".join(job.site_paths()) if job is not None else failed.key
            self.cancel()
            raise PluginError(
                f"the images {images} could not be drawn ({failed}); the build stopped. Build again; "
                "if it fails the same way, check the picture or block that names these images"
            ) from failed
        rendered = 0
        for key in sorted(self.drawn):
            for site_path, source in self.drawn[key].items():
                rendered += 1
                _copy(Path(source), site_dir / site_path)
        for key in sorted(self.drawn_bytes):
            for site_path, data in self.drawn_bytes[key].items():
                rendered += 1
                target = site_dir / site_path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        self.cache.save()
        self.cached, self.pending, self.drawn, self.drawn_bytes = {}, {}, {}, {}
        return rendered, cached

    def cancel(self) -> None:
        """The build failed: stop drawing (jobs already running finish; nothing is written)."""
        self.pool.close()
        self.cached, self.pending, self.drawn, self.drawn_bytes = {}, {}, {}, {}


class DrawsWhileBuilding:
    """The MkDocs events of a plugin whose :class:`ImageBatch` is its attribute named ``batch_attribute``.

    The plugins that draw share one set of worker processes (:meth:`shared_workers`), held by the first
    of them in ``mkdocs.yml``: started once per build, never more than the cores.
    """

    batch_attribute: ClassVar[str]
    _shared_workers: Workers | None = None

    def shared_workers(self, config: Any) -> Workers:
        drawing = [plugin for plugin in config.plugins.values() if isinstance(plugin, DrawsWhileBuilding)]
        owner = drawing[0] if drawing else self  # not in the collection: a plugin built by hand (tests)
        if owner._shared_workers is None:
            counts = [plugin.config.workers for plugin in drawing or [self]]
            owner._shared_workers = Workers(min(counts))
        return owner._shared_workers

    def _batch(self) -> ImageBatch | None:
        return getattr(self, self.batch_attribute, None)  # None: nothing to draw yet, or on_config never ran

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        batch = self._batch()
        if batch is not None:
            batch.drain()  # images drawn meanwhile go to the cache, not into this process's memory
        return output

    def on_build_error(self, *, error: Exception) -> None:
        batch = self._batch()
        if batch is not None:
            batch.cancel()


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
