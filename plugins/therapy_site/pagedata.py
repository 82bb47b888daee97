"""What features know about a page, as typed data: the one module every feature hands data through.

No feature reads another feature's HTML or an ad-hoc ``page.meta`` key. Instead:

* **Markdown extensions** (takeaways, FAQ, booking, infographics, later sources)
  describe what they rendered as frozen dataclasses. Each conversion starts with
  an empty :class:`ContentData` on the ``Markdown`` object (``md.therapy_page_data``,
  reset by a preprocessor) and every item is also handed to the extension's
  ``collector`` callable. Plain Python-Markdown users (tests, ``therapy-site
  check``, Zensical) read ``md.therapy_page_data`` after ``convert``.
* **MkDocs plugins** collect the items of the page being rendered (see
  :class:`therapy_site.reporting.PageSession`) into the page's one
  :class:`PageData`, add page-level facts (hero, review, social image) and read
  what they need from it: the schema plugin builds JSON-LD from it, templates get
  it as ``page_data`` in their context.

Material's blog renders each post's Markdown again for listing pages (excerpts):
those conversions happen while no page is open, so nothing of a post ever lands
on a listing page's data, and the post's data is never overwritten.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from markdown import Markdown
from markdown.preprocessors import Preprocessor

DATA_ATTR = "therapy_page_data"
PAGE_ATTR = "therapy_page_data"


# -- what Markdown extensions find in a document ------------------------------------------------------------------


# The schema.org WebPage types a page may be (front matter `schema_type`, the schema plugin's `page_types`).
PAGE_TYPES: tuple[str, ...] = (
    "WebPage", "AboutPage", "ContactPage", "CollectionPage", "ProfilePage", "MedicalWebPage", "ItemPage"
)


@dataclass(frozen=True)
class Takeaways:
    """One ``/// takeaways`` block: its heading and the plain text of each key point."""

    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class FaqItem:
    id: str  # the question heading's id ("" without the toc extension)
    question: str  # the heading's plain text
    answer_html: str  # the answer reduced to the HTML Google allows; links as on the page (see faq.absolute_links)
    answer_text: str  # the answer's visible text, whitespace collapsed


@dataclass(frozen=True)
class Faq:
    """The page's FAQ section as the reader sees it."""

    title: str
    items: tuple[FaqItem, ...]


@dataclass(frozen=True)
class Booking:
    """One booking call to action on the page."""

    heading: str
    button: str
    url: str  # the link as published (UTM parameters included)


@dataclass(frozen=True)
class Infographic:
    """One ``/// infographic`` figure: what its images show and where they are published."""

    title: str
    summary: str
    key: str  # content hash naming the images
    card_src: str  # site path of the 1200×630 social card (PNG)
    portrait_src: str  # site path of the 1000×1500 portrait (PNG)
    card_size: tuple[int, int] = (1200, 630)

    @property
    def description(self) -> str:
        return f"{self.title}: {self.summary}" if self.summary else self.title


@dataclass(frozen=True)
class Citation:
    """One source the page cites (filled by the sources feature)."""

    url: str
    title: str
    publisher: str = ""
    date: date | None = None


@dataclass(frozen=True)
class Sources:
    """The page's list of sources."""

    title: str
    citations: tuple[Citation, ...]


ContentItem = Takeaways | Faq | Booking | Infographic | Sources
Collector = Callable[[Any], None]


@dataclass(frozen=True)
class ContentData:
    """Everything the content extensions found in one document, in document order."""

    takeaways: tuple[Takeaways, ...] = ()
    faq: Faq | None = None  # the first FAQ section (a page has one)
    bookings: tuple[Booking, ...] = ()
    infographics: tuple[Infographic, ...] = ()
    sources: Sources | None = None

    def with_item(self, item: ContentItem) -> ContentData:
        if isinstance(item, Takeaways):
            return dataclasses.replace(self, takeaways=(*self.takeaways, item))
        if isinstance(item, Faq):
            return self if self.faq is not None else dataclasses.replace(self, faq=item)
        if isinstance(item, Booking):
            return dataclasses.replace(self, bookings=(*self.bookings, item))
        if isinstance(item, Infographic):
            return dataclasses.replace(self, infographics=(*self.infographics, item))
        if isinstance(item, Sources):
            return dataclasses.replace(self, sources=item)
        raise TypeError(f"not page data: {item!r}")

    @property
    def abstract(self) -> str:
        """The key points of the takeaways, as one text (the BlogPosting ``abstract``)."""
        return " ".join(item for block in self.takeaways for item in block.items if item)


# -- what plugins add about a page --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hero:
    src: str  # path from the docs root, e.g. assets/images/trust-hero.webp
    alt: str
    width: int
    height: int


@dataclass(frozen=True)
class Review:
    """``reviewed_by`` (a blog author) and ``last_reviewed`` from a post's front matter."""

    key: str
    name: str
    url: str
    date: date


@dataclass(frozen=True)
class SocialImage:
    """The page's share image (og:image): a site path, its size and its alt text."""

    src: str
    width: int | None
    height: int | None
    alt: str


@dataclass
class PageData:
    """One page's data: filled while the page is built, read by page-level output and templates."""

    content: ContentData = field(default_factory=ContentData)
    hero: Hero | None = None
    review: Review | None = None
    social_image: SocialImage | None = None
    feed_updated: datetime | None = None  # a post's date for the "updated" feed: updated, else created
    # What the content extensions reported while converting the page (block and FAQ problems, each able to
    # name its line: ``problem.located(path, source)``); the validation plugin reports them (see reporting).
    problems: list[Any] = field(default_factory=list)


def page_data(page: Any) -> PageData:
    """The page's :class:`PageData`, created on first use (it lives on the page object, for this build only)."""
    data = getattr(page, PAGE_ATTR, None)
    if not isinstance(data, PageData):
        data = PageData()
        setattr(page, PAGE_ATTR, data)
    return data


# -- extension side -----------------------------------------------------------------------------------------------


class _ResetDocumentData(Preprocessor):
    """Start every conversion with empty data (a ``Markdown`` object may convert many documents)."""

    def run(self, lines: list[str]) -> list[str]:
        setattr(self.md, DATA_ATTR, ContentData())
        return lines


def register_document_data(md: Markdown) -> None:
    """Called by each content extension; registering twice is harmless (same name)."""
    md.preprocessors.register(_ResetDocumentData(md), "therapy_page_data", 1000)
    if not isinstance(getattr(md, DATA_ATTR, None), ContentData):
        setattr(md, DATA_ATTR, ContentData())


def document_data(md: Markdown) -> ContentData:
    """What the content extensions found in the document ``md`` converted last."""
    data = getattr(md, DATA_ATTR, None)
    return data if isinstance(data, ContentData) else ContentData()


def collect(md: Markdown, item: ContentItem, collector: Collector | None) -> None:
    """Record ``item`` for the current document and hand it to the extension's ``collector``."""
    setattr(md, DATA_ATTR, document_data(md).with_item(item))
    if collector is not None:
        collector(item)


def ignore(item: Any) -> None:
    """Default collector in plain Python-Markdown: the data stays on ``md.therapy_page_data``."""
