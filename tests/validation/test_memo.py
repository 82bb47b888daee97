"""The build's validation remembers findings per file across ``mkdocs serve`` rebuilds: same findings as a fresh
check, and a changed file (or a change elsewhere that concerns it) is checked again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from helpers import copy_project, make_post
from therapy_site.project import load_project
from therapy_site.validation import runner
from therapy_site.validation.context import CheckContext
from therapy_site.validation.runner import Memo, check_site


def fresh(project: Path) -> CheckContext:
    """A new context per run, as each rebuild loads the site again."""
    return CheckContext(load_project(project / "mkdocs.yml"))


def run(project: Path, memo: Memo) -> dict[str, list[str]]:
    return {
        str(path): [finding.as_text() for finding in found] for path, found in check_site(fresh(project), memo).items()
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    posts = project / "docs" / "blog" / "posts"
    (posts / "memo-one.md").write_text(make_post("Some text.\n", slug="memo-one", title="Memo one"), encoding="utf-8")
    (posts / "memo-two.md").write_text(make_post("Other text.\n", slug="memo-two", title="Memo two"), encoding="utf-8")
    return project


def counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    checked: list[str] = []
    real = runner.check_entry

    def check_entry(entry, context, **options):  # type: ignore[no-untyped-def]
        checked.append(entry.path.name)
        return real(entry, context, **options)

    monkeypatch.setattr(runner, "check_entry", check_entry)
    return checked


def test_remembered_findings_equal_a_fresh_check(project: Path) -> None:
    memo: Memo = {}
    first = run(project, memo)
    assert first == {str(path): [f.as_text() for f in found] for path, found in check_site(fresh(project)).items()}
    assert run(project, memo) == first


def test_only_the_changed_file_is_checked_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memo: Memo = {}
    run(project, memo)
    checked = counting(monkeypatch)
    run(project, memo)
    assert checked == []
    post = project / "docs" / "blog" / "posts" / "memo-one.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    run(project, memo)
    assert checked == ["memo-one.md"]


def test_a_slug_clash_made_elsewhere_is_found_in_the_unchanged_file(project: Path) -> None:
    memo: Memo = {}
    assert not any("front-matter-slug" in text for texts in run(project, memo).values() for text in texts)
    posts = project / "docs" / "blog" / "posts"
    (posts / "memo-two.md").write_text(make_post("Other text.\n", slug="memo-one", title="Memo two"), encoding="utf-8")
    found = run(project, memo)
    clashes = [path for path, texts in found.items() if any("front-matter-slug" in text for text in texts)]
    assert sorted(Path(path).name for path in clashes) == ["memo-one.md", "memo-two.md"]


def test_a_deleted_picture_is_found_in_the_unchanged_page(project: Path) -> None:
    memo: Memo = {}
    docs = project / "docs"
    picture = docs / "blog" / "posts" / "memo-picture.png"
    Image.new("RGB", (40, 30), "white").save(picture)
    post = docs / "blog" / "posts" / "memo-one.md"
    post.write_text(make_post("![A picture](memo-picture.png)\n", slug="memo-one", title="Memo one"), encoding="utf-8")
    before = run(project, memo)[str(post)]
    picture.unlink()
    after = run(project, memo)[str(post)]
    assert after != before
    assert any("memo-picture.png" in text for text in after)


def test_a_new_day_checks_every_file_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """review-age compares last_reviewed with today: a serve left running past midnight must see the new day."""
    import datetime as real_datetime

    memo: Memo = {}
    run(project, memo)
    checked = counting(monkeypatch)

    class Tomorrow(real_datetime.date):
        @classmethod
        def today(cls) -> real_datetime.date:
            return real_datetime.date.fromordinal(real_datetime.date.today().toordinal() + 1)

    monkeypatch.setattr(runner, "date", Tomorrow)
    run(project, memo)
    assert "memo-one.md" in checked and "memo-two.md" in checked
