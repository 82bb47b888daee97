"""A build's images are drawn from the moment a page names them; cached ones are only copied."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from helpers import FailingJob
from therapy_site.data import FONTS_DIR
from therapy_site.imaging.batch import ImageBatch
from therapy_site.imaging.cache import ImageCache
from therapy_site.imaging.fonts import FontSet
from therapy_site.imaging.palette import get_palette
from therapy_site.imaging.pool import Workers
from therapy_site.social.cards import PageCardJob
from therapy_site.social.drawing import PageCardRenderer


@pytest.fixture(scope="module")
def renderer() -> PageCardRenderer:
    return PageCardRenderer(FontSet(FONTS_DIR), get_palette("light"))


def card(number: int) -> PageCardJob:
    return PageCardJob(f"key{number}", f"Page number {number}", "A calm description.", "Stillwater", "example.org")


def test_jobs_are_drawn_as_they_come_and_published_at_the_end(
    renderer: PageCardRenderer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("therapy_site.processes.available_cores", lambda: 2)
    batch = ImageBatch(renderer, ImageCache(tmp_path / "cache"), Workers(2))
    batch.add(card(0))
    batch.add(card(1))
    assert batch.pool.workers.executor is not None and batch.pool.futures  # drawing started before publish
    batch.add(card(1))  # the same card twice: drawn once
    assert batch.publish(tmp_path / "site") == (2, 0)
    for number in (0, 1):
        job = card(number)
        assert (tmp_path / "site" / job.site_path()).read_bytes() == job.render(renderer)[job.site_path()]


def test_cached_images_are_copied_not_drawn(renderer: PageCardRenderer, tmp_path: Path) -> None:
    first = ImageBatch(renderer, ImageCache(tmp_path / "cache"), Workers(1))
    first.add(card(0))
    assert first.publish(tmp_path / "site-1") == (1, 0)
    again = ImageBatch(renderer, ImageCache(tmp_path / "cache"), Workers(2))
    again.add(card(0))
    assert again.pending == {} and again.pool.jobs == {}
    assert again.publish(tmp_path / "site-2") == (0, 1)
    path = card(0).site_path()
    assert (tmp_path / "site-2" / path).read_bytes() == (tmp_path / "site-1" / path).read_bytes()


@pytest.fixture
def busy_batch(renderer: PageCardRenderer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ImageBatch:
    """Three cards handed to two worker processes."""
    monkeypatch.setattr("therapy_site.processes.available_cores", lambda: 2)
    batch = ImageBatch(renderer, ImageCache(tmp_path / "cache"), Workers(2))
    for number in range(3):
        batch.add(card(number))
    return batch


def test_a_failed_build_cancels_the_drawing(busy_batch: ImageBatch, tmp_path: Path) -> None:
    batch = busy_batch
    batch.cancel()
    assert batch.pool.workers.executor is None and batch.pending == {}
    assert not (tmp_path / "site").exists()


def test_drawn_images_go_to_the_cache_before_the_end(busy_batch: ImageBatch, tmp_path: Path) -> None:
    """As pages are written, finished images leave this process's memory for the cache."""
    import concurrent.futures

    batch = busy_batch
    concurrent.futures.wait(list(batch.pool.futures.values()))
    batch.drain()
    assert batch.pool.futures == {} and batch.drawn_bytes == {}
    assert sorted(batch.drawn) == ["key0", "key1", "key2"]
    assert all(Path(path).is_file() for files in batch.drawn.values() for path in files.values())
    assert batch.publish(tmp_path / "site") == (3, 0)


@pytest.mark.parametrize("count", [1, 2])
def test_an_image_that_cannot_be_drawn_stops_the_build_with_its_name(
    renderer: PageCardRenderer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    """In a worker or here: a clear error naming the image, never a traceback from the pool."""
    monkeypatch.setattr("therapy_site.processes.available_cores", lambda: 2)
    batch = ImageBatch(renderer, ImageCache(tmp_path / "cache"), Workers(count))
    batch.add(card(0))
    batch.add(FailingJob("broken"))
    with pytest.raises(
        PluginError,
        match=r"assets/images/derived/broken-card\.jpg could not be drawn "
        r"\(ValueError: image file is truncated\)",
    ):
        batch.publish(tmp_path / "site")
    assert batch.pool.workers.executor is None
