"""The schema plugin: one schema.org ``@graph`` and the Open Graph tags for every page.

Thin glue: it gathers facts from MkDocs, Material's blog and the typed page data
(:mod:`therapy_site.pagedata`: hero, review, social image, the FAQ and takeaways
the Markdown extensions found) and hands them to :mod:`therapy_site.schema.graph`
and :mod:`therapy_site.schema.opengraph`. The result goes to templates as
``therapy_schema_head`` (``overrides/main.html`` prints it in ``therapy_head``).

Listing pages (blog index, archive, category, pagination) get a
``CollectionPage`` only: nothing from the posts they list.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from PIL import UnidentifiedImageError

from therapy_site.faq import absolute_links, faq_enabled
from therapy_site.material.blog import (
    blog_authors,
    blog_root,
    is_listing,
    is_post,
    listing_first_page,
    listing_kind,
    listing_page_number,
    post_authors,
    post_categories,
    post_created,
    post_updated,
)
from therapy_site.material.escaping import plain
from therapy_site.pagedata import PAGE_TYPES, PageData, page_data
from therapy_site.pictures import shown_size
from therapy_site.practice import Practice, practice_from_config
from therapy_site.review.credentials import Profile
from therapy_site.schema.graph import (
    ImageFacts,
    PageFacts,
    PersonFacts,
    PostFacts,
    ReviewFacts,
    SiteFacts,
    build_graph,
    script_tag,
)
from therapy_site.schema.opengraph import SocialImage, head_tags
from therapy_site.seo.listing import listing_description, paged_title
from therapy_site.seo.social import hero_images_of, mime_of
from therapy_site.sources import front_matter_key_line, read_source
from therapy_site.text import word_count

log = get_plugin_logger(__name__)

# ProfessionalService is deprecated in schema.org (its use is discouraged); not accepted.
ORGANIZATION_TYPES = frozenset(
    {"Organization", "LocalBusiness", "MedicalBusiness", "MedicalOrganization", "MedicalClinic"}
)


class SchemaConfig(Config):
    locale = c.Optional(c.Type(str))  # og:locale such as en_GB; default: theme language + practice country
    home_label = c.Type(str, default="Home")
    # Page source path -> schema.org WebPage type, e.g. {book.md: ContactPage}; front matter `schema_type` wins.
    page_types = c.Type(dict, default={})
    # FAQPage markup for pages with an FAQ section (front matter `faq: false` turns it off per page). Google shows
    # FAQ rich results only for well-known government and health sites since 2023; other engines and assistants
    # still read the markup, so it stays on by default. No promise of rich results is made anywhere.
    faq_markup = c.Type(bool, default=True)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _page_error(page: Page, key: str, message: str) -> PluginError:
    line = front_matter_key_line(read_source(page.file.abs_src_path), key)
    return PluginError(f"{page.file.src_path}:{line}: {message}")


def image_size(path: Path) -> tuple[int | None, int | None]:
    """Pixel size of a raster image; ``(None, None)`` for SVG or unreadable files."""
    try:
        return shown_size(path)  # as readers see it: a phone photo's EXIF orientation applied
    except (OSError, UnidentifiedImageError):
        return None, None


class SchemaPlugin(BasePlugin[SchemaConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.site_url:
            raise PluginError("therapy-site/schema: mkdocs.yml needs 'site_url'; structured data uses absolute URLs")
        self.practice: Practice = practice_from_config(config)
        if self.practice.type not in ORGANIZATION_TYPES:
            allowed = ", ".join(sorted(ORGANIZATION_TYPES))
            raise PluginError(f"mkdocs.yml: extra.practice.type '{self.practice.type}' is not one of: {allowed}")
        for path, kind in self.config.page_types.items():
            if kind not in PAGE_TYPES:
                raise PluginError(
                    f"therapy-site/schema: page_types['{path}'] = '{kind}' is not one of {sorted(PAGE_TYPES)}"
                )
        self.language = str(config.theme.get("language") or "en")
        self.locale = self.config.locale or self._default_locale()
        self.docs_dir = Path(config.docs_dir)
        self.site: SiteFacts | None = None
        self.word_counts: dict[str, int] = {}
        return config

    def _default_locale(self) -> str:
        language = self.language.replace("-", "_")
        country = self.practice.location.get("country", "")
        return f"{language}_{country.upper()}" if "_" not in language and len(country) == 2 else language

    # -- site-wide facts ---------------------------------------------------------------------------------------

    def site_facts(self, config: MkDocsConfig) -> SiteFacts:
        if self.site is None:
            site_url = config.site_url.rstrip("/") + "/"
            self.site = SiteFacts(
                url=site_url,
                name=config.site_name,
                description=_collapse(config.site_description or ""),
                language=self.language,
                practice=self.practice,
                logo=self.docs_image(config, site_url, self.practice.logo, self.practice.name),
                practitioner_image=self.docs_image(
                    config, site_url, self.practice.practitioner.image, self.practice.practitioner.name
                ),
                practitioner_profile=self.practitioner_profile(config),
            )
        return self.site

    def profiles(self, config: MkDocsConfig) -> dict[str, Profile]:
        """Credentials and ``sameAs`` of authors and reviewers by author id (``extra.practice.people``)."""
        return self.practice.people

    def practitioner_profile(self, config: MkDocsConfig) -> Profile | None:
        """Extra facts about the practitioner under their author id in ``extra.practice.people``, if any."""
        for key, author in blog_authors(config).items():
            if author.name == self.practice.practitioner.name:
                return self.practice.people.get(str(key))
        return None

    def docs_image(self, config: MkDocsConfig, site_url: str, path: str, caption: str) -> ImageFacts | None:
        if not path:
            return None
        width, height = image_size(Path(config.docs_dir) / path)
        return ImageFacts(url=site_url + path.lstrip("/"), width=width, height=height, caption=caption)

    def blog_person(self, config: MkDocsConfig, key: str, author: Any) -> PersonFacts | None:
        """A blog author as a person; ``None`` when it is the practitioner (their node is ``#person``)."""
        if author.name == self.practice.practitioner.name:
            return None
        site = self.site_facts(config)
        return PersonFacts(
            key=key,
            name=author.name,
            url=site.absolute(author.url or ""),
            description=_collapse(author.description or ""),
            image=site.absolute(author.avatar or "") if not str(author.avatar).startswith("http") else author.avatar,
            profile=self.profiles(config).get(key),
        )

    # -- per page ----------------------------------------------------------------------------------------------

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.word_counts[page.file.src_uri] = word_count(html)
        return html

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        site = self.site_facts(config)
        facts = self.page_facts(page, config, site)
        graph = build_graph(site, facts)
        social = self.social_image(page_data(page), site)
        tags = head_tags(site, facts, self.locale, social, self.author_url(facts, site))
        context["therapy_schema_head"] = tags + Markup("\n") + script_tag(graph)
        # For templates: the <title>/description they print and the visible trail (same facts as the graph).
        context["therapy_page_title"] = facts.title
        context["therapy_description"] = facts.description
        context["therapy_breadcrumbs"] = [
            {"name": name, "path": crumb_url.removeprefix(site.url)} for name, crumb_url in facts.breadcrumbs
        ]
        return context

    def page_facts(self, page: Page, config: MkDocsConfig, site: SiteFacts) -> PageFacts:
        url = page.canonical_url or site.absolute(page.url)
        listing = is_listing(page)
        data = page_data(page)
        post = self.post_facts(page, config, data) if is_post(page) else None
        faq = None
        has_faq = data.content.faq is not None and bool(data.content.faq.items)
        if not listing and self.config.faq_markup and faq_enabled(page.meta) and has_faq:
            faq = absolute_links(data.content.faq, url)
        return PageFacts(
            url=url,
            title=self.page_title(page),
            description=self.page_description(page, config),
            kind=self.page_kind(page, listing),
            is_home=bool(page.is_homepage),
            breadcrumbs=self.breadcrumbs(page, config, site, url),
            images=self.page_images(data, site),
            post=post,
            faq=faq,
            review=self.review_facts(data, config),
            citations=data.content.sources.citations if data.content.sources and not listing else (),
        )

    def page_title(self, page: Page) -> str:
        original = self.original_view(page)
        title = _collapse(plain(original.meta.get("title") or original.title or ""))
        return paged_title(title, self.page_number(page))

    @staticmethod
    def original_view(page: Page) -> Page:
        """A paginated listing's first page (Material keeps them in ``view.pages``); else the page itself."""
        return listing_first_page(page) if is_listing(page) else page

    def page_number(self, page: Page) -> int:
        return listing_page_number(page) if is_listing(page) else 1

    def page_description(self, page: Page, config: MkDocsConfig) -> str:
        """The page's own description; listings (archive, category, page 2...) get one saying what they list."""
        own = _collapse(plain(page.meta.get("description") or ""))
        if is_listing(page):
            original = self.original_view(page)
            own = own or _collapse(plain(original.meta.get("description") or ""))
            name = _collapse(plain(getattr(original, "name", None) or original.title or ""))
            return listing_description(listing_kind(original), name, config.site_name, own, self.page_number(page))
        return own or _collapse(plain(config.site_description or ""))

    def page_kind(self, page: Page, listing: bool) -> str:
        chosen = page.meta.get("schema_type") or self.config.page_types.get(page.file.src_path)
        if chosen:
            if chosen not in PAGE_TYPES:
                raise _page_error(page, "schema_type", f"'schema_type: {chosen}' is not one of {sorted(PAGE_TYPES)}")
            return str(chosen)
        if listing:
            return "CollectionPage"
        if page.url == self.practice.practitioner.about_page.lstrip("/"):
            return "AboutPage"
        return "WebPage"

    def breadcrumbs(self, page: Page, config: MkDocsConfig, site: SiteFacts, url: str) -> tuple[tuple[str, str], ...]:
        """Home › Blog › Category › Post. Like Yoast, no pagination steps: page 2 of a listing has page 1's trail."""
        if page.is_homepage:
            return ()
        crumbs = [(self.config.home_label, site.url)]
        root = blog_root(config)
        page = self.original_view(page)
        if is_post(page) or is_listing(page):
            if root is not None and root is not page:
                crumbs.append((_collapse(str(root.title)), root.canonical_url or site.absolute(root.url)))
            if is_post(page) and post_categories(page):
                category = post_categories(page)[0]
                crumbs.append((str(category.title), category.canonical_url or site.absolute(category.url)))
        title = _collapse(plain(page.meta.get("title") or page.title or ""))
        crumbs.append((title, page.canonical_url or site.absolute(page.url)))
        return tuple(crumbs)

    def page_images(self, data: PageData, site: SiteFacts) -> tuple[ImageFacts, ...]:
        """A post with a hero: 16:9, 4:3 and 1:1 JPEGs drawn from it (Google's Article image advice);
        otherwise the page's share card."""
        heroes = hero_images_of(data, self.docs_dir)
        if heroes is not None and data.hero is not None:
            alt = data.hero.alt
            return tuple(ImageFacts(site.absolute(i.site_path), i.width, i.height, alt) for i in heroes.article)
        social = self.social_image(data, site)
        return (social.image,) if social is not None else ()

    def social_image(self, data: PageData, site: SiteFacts) -> SocialImage | None:
        """og:image: the page's share image (:mod:`therapy_site.social`), a 1200×630 PNG or JPEG."""
        chosen = data.social_image
        if chosen is None:
            return None
        image = ImageFacts(site.absolute(chosen.src), chosen.width, chosen.height, chosen.alt)
        return SocialImage(image, chosen.alt, mime_of(chosen.src))

    def author_url(self, facts: PageFacts, site: SiteFacts) -> str:
        if facts.post is None:
            return ""
        first = facts.post.authors[0] if facts.post.authors else None
        return first.url if first is not None and first.url else site.absolute(self.practice.practitioner.about_page)

    def post_facts(self, page: Page, config: MkDocsConfig, data: PageData) -> PostFacts:
        created = post_created(page)
        updated = post_updated(page)
        authors = tuple(self.blog_person(config, key, author) for key, author in post_authors(page))
        return PostFacts(
            headline=_collapse(plain(page.title)),
            published=created,
            modified=updated if isinstance(updated, datetime) and updated != created else None,
            authors=authors,
            sections=tuple(str(category.title) for category in post_categories(page)),
            keywords=tuple(str(tag) for tag in page.meta.get("tags") or ()),
            word_count=self.word_counts.get(page.file.src_uri, 0),
            abstract=data.content.abstract,
        )

    def review_facts(self, data: PageData, config: MkDocsConfig) -> ReviewFacts | None:
        review = data.review
        if review is None:
            return None
        author = blog_authors(config)[review.key]
        return ReviewFacts(self.blog_person(config, review.key, author), review.date)
