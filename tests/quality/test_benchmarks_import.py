"""The benchmark scripts stay runnable: each imports (names it uses still exist) and has a main guard.

They are run by hand (README, "Benchmarks"), so nothing else would notice a renamed function they import.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
SCRIPTS = sorted(path for path in BENCHMARKS.glob("*.py") if path.name != "common.py")


@pytest.mark.parametrize("script", SCRIPTS, ids=[path.stem for path in SCRIPTS])
def test_benchmark_imports_and_runs_only_as_a_script(script: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(f"benchmark_{script.stem}", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)  # a script without the guard would start benchmarking here
    assert callable(module.main)
    assert 'if __name__ == "__main__":\n    main()' in script.read_text(encoding="utf-8")
