"""Names the theme prints into HTML as written (site name, practice, practitioner, blog authors) hold no markup.

Material prints ``site_name`` in an ``aria-label`` and an author's name in an ``alt`` without escaping, and the
footer's copyright (the practice's name by default) as HTML: a straight double quote or ``<``/``>`` there breaks
the page or injects markup. ``init`` refuses such names; a site written by hand is stopped by both gates.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_support import located, run_check

from helpers import copy_project, run_build
from therapy_site.practice import markup_in_name

PLANTED = {
    "mkdocs.yml": [("site_name: Stillwater Therapy", 'site_name: Stillwater "Calm" Therapy')],
    "docs/blog/.authors.yml": [("    name: Anna Reyes", "    name: Anna <b>Reyes</b>")],
}


@pytest.fixture(scope="module")
def marked_up(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("names") / "project")
    for name, replacements in PLANTED.items():
        path = project / name
        text = path.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, f"{name} no longer has {old!r}"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    return project


def expected(project: Path) -> set[tuple[str, int, int, str, str]]:
    """Where each planted name is: its file, line and the value's column."""
    found = set()
    for name, replacements in PLANTED.items():
        lines = (project / name).read_text(encoding="utf-8").splitlines()
        for _old, new in replacements:
            row = lines.index(new) + 1
            column = new.index(":") + 3
            found.add((name, row, column, "error", "name-markup"))
    return found


def test_check_names_each_marked_up_name_where_it_is_written(marked_up: Path) -> None:
    result = run_check(marked_up)
    assert result.returncode == 1
    assert {finding for finding in located(result.stdout) if finding[-1] == "name-markup"} == expected(marked_up)
    assert "curly quotes" in result.stdout


def test_the_strict_build_stops_at_the_same_places(marked_up: Path) -> None:
    build = run_build(marked_up)
    assert build.returncode != 0
    assert {finding for finding in located(build.output) if finding[-1] == "name-markup"} == expected(marked_up)
    assert "Traceback" not in build.output


@pytest.mark.parametrize(
    ("name", "bad"),
    [("Stillwater Therapy", False), ("O’Neill & Co", False), ('The "Calm" Room', True), ("A <i>B</i>", True)],
)
def test_a_name_with_markup_characters_is_refused(name: str, bad: bool) -> None:
    assert (markup_in_name(name) is not None) is bad
