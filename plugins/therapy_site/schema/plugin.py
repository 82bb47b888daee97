"""The schema plugin: one schema.org ``@graph`` and the Open Graph tags for every page.

Thin glue: it gathers facts from MkDocs, Material's blog and page metadata
(hero image, ``therapy_og_image``, FAQ and takeaways read from the rendered
HTML) and hands them to :mod:`therapy_site.schema.graph` and
:mod:`therapy_site.schema.opengraph`. The result goes to templates as
``therapy_schema_head`` (``overrides/main.html`` prints it in ``therapy_head``).

Listing pages (blog index, archive, category, pagination) get a
``CollectionPage`` only: nothing from the posts they list.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from lxml import html as lxml_html
from lxml.etree import ParserError
from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from PIL import Image, UnidentifiedImageError

from therapy_site.assets import add_stylesheet
from therapy_site.faq import extract_faq, faq_enabled
from therapy_site.material.blog import (
    blog_authors,
    blog_root,
    is_listing,
    is_post,
    listing_first_page,
    listing_page_number,
    post_authors,
    post_categories,
    post_created,
    post_updated,
)
from therapy_site.practice import Practice, practice_from_config
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
from therapy_site.sources import front_matter_key_line, read_source

log = get_plugin_logger(__name__)
PACKAGE_DIR = Path(__file__).parent

ORGANIZATION_TYPES = frozenset(
    {"Organization", "LocalBusiness", "ProfessionalService", "MedicalBusiness", "MedicalOrganization", "MedicalClinic"}
)
PAGE_TYPES = frozenset(
    {"WebPage", "AboutPage", "ContactPage", "CollectionPage", "ProfilePage", "MedicalWebPage", "ItemPage"}
)
REVIEW_META = "therapy_review"
TAKEAWAYS_XPATH = "//section[contains(concat(' ', normalize-space(@class), ' '), ' ts-takeaways ')]//li"


class SchemaConfig(Config):
    locale = c.Optional(c.Type(str))  # og:locale such as en_GB; default: theme language + practice country
    home_label = c.Type(str, default="Home")
    # Page source path -> schema.org WebPage type, e.g. {book.md: ContactPage}; front matter `schema_type` wins.
    page_types = c.Type(dict, default={})


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _parse(fragment: str) -> Any:
    try:
        return lxml_html.fragment_fromstring(fragment or "<p></p>", create_parent="div")
    except ParserError:
        return lxml_html.fragment_fromstring("<p></p>", create_parent="div")


def _page_error(page: Page, key: str, message: str) -> PluginError:
    line = front_matter_key_line(read_source(page.file.abs_src_path), key)
    return PluginError(f"{page.file.src_path}:{line}: {message}")


def image_size(path: Path) -> tuple[int | None, int | None]:
    """Pixel size of a raster image; ``(None, None)`` for SVG or unreadable files."""
    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, UnidentifiedImageError):
        return None, None


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


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
        self.site: SiteFacts | None = None
        return config

    def _default_locale(self) -> str:
        language = self.language.replace("-", "_")
        country = self.practice.location.get("country", "")
        return f"{language}_{country.upper()}" if "_" not in language and len(country) == 2 else language

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        add_stylesheet(files, config, PACKAGE_DIR / "review.css")
        return files

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
            )
        return self.site

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
        )

    # -- per page ----------------------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if is_post(page) and not str(page.meta.get("description") or "").strip():
            raise _page_error(
                page,
                "description",
                "blog posts need a front-matter 'description': one or two sentences for search results "
                "and link previews",
            )
        review = self.resolve_review(page, config)
        if review is not None:
            page.meta[REVIEW_META] = review
        return markdown

    def resolve_review(self, page: Page, config: MkDocsConfig) -> dict[str, Any] | None:
        """``reviewed_by`` (a blog author id) and ``last_reviewed`` (a date), both or neither."""
        reviewer, reviewed = page.meta.get("reviewed_by"), page.meta.get("last_reviewed")
        if reviewer is None and reviewed is None:
            return None
        if not is_post(page):
            raise _page_error(page, "reviewed_by", "'reviewed_by'/'last_reviewed' are supported on blog posts only")
        if reviewer is None or reviewed is None:
            key = "reviewed_by" if reviewer is None else "last_reviewed"
            raise _page_error(page, key, "'reviewed_by' and 'last_reviewed' go together: add the missing one")
        authors = blog_authors(config)
        if str(reviewer) not in authors:
            known = ", ".join(sorted(authors)) or "none"
            raise _page_error(page, "reviewed_by", f"'reviewed_by: {reviewer}' is not in the blog's authors ({known})")
        when = _as_date(reviewed)
        if when is None:
            raise _page_error(page, "last_reviewed", "'last_reviewed' must be a date like 2025-11-20")
        author = authors[str(reviewer)]
        return {"key": str(reviewer), "name": author.name, "url": author.url or "", "date": when}

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        site = self.site_facts(config)
        facts = self.page_facts(page, config, site)
        graph = build_graph(site, facts)
        tags = head_tags(site, facts, self.locale, self.social_image(page, site, facts), self.author_url(facts, site))
        context["therapy_schema_head"] = tags + Markup("\n") + script_tag(graph)
        return context

    def page_facts(self, page: Page, config: MkDocsConfig, site: SiteFacts) -> PageFacts:
        url = page.canonical_url or site.absolute(page.url)
        listing = is_listing(page)
        post = self.post_facts(page, config) if is_post(page) else None
        faq = None
        if not listing and faq_enabled(page.meta):
            faq = extract_faq(page.content or "", url)
        return PageFacts(
            url=url,
            title=self.page_title(page),
            description=_collapse(str(page.meta.get("description") or config.site_description or "")),
            kind=self.page_kind(page, listing),
            is_home=bool(page.is_homepage),
            breadcrumbs=self.breadcrumbs(page, config, site, url),
            images=self.page_images(page, site),
            post=post,
            faq=faq,
            review=self.review_facts(page, config),
        )

    def page_title(self, page: Page) -> str:
        original = listing_first_page(page) if is_listing(page) else page
        title = _collapse(str(original.meta.get("title") or original.title or ""))
        if original is not page:
            title = f"{title} – page {listing_page_number(page)}"
        return title

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
        if page.is_homepage:
            return ()
        crumbs = [(self.config.home_label, site.url)]
        root = blog_root(config)
        if is_post(page) or is_listing(page):
            if root is not None and root is not page:
                crumbs.append((_collapse(str(root.title)), root.canonical_url or site.absolute(root.url)))
            if is_post(page) and post_categories(page):
                category = post_categories(page)[0]
                crumbs.append((str(category.title), category.canonical_url or site.absolute(category.url)))
            if is_listing(page):
                original = listing_first_page(page)
                if original is not page and original is not root:
                    crumbs.append((_collapse(str(original.title)), original.canonical_url or ""))
        crumbs.append((self.page_title(page), url))
        return tuple(crumbs)

    def page_images(self, page: Page, site: SiteFacts) -> tuple[ImageFacts, ...]:
        images: list[ImageFacts] = []
        hero = page.meta.get("hero_image")
        if hero is not None:
            images.append(ImageFacts(site.absolute(hero.src), hero.width, hero.height, hero.alt))
        social = self.og_image_meta(page, site)
        if social is not None and all(social.image.url != image.url for image in images):
            images.append(social.image)
        return tuple(images)

    def og_image_meta(self, page: Page, site: SiteFacts) -> SocialImage | None:
        """``page.meta["therapy_og_image"]`` (set by the infographics plugin) as a social image."""
        raw = page.meta.get("therapy_og_image")
        if not isinstance(raw, dict) or not raw.get("src"):
            return None
        alt = str(raw.get("alt") or "")
        image = ImageFacts(site.absolute(str(raw["src"])), raw.get("width"), raw.get("height"), alt)
        return SocialImage(image, alt)

    def social_image(self, page: Page, site: SiteFacts, facts: PageFacts) -> SocialImage | None:
        """og:image precedence: ``therapy_og_image`` when set, else the hero image."""
        social = self.og_image_meta(page, site)
        if social is not None:
            return social
        hero = page.meta.get("hero_image")
        if hero is not None:
            return SocialImage(ImageFacts(site.absolute(hero.src), hero.width, hero.height, hero.alt), hero.alt)
        return None

    def author_url(self, facts: PageFacts, site: SiteFacts) -> str:
        if facts.post is None:
            return ""
        first = facts.post.authors[0] if facts.post.authors else None
        return first.url if first is not None and first.url else site.absolute(self.practice.practitioner.about_page)

    def post_facts(self, page: Page, config: MkDocsConfig) -> PostFacts:
        created = post_created(page)
        updated = post_updated(page)
        authors = tuple(self.blog_person(config, key, author) for key, author in post_authors(page))
        content = _parse(page.content or "")
        takeaways = [_collapse(item.text_content()) for item in content.xpath(TAKEAWAYS_XPATH)]
        return PostFacts(
            headline=_collapse(str(page.title)),
            published=created,
            modified=updated if isinstance(updated, datetime) and updated != created else None,
            authors=authors,
            sections=tuple(str(category.title) for category in post_categories(page)),
            keywords=tuple(str(tag) for tag in page.meta.get("tags") or ()),
            word_count=len(content.text_content().split()),
            abstract=" ".join(item for item in takeaways if item),
        )

    def review_facts(self, page: Page, config: MkDocsConfig) -> ReviewFacts | None:
        review = page.meta.get(REVIEW_META)
        if not review:
            return None
        author = blog_authors(config)[review["key"]]
        return ReviewFacts(self.blog_person(config, review["key"], author), review["date"])
