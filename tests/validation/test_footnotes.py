"""Footnotes: a marker without its note and a note without its marker, as the site's Markdown shows them."""

from __future__ import annotations

from pathlib import Path

import markdown
from lxml import html as lxml_html

from therapy_site.engine.settings import STANDARD_EXTENSIONS
from therapy_site.validation.link_syntax import check_link_syntax
from therapy_site.validation.source import SourceFile

FRONT = "---\ntitle: A post\n---\n\n"


def findings(tmp_path: Path, body: str) -> list[tuple[str, int, int]]:
    path = tmp_path / "post.md"
    path.write_text(FRONT + body, encoding="utf-8")
    source = SourceFile.read(path, "docs/blog/posts/post.md", "blog/posts/post.md", True)
    return [(item.rule, item.line, item.column) for item in check_link_syntax(source, None)]


def rendered(body: str) -> str:
    assert "footnotes" in {name for name, _options in STANDARD_EXTENSIONS}
    return markdown.markdown(body, extensions=["footnotes"])


def test_a_marker_without_its_note_is_printed_as_typed_and_reported(tmp_path: Path) -> None:
    body = "Breathing helps.[^nhs]\n"
    assert "[^nhs]" in rendered(body)
    assert findings(tmp_path, body) == [("footnote-undefined", 5, 17)]


def test_a_note_without_its_marker_links_back_to_nowhere_and_is_reported(tmp_path: Path) -> None:
    body = "Breathing helps.[^1]\n\n[^1]: NHS.\n[^2]: NICE.\n"
    page = lxml_html.fromstring(rendered(body))
    anchors = {element.get("id") for element in page.iter() if element.get("id")}
    back_links = {link.get("href")[1:] for link in page.find_class("footnote-backref")}
    assert back_links - anchors == {"fnref:2"}
    assert findings(tmp_path, body) == [("footnote-unused", 8, 1)]


def test_footnotes_used_as_meant_are_not_reported_nor_taken_for_links(tmp_path: Path) -> None:
    body = "Breathing helps.[^1] Walking too.[^1] See [the fees][fees].\n\n[^1]: NHS, a page.\n[fees]: fees.md\n"
    assert "[^1]" not in rendered(body)
    assert findings(tmp_path, body) == []
