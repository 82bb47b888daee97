"""Every runtime import of ``therapy_site`` is a declared runtime dependency (issue: lxml broke ``make serve``).

``make test`` runs deptry over the package; these tests prove the configuration
passes on the real code and fails on code that imports an undeclared or a
test-only package.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from helpers import REPO

DEPTRY = str(Path(sys.executable).with_name("deptry"))


def deptry(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([DEPTRY, "plugins/therapy_site"], cwd=project, capture_output=True, text=True, check=False)


def scratch_copy(tmp_path: Path) -> Path:
    """The package and its pyproject.toml, as deptry sees them, in a folder of its own."""
    project = tmp_path / "scratch"
    shutil.copytree(REPO / "plugins", project / "plugins", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(REPO / "pyproject.toml", project / "pyproject.toml")
    return project


def test_the_package_declares_every_runtime_import() -> None:
    result = deptry(REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_undeclared_import_fails(tmp_path: Path) -> None:
    project = scratch_copy(tmp_path)
    assert deptry(project).returncode == 0
    (project / "plugins/therapy_site/undeclared.py").write_text("import requests\n", encoding="utf-8")
    result = deptry(project)
    assert result.returncode != 0
    assert "requests" in result.stdout + result.stderr


def test_a_test_only_import_in_runtime_code_fails(tmp_path: Path) -> None:
    """The lxml case: a package that only the ``test`` extra brings in must not be imported at run time."""
    project = scratch_copy(tmp_path)
    (project / "plugins/therapy_site/uses_test_extra.py").write_text("import extruct\n", encoding="utf-8")
    result = deptry(project)
    assert result.returncode != 0
    assert "extruct" in result.stdout + result.stderr


def test_dropping_lxml_from_the_dependencies_fails(tmp_path: Path) -> None:
    project = scratch_copy(tmp_path)
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    assert '    "lxml>=5",\n' in text
    pyproject.write_text(text.replace('    "lxml>=5",\n', ""), encoding="utf-8")
    result = deptry(project)
    assert result.returncode != 0
    assert "lxml" in result.stdout + result.stderr
