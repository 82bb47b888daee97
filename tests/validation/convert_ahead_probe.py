"""Run by tests/validation/test_convert_ahead.py in a process of its own, where no other thread runs (a test
session's servers run in threads, and forking beside threads is what ``convert_ahead`` refuses to do).

    python convert_ahead_probe.py PROJECT MODE     # MODE: workers | one-by-one | crashing-workers

Prints JSON: how many pages ``convert_ahead`` converted and every finding as ``check`` prints it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import therapy_site.processes as processes
import therapy_site.validation.runner as runner
from therapy_site.project import load_project
from therapy_site.validation.context import CheckContext


def crash(paths: list[Path]) -> list[list[object]]:
    raise MemoryError("a worker ran out of memory")


def main(project: Path, mode: str) -> None:
    processes.available_cores = lambda: 2  # the same on any machine
    if mode == "one-by-one":
        runner.CONVERSIONS_PER_WORKER = 10**6  # never enough pages: no workers
    elif mode == "crashing-workers":
        runner._convert_in_worker = crash  # the forked workers inherit it
    converted: dict[str, object] = {}
    real = runner.convert_ahead

    def spying(entries, context):  # type: ignore[no-untyped-def]
        converted.update(real(entries, context))
        return converted

    runner.convert_ahead = spying
    findings = runner.check_paths([project / "docs"], CheckContext(load_project(project / "mkdocs.yml")))
    print(json.dumps({"converted": len(converted), "findings": [finding.as_text() for finding in findings]}))


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
