"""The parser-guided editor changes the attributes it is asked to change and not one byte more."""

from __future__ import annotations

import pytest

from therapy_site.material.editor import MarkupEditError, MarkupEditor, read_start_tag

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"></head>
<body>
<svg viewBox="0 0 24 24"><path d="M0 0h24"/></svg>
<div
   class="wide"
   title='a &amp; b' data-x=1>
<p><b class="x">one</b><b class="x">two</b></p>
<label hidden for="missing">x</label>
</div>
</body></html>
"""


def test_untouched_page_comes_back_byte_for_byte() -> None:
    assert MarkupEditor(PAGE).result() == PAGE


def test_a_start_tag_written_over_several_lines_is_found() -> None:
    editor = MarkupEditor(PAGE)
    (div,) = editor.root.xpath("//div")
    editor.set_attribute(div, "id", "main")
    editor.drop_attribute(div, "data-x")
    assert editor.result() == PAGE.replace("title='a &amp; b' data-x=1>", "title='a &amp; b' id=\"main\">")


def test_attribute_values_are_compared_unescaped_and_replaced_in_place() -> None:
    editor = MarkupEditor(PAGE)
    (div,) = editor.root.xpath("//div[@title='a & b']")
    editor.set_attribute(div, "title", 'say "hi"')
    assert 'title="say &quot;hi&quot;" data-x=1>' in editor.result()


def test_identical_tags_on_one_line_are_told_apart_by_position() -> None:
    editor = MarkupEditor(PAGE)
    second = editor.root.xpath("//b")[1]
    editor.set_attribute(second, "id", "two")
    assert '<b class="x">one</b><b class="x" id="two">two</b>' in editor.result()


def test_bare_attribute_gets_a_value_and_attributes_can_go() -> None:
    editor = MarkupEditor(PAGE)
    (label,) = editor.root.xpath("//label")
    editor.set_attribute(label, "hidden", "until-found")
    editor.drop_attribute(label, "for")
    assert '<label hidden="until-found">x</label>' in editor.result()


def test_content_is_replaced_between_the_tags() -> None:
    editor = MarkupEditor(PAGE)
    (paragraph,) = editor.root.xpath("//p")
    assert editor.inner_html(paragraph) == '<b class="x">one</b><b class="x">two</b>'
    editor.replace_inner_html(paragraph, "new")
    assert "<p>new</p>" in editor.result()
    assert '<path d="M0 0h24"/>' in editor.result(), "SVG stays as written (lxml would write <path></path>)"


def test_an_element_not_in_the_text_is_an_error_not_a_guess() -> None:
    editor = MarkupEditor(PAGE)
    (label,) = MarkupEditor(PAGE.replace("<label hidden", "<label lang=en hidden")).root.xpath("//label")
    with pytest.raises(MarkupEditError):
        editor.drop_attribute(label, "for")


def test_start_tag_reader() -> None:
    text = """<a href="x>y" data-n='1' hidden/>"""
    tag = read_start_tag(text, 0)
    assert tag is not None and tag.end == len(text)
    assert tag.values() == {"href": "x>y", "data-n": "1", "hidden": ""}
    assert read_start_tag("< a>", 0) is None
