"""``therapy-site new``: a complete draft post that builds under --strict and passes ``check``."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from PIL import Image

from helpers import copy_project, feature_options, load_config, run_build, write_config
from therapy_site.cli import main

TITLE = "Sleep, worry & the 3 a.m. mind"
SLUG = "sleep-worry-the-3-am-mind"
POST = f"docs/blog/posts/{SLUG}.md"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = copy_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?\n)---\n", text, re.DOTALL)
    assert match, text[:200]
    return yaml.safe_load(match.group(1))


def allowed_categories(project: Path) -> list[str]:
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    return feature_options(config, "blog")["categories_allowed"]


def test_new_writes_complete_front_matter_and_every_block(project: Path) -> None:
    result = run("new", TITLE, "--category", "Anxiety")
    assert result.exit_code == 0, result.output
    assert POST in result.stdout
    meta = front_matter(project / POST)
    assert meta["title"] == TITLE
    assert meta["slug"] == SLUG
    assert meta["date"]["created"] == dt.datetime.now(dt.UTC).date()
    assert meta["categories"] == ["Anxiety"]
    authors = yaml.safe_load((project / "docs/blog/.authors.yml").read_text(encoding="utf-8"))["authors"]
    assert meta["authors"] == [sorted(authors)[0]]
    assert meta["draft"] is True
    assert 50 <= len(meta["description"]) <= 160
    hero = project / "docs" / meta["hero"]["src"]
    with Image.open(hero) as image:
        assert (image.format, image.size) == ("WEBP", (1200, 675))
    assert meta["hero"]["alt"].strip()
    text = (project / POST).read_text(encoding="utf-8")
    for commented in ("# booking: false", "# booking:\n#   heading:", "# faq: false"):
        assert commented in text
    body = text.split("\n---\n", 1)[1]
    for block in ("/// takeaways\n", "/// infographic | ", "/// booking | ", "\n## Frequently Asked Questions\n"):
        assert block in body
    assert re.search(r"^## Frequently Asked Questions\n\n### .+\?\n\n\S", body, re.MULTILINE)


def test_new_post_passes_check_with_only_placeholder_warnings(project: Path) -> None:
    assert run("new", TITLE).exit_code == 0
    result = run("check", "--format", "json", POST)
    assert result.exit_code == 0, result.stdout
    found = json.loads(result.stdout)["findings"]
    assert found, "the placeholders should be listed"
    assert {(finding["severity"], finding["rule"]) for finding in found} == {("warning", "placeholder")}
    text_lines = (project / POST).read_text(encoding="utf-8").splitlines()
    for finding in found:
        line = text_lines[finding["line"] - 1]
        assert "TODO" in line or "src:" in line


def test_new_post_builds_under_strict(project: Path) -> None:
    assert run("new", TITLE, "--category", "Relationships").exit_code == 0
    # Drafts are left out of `mkdocs build`: nothing half-written is published by accident.
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert not build.page(f"blog/{SLUG}/").exists()
    # `make serve` shows drafts; build them here the same way to see the page the author previews.
    site = load_config(project)
    feature_options(site, "blog")["draft"] = True
    write_config(project, site)
    build = run_build(project)
    assert build.returncode == 0, build.output
    page = build.html(f"blog/{SLUG}/")
    assert [h1.text_content().strip() for h1 in page.xpath("//h1")] == [TITLE]
    article = page.xpath("//article")[0].text_content()
    assert "Frequently Asked Questions" in article
    assert "///" not in article  # every block in the skeleton is one the site's extensions know


def test_new_refuses_to_overwrite(project: Path) -> None:
    existing = project / POST
    existing.write_text("my own words\n", encoding="utf-8")
    result = run("new", TITLE)
    assert result.exit_code == 1
    assert "already" in result.output
    assert existing.read_text(encoding="utf-8") == "my own words\n"


def test_slug_used_by_another_post_is_an_error(project: Path) -> None:
    before = sorted(path.name for path in (project / "docs/blog/posts").iterdir())
    result = run("new", "Something else entirely", "--slug", "role-of-trust-in-therapy")
    assert result.exit_code == 1
    assert "docs/blog/posts/role-of-trust-in-therapy.md" in result.output
    # A post whose file name differs but whose front matter claims the slug counts too.
    source = (project / "docs/blog/posts/trust-in-relationships.md").read_text(encoding="utf-8")
    claimed = source.replace("slug: trust-in-relationships", "slug: quiet-mornings")
    assert claimed != source
    (project / "docs/blog/posts/renamed.md").write_text(claimed, encoding="utf-8")
    result = run("new", "Quiet mornings")
    assert result.exit_code == 1
    assert "docs/blog/posts/renamed.md" in result.output
    assert sorted(path.name for path in (project / "docs/blog/posts").iterdir()) == sorted([*before, "renamed.md"])


def test_unknown_category_is_refused_with_the_allowed_list(project: Path) -> None:
    result = run("new", TITLE, "--category", "Sleep")
    assert result.exit_code == 1
    for category in allowed_categories(project):
        assert category in result.output
    assert not (project / POST).exists()
