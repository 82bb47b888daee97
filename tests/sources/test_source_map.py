"""The source map: one reading of a page's front matter, code, ``///`` blocks and headings (issue 26)."""

from __future__ import annotations

import subprocess
import sys

import markdown

from therapy_site.sources import SourceMap, front_matter_key_line

# What the site's Markdown is converted with, for the tests that compare the map with the renderer.
RENDER_EXTENSIONS = ["pymdownx.superfences", "pymdownx.blocks.admonition", "attr_list", "toc"]


def test_front_matter_span_and_key_lines() -> None:
    source_map = SourceMap("---\ntitle: Calm\n'slug': calm\ntags:\n  - a\n---\n\nBody\n")
    assert source_map.front_matter is not None
    assert source_map.front_matter.end == 6 and source_map.body_start == 7
    assert source_map.front_matter.keys == {"title": 2, "slug": 3, "tags": 4}
    assert source_map.key_line("tags") == 4 and source_map.key_line("missing") == 1


def test_front_matter_may_end_with_dots_and_follow_a_byte_order_mark() -> None:
    source_map = SourceMap("\ufeff---\ntitle: Calm\n...\n# Heading\n")
    assert source_map.front_matter is not None and source_map.front_matter.end == 3
    assert [(heading.line, heading.text) for heading in source_map.headings] == [(4, "Heading")]
    assert front_matter_key_line("\ufeff---\ntitle: Calm\n...\n", "title") == 2


def test_a_key_mentioned_in_the_body_is_not_a_front_matter_key() -> None:
    text = "---\ntitle: Calm\n---\n\ndate: in the body\n"
    assert front_matter_key_line(text, "date") == 1
    # An unclosed front matter is no front matter for MkDocs: its lines are body text, none is a key.
    unclosed = "---\ntitle: Calm\n\ndate: 2025-01-01\n"
    assert SourceMap(unclosed).front_matter is None and front_matter_key_line(unclosed, "date") == 1
    assert (4, "date: 2025-01-01") in SourceMap(unclosed).body_lines()


def test_backtick_and_tilde_fences_of_any_length() -> None:
    text = "````md\n```\n/// takeaways\n```\n````\n\n~~~\n```\n# not a heading\n~~~\n\n# Heading\n"
    source_map = SourceMap(text)
    assert [(fence.start, fence.end, fence.marker) for fence in source_map.fences] == [(1, 5, "````"), (7, 10, "~~~")]
    assert source_map.blocks == [] and [heading.line for heading in source_map.headings] == [12]
    assert [number for number, _ in source_map.body_lines()] == [6, 11, 12]


def test_a_shorter_or_other_fence_does_not_close_and_an_unclosed_fence_runs_to_the_end() -> None:
    source_map = SourceMap("~~~~\n~~~\n```\n~~~~~\n\n```\n## in code\n")
    assert [(fence.start, fence.end, fence.closed) for fence in source_map.fences] == [(1, 4, True), (6, 7, False)]
    assert source_map.headings == []


def test_fences_indented_up_to_three_spaces_or_inside_a_list_item() -> None:
    source_map = SourceMap("   ```\n   # code\n   ```\n\n- item\n\n    ```\n    /// note\n    ```\n\nAfter\n")
    assert [(fence.start, fence.end) for fence in source_map.fences] == [(1, 3), (7, 9)]
    assert source_map.indented_code == [] and source_map.block_lines == []


def test_indented_code_after_a_blank_line_but_not_under_a_list_or_a_paragraph() -> None:
    text = (
        "Intro\n\n    /// takeaways\n    ## code\n\n    more code\n\n"
        "Text\n    /// takeaways\n\n- item\n\n    continued\n"
    )
    source_map = SourceMap(text)
    assert [(code.start, code.end) for code in source_map.indented_code] == [(3, 6)]
    assert all(source_map.is_code(number) for number in (3, 4, 6)) and not source_map.is_code(9)
    assert source_map.headings == [] and source_map.blocks == []  # line 9 continues a paragraph (not a header)
    assert not source_map.is_code(13)  # a list item's continuation


def test_block_headers_closings_nesting_and_names() -> None:
    text = "//// tab | One\n/// Note | Title\nx\n///\n////\n\n/// takeaways\n- a\n\n///\n///\n"
    source_map = SourceMap(text)
    assert [(block.name, block.line, block.end, block.depth, block.arg) for block in source_map.blocks] == [
        ("tab", 1, 5, 0, "One"),
        ("note", 2, 4, 1, "Title"),
        ("takeaways", 7, 10, 0, None),
    ]
    assert [item.line for item in source_map.stray_closings] == [11]
    assert source_map.block_header_line("takeaways") == 7 and source_map.block_header_line("takeaways", 1) is None
    assert source_map.block_body(source_map.blocks[1]) == ["x"]


def test_a_block_inside_a_list_item_is_a_block() -> None:
    source_map = SourceMap("- item\n\n    /// note\n    text\n    ///\n")
    assert [(block.name, block.line, block.end) for block in source_map.blocks] == [("note", 3, 5)]


def test_atx_and_setext_headings_as_python_markdown_reads_them() -> None:
    text = "Title\n=====\n\n## Two ##\n\nOne line\ntwo lines\n---\n\nSub {#sub}\n---\n    ## indented: not a heading\n"
    source_map = SourceMap(text)
    found = [(heading.line, heading.level, heading.text, heading.setext) for heading in source_map.headings]
    assert found == [(1, 1, "Title", True), (4, 2, "Two", False), (10, 2, "Sub {#sub}", True)]
    rendered = markdown.markdown(text, extensions=RENDER_EXTENSIONS)
    assert rendered.count("<h1") == 1 and rendered.count("<h2") == 2 and "<hr" in rendered


def test_the_map_agrees_with_the_renderer_on_what_is_code() -> None:
    text = "Intro\n\n    /// note\n    x\n    ///\n\n````\n```\n/// note\n```\n````\n\n/// note\nreal\n///\n"
    rendered = markdown.markdown(text, extensions=RENDER_EXTENSIONS)
    assert rendered.count('class="admonition note"') == len(SourceMap(text).blocks) == 1


def test_without_front_matter_a_leading_rule_is_body() -> None:
    text = "---\ntitle: x\n---\n# A\n"
    assert SourceMap(text, front_matter=False).front_matter is None
    assert [heading.line for heading in SourceMap(text, front_matter=False).headings] == [4]


def test_crlf_and_cr_line_ends_count_as_one_line() -> None:
    source_map = SourceMap("---\r\ntitle: x\r\n---\r\n\r\n# A\r# B\n")
    assert source_map.key_line("title") == 2 and [heading.line for heading in source_map.headings] == [5, 6]


def test_the_source_map_imports_neither_mkdocs_nor_material() -> None:
    probe = (
        "import sys, therapy_site.sources; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('material', 'mkdocs')))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_an_indented_line_after_a_fence_continues_a_paragraph_but_after_a_heading_is_code() -> None:
    text = "```\na\n```\n    not code\n\n## H\n    code\n"
    assert [(code.start, code.end) for code in SourceMap(text).indented_code] == [(7, 7)]
    rendered = markdown.markdown(text, extensions=RENDER_EXTENSIONS)
    assert "<pre><code>code" in rendered and "not code</p>" in rendered


def test_option_lines_are_the_yaml_after_a_header_up_to_the_first_empty_line() -> None:
    text = (
        "/// infographic | Steps\nlayout: steps\nitems:\n  - title: One\n\n- a list item\n///\n\n"
        "/// takeaways\n\n- point\n///\n"
    )
    source_map = SourceMap(text, front_matter=False)
    assert source_map.option_lines() == {2, 3, 4}
