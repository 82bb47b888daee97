"""Draw many images at once, across the machine's cores.

Drawing with Pillow is CPU-bound Python, so threads wait on each other (the
GIL); worker processes do not. Each worker receives the renderer once, when it
starts. Results are keyed by job, so the output is the same whatever the
number of workers or the order they finish in.
Workers are forked when this process runs no other thread (``mkdocs build``):
cheapest, and nothing is imported again. Forking a process that runs threads
(``mkdocs serve``) is unsafe, so there they start from a fork server, which
imports the program's main module again (MkDocs' own entry point allows that).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from typing import Any, Protocol


class Job(Protocol):
    key: str

    def render(self, renderer: Any) -> dict[str, Any]: ...  # site path -> image bytes (or where they went)


def available_cores() -> int:
    """Cores this process may run on (a container's limit, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


# Set once in each worker process by its initializer; never used by the process that builds the site.
_worker_renderer: Any = None


def _start_worker(renderer: Any) -> None:
    global _worker_renderer
    _worker_renderer = renderer


def _render_in_worker(job: Job) -> dict[str, bytes]:
    return job.render(_worker_renderer)


def _start_method() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class RenderPool:
    """Jobs drawn in worker processes (or here, with one worker), results by job key.

    ``workers`` 0 means one per available core, and never more than those (drawing is CPU-bound).
    The pool starts with the second job: a lone job is drawn here.
    """

    def __init__(self, renderer: Any, *, workers: int = 0) -> None:
        self.renderer = renderer
        self.workers = min(workers, available_cores()) if workers > 0 else available_cores()
        self.executor: ProcessPoolExecutor | None = None
        self.futures: dict[str, Future[dict[str, bytes]]] = {}
        self.jobs: dict[str, Job] = {}

    def submit(self, job: Job) -> None:
        """Start drawing ``job``. A lone job (a preview's one changed page) never starts the pool."""
        if job.key in self.jobs:
            return
        self.jobs[job.key] = job
        if self.workers <= 1 or (self.executor is None and len(self.jobs) < 2):
            return  # drawn here in results(), unless a second job comes
        if self.executor is None:
            self.executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=_start_method(),
                initializer=_start_worker,
                initargs=(self.renderer,),
            )
        for key, waiting in self.jobs.items():
            if key not in self.futures:
                self.futures[key] = self.executor.submit(_render_in_worker, waiting)

    def take_finished(self) -> dict[str, dict[str, bytes]]:
        """The images of the jobs drawn so far, each job's once (so a caller need not hold them all at once).

        A job that failed stays: :meth:`results` raises its error.
        """
        finished = {
            key: future.result()
            for key, future in self.futures.items()
            if future.done() and not future.cancelled() and future.exception() is None
        }
        for key in finished:
            del self.futures[key], self.jobs[key]
        return finished

    def each_result(self) -> Iterator[tuple[str, dict[str, bytes]]]:
        """Every submitted job's ``(key, images)``, as each is drawn (one at a time in memory); then the pool stops."""
        try:
            for key, job in sorted(self.jobs.items()):
                if key not in self.futures:
                    yield key, job.render(self.renderer)
            keys = {future: key for key, future in self.futures.items()}
            for future in as_completed(keys):
                yield keys[future], future.result()
        finally:
            self.close()

    def results(self) -> dict[str, dict[str, bytes]]:
        """Every submitted job's images (site path -> bytes) by job key; then the pool stops."""
        return dict(self.each_result())

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None
        self.futures, self.jobs = {}, {}
