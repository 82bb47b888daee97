"""``therapy-site check`` warns about contact details still pointing at the template's placeholders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import copy_project
from therapy_site.cli import main
from therapy_site.validation.settings import is_fictional_phone, is_placeholder

REAL_DETAILS = {
    "https://stillwater-therapy.example/": "https://www.annareyes-therapy.co.uk/",
    "https://booking.stillwater-therapy.example/consultation": "https://cal.annareyes-therapy.co.uk/consultation",
    "hello@stillwater-therapy.example": "hello@annareyes-therapy.co.uk",
    '"+44 117 496 0123"': '"+44 117 925 4411"',
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = copy_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


def site_findings() -> list[dict[str, object]]:
    result = CliRunner().invoke(main, ["check", "--format", "json"], catch_exceptions=False)
    return json.loads(result.stdout)["findings"]


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_placeholders_are_warned_about_at_their_line_in_mkdocs_yml(project: Path) -> None:
    config = project / "mkdocs.yml"
    found = [f for f in site_findings() if f["rule"] == "practice-placeholder"]
    assert {(f["path"], f["line"], f["severity"]) for f in found} == {
        ("mkdocs.yml", line_of(config, "site_url:"), "warning"),
        ("mkdocs.yml", line_of(config, "booking_url:"), "warning"),
        ("mkdocs.yml", line_of(config, "  email:"), "warning"),
        ("mkdocs.yml", line_of(config, "  phone:"), "warning"),
    }
    booking = next(f for f in found if f["line"] == line_of(config, "booking_url:"))
    assert "extra.practice.booking_url" in str(booking["message"])


def test_real_looking_details_give_no_warning(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for placeholder, real in REAL_DETAILS.items():
        assert placeholder in text
        text = text.replace(placeholder, real)
    config.write_text(text, encoding="utf-8")
    assert [f for f in site_findings() if f["rule"] == "practice-placeholder"] == []


def test_a_booking_link_in_the_booking_options_is_checked_too(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "markdown_extensions:\n" in text  # the booking extension's own option, set by the site
    text = text.replace("markdown_extensions:\n", "markdown_extensions:\n  - therapy_site.booking:\n      url: https://book.example.com/me\n")
    config.write_text(text, encoding="utf-8")
    found = [f for f in site_findings() if f["rule"] == "practice-placeholder"]
    assert line_of(config, "url: https://book.example.com/me") in {f["line"] for f in found}


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("https://stillwater.example/", "url", True),
        ("https://booking.example.com/x", "url", True),
        ("https://examples.co.uk/", "url", False),
        ("me@clinic.test", "email", True),
        ("me@myexample.org", "email", False),
        ("+44 117 496 0123", "phone", True),
        ("0117 496 0999", "phone", True),
        ("07700 900123", "phone", True),
        ("020 7946 0001", "phone", True),
        ("+44 20 7946 0001", "phone", True),
        ("+1 (212) 555-0142", "phone", True),
        ("+44 117 925 4411", "phone", False),
        ("116 123", "phone", False),
    ],
)
def test_what_counts_as_a_placeholder(value: str, kind: str, expected: bool) -> None:
    assert is_placeholder(value, kind) is expected


def test_fictional_phone_needs_the_whole_number() -> None:
    assert not is_fictional_phone("0117 496 01234")


def test_todo_values_in_the_settings_and_authors_file_are_errors_at_their_line(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      image: assets/images/anna-reyes.webp\n" in text
    text = text.replace("      image: assets/images/anna-reyes.webp\n", "      image: assets/images/TODO-photo.webp\n")
    config.write_text(text, encoding="utf-8")
    authors = project / "docs/blog/.authors.yml"
    authors.write_text(
        authors.read_text(encoding="utf-8").replace("avatar: assets/images/anna-reyes.webp", "avatar: TODO"),
        encoding="utf-8",
    )
    found = [f for f in site_findings() if f["rule"] == "placeholder"]
    assert {(f["path"], f["line"], f["severity"]) for f in found} == {
        ("mkdocs.yml", line_of(config, "image: assets/images/TODO-photo.webp"), "error"),
        ("docs/blog/.authors.yml", line_of(authors, "avatar: TODO"), "error"),
    }
    image = next(f for f in found if f["path"] == "mkdocs.yml")
    assert "extra.practice.practitioner.image" in str(image["message"])
