"""Images drawn in worker processes are byte-identical to images drawn in the build's own process."""

from __future__ import annotations

import pytest

from therapy_site.data import FONTS_DIR, ICONS_DIR
from therapy_site.imaging import RenderPool
from therapy_site.infographics.fonts import FontSet
from therapy_site.infographics.icons import load_icons
from therapy_site.infographics.palette import get_palette
from therapy_site.infographics.render import Renderer
from therapy_site.social.cards import PageCardJob


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(FontSet(FONTS_DIR), load_icons(ICONS_DIR), get_palette("light"))


def jobs() -> list[PageCardJob]:
    return [
        PageCardJob(f"key{number}", f"Page number {number}", "A calm description.", "Stillwater", "example.org")
        for number in range(3)
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_pool_draws_the_same_bytes_as_the_build_process(renderer: Renderer, workers: int) -> None:
    pool = RenderPool(renderer, workers=workers)
    for job in jobs():
        pool.submit(job)
        pool.submit(job)  # twice: drawn once
    drawn = pool.results()
    assert sorted(drawn) == ["key0", "key1", "key2"]
    for job in jobs():
        assert drawn[job.key] == job.render(renderer)
    assert pool.executor is None  # the workers have stopped


def test_a_lone_job_is_drawn_without_starting_workers(renderer: Renderer) -> None:
    pool = RenderPool(renderer, workers=4)
    pool.submit(jobs()[0])
    assert pool.executor is None
    assert set(pool.results()) == {"key0"}


def test_with_other_threads_running_workers_start_from_a_fork_server(
    renderer: Renderer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``mkdocs serve`` runs threads; forking then is unsafe, so the pool must not fork."""
    import threading

    monkeypatch.setattr("therapy_site.imaging.available_cores", lambda: 2)

    stop = threading.Event()
    server = threading.Thread(target=stop.wait, daemon=True)
    server.start()
    try:
        pool = RenderPool(renderer, workers=2)
        for job in jobs():
            pool.submit(job)
        assert pool.executor is not None
        assert pool.executor._mp_context.get_start_method() != "fork"
        drawn = pool.results()
    finally:
        stop.set()
        server.join()
    assert drawn["key1"] == jobs()[1].render(renderer)
