"""Draw a build's image jobs (or copy them from the cache) into the site: shared by infographics and social cards."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from therapy_site.imaging import RenderPool
from therapy_site.infographics.cache import ImageCache
from therapy_site.infographics.render import Renderer


class ImageJob(Protocol):
    key: str

    def site_paths(self) -> list[str]: ...

    def render(self, renderer: Renderer) -> dict[str, bytes]: ...


def publish_images(
    jobs: Mapping[str, ImageJob], renderer: Renderer, cache: ImageCache, site_dir: Path, workers: int
) -> tuple[int, int]:
    """Copy cached images, draw the others in worker processes (one per core); return ``(rendered, cached)`` counts.

    Drawing is CPU-bound Python: threads would wait on each other (the GIL), processes do not.
    """
    pending = []
    cached = 0
    for key in sorted(jobs):
        job = jobs[key]
        files = cache.get(key, job.site_paths())
        if files is None:
            pending.append(job)
            continue
        cached += len(files)
        for site_path, source in files.items():
            _copy(source, site_dir / site_path)
    pool = RenderPool(renderer, workers=workers)
    for job in pending:
        pool.submit(job)
    drawn = pool.results()
    results = [drawn[job.key] for job in pending]
    rendered = 0
    for job, images in zip(pending, results, strict=True):
        rendered += len(images)
        cache.put(job.key, images)
        for site_path, data in images.items():
            target = site_dir / site_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    cache.save()
    return rendered, cached


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
