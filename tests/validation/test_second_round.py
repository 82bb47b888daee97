"""Issue 27's mailto: rule where the corpus cannot hold it: links in mkdocs.yml; the rule's reach."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_support import located, run_check

from helpers import copy_project, load_config, run_build, write_config
from therapy_site.booking.links import mailto_problem


def test_a_booking_link_that_adds_recipients_is_refused_by_both_gates(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(index for index, line in enumerate(lines, start=1) if "booking_url:" in line)
    lines[number - 1] = "    booking_url: mailto:hello@example.org?bcc=list@elsewhere.example\n"
    config.write_text("".join(lines), encoding="utf-8")
    check = run_check(project)
    # The settings cannot be read (exit 2), as for any unsafe booking link: the message names the setting and why.
    assert check.returncode == 2 and "booking" in check.stderr and "bcc=" in check.stderr, check.stderr
    build = run_build(project)
    assert build.returncode != 0 and "bcc=" in build.output and "Traceback" not in build.output


def test_a_mailto_link_in_the_sites_settings_that_adds_recipients_is_refused_by_both_gates(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = load_config(project)
    link = "mailto:hello@example.org?bcc=list@elsewhere.example"
    config["extra"]["social"] = [{"icon": "material/email", "link": link}]
    write_config(project, config)
    number = next(
        index
        for index, line in enumerate((project / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), start=1)
        if "bcc=" in line
    )
    check, build = run_check(project), run_build(project)
    for output in (check.stdout, build.output):
        found = {(path, line, rule) for path, line, _, _, rule in located(output)}
        assert ("mkdocs.yml", number, "link-mailto") in found, output
    assert check.returncode == 1 and build.returncode != 0


@pytest.mark.parametrize(
    "url",
    [
        "mailto:hello@example.org?bcc=someone@elsewhere.example",
        "mailto:hello@example.org?CC=someone@elsewhere.example",
        "mailto:hello@example.org,someone@elsewhere.example",
        "mailto:hello@example.org%2Csomeone@elsewhere.example",
        "mailto:hello@example.org;someone@elsewhere.example",
        "mailto:?to=hello@example.org,someone@elsewhere.example",
        "mailto:hello@example.org?to=someone@elsewhere.example",
        "mailto:hello@example.org?subject=Hi%0ABcc:someone@elsewhere.example",
        "mailto:hello@example.org?body=Hi%0d%0aBcc:someone@elsewhere.example",
        "mailto:hello@example.org?%62cc=someone@elsewhere.example",
        "mailto:hello@example.org?reply-to=someone@elsewhere.example",
    ],
)
def test_mailto_links_that_reach_someone_else_are_refused(url: str) -> None:
    assert mailto_problem(url)


@pytest.mark.parametrize(
    "url",
    ["mailto:hello@example.org", "mailto:hello@example.org?subject=A%20question", "mailto:?to=hello@example.org"],
)
def test_mailto_links_to_one_address_pass(url: str) -> None:
    assert mailto_problem(url) is None
