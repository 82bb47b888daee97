"""Review on any page: a visible "Reviewed by … on …" line, reviewedBy/lastReviewed, the reviewer's credentials."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml
from jsonld import SITE, graph_of, one
from seo.seo_helpers import build_variant

from helpers import REPO, Build, copy_project, run_command
from therapy_site.review.freshness import months_between, stale_review_message

# The demo's urgent-help page says when it was last reviewed (its front matter is the one truth).
REVIEWED = yaml.safe_load((REPO / "docs/urgent-help.md").read_text(encoding="utf-8").split("---")[1])["last_reviewed"]
REVIEWED_LINE = f"last_reviewed: {REVIEWED.isoformat()}"
SAM_REGISTER = "https://register.example.org/sam-okafor"
AUTHORS_WITH_SAM = """authors:
  anna:
    name: Anna Reyes
    description: Integrative psychotherapist.
    avatar: assets/images/anna-reyes.webp
    url: about/
  sam:
    name: Sam Okafor
    description: Clinical psychologist who reviews our articles.
    avatar: assets/images/anna-reyes.webp
"""
# Zensical rejects unknown keys in .authors.yml, so credentials and sameAs live in extra.practice.people.
SAM_PROFILE = {
    "job_title": "Clinical psychologist",
    "credentials": [
        {
            "name": "Practitioner psychologist",
            "category": "Professional registration",
            "recognized_by": "Health and Care Professions Council",
            "recognized_by_url": "https://www.hcpc-uk.org/",
        }
    ],
    "same_as": [SAM_REGISTER],
}


def review_line(build: Build, url_path: str) -> str:
    lines = build.html(url_path).xpath(
        "//*[contains(@class, 'ts-review-line') or contains(@class, 'ts-post-header__review')]"
    )
    assert len(lines) == 1, url_path
    return " ".join(lines[0].text_content().split())


def test_urgent_help_page_shows_and_marks_up_its_review(site_build: Build) -> None:
    assert review_line(site_build, "urgent-help/") == f"Reviewed by Anna Reyes on {REVIEWED.day} {REVIEWED:%B %Y}"
    graph = graph_of(site_build, "urgent-help/")
    webpage = one(graph, "WebPage")
    assert webpage["lastReviewed"] == REVIEWED.isoformat()
    assert webpage["reviewedBy"] == {"@id": f"{SITE}#person"}


def test_practitioner_credentials_shown_under_posts_are_the_ones_marked_up(site_build: Build) -> None:
    (shown,) = site_build.html("blog/role-of-trust-in-therapy/").xpath(
        "//*[contains(@class, 'ts-author__credentials')]"
    )
    person = next(node for node in graph_of(site_build, "urgent-help/") if node.get("@id") == f"{SITE}#person")
    assert " ".join(shown.text_content().split()) == " · ".join(item["name"] for item in person["hasCredential"])


def test_practitioner_credentials_are_recognised_by_the_registering_body(site_build: Build) -> None:
    person = next(node for node in graph_of(site_build, "urgent-help/") if node.get("@id") == f"{SITE}#person")
    registration = next(item for item in person["hasCredential"] if "UKCP" in item["name"])
    assert registration["@type"] == "EducationalOccupationalCredential"
    assert registration["recognizedBy"] == {
        "@type": "Organization",
        "name": "UK Council for Psychotherapy",
        "url": "https://www.psychotherapy.org.uk/",
    }


@pytest.fixture(scope="module")
def reviewer_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Another reviewer (with credentials and a register link) reviews a page that is not a post."""

    def add_sam(config: dict, project: Path) -> None:
        (project / "docs/blog/.authors.yml").write_text(AUTHORS_WITH_SAM, encoding="utf-8")
        config["extra"]["practice"]["people"] = {"sam": SAM_PROFILE}
        config["extra"]["practice"]["practitioner"]["same_as"] = ["https://register.example.org/anna-reyes"]
        about = project / "docs/about.md"
        about.write_text(
            about.read_text(encoding="utf-8").replace("---\n", "---\nreviewed_by: sam\nlast_reviewed: 2025-10-01\n", 1),
            encoding="utf-8",
        )

    build = build_variant(tmp_path_factory.mktemp("reviewer"), tweak=add_sam)
    assert build.returncode == 0, build.output
    return build


def test_any_page_can_be_reviewed_by_another_person_with_credentials_and_same_as(reviewer_build: Build) -> None:
    assert review_line(reviewer_build, "about/") == "Reviewed by Sam Okafor on 1 October 2025"
    graph = graph_of(reviewer_build, "about/")
    page = one(graph, "AboutPage")
    assert page["reviewedBy"] == {"@id": f"{SITE}#/schema/person/sam"}
    sam = next(node for node in graph if node.get("@id") == f"{SITE}#/schema/person/sam")
    assert sam["jobTitle"] == "Clinical psychologist"
    assert sam["sameAs"] == [SAM_REGISTER]
    (credential,) = sam["hasCredential"]
    assert credential["recognizedBy"]["name"] == "Health and Care Professions Council"
    assert credential["credentialCategory"] == "Professional registration"
    # The practitioner's sameAs comes from extra.practice.practitioner.
    anna = next(node for node in graph if node.get("@id") == f"{SITE}#person")
    assert anna["sameAs"] == ["https://register.example.org/anna-reyes"]


def test_insecure_same_as_link_stops_the_build_naming_the_setting(tmp_path: Path) -> None:
    def bad(config: dict, project: Path) -> None:
        config["extra"]["practice"]["people"] = {"anna": {"same_as": ["http://x.example"]}}

    build = build_variant(tmp_path, tweak=bad)
    assert build.returncode != 0
    assert "extra.practice.people: 'anna'" in build.output and "https://" in build.output


def test_authors_file_keeps_only_the_keys_material_and_zensical_accept() -> None:
    authors = yaml.safe_load((REPO / "docs/blog/.authors.yml").read_text(encoding="utf-8"))["authors"]
    for key, author in authors.items():
        assert set(author) <= {"name", "description", "avatar", "slug", "url"}, key


# --- freshness (therapy-site check) -----------------------------------------------------------------------------


def test_months_between_counts_whole_months() -> None:
    assert months_between(date(2025, 11, 20), date(2026, 11, 19)) == 11
    assert months_between(date(2025, 11, 20), date(2026, 11, 20)) == 12
    assert stale_review_message(date(2025, 11, 20), date(2026, 11, 19), 12) is None
    assert "12 months ago" in (stale_review_message(date(2025, 11, 20), date(2026, 11, 20), 12) or "")


def run_check(project: Path, path: str) -> subprocess.CompletedProcess[str]:
    return run_command(project, "therapy-site", "check", path)


def test_check_warns_on_an_old_review_and_not_on_a_fresh_one(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs/urgent-help.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(REVIEWED_LINE, "last_reviewed: 2019-03-01"), encoding="utf-8")
    line = page.read_text(encoding="utf-8").splitlines().index("last_reviewed: 2019-03-01") + 1
    old = run_check(project, "docs/urgent-help.md")
    assert f"docs/urgent-help.md:{line}:1: warning: last reviewed on 2019-03-01" in old.stdout, old.stdout + old.stderr
    assert "[review-age]" in old.stdout
    page.write_text(text.replace(REVIEWED_LINE, f"last_reviewed: {date.today().isoformat()}"))
    fresh = run_check(project, "docs/urgent-help.md")
    assert "review-age" not in fresh.stdout


def test_review_age_limit_is_configurable(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs/urgent-help.md"
    two_months_ago = date.fromordinal(date.today().toordinal() - 62).isoformat()
    page.write_text(
        page.read_text(encoding="utf-8").replace(REVIEWED_LINE, f"last_reviewed: {two_months_ago}")
    )
    assert "review-age" not in run_check(project, "docs/urgent-help.md").stdout
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "extra:\n", "extra:\n  therapy_check:\n    review_max_age_months: 1\n", 1
        )
    )
    assert "review-age" in run_check(project, "docs/urgent-help.md").stdout
