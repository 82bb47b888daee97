"""Images drawn in worker processes are byte-identical to images drawn in the build's own process, and
one build's plugins share one set of workers."""

from __future__ import annotations

import os
from pathlib import Path

import mkdocs.commands.build
import pytest
from mkdocs.config import load_config

import therapy_site.imaging.pool as imaging
import therapy_site.processes as processes
from helpers import HeapJob, NicenessJob, copy_project
from therapy_site.data import FONTS_DIR
from therapy_site.imaging.fonts import FontSet
from therapy_site.imaging.palette import get_palette
from therapy_site.imaging.pool import RenderPool, Workers
from therapy_site.social.cards import PageCardJob
from therapy_site.social.drawing import PageCardRenderer as Renderer


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(FontSet(FONTS_DIR), get_palette("light"))


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("therapy_site.processes.available_cores", lambda: 2)


def jobs(prefix: str = "key") -> list[PageCardJob]:
    return [
        PageCardJob(f"{prefix}{number}", f"Page number {number}", "A calm description.", "Stillwater", "example.org")
        for number in range(3)
    ]


@pytest.mark.parametrize("count", [1, 2])
def test_pool_draws_the_same_bytes_as_the_build_process(renderer: Renderer, count: int, two_cores: None) -> None:
    workers = Workers(count)
    pool = RenderPool(renderer, workers)
    for job in jobs():
        pool.submit(job)
        pool.submit(job)  # twice: drawn once
    assert workers.running == (count > 1)
    drawn = pool.results()
    assert sorted(drawn) == ["key0", "key1", "key2"]
    for job in jobs():
        assert drawn[job.key] == job.render(renderer)
    assert workers.executor is None  # the workers have stopped


def test_a_lone_job_is_drawn_without_starting_workers(renderer: Renderer) -> None:
    workers = Workers(4)
    pool = RenderPool(renderer, workers)
    pool.submit(jobs()[0])
    assert workers.executor is None
    assert set(pool.results()) == {"key0"}


def test_pools_share_the_workers_and_each_draws_with_its_own_renderer(renderer: Renderer, two_cores: None) -> None:
    dark = Renderer(FontSet(FONTS_DIR), get_palette("dark"))
    workers = Workers(2)
    light_pool, dark_pool = RenderPool(renderer, workers), RenderPool(dark, workers)
    for job in jobs("light"):
        light_pool.submit(job)
    executor = workers.executor
    assert executor is not None
    dark_pool.submit(jobs("dark")[0])  # a lone job: the workers already run, so they draw it
    dark_pool.submit(jobs("dark")[1])
    assert workers.executor is executor and set(dark_pool.futures) == {"dark0", "dark1"}
    light = light_pool.results()
    assert workers.executor is executor, "the workers keep running while another pool still draws"
    dark_images = dark_pool.results()
    assert workers.executor is None
    assert light["light1"] == jobs("light")[1].render(renderer)
    assert dark_images["dark1"] == jobs("dark")[1].render(dark) != jobs("dark")[1].render(renderer)


def test_workers_draw_at_a_lower_priority_than_the_build(two_cores: None) -> None:
    """The build's own process holds the longest path (the pages); workers take the cores it leaves idle."""
    pool = RenderPool(None, Workers(2))
    for number in range(2):
        pool.submit(NicenessJob(f"job{number}"))
    niceness = {images["niceness"] for images in pool.results().values()}
    assert niceness == {os.nice(0) + imaging.WORKER_NICENESS}


def test_workers_keep_the_memory_they_free(two_cores: None) -> None:
    """Pictures allocate and free megabytes: workers reuse their own heap instead of mapping fresh pages from the
    kernel for each picture (a third of a worker's time went to the kernel before)."""
    pool = RenderPool(None, Workers(2))
    for number in range(2):
        pool.submit(HeapJob(f"job{number}"))
    assert all(images["from_heap"] for images in pool.results().values())


def test_with_other_threads_running_workers_start_from_a_fork_server(renderer: Renderer, two_cores: None) -> None:
    """``mkdocs serve`` runs threads; forking then is unsafe, so the pool must not fork."""
    import threading

    stop = threading.Event()
    server = threading.Thread(target=stop.wait, daemon=True)
    server.start()
    try:
        workers = Workers(2)
        pool = RenderPool(renderer, workers)
        for job in jobs():
            pool.submit(job)
        assert workers.executor is not None
        assert workers.executor._mp_context.get_start_method() != "fork"
        drawn = pool.results()
    finally:
        stop.set()
        server.join()
    assert drawn["key1"] == jobs()[1].render(renderer)


def test_a_build_starts_its_workers_once_for_every_plugin_that_draws(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, two_cores: None
) -> None:
    """Infographics, social cards and hero images (three plugins) are drawn by one set of workers, started once."""
    started: list[str] = []
    real = processes.ProcessPoolExecutor

    def counting_executor(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.append(kwargs["mp_context"].get_start_method())
        return real(*args, **kwargs)

    monkeypatch.setattr(processes, "ProcessPoolExecutor", counting_executor)
    project = copy_project(tmp_path / "project", warm=False)  # a cold cache: the build must draw
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(project)
    config = load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs.commands.build.build(config)
    names = ("therapy-site/infographics", "therapy-site/social", "therapy-site/seo")
    drawing = [config.plugins[name] for name in names]
    assert all(plugin.shared_workers(config) is drawing[0].shared_workers(config) for plugin in drawing)
    assert len(started) == 1, started  # forked, or from a fork server when the test process runs threads
    assert drawing[0].shared_workers(config).executor is None, "stopped after the build"
    site = tmp_path / "site"
    assert list((site / "assets" / "infographics").glob("*-portrait.png"))
    assert list((site / "assets" / "social").glob("*.png"))
    assert list((site / "assets" / "images" / "derived").glob("*-1x1.jpg"))
