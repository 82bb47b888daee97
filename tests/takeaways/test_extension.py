"""Markdown-level tests of the ``/// takeaways`` block (plain Python-Markdown, no MkDocs)."""

from __future__ import annotations

import re
from textwrap import dedent

import markdown
import pytest
from lxml import html as lxml_html

from therapy_site.blocks import BlockProblem
from therapy_site.takeaways import TakeawaysExtension

ICON = re.compile(r'<span aria-hidden="true" class="ts-takeaways__icon">.*?</span>', re.DOTALL)


def convert(text: str, *extensions: object, **configs: dict) -> str:
    return markdown.markdown(dedent(text), extensions=list(extensions), extension_configs=configs)


def without_icon(rendered: str) -> str:
    """The HTML with the decorative icon reduced to a marker (the icon is checked on its own)."""
    return ICON.sub('<span aria-hidden="true" class="ts-takeaways__icon">ICON</span>', rendered)


def collecting_extension(**config: object) -> tuple[TakeawaysExtension, list[BlockProblem]]:
    problems: list[BlockProblem] = []
    return TakeawaysExtension(reporter=problems.append, **config), problems


def test_block_renders_labelled_section_heading_and_list_with_leads() -> None:
    rendered = convert(
        """
        /// takeaways
        - **Trust is the ground of therapy.** Clients hold back.
        - **Trust is built, not assumed.** Consistency grows it.
        ///
        """,
        "therapy_site.takeaways",
    )
    assert without_icon(rendered) == dedent(
        """\
        <section aria-labelledby="key-takeaways" class="ts-takeaways">
        <span aria-hidden="true" class="ts-takeaways__icon">ICON</span>
        <h2 class="ts-takeaways__title" id="key-takeaways">Key takeaways</h2>
        <ul>
        <li><strong class="ts-takeaways__lead">Trust is the ground of therapy.</strong> Clients hold back.</li>
        <li><strong class="ts-takeaways__lead">Trust is built, not assumed.</strong> Consistency grows it.</li>
        </ul>
        </section>"""
    )


def test_icon_is_decorative_svg_without_text() -> None:
    rendered = convert("/// takeaways\n- **A.** b\n///\n", "therapy_site.takeaways")
    (icon,) = lxml_html.fragment_fromstring(rendered).xpath("//span[contains(@class, 'ts-takeaways__icon')]")
    assert icon.get("aria-hidden") == "true"
    assert icon.xpath("./*[local-name()='svg']")
    assert icon.text_content().strip() == ""


def test_title_after_bar_and_ordered_loose_list() -> None:
    rendered = convert(
        """
        /// takeaways | In *short*
        1. **First.** One.

        2. Second, without a lead. **Bold later** is not a lead.
        ///
        """,
        "therapy_site.takeaways",
    )
    assert without_icon(rendered) == dedent(
        """\
        <section aria-labelledby="in-short" class="ts-takeaways">
        <span aria-hidden="true" class="ts-takeaways__icon">ICON</span>
        <h2 class="ts-takeaways__title" id="in-short">In <em>short</em></h2>
        <ol>
        <li>
        <p><strong class="ts-takeaways__lead">First.</strong> One.</p>
        </li>
        <li>
        <p>Second, without a lead. <strong>Bold later</strong> is not a lead.</p>
        </li>
        </ol>
        </section>"""
    )


def test_default_title_is_configurable_for_other_languages() -> None:
    rendered = convert("/// takeaways\n- **A.** b\n///\n", TakeawaysExtension(title="Das Wichtigste"))
    assert '<h2 class="ts-takeaways__title" id="das-wichtigste">Das Wichtigste</h2>' in rendered
    assert 'aria-labelledby="das-wichtigste"' in rendered


def test_toc_lists_heading_and_adds_permalink_whatever_the_extension_order() -> None:
    text = "/// takeaways\n- **A.** b\n///\n\n## Later\n"
    for extensions in (["toc", "therapy_site.takeaways"], ["therapy_site.takeaways", "toc"]):
        md = markdown.Markdown(extensions=extensions, extension_configs={"toc": {"permalink": True}})
        rendered = md.convert(text)
        assert [(token["id"], token["name"]) for token in md.toc_tokens] == [
            ("key-takeaways", "Key takeaways"),
            ("later", "Later"),
        ]
        assert (
            '<h2 class="ts-takeaways__title" id="key-takeaways">Key takeaways'
            '<a class="headerlink" href="#key-takeaways" title="Permanent link">&para;</a></h2>'
        ) in rendered


def test_two_blocks_and_a_same_named_heading_get_unique_ids() -> None:
    md = markdown.Markdown(extensions=["toc", "attr_list", "therapy_site.takeaways"])
    rendered = md.convert(
        dedent(
            """
            ## Key takeaways {#key-takeaways}

            /// takeaways
            - **A.** b
            ///

            /// takeaways
            - **C.** d
            ///

            ## Key takeaways
            """
        )
    )
    tree = lxml_html.fragment_fromstring(rendered, create_parent="div")
    ids = tree.xpath("//@id")
    assert ids == ["key-takeaways", "key-takeaways_1", "key-takeaways_2", "key-takeaways_3"]
    labels = tree.xpath("//section[@class='ts-takeaways']/@aria-labelledby")
    assert labels == ["key-takeaways_1", "key-takeaways_2"]


def test_same_markdown_instance_renders_identical_html_every_time() -> None:
    md = markdown.Markdown(extensions=["toc", "therapy_site.takeaways"], extension_configs={"toc": {"permalink": True}})
    text = "/// takeaways\n- **A.** b\n///\n\n/// takeaways | Again\n- **C.** d\n///\n"
    first = md.convert(text)
    second = md.convert(text)  # no md.reset(), as Material's blog does for excerpts
    third = md.reset().convert(text)
    assert first == second == third
    assert 'id="key-takeaways"' in first and 'id="again"' in first
    assert "_1" not in first


def test_works_alongside_pymdownx_html_blocks() -> None:
    rendered = convert(
        """
        /// html | div.wrapper
        /// takeaways
        - **A.** b
        ///
        ///
        """,
        "pymdownx.blocks.html",
        "therapy_site.takeaways",
    )
    tree = lxml_html.fragment_fromstring(rendered)
    assert tree.get("class") == "wrapper"
    assert tree.xpath("./section[@class='ts-takeaways']/ul/li/strong[@class='ts-takeaways__lead']")


@pytest.mark.parametrize(
    ("text", "occurrence", "expected"),
    [
        ("/// takeaways\n///\n", 0, "is empty"),
        ("/// takeaways\n- **A.** b\n///\n\n/// takeaways\nJust a paragraph.\n///\n", 1, "has no list"),
        ("/// takeaways\n    type: note\n\n- **A.** b\n///\n", 0, "unknown option 'type'"),
        ("/// takeaways\n    : [\n\n- **A.** b\n///\n", 0, "options could not be read"),
    ],
)
def test_problems_are_reported_with_their_occurrence(text: str, occurrence: int, expected: str) -> None:
    extension, problems = collecting_extension()
    md = markdown.Markdown(extensions=[extension])
    md.convert(text)
    assert [(problem.block, problem.occurrence) for problem in problems] == [("takeaways", occurrence)]
    assert expected in problems[0].message
    assert md.therapy_block_problems == problems


def test_valid_blocks_report_nothing_and_problems_reset_per_document() -> None:
    extension, problems = collecting_extension()
    md = markdown.Markdown(extensions=[extension])
    md.convert("/// takeaways\n///\n")
    assert len(problems) == 1
    md.convert("/// takeaways\n- **A.** b\n///\n")
    assert md.therapy_block_problems == []
    assert len(problems) == 1
