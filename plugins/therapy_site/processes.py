"""Worker processes: the one place that decides whether to start them, how many, and how.

Three jobs of the package spread over the machine's cores: drawing images (:mod:`therapy_site.imaging`),
judging a site's pictures and converting its pages ahead of the rules (:mod:`therapy_site.validation`).
Each asks :func:`plan_workers`, and starts its pool with :func:`worker_pool`:

* never more workers than the cores this process may run on (the work is CPU-bound), and none with one core;
* none for a small job: below a few jobs per worker, starting them costs more than it saves;
* forked when this process runs no other thread (``mkdocs build``, ``therapy-site check``): cheapest, and a
  worker starts with everything this process has loaded. Forking a process that runs threads (``mkdocs serve``)
  is unsafe, so there workers start from a fork server, which imports the program's main module again (MkDocs'
  own entry point allows that); work that needs this process's state as it is (``inherits_state``: the
  conversion workers inherit the check's context) then runs here, without workers.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

FORK = "fork"


def available_cores() -> int:
    """Cores this process may run on (a container's limit, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def start_method(threads: int | None = None, methods: Sequence[str] | None = None) -> str:
    """``fork`` when no other thread runs (``threads``: this process's count); else a fork server (or spawn)."""
    methods = multiprocessing.get_all_start_methods() if methods is None else methods
    threads = threading.active_count() if threads is None else threads
    if FORK in methods and threads == 1:
        return FORK
    return "forkserver" if "forkserver" in methods else "spawn"


@dataclass(frozen=True)
class WorkerPlan:
    """How to run a job: ``workers`` 0 means in this process, without workers."""

    workers: int
    start_method: str


def plan_workers(
    jobs: int,
    *,
    jobs_per_worker: int,
    limit: int = 0,
    inherits_state: bool = False,
    cores: int | None = None,
    method: str | None = None,
) -> WorkerPlan:
    """The workers for ``jobs`` pieces of work (see the module's docstring).

    ``jobs_per_worker``: below this many jobs per worker (and below two jobs in any case), no worker starts.
    ``limit``: at most this many workers (0: one per core). ``inherits_state``: the workers need this process
    as it is, so only forking will do. ``cores`` and ``method`` default to this process's.
    """
    method = start_method() if method is None else method
    cores = available_cores() if cores is None else cores
    workers = min(limit, cores) if limit > 0 else cores
    if workers < 2 or jobs < max(2, jobs_per_worker * workers) or (inherits_state and method != FORK):
        return WorkerPlan(0, method)
    return WorkerPlan(workers, method)


def worker_pool(
    plan: WorkerPlan, initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = ()
) -> ProcessPoolExecutor:
    """The worker processes ``plan`` names (at least one: ask :func:`plan_workers` first)."""
    return ProcessPoolExecutor(
        max(1, plan.workers),
        mp_context=multiprocessing.get_context(plan.start_method),
        initializer=initializer,
        initargs=initargs,
    )


# glibc's mallopt parameters (malloc.h): keep freed blocks up to these sizes in the process.
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
KEPT_BLOCK_BYTES, KEPT_FREE_BYTES = 32 << 20, 128 << 20


def keep_freed_memory() -> None:
    """Let this worker process reuse the memory it frees instead of handing it back to the system.

    Each picture allocates and frees megabytes; by default glibc returns such blocks to the kernel on
    every free, and the next picture faults fresh zeroed pages in: measured, a third of a worker's time
    went to the kernel (decoding a picture took three times as long as in the build process). Only glibc
    has ``mallopt``; elsewhere nothing changes.
    """
    with contextlib.suppress(AttributeError, OSError):
        libc = ctypes.CDLL(None)
        libc.mallopt(M_MMAP_THRESHOLD, KEPT_BLOCK_BYTES)
        libc.mallopt(M_TRIM_THRESHOLD, KEPT_FREE_BYTES)
