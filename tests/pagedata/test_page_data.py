"""Typed page data: what extensions hand over in plain Python-Markdown, and what a real build keeps per page.

Material's blog renders each post's Markdown again for listing pages (excerpts):
those renders must neither overwrite nor add to the post's data, and nothing of a
post may land on a listing page.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import markdown
import pytest

from helpers import Build, copy_project, run_build
from therapy_site.faq import FaqExtension
from therapy_site.pagedata import Booking, ContentData, Faq, Takeaways, document_data
from therapy_site.takeaways import TakeawaysExtension

TEXT = """\
# A page

/// takeaways | In short
- **Calm & steady.** A first point.
- A second point with `code`.
///

## FAQ

### Does it help?

Yes, [often](https://example.org/a).

/// booking | Talk to us
    url: https://book.example/
Short text.
///
"""


def test_extensions_hand_typed_data_to_the_document_and_the_collector() -> None:
    collected: list[Any] = []
    md = markdown.Markdown(
        extensions=[
            "toc",
            TakeawaysExtension(collector=collected.append),
            FaqExtension(collector=collected.append),
            "therapy_site.booking",
        ]
    )
    md.convert(TEXT)
    data = document_data(md)
    assert data.takeaways == (Takeaways("In short", ("Calm & steady. A first point.", "A second point with code.")),)
    assert data.abstract == "Calm & steady. A first point. A second point with code."
    assert isinstance(data.faq, Faq)
    (item,) = data.faq.items
    assert (item.question, item.answer_text) == ("Does it help?", "Yes, often.")
    assert item.answer_html == '<p>Yes, <a href="https://example.org/a">often</a>.</p>'
    assert data.bookings == (Booking("Talk to us", "Book a free consultation", "https://book.example/"),)
    # The collectors got the takeaways and the FAQ (the booking extension was loaded by name, without one).
    assert [type(item).__name__ for item in collected] == ["Takeaways", "Faq"]


def test_each_conversion_starts_with_empty_data() -> None:
    md = markdown.Markdown(extensions=["toc", "therapy_site.takeaways", "therapy_site.faq"])
    md.convert(TEXT)
    assert document_data(md).takeaways
    md.reset()
    md.convert("Just a paragraph.\n")
    assert document_data(md) == ContentData()


DUMP_HOOK = """\
import json
from pathlib import Path

from therapy_site.pagedata import page_data

PAGES = []


def on_post_page(output, page, config):
    PAGES.append(page)
    return output


def on_post_build(config):
    # After every page and every listing (with its excerpts) has been rendered.
    dump = {}
    for page in PAGES:
        data = page_data(page)
        content = data.content
        dump[page.file.src_uri + ":" + page.url] = {
            "takeaways": [list(block.items) for block in content.takeaways],
            "faq": [item.question for item in content.faq.items] if content.faq else [],
            "bookings": [booking.url for booking in content.bookings],
            "infographics": [figure.title for figure in content.infographics],
            "hero": data.hero.src if data.hero else None,
            "social": data.social_image.src if data.social_image else None,
            "review": data.review.name if data.review else None,
            "feed_updated": data.feed_updated.isoformat() if data.feed_updated else None,
        }
    Path(config.config_file_path).with_name("page-data.json").write_text(json.dumps(dump, indent=1))
"""


@pytest.fixture(scope="module")
def dumped(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    project = copy_project(tmp_path_factory.mktemp("pagedata") / "project")
    (project / "hooks.py").write_text(DUMP_HOOK, encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - hooks.py\n")
    build: Build = run_build(project)
    assert build.returncode == 0, build.output
    return json.loads((project / "page-data.json").read_text())


def test_the_trust_post_keeps_its_own_data_once(dumped: dict[str, dict[str, Any]]) -> None:
    trust = dumped["blog/posts/role-of-trust-in-therapy.md:blog/role-of-trust-in-therapy/"]
    assert len(trust["takeaways"]) == 1 and len(trust["takeaways"][0]) == 4, "excerpt renders add nothing"
    assert trust["faq"] == [
        "Why does trust matter so much in therapy?",
        "How do therapists build trust with clients?",
        "What can get in the way of trust in therapy?",
        "What kinds of trust develop in therapy?",
    ]
    assert len(trust["bookings"]) == 1 and trust["bookings"][0].startswith("https://booking.stillwater-therapy")
    assert trust["infographics"] == ["Four barriers to trust, and a way through each"]
    assert trust["hero"] == "assets/images/trust-hero.webp"
    # Shared as a JPEG card drawn from the hero (issue 15: WebP is not previewed everywhere).
    assert trust["social"].startswith("assets/images/derived/trust-hero-") and trust["social"].endswith("-card.jpg")
    assert trust["feed_updated"] == "2025-11-20T00:00:00+00:00"


def test_listing_pages_hold_none_of_the_posts_data(dumped: dict[str, dict[str, Any]]) -> None:
    listings = {key: value for key, value in dumped.items() if key.startswith("blog/index.md:")}
    assert listings, sorted(dumped)
    for key, value in listings.items():
        assert value["takeaways"] == value["faq"] == value["bookings"] == value["infographics"] == [], key
        assert value["hero"] is None and value["review"] is None and value["feed_updated"] is None, key
        assert value["social"] and value["social"].startswith("assets/social/"), key


def test_pages_other_than_posts_have_a_generated_social_card(dumped: dict[str, dict[str, Any]]) -> None:
    about = dumped["about.md:about/"]
    assert about["social"].startswith("assets/social/") and about["feed_updated"] is None
    assert Path(about["social"]).suffix == ".png"
