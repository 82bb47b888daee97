"""``html-markdown``: Markdown inside an HTML block is reported exactly where the site's Markdown prints it as typed."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from therapy_site.engine.settings import STANDARD_EXTENSIONS
from therapy_site.validation.pitfalls import check_markdown_pitfalls
from therapy_site.validation.source import SourceFile

# The extensions that decide what happens to HTML blocks, as the engine configures them for every site.
RENDER_EXTENSIONS = ["md_in_html", "attr_list", "pymdownx.superfences"]

# (body, the text that shows as typed if the block is passed through as HTML)
REPORTED = [
    ('<div class="note">\nRead the **cancellation policy** first.\n</div>\n', "**cancellation policy**"),
    ("<p>Sessions are *confidential*.</p>\n", "*confidential*"),
    ("<details>\n<summary>Fees</summary>\n\n- £70 a session\n</details>\n", "- £70 a session"),
    ("<div>\n<div>\ninner\n</div>\nSee [the fees](fees.md).\n</div>\n", "[the fees](fees.md)"),
    ("<section>\n## How I work\n</section>\n", "## How I work"),
]
NOT_REPORTED = [
    '<div class="note" markdown>\nRead the **cancellation policy** first.\n</div>\n',
    '<div markdown="1">\n- £70 a session\n</div>\n',
    '<div markdown="0">Shown as typed: **stars**.</div>\n',
    '<div class="note">\nPlain words, and 2 * 3 * 4.\n</div>\n',
    "<figure>\n<figcaption>HTML code: <code>**not bold**</code></figcaption>\n</figure>\n",
    "<span>Inline HTML in a paragraph: **converted**</span>\n",
    "```html\n<div>\n**in a code sample**\n</div>\n```\n",
    "<div>Closed here.</div>\n\n**Converted** after the block.\n",
]


def findings(tmp_path: Path, body: str) -> list[tuple[int, int]]:
    path = tmp_path / "post.md"
    path.write_text("---\ntitle: A post\n---\n\n" + body, encoding="utf-8")
    source = SourceFile.read(path, "docs/blog/posts/post.md", "blog/posts/post.md", True)
    return [(item.line, item.column) for item in check_markdown_pitfalls(source, None) if item.rule == "html-markdown"]


def test_the_engine_converts_html_blocks_as_these_tests_do() -> None:
    names = {name for name, _options in STANDARD_EXTENSIONS}
    assert set(RENDER_EXTENSIONS) <= names


@pytest.mark.parametrize(("body", "typed"), REPORTED)
def test_markdown_printed_as_typed_is_reported_at_its_place(tmp_path: Path, body: str, typed: str) -> None:
    assert typed in markdown.markdown(body, extensions=RENDER_EXTENSIONS), "the renderer converted it after all"
    ((line, column),) = findings(tmp_path, body)
    text = ("---\ntitle: A post\n---\n\n" + body).splitlines()[line - 1]
    assert text[column - 1 :].startswith(typed.strip())


@pytest.mark.parametrize("body", NOT_REPORTED)
def test_html_the_renderer_handles_as_meant_is_not_reported(tmp_path: Path, body: str) -> None:
    assert findings(tmp_path, body) == []
