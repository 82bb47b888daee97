"""``admonition-indent``: a note box whose text is not indented by 4 spaces, reported where the site's Markdown prints
the box empty (or with its title only) and the text after it."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from lxml import html as lxml_html

from therapy_site.engine.settings import STANDARD_EXTENSIONS
from therapy_site.validation.pitfalls import check_markdown_pitfalls
from therapy_site.validation.source import SourceFile

RENDER_EXTENSIONS = ["admonition", "pymdownx.details", "pymdownx.superfences"]
FRONT = "---\ntitle: A post\n---\n\n"

REPORTED = [
    "!!! warning\nIf you are in crisis, call 999.\n",
    '!!! warning "In a crisis"\n  If you are in crisis, call 999.\n',
    '??? question "Is the first call free?"\nYes, it is.\n',
    "???+ note\n\nThe first call is free.\n",
    "!!! tip\n\n   Three spaces are not four.\n",
]
NOT_REPORTED = [
    "!!! warning\n    If you are in crisis, call 999.\n",
    '!!! warning "In a crisis"\n\n    If you are in crisis, call 999.\n',
    '!!! tip "Call 999 in an emergency"\n\nThe next paragraph of the page.\n',
    "```text\n!!! warning\nShown as code.\n```\n",
]


def findings(tmp_path: Path, body: str) -> list[int]:
    path = tmp_path / "post.md"
    path.write_text(FRONT + body, encoding="utf-8")
    source = SourceFile.read(path, "docs/blog/posts/post.md", "blog/posts/post.md", True)
    return [item.line for item in check_markdown_pitfalls(source, None) if item.rule == "admonition-indent"]


def text_outside_the_box(body: str) -> str:
    """The words the renderer prints after the box instead of in it."""
    page = lxml_html.fragment_fromstring(markdown.markdown(body, extensions=RENDER_EXTENSIONS), create_parent=True)
    for box in [*page.find_class("admonition"), *page.iter("details")]:
        box.getparent().remove(box)
    return page.text_content().strip()


def test_the_engine_writes_every_page_with_these_extensions() -> None:
    assert set(RENDER_EXTENSIONS) <= {name for name, _options in STANDARD_EXTENSIONS}


@pytest.mark.parametrize("body", REPORTED)
def test_a_box_whose_text_falls_out_of_it_is_reported_at_the_text(tmp_path: Path, body: str) -> None:
    outside = text_outside_the_box(body)
    assert outside, "the renderer put the text in the box after all"
    (line,) = findings(tmp_path, body)
    assert (FRONT + body).splitlines()[line - 1].strip() == outside.splitlines()[0]


@pytest.mark.parametrize("body", NOT_REPORTED)
def test_boxes_written_as_meant_are_not_reported(tmp_path: Path, body: str) -> None:
    assert findings(tmp_path, body) == []
