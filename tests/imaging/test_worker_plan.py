"""The one decision about worker processes: how many, started how, and none for small jobs."""

from __future__ import annotations

import threading

from therapy_site.processes import FORK, WorkerPlan, plan_workers, start_method

BOTH = ("fork", "spawn", "forkserver")


def test_fork_only_while_no_other_thread_runs() -> None:
    assert start_method(threads=1, methods=BOTH) == FORK
    assert start_method(threads=3, methods=BOTH) == "forkserver"  # mkdocs serve: its server runs threads
    assert start_method(threads=1, methods=("spawn",)) == "spawn"  # not POSIX


def test_beside_another_thread_this_process_does_not_fork() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert start_method() != FORK
    finally:
        stop.set()
        other.join()


def test_one_worker_per_core_and_never_more() -> None:
    assert plan_workers(100, jobs_per_worker=8, cores=4, method=FORK) == WorkerPlan(4, FORK)
    assert plan_workers(100, jobs_per_worker=8, limit=2, cores=4, method=FORK) == WorkerPlan(2, FORK)
    assert plan_workers(100, jobs_per_worker=8, limit=16, cores=4, method=FORK) == WorkerPlan(4, FORK)


def test_no_workers_for_small_jobs_or_one_core() -> None:
    assert plan_workers(31, jobs_per_worker=8, cores=4, method=FORK).workers == 0  # fewer than 8 per core
    assert plan_workers(32, jobs_per_worker=8, cores=4, method=FORK).workers == 4
    assert plan_workers(1, jobs_per_worker=0, cores=4, method=FORK).workers == 0  # a lone job: done here
    assert plan_workers(2, jobs_per_worker=0, cores=4, method=FORK).workers == 4
    assert plan_workers(1000, jobs_per_worker=0, cores=1, method=FORK).workers == 0
    assert plan_workers(1000, jobs_per_worker=0, limit=1, cores=4, method=FORK).workers == 0


def test_work_that_inherits_this_process_only_forks() -> None:
    assert plan_workers(100, jobs_per_worker=1, inherits_state=True, cores=2, method=FORK).workers == 2
    assert plan_workers(100, jobs_per_worker=1, inherits_state=True, cores=2, method="forkserver").workers == 0
    assert plan_workers(100, jobs_per_worker=1, cores=2, method="forkserver") == WorkerPlan(2, "forkserver")
