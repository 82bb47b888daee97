"""Every scanner that once had its own patterns now reads the source map, and agrees with it (issue 26).

Each test is a page that one of the old scanners read differently from the renderer: code read as a block or
a heading, a setext heading missed, a front matter missed behind a byte order mark.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import markdown

from helpers import INDENTED_CODE_PAGE
from therapy_site.blocks import BlockProblem
from therapy_site.faq import find_faq_problems, split_front_matter
from therapy_site.faq.extension import faq_problem_line, source_headings
from therapy_site.guidance.prose import read_prose
from therapy_site.guidance.search import check_search
from therapy_site.guidance.trust import has_sources
from therapy_site.infographics.extension import InfographicProblem
from therapy_site.material.excerpts import Cut, cut_at_separator, text_problem
from therapy_site.sources import SourceMap, front_matter_key_line
from therapy_site.takeaways.extension import TakeawaysExtension
from therapy_site.validation.blocks import has_blocks
from therapy_site.validation.context import BlockKind
from therapy_site.validation.findings import Finding
from therapy_site.validation.headings import check_headings, headings
from therapy_site.validation.metadata import _social_image
from therapy_site.validation.source import SourceFile
from therapy_site.validation.structure import check_block_structure


def source_file(text: str, *, is_post: bool = False) -> SourceFile:
    source = SourceFile(Path("page.md"), "page.md", "page.md", text, is_post, body=text)
    source._parse_front_matter()
    return source


class Kinds:
    """The part of the check context the block-structure rule reads."""

    def block_kinds(self) -> dict[str, BlockKind]:
        return {"takeaways": BlockKind("takeaways", frozenset({"attrs"}), ours=True)}


def structure(text: str) -> list[tuple[int, str]]:
    found: Iterator[Finding] = check_block_structure(source_file(text), Kinds())  # type: ignore[arg-type]
    return [(finding.line, finding.rule) for finding in found]


def test_a_block_problem_is_placed_at_the_block_not_at_its_example_in_indented_code() -> None:
    problems: list[BlockProblem] = []
    converter = markdown.Markdown(extensions=[TakeawaysExtension(reporter=problems.append)])
    converter.convert(INDENTED_CODE_PAGE)
    assert [problem.located("page.md", INDENTED_CODE_PAGE).split(":")[1] for problem in problems] == ["9"]


def test_an_infographic_problem_is_placed_in_the_real_block_after_a_fenced_example() -> None:
    text = (
        "````md\n```\n/// infographic | Example\nitems:\n///\n````\n\n"
        "/// infographic | Steps\nlayout: steps\nitems:\n  - title: One\n///\n"
    )
    problem = InfographicProblem("infographic", 0, "bad items", path=("items",))
    assert problem.located("page.md", text).startswith("page.md:10: ")


def test_the_block_structure_rule_reads_blocks_where_the_map_does() -> None:
    # '~~~' inside a '~~~~' fence does not end it: the '/// takeaways' under it is code, not an unclosed block.
    assert structure("Intro.\n\n~~~~\n~~~\n/// takeaways\n~~~~\n") == []
    assert structure("Intro.\n\n    /// takeaways\n") == []
    assert structure("Intro.\n\n/// takeaways\n- a\n") == [(3, "block-unclosed")]


def test_an_option_after_a_blank_line_is_still_reported_although_markdown_reads_it_as_code() -> None:
    text = "Intro.\n\n/// takeaways\n\n    attrs: {class: x}\n\n- a\n///\n"
    assert structure(text) == [(5, "block-option-indent")]


def test_the_heading_rule_reads_setext_headings_and_skips_code() -> None:
    text = "# Title\n\n~~~\n# Not a heading\n~~~\n\n    # Not one either\n\nSecond title\n============\n"
    source = source_file(text)
    assert [(heading.line, heading.level, heading.text) for heading in headings(source)] == [
        (1, 1, "Title"),
        (9, 1, "Second title"),
    ]
    assert [(finding.line, finding.rule) for finding in check_headings(source, None)] == [(9, "heading-h1")]  # type: ignore[arg-type]


def test_the_faq_reads_the_same_headings_and_skips_a_longer_fence() -> None:
    text = "Intro.\n\n````md\n```\n## FAQ\n### Shown?\n````\n\nFAQ\n---\n\n### Real question?\n\n### Next?\n\nYes.\n"
    assert [(line, level) for line, level, _ in source_headings(text)] == [(9, 2), (12, 3), (14, 3)]
    assert faq_problem_line(text, ("FAQ",), 0, 0) == 12


def test_faq_false_is_read_behind_a_byte_order_mark_and_a_dots_terminator() -> None:
    text = "\ufeff---\nfaq: false\n...\n\n## FAQ\n\n### Unanswered?\n\n### Next?\n\nYes.\n"
    assert split_front_matter(text)[0] == {"faq": False}
    assert find_faq_problems(text, titles=("FAQ",)) == []
    assert find_faq_problems(text.replace("faq: false", "title: x"), titles=("FAQ",))[0][0] == 7


def test_the_check_reads_front_matter_keys_as_mkdocs_splits_the_page() -> None:
    text = "---\ntitle: Calm\n---\n\nreviewed_by: someone, in the body\n"
    source = source_file(text)
    assert source.key_line("reviewed_by") == 1 == front_matter_key_line(text, "reviewed_by")
    assert source.key_line("title") == 2 and source.body_start == 4


def test_the_social_image_rule_needs_a_real_infographic_block() -> None:
    text = "---\ntitle: Calm\nsocial_image: infographic\n---\n\n```md\n/// infographic | Example\n///\n```\n"
    assert [(finding.line, finding.rule) for finding in _social_image(source_file(text))] == [(3, "social-image")]
    real = text.replace("```md\n", "").replace("```\n", "")
    assert list(_social_image(source_file(real))) == []


def test_blocks_and_sources_sections_in_code_do_not_ask_for_a_conversion() -> None:
    assert not has_blocks(source_file("Intro.\n\n```\n/// takeaways\n## Sources\n```\n"))
    assert has_blocks(source_file("Intro.\n\nSources\n-------\n\n- [NHS](https://www.nhs.uk/)\n"))
    assert has_blocks(source_file("Intro.\n\n/// takeaways\n///\n"))


def test_excerpts_ask_the_map_where_fences_are() -> None:
    def problem(before: str) -> str | None:
        cut = cut_at_separator(f"{before}\n\n<!-- more -->\n\nText after.\n", "<!-- more -->")
        assert isinstance(cut, Cut)
        return text_problem(cut, "[TOC]")

    assert problem("Example:\n\n    ```\n    code\n    ```") is None
    assert problem("~~~\ncode\n~~~") == "a code fence before the separator"
    assert problem("/// takeaways\n- a") == "a /// block open at the separator"


def test_guidance_finds_a_sources_section_where_the_map_does() -> None:
    assert has_sources(SourceMap("Intro.\n\nSources\n-------\n\n- [NHS](https://www.nhs.uk/)\n"))
    assert has_sources(SourceMap("Intro.\n\n/// sources | Further reading\n- a\n///\n"))
    assert not has_sources(SourceMap("Intro.\n\n    ## Sources\n"))  # indented code, shown to the reader


def test_guidance_reads_setext_headings_and_skips_blocks_shown_in_code() -> None:
    text = "Intro text here.\n\nA section\n---------\n\n    /// infographic | Example\n\nMore text here.\n"
    blocks = [(block.kind, block.lines[0][0], block.reading) for block in read_prose(source_file(text)).blocks]
    assert blocks == [("paragraph", 1, True), ("heading", 3, True), ("paragraph", 8, True)]


def test_the_search_guidance_counts_h1_headings_where_the_map_does() -> None:
    source = source_file("---\ntitle: Calm\n---\n\nIntro.\n\n    # shown in code\n\nSecond\n======\n", is_post=True)
    lines = {key: source.key_line(key) for key in ("title", "description", "keyphrase", "last_reviewed")}
    found = check_search(source.shown, source.meta, lines, source.body_lines(), read_prose(source), "calm")
    assert [item.line for item in found if item.rule == "search-h1"] == [9]
