"""FAQ structured data in real builds of fixture sites: variants, opt-out, listings, errors, determinism."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path
from typing import Any

import extruct
import pytest
from lxml import html as lxml_html

from helpers import Build, build_copy, make_post, reported, run_build

SITE = "https://stillwater-therapy.example/"

VARIANTS = """\
Intro paragraph before the questions.

## FAQs

### Can I pay by card & "contactless"? 💳

*Yes.* Card payments work: see [the fees](../../services.md) or [pay online](https://pay.example/checkout?plan=a&step=2).

- Visa
- Mastercard

### Is the café in Zürich **really** open?

Ja, natürlich! Type `</script><!-- -->` to test us, and remember that 1 < 2 & 3 > 2.

### Which emoji do you use? 🙂

Only this one: 🌿, and 'single' quotes.
"""

FAQ_TITLE = """\
## FAQ

### Is this short?

Yes, one question.
"""

MENTION_ONLY = """\
## Frequently asked questions about sleep are coming soon

### A heading that is not a question

Some text.
"""

OPTED_OUT = """\
## Frequently Asked Questions

### Would this be marked up?

Not on this page: it opts out.
"""

POSTS = {
    "faq-variants.md": make_post(VARIANTS, title="FAQ variants", slug="faq-variants", date="2026-01-05"),
    "faq-title.md": make_post(FAQ_TITLE, title="FAQ title", slug="faq-title", date="2026-01-04"),
    "mention-only.md": make_post(MENTION_ONLY, title="Mention only", slug="mention-only", date="2026-01-03"),
    "opted-out.md": make_post(OPTED_OUT, title="Opted out", slug="opted-out", date="2026-01-02", extra="faq: false\n"),
}


@pytest.fixture(scope="module")
def faq_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = build_copy(tmp_path_factory.mktemp("faq"), posts=POSTS)
    assert build.returncode == 0, build.output
    return build


def json_ld(build: Build, url_path: str) -> list[dict[str, Any]]:
    data = extruct.extract(build.text(url_path), base_url=SITE + url_path, syntaxes=["json-ld"])["json-ld"]
    assert len(data) == 1
    return data[0]["@graph"]


def faq_pages(graph: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        node for node in graph if "FAQPage" in ([node["@type"]] if isinstance(node["@type"], str) else node["@type"])
    ]


def answer_text(question: dict[str, Any]) -> str:
    return " ".join(lxml_html.fromstring(question["acceptedAnswer"]["text"]).text_content().split())


def test_faq_variants_keep_text_markup_links_and_characters(faq_site: Build) -> None:
    (faq,) = faq_pages(json_ld(faq_site, "blog/faq-variants/"))
    questions = faq["mainEntity"]
    assert [question["name"] for question in questions] == [
        'Can I pay by card & "contactless"? 💳',
        "Is the café in Zürich really open?",
        "Which emoji do you use? 🙂",
    ]
    card, cafe, emoji = (question["acceptedAnswer"]["text"] for question in questions)
    assert card.startswith("<p><em>Yes.</em> Card payments work: see ")
    assert f'<a href="{SITE}services/">the fees</a>' in card
    assert '<a href="https://pay.example/checkout?plan=a&amp;step=2">pay online</a>' in card
    assert "<ul>\n<li>Visa</li>\n<li>Mastercard</li>\n</ul>" in card
    assert "<code>" not in cafe
    assert (
        answer_text(questions[1])
        == "Ja, natürlich! Type </script><!-- --> to test us, and remember that 1 < 2 & 3 > 2."
    )
    assert answer_text(questions[2]) == "Only this one: 🌿, and 'single' quotes."
    assert "🌿" in emoji
    assert all(question["@id"].startswith(f"{SITE}blog/faq-variants/#") for question in questions)


def test_script_end_inside_an_answer_leaves_one_valid_script(faq_site: Build) -> None:
    text = faq_site.text("blog/faq-variants/")
    document = lxml_html.fromstring(text)
    scripts = document.xpath('//script[@type="application/ld+json"]')
    assert len(scripts) == 1
    (faq,) = faq_pages(json.loads(scripts[0].text)["@graph"])
    assert "</script><!-- -->" in answer_text(faq["mainEntity"][1])
    raw = text.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in raw and ">" not in raw and "&" not in raw


def test_faq_title_short_form_is_an_faq(faq_site: Build) -> None:
    (faq,) = faq_pages(json_ld(faq_site, "blog/faq-title/"))
    assert [(question["name"], answer_text(question)) for question in faq["mainEntity"]] == [
        ("Is this short?", "Yes, one question.")
    ]


@pytest.mark.parametrize("url_path", ["blog/mention-only/", "blog/opted-out/"])
def test_mention_only_heading_and_opt_out_give_no_faq(faq_site: Build, url_path: str) -> None:
    graph = json_ld(faq_site, url_path)
    assert not faq_pages(graph)
    assert [node["@type"] for node in graph].count("BlogPosting") == 1


def test_listing_pages_show_faq_excerpts_but_no_faq_markup(faq_site: Build) -> None:
    for url_path in ["blog/", "blog/category/anxiety/", "blog/archive/2026/"]:
        text = faq_site.text(url_path)
        assert "Can I pay by card" in text or "Is this short?" in text, url_path  # the excerpts are listed
        graph = json_ld(faq_site, url_path)
        kinds = {
            kind for node in graph for kind in ([node["@type"]] if isinstance(node["@type"], str) else node["@type"])
        }
        assert not kinds & {"FAQPage", "Question", "BlogPosting"}, url_path


def test_two_builds_are_byte_identical(faq_site: Build) -> None:
    again = run_build(faq_site.project, site_dir="site-again")
    assert again.returncode == 0, again.output
    pages = sorted(path.relative_to(faq_site.site) for path in faq_site.site.rglob("*.html"))
    assert Path("blog/faq-variants/index.html") in pages
    _, mismatch, errors = filecmp.cmpfiles(faq_site.site, again.site, [str(page) for page in pages], shallow=False)
    assert mismatch == [] and errors == []


def test_empty_faq_section_fails_the_strict_build_naming_file_and_line(tmp_path: Path) -> None:
    post = make_post("Intro.\n\n## Frequently Asked Questions\n\nComing soon.\n", slug="empty-faq")
    line = post.splitlines().index("## Frequently Asked Questions") + 1
    build = build_copy(tmp_path, posts={"empty-faq.md": post})
    assert build.returncode != 0
    assert reported(
        build.output, "blog/posts/empty-faq.md", line, "FAQ: the 'Frequently Asked Questions' section has no questions"
    ), build.output
