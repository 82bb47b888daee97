"""``list-marker`` and ``link-space``: lists and links other editors show, reported where the site's Markdown prints
them as typed."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from therapy_site.engine.settings import STANDARD_EXTENSIONS
from therapy_site.validation.pitfalls import check_markdown_pitfalls
from therapy_site.validation.source import SourceFile

FRONT = "---\ntitle: A post\n---\n\n"
EXTENSIONS = [name for name, _options in STANDARD_EXTENSIONS if name != "toc"]

# (body, rule, line in the body, column, what the renderer prints as typed)
REPORTED = [
    ("Steps:\n\n1) Breathe out slowly\n2) Feel your feet\n", "list-marker", 3, 1, "1) Breathe out slowly"),
    ("What helps:\n\n• Breathing out\n• A short walk\n", "list-marker", 3, 1, "• Breathing out"),
    ("What helps:\n\n– Breathing out\n– A short walk\n", "list-marker", 3, 1, "– Breathing out"),
    ("-Breathing out\n-A short walk\n", "list-marker", 1, 1, "-Breathing out"),
    ("See [the NHS] (https://www.nhs.uk/) today.\n", "link-space", 1, 5, "[the NHS] (https://www.nhs.uk/)"),
    ("![A calm sea] (../../assets/sea.webp)\n", "link-space", 1, 1, "![A calm sea] (../../assets/sea.webp)"),
]
NOT_REPORTED = [
    "Steps:\n\n1. Breathe out slowly\n2. Feel your feet\n",
    "- Breathing out\n- A short walk\n",
    "A quotation.\n\n— Carl Rogers\n",
    "Two reasons:\n1) cost, and 2) distance.\n",
    "• One line that reads as typed.\n",
    "*Breathing* helps.\n*Walking* too.\n",
    "It was cold:\n-5 degrees\n-7 at night\n",
    "Call us:\n+44 117 496 0123\n+44 7700 900123\n",
    "As one client said [sic] (2019), it helps.\n",
    "See [the NHS](https://www.nhs.uk/) today.\n",
    "```text\n1) in a code sample\n2) too\n```\n",
]


def findings(tmp_path: Path, body: str) -> list[tuple[str, int, int]]:
    path = tmp_path / "post.md"
    path.write_text(FRONT + body, encoding="utf-8")
    source = SourceFile.read(path, "docs/blog/posts/post.md", "blog/posts/post.md", True)
    rules = {"list-marker", "link-space", "list-blank-line", "list-indent"}
    offset = FRONT.count("\n")
    return [(item.rule, item.line - offset, item.column) for item in check_markdown_pitfalls(source, None)
            if item.rule in rules]


@pytest.mark.parametrize(("body", "rule", "line", "column", "typed"), REPORTED)
def test_printed_as_typed_and_reported_at_its_place(
    tmp_path: Path, body: str, rule: str, line: int, column: int, typed: str
) -> None:
    rendered = markdown.markdown(body, extensions=EXTENSIONS)
    assert typed in rendered and "<li>" not in rendered and "<a " not in rendered and "<img" not in rendered
    assert findings(tmp_path, body) == [(rule, line, column)]


@pytest.mark.parametrize("body", NOT_REPORTED)
def test_lists_links_and_text_that_come_out_as_meant_are_not_reported(tmp_path: Path, body: str) -> None:
    assert findings(tmp_path, body) == []
