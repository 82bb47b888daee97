"""Markdown-level tests of the ``/// booking`` block and its link rules (plain Python-Markdown, no MkDocs)."""

from __future__ import annotations

from textwrap import dedent
from typing import Any
from urllib.parse import parse_qs, urlsplit

import markdown
import pytest
from lxml import html as lxml_html
from markdown.treeprocessors import Treeprocessor

from therapy_site.blocks import BlockProblem
from therapy_site.booking import BookingExtension, check_cta_url, with_utm

BOOKING_URL = "https://book.example.org/consultation"
UTM = {"utm_source": "therapy.example", "utm_medium": "website", "utm_campaign": "cta"}
URGENT = {
    "text": "If you are in crisis, do not wait for a session.",
    "line_name": "Samaritans",
    "line_phone": "116 123",
    "emergency_phone": "999",
    "url": "/urgent-help/",
}


def extension(**config: Any) -> tuple[BookingExtension, list[BlockProblem]]:
    problems: list[BlockProblem] = []
    settings = {"url": BOOKING_URL, "utm": UTM, "urgent": URGENT, **config}
    return BookingExtension(reporter=problems.append, **settings), problems


def render(source: str, *extra: Any, **config: Any) -> tuple[Any, list[BlockProblem], str]:
    booking, problems = extension(**config)
    output = markdown.markdown(dedent(source), extensions=[booking, *extra])
    return lxml_html.fragment_fromstring(output, create_parent="div"), problems, output


def sections(root: Any) -> list[Any]:
    return root.xpath("//section[contains(concat(' ', @class, ' '), ' ts-booking ')]")


def test_panel_is_a_labelled_section_with_heading_text_link_and_urgent_line() -> None:
    root, problems, _ = render(
        """
        /// booking | Build trust and begin your healing journey
        A free **15-minute** call to see whether we are a good fit.
        ///
        """
    )
    assert problems == []
    (section,) = sections(root)
    assert section.get("class") == "ts-booking ts-booking--panel"
    (heading,) = section.xpath("./h2")
    assert heading.text_content() == "Build trust and begin your healing journey"
    assert heading.get("id") and section.get("aria-labelledby") == heading.get("id")
    assert section.xpath("string(./p[1])") == "A free 15-minute call to see whether we are a good fit."
    assert section.xpath("./p[1]/strong/text()") == ["15-minute"]
    (link,) = section.xpath(".//a[contains(@class, 'ts-booking__button')]")
    assert link.text_content() == "Book a free consultation"
    assert link.get("rel") == "noopener" and link.get("referrerpolicy") == "origin"
    href = urlsplit(link.get("href"))
    assert (href.scheme, href.netloc, href.path) == ("https", "book.example.org", "/consultation")
    assert parse_qs(href.query) == {key: [value] for key, value in UTM.items()}
    # Printed pages show the plain address (no tracking parameters) instead of the button.
    assert section.xpath("string(./p[@class='ts-booking__print'])") == f"Book a free consultation: {BOOKING_URL}"
    (urgent,) = section.xpath("./p[@class='ts-booking__urgent']")
    assert urgent.text_content().startswith(
        "If you are in crisis, do not wait for a session. Call Samaritans on 116 123"
    )
    assert urgent.xpath("./a/@href") == ["tel:116123", "tel:999", "/urgent-help/"]
    assert urgent.xpath("./a[3]/text()") == ["Where to get urgent help"]
    assert not root.xpath("//script | //iframe | //img")


def test_defaults_fill_a_block_without_title_or_text() -> None:
    root, problems, _ = render("/// booking\n///\n", heading="Ready when you are", text="Talk it *through* first.")
    assert problems == []
    (section,) = sections(root)
    assert section.xpath("string(./h2)") == "Ready when you are"
    assert section.get("aria-labelledby") == "ready-when-you-are"
    assert section.xpath("string(./p[1])") == "Talk it through first."
    assert section.xpath("./p[1]/em/text()") == ["through"]


def test_options_override_button_url_and_variant() -> None:
    root, problems, _ = render(
        """
        /// booking | Prefer email?
            button: Email Anna to arrange a call
            url: mailto:hello@therapy.example
            variant: inline
        Write a few lines about what brings you.
        ///
        """
    )
    assert problems == []
    (section,) = sections(root)
    assert section.get("class") == "ts-booking ts-booking--inline"
    (link,) = section.xpath(".//a[contains(@class, 'ts-booking__button')]")
    assert link.text_content() == "Email Anna to arrange a call"
    # Not an external web page: no UTM parameters, no rel/referrer policy needed.
    assert link.get("href") == "mailto:hello@therapy.example"
    assert link.get("rel") is None and link.get("referrerpolicy") is None


def test_an_https_url_option_gets_the_utm_parameters_and_keeps_its_own_query() -> None:
    root, _, _ = render("/// booking\n    url: https://other.example/book?type=intro\n///\n")
    (href,) = root.xpath("//a[contains(@class, 'ts-booking__button')]/@href")
    query = parse_qs(urlsplit(href).query)
    assert query["type"] == ["intro"] and query["utm_source"] == ["therapy.example"]


def test_utm_parameters_never_carry_the_heading_or_text() -> None:
    root, _, _ = render("/// booking | Panic attacks at night\nHelp with panic attacks and insomnia.\n///\n")
    (href,) = root.xpath("//a[contains(@class, 'ts-booking__button')]/@href")
    assert "panic" not in href.lower() and "insomnia" not in href.lower()
    assert set(parse_qs(urlsplit(href).query)) == set(UTM)


def test_booking_headings_get_unique_ids_next_to_a_markdown_heading_with_the_same_text() -> None:
    root, problems, _ = render(
        "## Take the first step\n\n/// booking\n///\n\n/// booking\n///\n", "toc", heading="Take the first step"
    )
    assert problems == []
    ids = root.xpath("//h2/@id")
    assert len(ids) == 3 and len(set(ids)) == 3
    for section in sections(root):
        assert section.xpath("./h2/@id") == [section.get("aria-labelledby")]


CONTACT = {"phone": "+44 117 496 0123", "email": "hello@therapy.example"}


def test_contact_line_offers_phone_and_email_besides_the_booking_page() -> None:
    root, _, _ = render("/// booking\n///\n", contact=CONTACT)
    (contact,) = root.xpath("//p[@class='ts-booking__contact']")
    assert " ".join(contact.text_content().split()) == (
        "Prefer not to book online? Call +44 117 496 0123 or email hello@therapy.example."
    )
    assert contact.xpath("./a/@href") == ["tel:+441174960123", "mailto:hello@therapy.example"]


def test_contact_line_leaves_out_what_the_button_already_is() -> None:
    root, _, _ = render("/// booking\n    url: mailto:hello@therapy.example\n///\n", contact=CONTACT)
    (contact,) = root.xpath("//p[@class='ts-booking__contact']")
    assert contact.xpath("./a/@href") == ["tel:+441174960123"]
    root, _, _ = render("/// booking\n///\n", contact={})
    assert not root.xpath("//p[@class='ts-booking__contact']")


def test_without_urgent_configuration_there_is_no_urgent_line() -> None:
    root, _, _ = render("/// booking\n///\n", urgent={})
    assert not root.xpath("//p[@class='ts-booking__urgent']")


def test_converting_twice_with_one_instance_gives_the_same_html() -> None:
    booking, problems = extension()
    md = markdown.Markdown(extensions=[booking, "toc"])
    source = "/// booking | Hello\nText.\n///\n\n/// booking\n    url: http://bad.example\n///\n"
    first = md.convert(source)
    first_problems = list(problems)
    second = md.reset().convert(source)
    assert first == second
    # Each conversion reports its own problems once (the MkDocs reporter keeps only the page's).
    assert len(first_problems) == 1 and problems == first_problems * 2


class FakeExcerpt(Treeprocessor):
    """Stands in for Material's blog ``excerpt`` tree processor (registered under that name)."""

    def run(self, root: Any) -> None:
        return None


def test_listing_page_excerpts_drop_the_block() -> None:
    booking, problems = extension()
    md = markdown.Markdown(extensions=[booking])
    md.treeprocessors.register(FakeExcerpt(md), "excerpt", 0)
    output = md.convert("Intro text.\n\n/// booking | Hello\nText.\n///\n")
    assert problems == []
    assert output == "<p>Intro text.</p>"


UNSAFE = [
    ("javascript:alert(1)", "'javascript:'"),
    ("JavaScript:alert(1)", "'javascript:'"),
    ("data:text/html;base64,PHNjcmlwdD4=", "'data:'"),
    ("http://book.example.org/", "'http:'"),
    ("book.md", "no scheme"),
    ("/book/", "no scheme"),
    ("//evil.example/x", "no scheme"),
    ("https:///nohost", "no host"),
    ("java\tscript:alert(1)", "spaces or control characters"),
    ("mailto:nobody", "no email address"),
    ("tel:call-me", "not a phone number"),
]


@pytest.mark.parametrize(("url", "reason"), UNSAFE)
def test_unsafe_urls_are_refused_with_a_reason(url: str, reason: str) -> None:
    root, problems, output = render(f"/// booking\n    url: '{url}'\n///\n")
    assert len(problems) == 1, problems
    assert problems[0].message.startswith("option 'url': ") and reason in problems[0].message
    assert not sections(root)
    assert 'href="' + url not in output


@pytest.mark.parametrize(
    "url", ["https://book.example.org/a?b=c", "mailto:hello@therapy.example", "tel:+44-117-496-0123"]
)
def test_safe_urls_pass(url: str) -> None:
    assert check_cta_url(f"  {url} ") == url


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("    colour: green", "unknown option 'colour'; allowed options: button, url, variant"),
        ('    button: ""', "option 'button': is empty"),
        ("    button:", "option 'button': is empty"),
        ("    variant: banner", "option 'variant': 'banner' is not a variant; use one of: panel, inline"),
    ],
)
def test_option_problems_are_reported(options: str, message: str) -> None:
    root, problems, _ = render(f"Text.\n\n/// booking\n{options}\n///\n")
    assert len(problems) == 1 and problems[0].message.startswith(message), problems
    assert problems[0].block == "booking" and problems[0].occurrence == 0
    assert not sections(root)


def test_a_block_without_any_url_is_reported() -> None:
    root, problems, _ = render("/// booking\n///\n", url="")
    assert [problem.message.split(":")[0] for problem in problems] == ["has no link"]
    assert not sections(root)


def test_problem_occurrence_counts_booking_blocks_in_order() -> None:
    _, problems, _ = render("/// booking\n///\n\n/// booking\n    url: data:x\n///\n")
    assert [problem.occurrence for problem in problems] == [1]


def test_with_utm_leaves_mailto_tel_and_existing_parameters_alone() -> None:
    assert with_utm("mailto:a@b.example", UTM) == "mailto:a@b.example"
    assert with_utm("tel:999", UTM) == "tel:999"
    url = with_utm("https://x.example/?utm_source=flyer&a=1", UTM)
    assert parse_qs(urlsplit(url).query) == {
        "utm_source": ["flyer"],
        "a": ["1"],
        "utm_medium": ["website"],
        "utm_campaign": ["cta"],
    }
    assert with_utm("https://x.example/", {}) == "https://x.example/"
