"""``therapy-site check``: each rule fires on a bad case at the right file:line and stays silent on a good one."""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from helpers import REPO, copy_project, engine_options, load_config, run_build, write_config
from therapy_site.cli import main

THERAPY_SITE = str(Path(sys.executable).with_name("therapy-site"))
POST = "docs/blog/posts/sleeping-better.md"

GOOD_POST = """---
title: Sleeping better when worry keeps you awake
description: Why worry often grows at night, and a few gentle, practical ways to let your mind settle before sleep.
date:
  created: 2025-08-01
  updated: 2025-08-03
slug: sleeping-better
categories:
  - Anxiety
authors:
  - anna
hero:
  src: assets/images/anxiety-hero.webp
  alt: Illustration of a low, warm sun above soft layers of green hills.
booking:
  url: https://booking.stillwater-therapy.example/sleep
  button: Book a free call
---

Worry often gets louder at night. Read how we keep [your privacy](../../privacy.md), how to [book](/book/)
and [why trust matters](../role-of-trust-in-therapy/). The [NHS pages on sleep](https://www.nhs.uk/) help too;
[email](mailto:hello@stillwater-therapy.example) or [call](tel:+441174960123) us.

![Illustrated portrait of Anna Reyes, smiling](../../assets/images/anna-reyes.webp)

Code is not prose: `javascript:void(0)` and `http://example.org` and `# not a heading`.

```text
[broken](missing.md) commit suicide TODO
```

## Why worry grows at night

The house is quiet and there is nothing else to think about.

### A smaller point

Short paragraphs are easier to read on a phone.

## Frequently Asked Questions

### Does a bedtime routine help?

For many people it does: the same steps each night tell the body that sleep is coming.
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the real site; the current folder is its root, as when an author runs the command."""
    root = copy_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


def write(project: Path, path: str, text: str) -> str:
    (project / path).write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def findings(*paths: str) -> list[dict[str, object]]:
    result = run("check", "--format", "json", *paths)
    document = json.loads(result.stdout)
    errors = sum(finding["severity"] == "error" for finding in document["findings"])
    assert document["errors"] == errors
    assert result.exit_code == (1 if errors else 0)
    return document["findings"]


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing ``needle`` (from the test's own input)."""
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_good_post_has_no_findings(project: Path) -> None:
    write(project, POST, GOOD_POST)
    assert findings(POST) == []


def test_the_sites_own_pages_and_posts_pass(project: Path) -> None:
    assert [finding for finding in findings("docs") if finding["severity"] == "error"] == []


# (what to replace in GOOD_POST, its replacement, the rule, the severity, text on the reported line)
CASES = [
    ("categories:\n  - Anxiety", "categories:\n\t- Anxiety", "front-matter-yaml", "error", "\t- Anxiety"),
    ("  created: 2025-08-01", "  created: first of August", "front-matter-date", "error", "first of August"),
    ("  created: 2025-08-01", "  created: 2025-02-30", "front-matter-date", "error", "created: 2025-02-30"),
    ("  updated: 2025-08-03", "  updated: 2025-07-01", "front-matter-date", "error", "updated: 2025-07-01"),
    ("description: Why worry", "summary: Why worry", "front-matter-description", "error", "---"),
    (
        "description: Why worry often grows at night, and a few gentle, practical ways to let your mind settle",
        "description: Worry at night",
        "front-matter-description",
        "error",
        "description: Worry at night",
    ),
    (
        "description: Why worry",
        "description: " + "Long " * 40 + "Why worry",
        "front-matter-description",
        "error",
        "Long",
    ),
    ("  - Anxiety", "  - Sleep", "front-matter-category", "error", "  - Sleep"),
    ("  - anna", "  - bob", "front-matter-author", "error", "  - bob"),
    ("slug: sleeping-better", "slug: role-of-trust-in-therapy", "front-matter-slug", "error", "slug:"),
    ("../../assets/images/anna-reyes.webp", "../../assets/images/ana.webp", "image-missing", "error", "ana.webp"),
    ("src: assets/images/anxiety-hero.webp", "src: assets/images/sleep.webp", "image-missing", "error", "src:"),
    ("[Illustrated portrait of Anna Reyes, smiling]", "[]", "image-alt", "error", "![]"),
    ("[Illustrated portrait of Anna Reyes, smiling]", "[anna-reyes.webp]", "image-alt", "error", "![anna"),
    ("[Illustrated portrait of Anna Reyes, smiling]", "[Image]", "image-alt", "error", "![Image]"),
    (
        "alt: Illustration of a low, warm sun above soft layers of green hills.",
        "alt: hero",
        "image-alt",
        "error",
        "alt:",
    ),
    ("(../../assets/images/anna-reyes.webp)", "(https://cdn.example.org/a.webp)", "image-external", "error", "cdn"),
    ("## Why worry grows", "# Why worry grows", "heading-h1", "error", "# Why worry"),
    ("### A smaller point", "#### A smaller point", "heading-skip", "warning", "#### A smaller"),
    ("For many people it does: the same steps", "### Is it ever too late?\n\nThe same steps", "faq", "error", "Does a"),
    ("### Does a bedtime routine help?\n\nFor many people", "For many people", "faq", "error", "## Frequently"),
    ("(../../privacy.md)", "(../../privacy-notice.md)", "link-internal", "error", "privacy-notice"),
    ("(/book/)", "(/booking/)", "link-internal", "error", "/booking/"),
    ("(../role-of-trust-in-therapy/)", "(../role-of-trust/)", "link-internal", "error", "role-of-trust/"),
    ("(https://www.nhs.uk/)", "(http://www.nhs.uk/)", "link-https", "warning", "http://www"),
    ("(mailto:hello@stillwater-therapy.example)", "(javascript:alert(1))", "link-unsafe", "error", "javascript"),
    ("url: https://booking", "url: http://booking", "booking", "error", "url: http://"),
    ("url: https://booking.stillwater-therapy.example/sleep", "url: javascript:alert(1)", "booking", "error", "url:"),
    ("The house is quiet", "We offer a guaranteed cure when it is quiet", "language", "warning", "guaranteed cure"),
    ("The house is quiet", "A GUARANTEED   Cure for quiet houses", "language", "warning", "A GUARANTEED"),
    ("The house is quiet", "TODO: say why the house is quiet", "placeholder", "error", "TODO: say"),
    (
        "slug: sleeping-better",
        "slug: sleeping-better\ndraft: true\ntags:\n  - TODO",
        "placeholder",
        "warning",
        "- TODO",
    ),
]


@pytest.mark.parametrize(("old", "new", "rule", "severity", "marker"), CASES, ids=[case[2] for case in CASES])
def test_rule_fires_on_bad_case(project: Path, old: str, new: str, rule: str, severity: str, marker: str) -> None:
    assert old in GOOD_POST
    text = GOOD_POST.replace(old, new, 1)
    write(project, POST, text)
    found = [finding for finding in findings(POST) if finding["rule"] == rule]
    assert found, f"{rule} did not fire"
    first = found[0]
    assert (first["path"], first["line"], first["severity"]) == (POST, line_of(text, marker), severity)


def test_column_points_at_the_construct(project: Path) -> None:
    text = GOOD_POST.replace("The house is quiet", "Sadly some offer a guaranteed cure when quiet")
    write(project, POST, text)
    (finding,) = [finding for finding in findings(POST) if finding["rule"] == "language"]
    line = text.splitlines()[finding["line"] - 1]
    assert line[finding["column"] - 1 :].startswith("guaranteed cure")
    assert "guarantee an outcome" in finding["message"]


def test_duplicate_slug_names_the_other_post(project: Path) -> None:
    write(project, POST, GOOD_POST.replace("slug: sleeping-better", "slug: role-of-trust-in-therapy"))
    (finding,) = [finding for finding in findings(POST) if finding["rule"] == "front-matter-slug"]
    assert "docs/blog/posts/role-of-trust-in-therapy.md" in finding["message"]


def test_a_missing_date_is_an_error_on_line_one(project: Path) -> None:
    text = GOOD_POST.replace("date:\n  created: 2025-08-01\n  updated: 2025-08-03\n", "")
    write(project, POST, text)
    assert [(f["line"], f["severity"]) for f in findings(POST) if f["rule"] == "front-matter-date"] == [(1, "error")]


def with_settings(project: Path, settings: str) -> None:
    """Add ``extra.therapy_check`` settings to the copied mkdocs.yml."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nextra:\n" in text
    config.write_text(text.replace("\nextra:\n", "\nextra:\n  therapy_check:\n" + settings, 1), encoding="utf-8")


def test_image_over_the_configured_budget_is_a_warning(project: Path) -> None:
    write(project, POST, GOOD_POST)
    hero_kb = (project / "docs/assets/images/anxiety-hero.webp").stat().st_size / 1024
    portrait_kb = (project / "docs/assets/images/anna-reyes.webp").stat().st_size / 1024
    budget = int((hero_kb + portrait_kb) / 2)
    assert portrait_kb < budget < hero_kb
    with_settings(project, f"    image_budget_kb: {budget}\n")
    weight = [finding for finding in findings(POST) if finding["rule"] == "image-weight"]
    assert [(f["line"], f["severity"]) for f in weight] == [(line_of(GOOD_POST, "src: assets"), "warning")]


def test_language_list_is_configurable(project: Path) -> None:
    text = GOOD_POST.replace("The house is quiet", "Your wellness journey brings guaranteed results when it is quiet")
    write(project, POST, text)
    before = {finding["message"].split("'")[1] for finding in findings(POST) if finding["rule"] == "language"}
    assert before == {"guaranteed results"}
    with_settings(
        project,
        "    phrases:\n      wellness journey: say what actually happens in therapy\n      guaranteed results: false\n",
    )
    after = [finding for finding in findings(POST) if finding["rule"] == "language"]
    assert [(f["line"], f["message"]) for f in after] == [
        (line_of(text, "wellness journey"), "'wellness journey': say what actually happens in therapy")
    ]


def test_pages_are_checked_too(project: Path) -> None:
    page = write(project, "docs/services.md", "---\ndescription: Too short.\n---\n\n# Services\n\n# Fees\n")
    found = {(finding["rule"], finding["line"]) for finding in findings(page)}
    assert found == {("front-matter-description", 2), ("heading-h1", 7)}


def test_text_format_and_exit_codes(project: Path) -> None:
    write(project, POST, GOOD_POST.replace("  - Anxiety", "  - Sleep"))
    result = run("check", POST)
    assert result.exit_code == 1
    line = line_of(GOOD_POST, "  - Anxiety")
    pattern = rf"^{re.escape(POST)}:{line}:1: error: unknown category 'Sleep'; .* \[front-matter-category\]$"
    assert re.match(pattern, result.stdout.strip()), result.stdout
    assert "1 error(s), 0 warning(s)" in result.stderr

    write(project, POST, GOOD_POST.replace("(https://www.nhs.uk/)", "(http://www.nhs.uk/)"))
    result = run("check", POST)
    assert result.exit_code == 0
    assert "warning:" in result.stdout and "[link-https]" in result.stdout


def test_github_format(project: Path) -> None:
    write(project, POST, GOOD_POST.replace("  - anna", "  - bob"))
    result = run("check", "--format", "github", POST)
    line = line_of(GOOD_POST, "  - anna")
    assert result.stdout.startswith(f"::error file={POST},line={line},col=1,title=front-matter-author::")


def test_folders_are_searched_and_each_finding_names_its_file(project: Path) -> None:
    write(project, POST, GOOD_POST.replace("  - anna", "  - bob"))
    write(
        project, "docs/blog/posts/other.md", GOOD_POST.replace("sleeping-better", "other").replace("  - anna", "  - x")
    )
    paths = {finding["path"] for finding in findings("docs") if finding["rule"] == "front-matter-author"}
    assert paths == {POST, "docs/blog/posts/other.md"}


def test_console_script_exit_codes(project: Path, tmp_path: Path) -> None:
    write(project, POST, GOOD_POST)
    clean = subprocess.run([THERAPY_SITE, "check", POST], cwd=project, capture_output=True, text=True, check=False)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    write(project, POST, GOOD_POST.replace("  - anna", "  - bob"))
    failing = subprocess.run([THERAPY_SITE, "check", POST], cwd=project, capture_output=True, text=True, check=False)
    assert failing.returncode == 1
    assert f"{POST}:{line_of(GOOD_POST, '  - anna')}:1: error:" in failing.stdout
    empty = tmp_path / "no-site"
    empty.mkdir()
    with contextlib.chdir(empty):
        unconfigured = subprocess.run([THERAPY_SITE, "check"], capture_output=True, text=True, check=False)
    assert unconfigured.returncode == 2
    assert "no mkdocs.yml" in unconfigured.stderr


BAD_BLOCKS = """
/// takeaways
    colour: red

- **One point.** One sentence.
///

/// infographic | Barriers to sleep
layout: circle
items:
  - title: Noise
  - title: Worry
///

/// booking | Book now
    url: javascript:alert(1)

Talk to us.
///

"""


def test_block_and_faq_problems_have_the_builds_messages(project: Path) -> None:
    text = GOOD_POST.replace("## Why worry grows", BAD_BLOCKS + "## Why worry grows")
    text = text.replace("For many people it does: the same steps", "### Is it ever too late?\n\nThe same steps")
    write(project, POST, text)
    ours = {(finding["line"], finding["message"]) for finding in findings(POST) if finding["rule"] in {"block", "faq"}}
    for name, header, example in (
        ("takeaways", "/// takeaways", "colour: red"),
        ("infographic", "/// infographic", "layout: circle"),
        ("booking", "/// booking", "javascript:"),
    ):
        start = line_of(text, header)
        end = start + text.splitlines()[start:].index("///") + 1
        lines = {line for line, message in ours if message.startswith(f"{name} block:")}
        assert lines and all(start <= line <= end for line in lines), (name, lines, start, end)
        assert any(example.split(":")[0] in message for _line, message in ours if message.startswith(name))
    assert [line for line, message in ours if message.startswith("FAQ:")] == [line_of(text, "### Does a bedtime")]
    build = run_build(project)
    assert build.returncode != 0
    theirs = {
        (int(line), message)
        for line, message in re.findall(
            r"docs/blog/posts/sleeping-better\.md:(\d+):\d+: error: (.+) \[(?:block|faq)\]$", build.output, re.MULTILINE
        )
    }
    assert ours <= theirs, (ours, build.output)
    assert {message.split(":")[0] for _line, message in ours} == {
        "takeaways block",
        "infographic block",
        "booking block",
        "FAQ",
    }


def test_faq_is_checked_even_when_the_faq_plugin_is_off(project: Path) -> None:
    site = load_config(project)
    engine_options(site)["faq"] = False
    write_config(project, site)
    post = GOOD_POST.replace("### Does a bedtime routine help?\n\nFor many people", "For many people")
    write(project, POST, post)
    found = [(finding["line"], finding["severity"]) for finding in findings(POST) if finding["rule"] == "faq"]
    assert found == [(line_of(post, "## Frequently Asked Questions"), "error")]
    write(project, POST, GOOD_POST)
    assert findings(POST) == []


def test_the_authoring_guides_examples_pass(project: Path) -> None:
    guide = (REPO / "AUTHORING.md").read_text(encoding="utf-8")
    examples = [
        example
        for example in re.findall(r"^```text\n(.*?)^```$", guide, re.MULTILINE | re.DOTALL)
        if example.startswith(("///", "## Frequently"))
    ]
    assert len(examples) == 5  # takeaways, infographic, two booking blocks, FAQ
    front_matter, _body = GOOD_POST.split("\n---\n", 1)
    post = front_matter + "\n---\n\nAn introduction of two sentences. It says who the post is for.\n\n"
    post += "\n".join(examples)
    write(project, POST, post)
    assert findings(POST) == []


def test_the_json_format_is_what_authoring_md_shows(project: Path) -> None:
    """AUTHORING.md's example of ``check --format json`` parses and has the output's shape and a real finding."""
    text = (REPO / "AUTHORING.md").read_text(encoding="utf-8")
    shown = json.loads(text.split("--format json", 1)[1].split("```json\n", 1)[1].split("```", 1)[0])
    (example,) = shown["findings"]
    broken = GOOD_POST.replace(
        "## Frequently Asked Questions", "/// takeaway\n\n- One.\n\n///\n\n## Frequently Asked Questions"
    )
    write(project, example["path"], broken)
    result = run("check", "--format", "json", example["path"])
    document = json.loads(result.stdout)
    assert sorted(document) == sorted(shown) and (document["errors"], document["warnings"]) == (1, 0)
    assert example["line"] == line_of(broken, "/// takeaway")
    assert document["findings"] == [example]
