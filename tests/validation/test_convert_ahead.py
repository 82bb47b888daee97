"""A first check converts the pages across the cores (issue 14: a first preview or check of a big site waited for
every page's conversion on one core). The findings are exactly those of converting each page in turn, and where
workers can't be used (another thread runs, a worker fails) the rules convert the pages themselves."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from corpus_support import load_cases, located, run_check

import therapy_site.validation.runner as runner
from helpers import copy_project, run_build
from therapy_site.project import load_project
from therapy_site.validation.context import CheckContext
from therapy_site.validation.files import markdown_files

CORPUS = Path(__file__).resolve().parent / "corpus"
PROBE = Path(__file__).resolve().parent / "convert_ahead_probe.py"


@pytest.fixture(scope="module")
def crowded_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, twenty more posts like the trust guide (blocks, an FAQ) and every bad case of the corpus that
    is a post: many pages to convert, many findings."""
    project = copy_project(tmp_path_factory.mktemp("crowded") / "project")
    posts = project / "docs" / "blog" / "posts"
    guide = (posts / "role-of-trust-in-therapy.md").read_text(encoding="utf-8")
    for number in range(20):
        text = guide.replace("slug: role-of-trust-in-therapy", f"slug: trust-guide-{number}")
        (posts / f"trust-guide-{number}.md").write_text(text.replace("title: ", f"title: ({number}) ", 1), "utf-8")
    for case in load_cases():
        if case.path == f"docs/blog/posts/{case.name}.md":
            shutil.copy(CORPUS / case.name / "post.md", project / case.path)
    return project


def checked(project: Path, mode: str) -> tuple[int, list[str]]:
    """(pages converted by workers, every finding as check prints it) of a fresh check in a process of its own."""
    result = subprocess.run(
        [sys.executable, str(PROBE), str(project), mode],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    return report["converted"], report["findings"]


def test_pages_converted_by_workers_give_the_findings_of_converting_them_in_turn(crowded_project: Path) -> None:
    converted, findings = checked(crowded_project, "workers")
    assert converted >= runner.CONVERSIONS_PER_WORKER * 2
    # Problems only a conversion finds came back from the workers, with their file and line.
    assert any(text.endswith("[faq]") for text in findings), findings
    assert any("block-bad-option-value.md:17:" in text and text.endswith("[block]") for text in findings)
    assert (0, findings) == checked(crowded_project, "one-by-one")


def test_a_failing_worker_leaves_the_conversions_to_the_rules(crowded_project: Path) -> None:
    converted, findings = checked(crowded_project, "crashing-workers")
    assert converted == 0
    assert findings == checked(crowded_project, "one-by-one")[1]


def test_with_another_thread_running_no_worker_is_forked(crowded_project: Path) -> None:
    """Forking a process with threads is unsafe (a preview's rebuilds run beside its server's threads)."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        context = CheckContext(load_project(crowded_project / "mkdocs.yml"))
        entries = markdown_files([crowded_project / "docs"])
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("therapy_site.processes.available_cores", lambda: 2)
            converted = runner.convert_ahead(entries, context)
    finally:
        stop.set()
        thread.join()
    assert converted == {}


def test_a_strict_build_that_stops_lists_what_check_lists_with_its_pages_converted_by_workers(
    crowded_project: Path, tmp_path: Path
) -> None:
    """A strict build with errors converts the pages it has not converted yet across the cores, to list every
    finding as check does (both run in processes of their own, so both use workers)."""
    build = run_build(crowded_project, strict=True, site_dir=str(tmp_path / "site"))
    checked = run_check(crowded_project)
    assert build.returncode != 0 and checked.returncode == 1
    listed = located(checked.stdout)
    assert any(rule == "faq" for *_rest, rule in listed) and any(rule == "block" for *_rest, rule in listed)
    assert located(build.output) == listed
