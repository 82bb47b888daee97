"""Issue 26, one reading of the source: both gates place a mistake where the page's source map puts it.

Each page below once fooled one of the hand-written scanners the source map replaced (code read as a block
or a heading, a setext heading not read as one, a block in code counted as the page's block). One copy of the
site holds them all; ``therapy-site check`` and the strict build must report the same file:line.
"""

from __future__ import annotations

import subprocess

import pytest
from corpus_support import located, run_check

from helpers import INDENTED_CODE_PAGE, Build, copy_project, make_post, run_build

Gates = tuple[subprocess.CompletedProcess[str], Build]  # what check printed, what the strict build printed


FOUR_BACKTICK_FENCE = """Intro paragraph for the reader, long enough to be a paragraph.

````markdown
```
# Not a second title
/// takeaways
````

Closing paragraph.
"""

FAQ_AFTER_AN_EXAMPLE = """Intro paragraph for the reader, long enough to be a paragraph.

````markdown
```
## FAQ
### A question shown as an example?
````

## FAQ

### Is it confidential?

### How long is a session?

Fifty minutes.
"""

SETEXT_SECOND_TITLE = """Intro paragraph for the reader, long enough to be a paragraph.

A second title
==============

More text.
"""

INFOGRAPHIC_ONLY_IN_CODE = """Intro paragraph for the reader, long enough to be a paragraph.

~~~markdown
/// infographic | An example
layout: steps
///
~~~
"""

PAGES = {
    "docs/indented-code.md": INDENTED_CODE_PAGE,
    "docs/blog/posts/four-backticks.md": make_post(FOUR_BACKTICK_FENCE, slug="four-backticks"),
    "docs/blog/posts/faq-after-example.md": make_post(FAQ_AFTER_AN_EXAMPLE, slug="faq-after-example"),
    "docs/blog/posts/setext-title.md": make_post(SETEXT_SECOND_TITLE, slug="setext-title"),
    "docs/blog/posts/infographic-in-code.md": make_post(
        INFOGRAPHIC_ONLY_IN_CODE, slug="infographic-in-code", extra="social_image: infographic\n"
    ),
}


def line_of(path: str, text: str) -> int:
    """The 1-based line of the first line of ``path``'s page that starts with ``text``."""
    lines = PAGES[path].splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(text))


@pytest.fixture(scope="module")
def gates(tmp_path_factory: pytest.TempPathFactory) -> Gates:
    project = copy_project(tmp_path_factory.mktemp("source-map") / "project")
    for path, text in PAGES.items():
        (project / path).write_text(text, encoding="utf-8")
    return run_check(project), run_build(project, strict=True)


def findings(output: str, path: str) -> set[tuple[int, str, str]]:
    return {(line, severity, rule) for where, line, _column, severity, rule in located(output) if where == path}


def outputs(gates: Gates) -> list[str]:
    check, build = gates
    assert "Traceback" not in check.stdout + check.stderr + build.output
    assert check.returncode == 1 and build.returncode != 0
    return [check.stdout, build.output]


def test_a_block_shown_in_indented_code_is_not_the_page_block(gates: Gates) -> None:
    for output in outputs(gates):
        found = findings(output, "docs/indented-code.md")
        assert (9, "error", "block") in found, found
        assert not any(line in {3, 4, 5} for line, _, _ in found), found


def test_a_longer_fence_holds_shorter_fence_lines(gates: Gates) -> None:
    for output in outputs(gates):
        found = findings(output, "docs/blog/posts/four-backticks.md")
        assert not [item for item in found if item[1] == "error"], found


def test_an_faq_shown_in_code_does_not_move_the_real_one(gates: Gates) -> None:
    path = "docs/blog/posts/faq-after-example.md"
    question = line_of(path, "### Is it confidential?")
    for output in outputs(gates):
        found = findings(output, path)
        assert (question, "error", "faq") in found, found
        assert not [item for item in found if item[2] == "faq" and item[0] != question], found


def test_a_setext_second_title_is_a_second_title(gates: Gates) -> None:
    path = "docs/blog/posts/setext-title.md"
    for output in outputs(gates):
        assert (line_of(path, "A second title"), "error", "heading-h1") in findings(output, path)


def test_an_infographic_only_in_code_is_no_infographic(gates: Gates) -> None:
    path = "docs/blog/posts/infographic-in-code.md"
    for output in outputs(gates):
        assert (line_of(path, "social_image:"), "error", "social-image") in findings(output, path)
