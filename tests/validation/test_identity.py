"""Rule ``template-identity``: the template practice's identity is an error wherever a reader could see it,
except where it is the site's own (this repository's demo site is that practice, so it passes)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from helpers import Build, copy_project, feature_options, load_config, run_build, run_command, write_config
from therapy_site.validation.identity import read_template_identity, template_identity

RULE = "[template-identity]"
FINDING = re.compile(r"(?P<path>[\w./-]+):(?P<line>\d+):(?P<column>\d+): error: .*\[template-identity\]")

HARBOUR_LIGHT = {
    "name": "Harbour Light Counselling",
    "practitioner": "Dr. Mei Tanaka",
    "email": "hello@harbourlight-counselling.co.uk",
    "phone": "+44 1752 600418",
    "booking_url": "https://harbourlight-counselling.co.uk/book-online",
    "site_url": "https://harbourlight-counselling.co.uk/",
}

# What the tests plant in the Harbour Light copy.
PAGE_LINES = (
    "Written by Anna Reyes for Stillwater Therapy.",
    "Call +44 117 496 0123, 01174960123 or [by phone](tel:+441174960123); ours is +44 1752 600418, not 0117 496 0124.",
    "Anna sees clients in Bristol.",
)
BADGE_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 20" role="img" aria-label="STILLWATER THERAPY">
  <title>A badge</title>
  <text x="0" y="14">Anna  Reyes</text>
</svg>
"""
ROBOTS_TXT = "User-agent: *\nAllow: /\n\nSitemap: https://www.stillwater-therapy.example/sitemap.xml\n"
THEME_PARTIAL = '<p class="leftover">\n  &copy; Stillwater&nbsp;Therapy\n</p>\n'
RSS_IMAGE = "https://stillwater-therapy.example/assets/images/favicon.png"
TEMPLATE_BOOKING_URL = "https://booking.stillwater-therapy.example/consultation"
YAML_COMMENT = "# was: hello@stillwater-therapy.example, Anna Reyes, +44 117 496 0123\n"


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    """``therapy-site check`` of the whole site, the console script run in the project's folder."""
    return run_command(project, "therapy-site", "check")


def identity_findings(output: str) -> set[tuple[str, int]]:
    """(file, line) of every template-identity error in ``output`` (a check's or a build's)."""
    return {(match["path"], int(match["line"])) for match in FINDING.finditer(output)}


def line_of(path: Path, needle: str) -> int:
    return next(
        number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line
    )


@dataclass
class Harbour:
    project: Path
    planted: dict[str, set[tuple[str, int]]]  # what was planted where: (file, line) it must be reported at
    own: set[tuple[str, int]]  # the site's own identity and comments: never reported


def make_harbour_light(project: Path) -> Harbour:
    """A copy whose mkdocs.yml is a different practice's, with the template's identity planted here and there."""
    config = load_config(project)
    config["site_name"] = HARBOUR_LIGHT["name"]
    config["site_url"] = HARBOUR_LIGHT["site_url"]
    config["site_author"] = HARBOUR_LIGHT["practitioner"]
    config["copyright"] = HARBOUR_LIGHT["name"]
    practice = config["extra"]["practice"]
    for key in ("name", "email", "phone", "booking_url"):
        practice[key] = HARBOUR_LIGHT[key]
    practice["practitioner"]["name"] = HARBOUR_LIGHT["practitioner"]
    extensions = config["markdown_extensions"]
    extensions.append({"therapy_site.infographics": {"domain": "stillwater-therapy.example"}})  # planted: an option
    # planted: also a placeholder (a reserved domain), warned about no more
    extensions.append({"therapy_site.booking": {"url": TEMPLATE_BOOKING_URL}})
    feature_options(config, "rss")["image"] = RSS_IMAGE  # planted: a feed setting
    theme = config["theme"].setdefault("custom_dir", "overrides")
    write_config(project, config)
    settings = project / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + YAML_COMMENT, encoding="utf-8")

    docs = project / "docs"
    page = docs / "services.md"
    page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + "\n\n".join(PAGE_LINES) + "\n")
    (docs / "assets" / "images" / "badge.svg").write_text(BADGE_SVG, encoding="utf-8")
    (docs / "robots.txt").write_text(ROBOTS_TXT, encoding="utf-8")
    partial = project / theme / "partials" / "leftover.html"
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_text(THEME_PARTIAL, encoding="utf-8")
    authors = docs / "blog" / ".authors.yml"
    authors.write_text(YAML_COMMENT + authors.read_text(encoding="utf-8"), encoding="utf-8")

    def at(path: Path, needle: str) -> tuple[str, int]:
        return path.relative_to(project).as_posix(), line_of(path, needle)

    svg = docs / "assets" / "images" / "badge.svg"
    planted = {
        "page": {at(page, PAGE_LINES[0])},
        "phone": {at(page, PAGE_LINES[1])},
        "svg": {at(svg, "aria-label="), at(svg, "<text ")},
        "robots.txt": {at(docs / "robots.txt", "Sitemap:")},
        "theme": {at(partial, "&copy;")},
        "feed": {at(settings, f"image: {RSS_IMAGE}")},
        "extension": {at(settings, "domain: stillwater-therapy.example")},
        "booking": {at(settings, f"url: {TEMPLATE_BOOKING_URL}")},
    }
    own = {
        at(settings, "site_name:"),
        at(settings, "site_url:"),
        at(settings, f"email: {HARBOUR_LIGHT['email']}"),
        at(settings, "booking_url:"),
        at(settings, "name: Dr. Mei Tanaka"),
        at(settings, YAML_COMMENT.strip()),
        at(authors, YAML_COMMENT.strip()),
        at(page, PAGE_LINES[2]),
        at(svg, "<title>"),
    }
    return Harbour(project, planted, own)


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory) -> Harbour:
    return make_harbour_light(copy_project(tmp_path_factory.mktemp("harbour") / "project"))


@pytest.fixture(scope="module")
def harbour_check(harbour: Harbour) -> subprocess.CompletedProcess[str]:
    return run_check(harbour.project)


@pytest.fixture(scope="module")
def harbour_build(harbour: Harbour) -> Build:
    return run_build(harbour.project)


def test_the_template_site_itself_passes(tmp_path: Path) -> None:
    result = run_check(copy_project(tmp_path / "project"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert RULE not in result.stdout
    assert "practice-placeholder" in result.stdout  # the check did read mkdocs.yml (its placeholders warn)


@pytest.mark.parametrize("where", ["page", "phone", "svg", "robots.txt", "theme", "feed", "extension", "booking"])
def test_check_names_each_planted_leftover(harbour: Harbour, harbour_check: Any, where: str) -> None:
    assert harbour_check.returncode == 1, harbour_check.stdout + harbour_check.stderr
    found = identity_findings(harbour_check.stdout)
    for path, line in harbour.planted[where]:
        assert (path, line) in found, f"{path}:{line} not reported:\n{harbour_check.stdout}"


def test_each_occurrence_has_its_own_column(harbour: Harbour, harbour_check: Any) -> None:
    (path, line), text = next(iter(harbour.planted["page"])), PAGE_LINES[0]
    columns = {
        int(match["column"])
        for match in FINDING.finditer(harbour_check.stdout)
        if match["path"] == path and int(match["line"]) == line
    }
    assert columns == {text.index("Anna Reyes") + 1, text.index("Stillwater Therapy") + 1}
    (svg_label, _svg_text) = sorted(harbour.planted["svg"], key=lambda found: found[1])
    assert f"{svg_label[0]}:{svg_label[1]}:{BADGE_SVG.splitlines()[1].index('STILLWATER') + 1}: error: " in (
        harbour_check.stdout
    )
    assert "'STILLWATER THERAPY' is the template practice's name, not yours: replace it" in harbour_check.stdout


def test_phone_numbers_are_found_in_any_format(harbour: Harbour, harbour_check: Any) -> None:
    (path, line), text = next(iter(harbour.planted["phone"])), PAGE_LINES[1]
    columns = {
        int(match["column"])
        for match in FINDING.finditer(harbour_check.stdout)
        if match["path"] == path and int(match["line"]) == line
    }
    expected = {text.index(number) + 1 for number in ("+44 117 496 0123", "01174960123", "+441174960123")}
    assert columns == expected  # the site's own number and an unrelated one are not reported


def test_own_identity_comments_and_first_names_are_not_reported(harbour: Harbour, harbour_check: Any) -> None:
    found = identity_findings(harbour_check.stdout)
    assert found  # the check reported leftovers at all
    assert not harbour.own & found, sorted(harbour.own & found)


def test_a_leftover_is_not_also_a_placeholder_warning(harbour: Harbour, harbour_check: Any) -> None:
    (path, line) = next(iter(harbour.planted["booking"]))
    rows = [row for row in harbour_check.stdout.splitlines() if row.startswith(f"{path}:{line}:")]
    assert len(rows) == 1, rows
    assert rows[0].endswith(RULE)


def test_the_strict_build_fails_with_the_same_lines(harbour: Harbour, harbour_check: Any, harbour_build: Build) -> None:
    assert harbour_build.returncode != 0
    found = identity_findings(harbour_build.output)
    for where, places in harbour.planted.items():
        for path, line in places:
            assert (path, line) in found, f"{where}: {path}:{line} not reported:\n{harbour_build.output}"
    assert found == identity_findings(harbour_check.stdout)  # the same rules: the same findings


# -- the matching itself ---------------------------------------------------------------

HARBOUR_CONFIG: dict[str, Any] = {
    "site_name": HARBOUR_LIGHT["name"],
    "site_url": HARBOUR_LIGHT["site_url"],
    "extra": {
        "practice": {
            "name": HARBOUR_LIGHT["name"],
            "email": HARBOUR_LIGHT["email"],
            "phone": HARBOUR_LIGHT["phone"],
            "booking_url": HARBOUR_LIGHT["booking_url"],
            "practitioner": {"name": HARBOUR_LIGHT["practitioner"]},
        }
    },
}


@pytest.mark.parametrize(
    "text",
    [
        "+44 117 496 0123",
        "0117 496 0123",
        "01174960123",
        "tel:+441174960123",
        "+44 (0)117 496 0123",
        "0044 117 496 0123",
        "anna reyes",
        "ANNA\n  REYES",
        "portrait: anna-reyes.webp",
        "stillwater therapy's rooms",
        "write to HELLO@Stillwater-Therapy.example",
        "info@stillwater-therapy.example",
        "https://booking.stillwater-therapy.example/consultation",
    ],
)
def test_a_template_value_is_found(text: str) -> None:
    assert list(template_identity(HARBOUR_CONFIG).find(text))


@pytest.mark.parametrize(
    "text",
    [
        "+44 117 496 0124",
        "011749601234",
        "+44 1752 600418",
        "Anna",
        "Reyes",
        "Bristol",
        "Anna works in Bristol",
        "Stillwater",
        "annareyes-therapy.co.uk",
        "stillwatertherapy",
    ],
)
def test_other_text_is_not_found(text: str) -> None:
    assert list(template_identity(HARBOUR_CONFIG).find(text)) == []


def test_the_site_owns_its_identity_and_its_subdomains_only() -> None:
    template = read_template_identity()
    demo = {
        "site_name": "Stillwater Therapy",
        "site_url": "https://stillwater-therapy.example/",
        "extra": {
            "practice": {
                "name": "Stillwater Therapy",
                "practitioner": {"name": "Anna Reyes"},
                "email": "hello@stillwater-therapy.example",
                "phone": "01174960123",
            }
        },
    }
    text = " ".join(
        [*template["practice_names"], *template["practitioner_names"], *template["emails"], *template["phones"]]
    )
    assert list(template_identity(demo).find(text + " https://www.stillwater-therapy.example/")) == []
    booking_only = {"site_url": "https://booking.stillwater-therapy.example/", "extra": {}}
    found = [
        written
        for _, written, _ in template_identity(booking_only).find(
            "booking.stillwater-therapy.example stillwater-therapy.example"
        )
    ]
    assert found == ["stillwater-therapy.example"]
