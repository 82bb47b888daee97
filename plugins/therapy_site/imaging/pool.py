"""Draw many images at once, across the machine's cores.

Drawing with Pillow is CPU-bound Python, so threads wait on each other (the
GIL); worker processes do not. One build has one set of workers
(:class:`Workers`), shared by every plugin that draws: they start once, and
never outnumber the cores. Each plugin's jobs form a :class:`RenderPool`,
whose results are keyed by job, so the output is the same whatever the number
of workers or the order they finish in.

Workers are forked when this process runs no other thread (``mkdocs build``):
cheapest, and nothing is imported again. Forking a process that runs threads
(``mkdocs serve``) is unsafe, so there they start from a fork server, which
imports the program's main module again (MkDocs' own entry point allows that).
:mod:`therapy_site.processes` decides (start method, count, whether to start).
Workers run at a lower priority than the build, whose pages are the longest
path: they draw on the cores the build leaves idle, and on all of them once
the pages are written.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from typing import Any, Protocol

from therapy_site.processes import keep_freed_memory, plan_workers, worker_pool

WORKER_NICENESS = 10  # below the build process, which the pages wait for
JOBS_PER_WORKER = 0  # an image takes long enough to draw that two already pay for starting the workers


class Job(Protocol):
    key: str

    def render(self, renderer: Any) -> dict[str, Any]: ...  # site path -> image bytes (or where they went)


# Set in each worker process by its initializer; never used by the process that builds the site.
_worker_renderers: dict[str, Any] = {}


def _start_worker() -> None:
    _worker_renderers.clear()
    keep_freed_memory()
    with contextlib.suppress(AttributeError, OSError):  # not POSIX, or not allowed: same priority, same images
        os.nice(WORKER_NICENESS)


def _render_in_worker(token: str, renderer_blob: bytes, job: Job) -> dict[str, Any]:
    """Draw ``job`` with the renderer ``token`` names, unpickled once per worker (its fonts stay loaded)."""
    renderer = _worker_renderers.get(token)
    if renderer is None:
        renderer = _worker_renderers[token] = pickle.loads(renderer_blob)
    return job.render(renderer)


class DrawingFailed(Exception):
    """A job's drawing raised, in a worker or here (``__cause__``); ``key`` names the job."""

    def __init__(self, key: str, error: BaseException) -> None:
        super().__init__(f"{type(error).__name__}: {error}")
        self.key = key


class Workers:
    """One build's worker processes, shared by the plugins that draw; started with the first job sent.

    ``count`` 0 means one per available core, and never more than those (drawing is CPU-bound). Each
    :class:`RenderPool` using them attaches; when the last one has closed, the processes stop (a later
    build starts them again).
    """

    def __init__(self, count: int = 0) -> None:
        self.count = count
        self.executor: ProcessPoolExecutor | None = None
        self.attached = 0

    @property
    def running(self) -> bool:
        return self.executor is not None

    def start(self, jobs: int) -> bool:
        """Start the workers for ``jobs`` waiting jobs, if that many pay for them; whether they run."""
        if self.executor is None:
            plan = plan_workers(jobs, jobs_per_worker=JOBS_PER_WORKER, limit=self.count)
            if plan.workers:
                self.executor = worker_pool(plan, initializer=_start_worker)
        return self.running

    def submit(self, token: str, renderer_blob: bytes, job: Job) -> Future[dict[str, Any]]:
        """Draw ``job`` in a worker (:meth:`start` them first)."""
        if self.executor is None:
            raise RuntimeError("the workers have not started")
        return self.executor.submit(_render_in_worker, token, renderer_blob, job)

    def attach(self) -> None:
        self.attached += 1

    def detach(self) -> None:
        self.attached = max(0, self.attached - 1)
        if self.attached == 0:
            self.shutdown()

    def shutdown(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


class RenderPool:
    """One plugin's jobs, drawn by the build's :class:`Workers` (or here), results by job key.

    A lone job (a preview's one changed page) is drawn here, without starting the workers, unless they
    already run for another plugin.
    """

    def __init__(self, renderer: Any, workers: Workers) -> None:
        self.renderer = renderer
        self.workers = workers
        self.futures: dict[str, Future[dict[str, Any]]] = {}
        self.jobs: dict[str, Job] = {}
        self._renderer_blob: tuple[str, bytes] | None = None
        self._open = True
        workers.attach()

    def submit(self, job: Job) -> None:
        """Start drawing ``job`` (once per key)."""
        if job.key in self.jobs:
            return
        self.jobs[job.key] = job
        if not self.workers.start(len(self.jobs)):
            return  # drawn here in each_result(), unless more jobs come
        token, blob = self._pickled_renderer()
        for key, waiting in self.jobs.items():
            if key not in self.futures:
                self.futures[key] = self.workers.submit(token, blob, waiting)

    def _pickled_renderer(self) -> tuple[str, bytes]:
        """The renderer as workers receive it, pickled once; its hash names it in each worker."""
        if self._renderer_blob is None:
            blob = pickle.dumps(self.renderer)
            self._renderer_blob = (hashlib.sha256(blob).hexdigest(), blob)
        return self._renderer_blob

    def take_finished(self) -> dict[str, dict[str, Any]]:
        """The images of the jobs drawn so far, each job's once (so a caller need not hold them all at once).

        A job that failed stays: :meth:`each_result` raises it as :class:`DrawingFailed`.
        """
        finished = {
            key: future.result()
            for key, future in self.futures.items()
            if future.done() and not future.cancelled() and future.exception() is None
        }
        for key in finished:
            del self.futures[key], self.jobs[key]
        return finished

    def each_result(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every submitted job's ``(key, images)``, as each is drawn (one at a time in memory); then close."""
        try:
            for key, job in sorted(self.jobs.items()):
                if key not in self.futures:
                    yield key, _drawn(key, lambda job=job: job.render(self.renderer))
            keys = {future: key for key, future in self.futures.items()}
            for future in as_completed(keys):
                yield keys[future], _drawn(keys[future], future.result)
        finally:
            self.close()

    def results(self) -> dict[str, dict[str, Any]]:
        """Every submitted job's images (site path -> bytes) by job key; then close."""
        return dict(self.each_result())

    def close(self) -> None:
        """Drop the jobs not started; the workers stop once no pool uses them."""
        for future in self.futures.values():
            future.cancel()
        self.futures, self.jobs = {}, {}
        if self._open:
            self._open = False
            self.workers.detach()


def _drawn(key: str, draw: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    try:
        return draw()
    except Exception as error:  # a worker that died (BrokenProcessPool) or a picture Pillow could not draw
        raise DrawingFailed(key, error) from error
