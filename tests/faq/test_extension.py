"""The FAQ Markdown extension in plain Python-Markdown: detection, marking, extraction, problems."""

from __future__ import annotations

import textwrap

import markdown
import pytest

from therapy_site.faq import FaqExtension, FaqProblem, extract_faq, find_faq_problems

PAGE_URL = "https://site.example/blog/a-post/"


def convert(source: str, *, toc: bool = False, **config: object) -> tuple[str, list[FaqProblem]]:
    problems: list[FaqProblem] = []
    extensions: list[object] = ["attr_list", FaqExtension(reporter=problems.append, **config)]
    configs = {}
    if toc:
        extensions.insert(0, "toc")
        configs = {"toc": {"permalink": True}}
    html = markdown.Markdown(extensions=extensions, extension_configs=configs).convert(textwrap.dedent(source))
    return html, problems


def test_faq_section_is_wrapped_into_items_of_question_and_answer() -> None:
    html, problems = convert(
        """\
        Intro.

        ## FAQ

        Before the questions.

        ### Is it *safe*?

        Yes.

        - one
        - two

        ### Second?

        Answer two.

        ## After

        Text.
        """
    )
    assert problems == []
    assert html == textwrap.dedent(
        """\
        <p>Intro.</p>
        <section class="ts-faq">
        <h2>FAQ</h2>
        <p>Before the questions.</p>
        <div class="ts-faq__item">
        <h3 class="ts-faq__question">Is it <em>safe</em>?</h3>
        <div class="ts-faq__answer">
        <p>Yes.</p>
        <ul>
        <li>one</li>
        <li>two</li>
        </ul>
        </div>
        </div>
        <div class="ts-faq__item">
        <h3 class="ts-faq__question">Second?</h3>
        <div class="ts-faq__answer">
        <p>Answer two.</p>
        </div>
        </div>
        </section>
        <h2>After</h2>
        <p>Text.</p>"""
    )


@pytest.mark.parametrize(
    "title", ["FAQ", "FAQs", "faqs", "Frequently Asked Questions", "frequently asked   QUESTIONS", "FAQ {#questions}"]
)
def test_configured_titles_match_case_insensitively_and_trimmed(title: str) -> None:
    html, _ = convert(f"## {title}\n\n### Why?\n\nBecause.\n")
    faq = extract_faq(html)
    assert faq is not None
    assert [(item.question, item.answer_text) for item in faq.items] == [("Why?", "Because.")]


@pytest.mark.parametrize(
    "title",
    ["Frequently asked questions about sleep are coming soon", "Our FAQ", "FAQ and more", "Questions"],
)
def test_a_heading_that_only_mentions_faqs_is_not_an_faq(title: str) -> None:
    html, problems = convert(f"## {title}\n\n### Why?\n\nBecause.\n")
    assert "ts-faq" not in html
    assert extract_faq(html) is None
    assert problems == []


def test_an_faq_h3_or_h1_does_not_start_a_section() -> None:
    html, _ = convert("# FAQ\n\n### Why?\n\nBecause.\n\n### FAQ\n\nText.\n")
    assert "ts-faq" not in html


def test_custom_titles_replace_the_defaults() -> None:
    html, _ = convert("## Questions and answers\n\n### Why?\n\nBecause.\n", titles=["Questions and answers"])
    assert extract_faq(html) is not None
    html, _ = convert("## FAQ\n\n### Why?\n\nBecause.\n", titles=["Questions and answers"])
    assert extract_faq(html) is None


def test_permalink_anchor_is_not_part_of_the_title_or_question() -> None:
    html, _ = convert("## FAQ\n\n### Is it *really* safe?\n\nYes.\n", toc=True)
    assert 'class="headerlink"' in html
    faq = extract_faq(html)
    assert faq is not None
    assert faq.title == "FAQ"
    assert faq.items[0].question == "Is it really safe?"
    assert faq.items[0].id == "is-it-really-safe"
    assert 'aria-labelledby="faq"' in html


def test_answer_ends_at_next_question_and_section_ends_at_next_h2() -> None:
    html, _ = convert(
        """\
        ## FAQ

        ### One?

        First answer.

        #### A detail

        Still the first answer.

        ### Two?

        Second answer.

        ## Afterwards

        Not an answer.
        """
    )
    faq = extract_faq(html)
    assert faq is not None
    assert [(item.question, item.answer_text) for item in faq.items] == [
        ("One?", "First answer. A detail Still the first answer."),
        ("Two?", "Second answer."),
    ]


def test_answer_html_keeps_only_what_google_allows_and_links_become_absolute() -> None:
    html, problems = convert(
        """\
        ## Frequently Asked Questions

        ### Can I "book" & pay — café-style? 😀

        *Yes* and **now**: see [our fees](../../services/?tab=fees&amp;x=1#cost), run `a < b && c`
        or <span class="note">ask</span>.

        1. Naïve first step
        2. Second step with <kbd>Ctrl</kbd>

        > A quoted line.
        """
    )
    assert problems == []
    faq = extract_faq(html, PAGE_URL)
    assert faq is not None
    (item,) = faq.items
    assert item.question == 'Can I "book" & pay — café-style? 😀'
    assert (
        item.answer_html
        == (
            '<p><em>Yes</em> and <strong>now</strong>: see <a href="https://site.example/services/?tab=fees&amp;x=1#cost">'
            "our fees</a>, run a &lt; b &amp;&amp; c\nor ask.</p>\n"
            "<ol>\n<li>Naïve first step</li>\n<li>Second step with Ctrl</li>\n</ol>\n"
            "\n<p>A quoted line.</p>\n"
        ).strip()
    )
    assert item.answer_text == (
        "Yes and now: see our fees, run a < b && c or ask. Naïve first step Second step with Ctrl A quoted line."
    )


def test_the_same_markdown_instance_keeps_no_state_between_documents() -> None:
    """Material's blog re-renders posts for listings with one reused Markdown instance."""
    problems: list[FaqProblem] = []
    md = markdown.Markdown(extensions=["toc", FaqExtension(reporter=problems.append)])
    with_faq = "## FAQ\n\n### Why?\n\nBecause.\n"
    empty_faq = "## FAQ\n\nNothing yet.\n"
    first = md.convert(with_faq)
    md.convert(empty_faq)
    assert md.therapy_faq_problems == [problems[0]]
    assert md.convert("## Other\n\nText.\n").count("ts-faq") == 0
    assert md.therapy_faq_problems == []
    assert md.convert(with_faq) == first


def test_a_second_faq_section_is_a_problem_and_stays_unmarked() -> None:
    html, problems = convert("## FAQ\n\n### One?\n\nYes.\n\n## FAQs\n\n### Two?\n\nNo.\n")
    assert html.count('class="ts-faq"') == 1
    assert [problem.occurrence for problem in problems] == [1]
    assert "only one FAQ section" in problems[0].message


FAQ_SOURCE = """\
---
title: A post
description: Something.
---

Intro paragraph.

```markdown
## FAQ
```

## Frequently Asked Questions

Nothing here yet.

## Next section

Text.
"""


def test_find_faq_problems_reports_an_empty_faq_section_with_its_line() -> None:
    expected_line = FAQ_SOURCE.splitlines().index("## Frequently Asked Questions") + 1
    problems = find_faq_problems(FAQ_SOURCE)
    assert len(problems) == 1
    line, message = problems[0]
    assert line == expected_line
    assert "no questions" in message and "Frequently Asked Questions" in message


def test_find_faq_problems_reports_a_question_without_answer_on_its_line() -> None:
    source = "---\ntitle: x\n---\n\n## FAQ\n\n### Answered?\n\nYes.\n\n### Unanswered?\n\n## After\n"
    problems = find_faq_problems(source)
    assert problems == [(source.splitlines().index("### Unanswered?") + 1, problems[0][1])]
    assert "Unanswered?" in problems[0][1]


def test_find_faq_problems_is_quiet_for_good_pages_and_opted_out_pages() -> None:
    assert find_faq_problems("## FAQ\n\n### Why?\n\nBecause.\n") == []
    assert find_faq_problems(FAQ_SOURCE.replace("description: Something.", "faq: false")) == []


def test_find_faq_problems_uses_the_given_titles() -> None:
    assert find_faq_problems(FAQ_SOURCE, titles=["Questions"]) == []
    source = FAQ_SOURCE.replace("Frequently Asked Questions", "Questions")
    assert [line for line, _ in find_faq_problems(source, titles=["Questions"])] == [
        source.splitlines().index("## Questions") + 1
    ]


def test_faq_problem_locates_itself_for_the_build_reporter() -> None:
    _, problems = convert("## FAQ\n\nNothing.\n")
    assert problems[0].located("docs/x.md", "---\na: b\n---\n\n## FAQ\n\nNothing.\n").startswith("docs/x.md:5: FAQ: ")


def test_a_block_of_its_own_after_the_last_answer_ends_the_faq() -> None:
    """Other features append blocks (e.g. the booking invitation) to a post; they are no answer."""
    source = "## FAQ\n\n### Why?\n\nBecause.\n\n/// html | section\n\n## Book now\n\nCall us.\n///\n"
    html = markdown.Markdown(extensions=["pymdownx.blocks.html", FaqExtension()]).convert(source)
    faq = extract_faq(html)
    assert faq is not None
    assert [(item.question, item.answer_text) for item in faq.items] == [("Why?", "Because.")]
    assert html.index("</section>") < html.index("Book now")


def test_find_faq_problems_locates_setext_headings() -> None:
    source = "---\ntitle: x\n---\n\nIntro.\n\nFAQ\n---\n\nNothing yet.\n"
    assert [line for line, _ in find_faq_problems(source)] == [source.splitlines().index("FAQ") + 1]
