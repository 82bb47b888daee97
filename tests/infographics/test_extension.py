"""The ``/// infographic`` block in plain Python-Markdown: HTML cards, schema problems with file:line."""

from __future__ import annotations

import textwrap

import markdown
import pytest
from lxml import html as lxml_html

from therapy_site.infographics.extension import InfographicsExtension

TRUST_BLOCK = """\
## Barriers to trust

/// infographic | Four barriers to trust
layout: comparison
summary: Four things that slow trust down, and a way through each.
items:
  - title: Past betrayal
    icon: shield
    text: Old hurts make openness feel risky.
    remedy: Go at the client's pace.
  - title: Fear of judgement
    text: Worry about how you will be seen.
    remedy: Respond with steady warmth.
  - title: Stigma
    text: Shame about needing help at all.
    remedy: Treat seeking help as a strength.
  - title: Cultural distance
    text: Feeling misunderstood.
    remedy: Ask rather than assume.
source: Practice experience.
///

After the infographic.
"""


class Run:
    """One Markdown instance with our extension; records problems and render jobs."""

    def __init__(self) -> None:
        self.problems: list = []
        self.jobs: list = []
        extension = InfographicsExtension(
            reporter=self.problems.append,
            recorder=self.jobs.append,
            site_url="https://example.org",
            images_url="/assets/infographics/",
        )
        self.md = markdown.Markdown(extensions=["md_in_html", "toc", extension])

    def convert(self, text: str) -> str:
        self.md.reset()
        return self.md.convert(text)


def located(run: Run, source: str) -> list[str]:
    return [problem.located("docs/post.md", source) for problem in run.problems]


def line_of(source: str, fragment: str) -> int:
    """1-based line of the first line containing ``fragment`` (computed from the test's own source)."""
    return next(number for number, line in enumerate(source.splitlines(), 1) if fragment in line)


def test_cards_are_real_html_in_a_figure() -> None:
    run = Run()
    tree = lxml_html.fragment_fromstring(run.convert(TRUST_BLOCK), create_parent="div")
    (figure,) = tree.xpath("//figure")
    assert "ts-infographic" in figure.get("class")
    titles = figure.xpath(".//ul/li/h3/text()")
    assert titles == ["Past betrayal", "Fear of judgement", "Stigma", "Cultural distance"]
    remedies = [" ".join(p.text_content().split()) for p in figure.xpath(".//li/p[contains(@class, 'remedy')]")]
    assert remedies[0] == "What helps: Go at the client's pace."
    caption = figure.xpath("./figcaption")[0]
    assert figure.index(caption) == 0  # the caption (the title) opens the figure: read first, shown first
    assert " ".join(caption.text_content().split()) == "Four barriers to trust"
    credit = figure[-1]  # the source and the download link close it, after the cards
    assert credit.get("class") == "ts-infographic__credit" and figure.index(figure.xpath("./ul")[0]) < len(figure) - 1
    assert "Source: Practice experience." in " ".join(credit.text_content().split())
    (link,) = credit.xpath(".//a")
    assert link.text_content().startswith("Download image")
    assert link.get("href").startswith("/assets/infographics/") and link.get("href").endswith("-portrait.png")
    assert figure.get("data-pin-media") == "https://example.org" + link.get("href")
    assert figure.get("data-pin-description").startswith("Four barriers to trust: Four things")
    assert not figure.xpath(".//img"), "no text inside images on the page"
    assert figure.xpath(".//svg[@aria-hidden='true']"), "the shield icon is inlined and hidden from screen readers"
    assert tree.xpath("//p/text()")[-1] == "After the infographic."
    assert run.problems == []


def test_card_headings_follow_the_document_outline_and_stay_out_of_the_toc() -> None:
    run = Run()
    nested = TRUST_BLOCK.replace("## Barriers to trust", "## Barriers to trust\n\n### Four of them")
    tree = lxml_html.fragment_fromstring(run.convert(nested), create_parent="div")
    assert len(tree.xpath("//figure//h4")) == 4
    toc_names = [entry["name"] for entry in run.md.toc_tokens[0]["children"]]
    assert toc_names == ["Four of them"]
    assert run.md.toc_tokens[0]["children"][0]["children"] == []  # no card title, at any depth
    flat = Run()
    flat.convert(TRUST_BLOCK + "\n### After the cards\n")
    (section,) = flat.md.toc_tokens
    assert [entry["name"] for entry in section["children"]] == ["After the cards"]  # kept, not lost with the cards


def test_steps_use_an_ordered_list_and_stats_show_values() -> None:
    run = Run()
    steps = textwrap.dedent("""\
        /// infographic | Your first session
        layout: steps
        items:
          - title: Book
            text: Choose a time that suits you.
          - title: Talk
            text: We talk about what brings you.
        ///
        """)
    tree = lxml_html.fragment_fromstring(run.convert(steps), create_parent="div")
    assert tree.xpath("//figure/ol/li/h2/text()") == ["Book", "Talk"]
    stats = textwrap.dedent("""\
        /// infographic | Therapy in numbers
        layout: stats
        items:
          - title: Sessions a week
            value: 1
          - title: Minutes each
            value: "50"
        ///
        """)
    tree = lxml_html.fragment_fromstring(run.convert(stats), create_parent="div")
    assert tree.xpath("//figure//p[contains(@class, 'value')]/text()") == ["1", "50"]
    assert run.problems == []


def test_rendering_twice_gives_the_same_html_and_a_job_each_time() -> None:
    run = Run()
    first = run.convert(TRUST_BLOCK)
    second = run.convert(TRUST_BLOCK)
    assert first == second
    assert len(run.jobs) == 2 and run.jobs[0].key == run.jobs[1].key
    assert run.jobs[0].infographic.items[0].remedy == "Go at the client's pace."


def test_changing_the_data_changes_the_image_names() -> None:
    run = Run()
    run.convert(TRUST_BLOCK)
    run.convert(TRUST_BLOCK.replace("Ask rather than assume.", "Ask, do not assume."))
    assert run.jobs[0].key != run.jobs[1].key


def block(body: str) -> str:
    return f"Intro.\n\n/// infographic | A title\n{textwrap.dedent(body)}///\n"


CASES = {
    "unknown key": (
        """\
        layout: grid
        colour: red
        items:
          - title: One
            text: First.
          - title: Two
            text: Second.
        """,
        "colour: red",
        "colour: unknown key 'colour'",
    ),
    "unknown item key": (
        """\
        layout: grid
        items:
          - title: One
            text: First.
          - title: Two
            txt: Second.
        """,
        "txt: Second.",
        "items[2].txt: unknown key 'txt'",
    ),
    "wrong type": (
        """\
        layout: grid
        items:
          - title: One
            text: First.
          - title: [Two, Three]
            text: Second.
        """,
        "title: [Two, Three]",
        "items[2].title: must be text, not list",
    ),
    "too many items": (
        "layout: grid\nitems:\n" + "".join(f"  - title: Item {n}\n    text: Text {n}.\n" for n in range(9)),
        "items:",
        "items: has 9 items; an infographic needs 2 to 8",
    ),
    "too few items": (
        "layout: grid\nitems:\n  - title: Alone\n    text: Only one.\n",
        "items:",
        "items: has 1 items",
    ),
    "text too long": (
        """\
        layout: grid
        items:
          - title: One
            text: First.
          - title: Two
            text: Second.
          - title: Three
            text: """
        + "A very long sentence that keeps going. " * 6
        + "\n",
        "A very long sentence",
        "items[3].text: is 23",
    ),
    "word too long for the image": (
        """\
        layout: grid
        items:
          - title: One
            text: First.
          - title: Two
            text: Read https://example.org/a-very-long-unbroken-address-for-this-article-here
        """,
        "text: Read https://",
        "items[2].text: has a word too long",
    ),
    "remedy outside a comparison": (
        """\
        layout: steps
        items:
          - title: One
            text: First.
            remedy: Not here.
          - title: Two
            text: Second.
        """,
        "remedy: Not here.",
        "items[1].remedy: only items of a 'comparison'",
    ),
    "missing value in stats": (
        """\
        layout: stats
        items:
          - title: One
            value: 1
          - title: Two
        """,
        "  - title: Two",
        "items[2].value: is required",
    ),
    "unknown layout": (
        """\
        layout: circles
        items:
          - title: One
            text: First.
          - title: Two
            text: Second.
        """,
        "layout: circles",
        "layout: must be one of grid, comparison, steps, stats",
    ),
    "unknown icon": (
        """\
        layout: grid
        items:
          - title: One
            text: First.
            icon: unicorn
          - title: Two
            text: Second.
        """,
        "icon: unicorn",
        "items[1].icon: unknown icon 'unicorn'",
    ),
    "not YAML": (
        """\
        layout: grid
        items:
          - title: One
           text: [unclosed
        """,
        "text: [unclosed",
        "not valid YAML",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_schema_problems_name_the_key_and_its_line(case: str) -> None:
    body, line_fragment, message = CASES[case]
    source = "---\ntitle: A post\n---\n\n" + block(body)
    run = Run()
    output = run.convert(block(body))
    assert "<figure" not in output, "an invalid infographic is not shown half-done"
    assert run.jobs == [], "nothing to draw for an invalid infographic"
    messages = located(run, source)
    expected_line = line_of(source, line_fragment)
    matching = [text for text in messages if message in text]
    assert matching, messages
    assert matching[0].startswith(f"docs/post.md:{expected_line}: infographic block: "), (matching, expected_line)


def test_a_character_the_fonts_cannot_draw_is_named_with_its_line() -> None:
    body = """\
    layout: grid
    items:
      - title: Calm ✿ breathing
        text: Slow breaths.
      - title: Two
        text: Second.
    """
    source = block(body)
    run = Run()
    run.convert(source)
    (problem,) = run.problems
    assert problem.fatal
    text = problem.located("docs/post.md", source)
    assert text.startswith(f"docs/post.md:{line_of(source, 'Calm ✿')}: ")
    assert "'✿' (U+273F)" in text and "items[1].title" in text


def test_a_title_without_the_bar_is_a_problem_on_the_header_line() -> None:
    source = "Intro.\n\n/// infographic\nlayout: grid\n///\n"
    run = Run()
    run.convert(source)
    assert located(run, source)[0].startswith("docs/post.md:3: infographic block: needs a title")


def test_data_indented_under_the_header_works_like_a_body() -> None:
    indented = "\n".join(
        ("    " + line if line and not line.startswith(("///", "##", "After")) else line)
        for line in TRUST_BLOCK.splitlines()
    )
    run = Run()
    tree = lxml_html.fragment_fromstring(run.convert(indented), create_parent="div")
    assert len(tree.xpath("//figure/ul/li/h3")) == 4
    assert run.problems == []
