"""A strict build takes block and FAQ problems from its own conversion of the pages (no second conversion).

``check`` converts each page to judge its ``///`` blocks and FAQ section; a strict build converts every page
anyway, with the same extensions, so the validation plugin words the problems those conversions met exactly as
``check`` does and stops in ``on_env``, before anything is written. Pages the build never converts (drafts) are
converted by the plugin itself, so the two gates still report the same findings.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import mkdocs.commands.build
import pytest
from corpus_support import CORPUS, located, run_check
from mkdocs.config import load_config

import therapy_site.validation.blocks as validation_blocks
from helpers import Build, copy_project, make_post, run_build

# Corpus cases whose only mistake is one that the conversion finds (rules "block" and "faq").
CONVERSION_CASES = (
    "block-bad-option-value",
    "block-options-as-list",
    "block-unknown-option",
    "faq-question-without-answer",
)
DRAFT_POST = make_post(
    "Intro.\n\n/// takeaways\n    colour: green\n\n- One point.\n\n///\n",
    slug="draft-with-a-bad-block",
    title="A draft with a bad block",
    extra="draft: true\n",
)


@pytest.fixture(scope="module")
def conversion_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("conversion") / "project")
    posts = project / "docs" / "blog" / "posts"
    for name in CONVERSION_CASES:
        shutil.copyfile(CORPUS / name / "post.md", posts / f"{name}.md")
    (posts / "draft-with-a-bad-block.md").write_text(DRAFT_POST, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def conversion_build(conversion_project: Path) -> Build:
    return run_build(conversion_project, strict=True)


def test_the_strict_build_reports_what_check_reports(conversion_project: Path, conversion_build: Build) -> None:
    checked = run_check(conversion_project)
    ours, theirs = located(checked.stdout), located(conversion_build.output)
    assert checked.returncode == 1
    assert {path for path, _line, _column, severity, _rule in ours if severity == "error"} == {
        *(f"docs/blog/posts/{name}.md" for name in CONVERSION_CASES),
        "docs/blog/posts/draft-with-a-bad-block.md",
    }
    assert ours == theirs, ours ^ theirs
    # Each problem once: the feature plugins leave the reporting to the validation plugin.
    lines = [line for line in conversion_build.output.splitlines() if "block-bad-option-value.md:" in line]
    assert len(lines) == 1, lines


def test_the_strict_build_stops_before_writing_anything(conversion_build: Build) -> None:
    assert conversion_build.returncode != 0
    assert "nothing was written" in conversion_build.output
    assert "Traceback" not in conversion_build.output
    assert not conversion_build.site.exists() or not any(conversion_build.site.rglob("*"))


def test_a_clean_strict_build_converts_no_page_for_validation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The posts with blocks and FAQs are judged from the build's own conversion, not converted a second time."""
    project = copy_project(tmp_path / "project")
    converted: list[str] = []
    real = validation_blocks.render

    def counting_render(source, context):  # type: ignore[no-untyped-def]
        converted.append(source.shown)
        return real(source, context)

    monkeypatch.setattr(validation_blocks, "render", counting_render)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(project)
    config = load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs.commands.build.build(config)  # the plugins' on_shutdown runs at exit (therapy_site.project)
    assert (tmp_path / "site" / "blog" / "role-of-trust-in-therapy" / "index.html").is_file()
    assert converted == []


def test_a_bad_block_alone_still_fails_the_build_with_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    post = make_post("Intro.\n\n/// booking | Call us\n    variant: huge\n\nText.\n///\n", slug="only-one-mistake")
    (project / "docs" / "blog" / "posts" / "only-one-mistake.md").write_text(post, encoding="utf-8")
    build = run_build(project, strict=True)
    line = post.splitlines().index("    variant: huge") + 1
    assert build.returncode != 0
    assert ("docs/blog/posts/only-one-mistake.md", line, 1, "error", "block") in located(build.output)
    assert located(build.output) == located(run_check(project).stdout)
