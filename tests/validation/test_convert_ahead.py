"""A first check converts the pages across the cores (issue 14: a first preview or check of a big site waited for
every page's conversion on one core). The findings are exactly those of converting each page in turn, and where
workers can't be used (another thread runs, a worker fails) the rules convert the pages themselves."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from corpus_support import load_cases

import therapy_site.validation.runner as runner
from helpers import copy_project
from therapy_site.cli.project import load_project
from therapy_site.validation.context import CheckContext
from therapy_site.validation.files import markdown_files

CORPUS = Path(__file__).resolve().parent / "corpus"


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


def checked(project: Path) -> tuple[list[str], dict[str, list[object]]]:
    """(every finding as check prints it, what convert_ahead returned) of one fresh check of the docs folder."""
    returned: dict[str, list[object]] = {}
    real = runner.convert_ahead

    def spying(entries, context):  # type: ignore[no-untyped-def]
        returned.update(real(entries, context))
        return returned

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(runner, "convert_ahead", spying)
        findings = runner.check_paths([project / "docs"], CheckContext(load_project(project / "mkdocs.yml")))
    return [finding.as_text() for finding in findings], returned


def one_by_one(project: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    with monkeypatch.context() as patch:
        patch.setattr(runner, "CONVERSIONS_PER_WORKER", 10**6)  # never enough pages: no workers
        findings, returned = checked(project)
    assert returned == {}
    return findings


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("therapy_site.imaging.available_cores", lambda: 2)


@pytest.mark.usefixtures("two_cores")
def test_pages_converted_by_workers_give_the_findings_of_converting_them_in_turn(
    crowded_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    findings, returned = checked(crowded_project)
    converting = [
        entry.path
        for entry in markdown_files([crowded_project / "docs"])
        if entry.problem is None and not entry.skipped
    ]
    assert len(returned) >= runner.CONVERSIONS_PER_WORKER * 2 and set(returned) <= {str(p) for p in converting}
    # Problems only a conversion finds came back from the workers, with their file and line.
    assert any(text.endswith("[faq]") for text in findings), findings
    assert any("block-bad-option-value.md:17:" in text and text.endswith("[block]") for text in findings)
    assert findings == one_by_one(crowded_project, monkeypatch)


@pytest.mark.usefixtures("two_cores")
def test_with_another_thread_running_the_rules_convert_the_pages_themselves(
    crowded_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Forking a process with threads is unsafe (a preview's rebuilds run beside its server's threads)."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        findings, returned = checked(crowded_project)
    finally:
        stop.set()
        thread.join()
    assert returned == {}
    assert findings == one_by_one(crowded_project, monkeypatch)


@pytest.mark.usefixtures("two_cores")
def test_a_failing_worker_leaves_the_conversions_to_the_rules(
    crowded_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(paths: list[Path]) -> list[list[object]]:
        raise MemoryError("a worker ran out of memory")

    expected = one_by_one(crowded_project, monkeypatch)
    monkeypatch.setattr(runner, "_convert_in_worker", crash)  # the forked workers inherit it
    findings, returned = checked(crowded_project)
    assert returned == {}
    assert findings == expected
