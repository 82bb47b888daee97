"""Material's blog plugin as the rest of the package sees it: small typed accessors, nothing else.

Every read of ``material.plugins.blog`` objects (the plugin instance, posts,
views, authors, categories, dates, excerpts, settings) goes through here, so a
change in Material's blog, or a move to Zensical, is handled in one file.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from material.plugins.blog.author import Author
from material.plugins.blog.structure import Archive, Category, Post, Profile, View
from material.plugins.blog.structure.config import PostConfig

from therapy_site.material.markdown import renders_excerpt

BLOG_PLUGIN = "material/blog"
# The name Material registers its excerpt tree processor under while it re-renders a post for a listing page.
# The template Material's blog gives a post whose front matter names none.
DEFAULT_POST_TEMPLATE = "blog-post.html"
T = TypeVar("T")
# The URLs of the views Material's blog generates below its folder (default formats): numbered index pages,
# yearly archives, categories (each possibly paginated).
VIEW_URL_PATTERNS = (r"page/\d+", r"archive/\d{4}(/page/\d+)?", r"category/([^/]+)(/page/\d+)?")

__all__ = [
    "Author",
    "BlogSettings",
    "Category",
    "Post",
    "View",
    "blog_authors",
    "blog_excerpt_separator",
    "blog_posts",
    "blog_root",
    "blog_settings",
    "blog_views",
    "category_posts",
    "is_listing",
    "is_post",
    "listing_first_page",
    "listing_kind",
    "listing_page_number",
    "listing_pages",
    "listing_posts",
    "paginate",
    "post_authors",
    "post_categories",
    "post_created",
    "post_dest_uri",
    "post_front_matter_problems",
    "post_readtime",
    "post_updated",
    "renders_excerpt",
    "uses_default_post_template",
]


def _blog_plugin(config: Any) -> Any:
    """Material's blog plugin instance, or ``None`` when the site has no blog."""
    return config.plugins.get(BLOG_PLUGIN)


# -- pages --------------------------------------------------------------------------------------------------------


def is_post(page: Any) -> bool:
    """A blog post (Material's ``Post``): front-matter dates, authors and categories."""
    return isinstance(page, Post)


def is_listing(page: Any) -> bool:
    """A blog view (index, archive, category, author, or one of their numbered pages): it lists excerpts."""
    return isinstance(page, View)


def blog_root(config: Any) -> View | None:
    """The blog's index view, or ``None`` without Material's blog plugin."""
    blog = _blog_plugin(config)
    return getattr(blog, "blog", None) if blog is not None else None


def blog_posts(config: Any) -> list[Post]:
    """All published posts, newest first."""
    root = blog_root(config)
    return list(root.posts) if root else []


def blog_views(config: Any) -> list[tuple[View, int]]:
    """Every listing view (index, archive, categories, authors) with its posts per page (0: one page for all)."""
    blog = _blog_plugin(config)
    if blog is None or not getattr(blog, "blog", None):
        return []
    views = []
    for view in blog._resolve_views(blog.blog):
        per_page = blog._config_pagination_per_page(view) if blog._config_pagination(view) else 0
        views.append((view, int(per_page)))
    return views


def blog_excerpt_separator(config: Any) -> str:
    """The marker that ends a post's excerpt (``<!-- more -->`` unless configured)."""
    blog = _blog_plugin(config)
    return str(getattr(getattr(blog, "config", None), "post_excerpt_separator", "<!-- more -->"))


def listing_first_page(view: View) -> View:
    """The first page of a paginated listing (the view itself when it is the first or only page)."""
    return view.pages[0] if view.pages else view


def listing_pages(view: View) -> int:
    """How many pages the listing ``view`` belongs to takes (1 when it is not paginated)."""
    return max(1, len(listing_first_page(view).pages))


def listing_page_number(view: View) -> int:
    """1 for the first page of a listing, 2 for the next, ..."""
    first = listing_first_page(view)
    if view is first:
        return 1
    # By identity: list.index compares pages with Page.__eq__ (titles, files), O(pages) per listing page.
    return next(number for number, page in enumerate(first.pages, start=1) if page is view)


def listing_kind(view: View) -> str:
    """``archive``, ``category``, ``profile`` (an author's page) or ``index`` (the blog's own listing)."""
    for kind, cls in (("archive", Archive), ("category", Category), ("profile", Profile)):
        if isinstance(view, cls):
            return kind
    return "index"


def listing_posts(view: View, config: Any) -> list[Post]:
    """The posts this page of a listing shows (its slice when the blog paginates), newest first."""
    posts = list(view.posts)
    blog = _blog_plugin(config)
    first = listing_first_page(view)
    if blog is None or len(first.pages) < 2 or view not in first.pages:
        return posts
    pages = paginate(posts, max(1, int(blog._config_pagination_per_page(first))))
    at = first.pages.index(view)
    return pages[at] if at < len(pages) else []


def paginate(posts: Sequence[T], per_page: int) -> list[list[T]]:
    """The posts each page of a listing shows, first page first, as Material's blog splits them.

    ``per_page`` 0 (or less): the listing is not paginated, one page shows them all.
    """
    if per_page <= 0:
        return [list(posts)]
    return [list(posts[at : at + per_page]) for at in range(0, len(posts), per_page)]


# -- posts --------------------------------------------------------------------------------------------------------


def post_dest_uri(file: Any, config: Any) -> str:
    """Where Material's blog would write the page of ``file`` (``blog/<slug>/index.html`` for a post), before
    the blog has read it: for a page the build leaves out. The file's own output path when it is no post, or
    when its front matter cannot tell (Material's blog cannot read it either)."""
    blog = _blog_plugin(config)
    if blog is None:
        return str(file.dest_uri)
    posts_dir = posixpath.normpath(blog.config.post_dir.format(blog=blog.config.blog_dir))
    if not file.src_uri.startswith(posts_dir + "/"):
        return str(file.dest_uri)
    page, dest_uri = file.page, str(file.dest_uri)
    try:
        path = blog._format_path_for_post(Post(file, config), config)
        return str(blog._path_to_file(path, config, temp=False).dest_uri)
    except Exception:  # front matter Material's blog cannot read: the validation says why
        return dest_uri
    finally:
        file.page = page  # reading a post makes it the file's page; this file's page is not built


def post_created(post: Post) -> datetime:
    return post.config.date.created


def post_updated(post: Post) -> datetime | None:
    """The front matter's ``date.updated``, or ``None``."""
    return post.config.date.updated or None


def uses_default_post_template(post: Post) -> bool:
    """Whether the post is rendered with Material's own post template (its front matter names no other)."""
    return post.meta.get("template") == DEFAULT_POST_TEMPLATE


def post_readtime(post: Post) -> int | None:
    return post.config.readtime


def post_categories(post: Post) -> list[Category]:
    """The post's category views, in front-matter order (each has ``title``, ``url``, ``canonical_url``)."""
    return list(post.categories)


def category_posts(category: Category) -> list[Post]:
    return list(category.posts)


def post_authors(post: Post) -> list[tuple[str, Author]]:
    """``(key in .authors.yml, author)`` for each of the post's authors, in front-matter order."""
    return list(zip(post.config.authors, post.authors, strict=False))


def post_front_matter_problems(path: str, meta: dict[str, Any]) -> list[tuple[str, str]]:
    """``(key, problem)`` for front matter that Material's blog itself would reject (draft, pin, readtime, ...)."""
    post_config = PostConfig(path)
    post_config.load_dict({key: meta[key] for key in set(post_config.keys()) & set(meta)})
    errors, _warnings = post_config.validate()
    return [(key, str(problem)) for key, problem in errors]


# -- site-wide ----------------------------------------------------------------------------------------------------


def blog_authors(config: Any) -> dict[str, Author]:
    """The blog's authors by key (``.authors.yml``); empty before the blog plugin read them or without a blog."""
    return dict(getattr(_blog_plugin(config), "authors", None) or {})


@dataclass(frozen=True)
class BlogSettings:
    """Where the blog's sources live and how post URLs are made, as the authoring tools need them."""

    blog_dir: str
    posts_dir: Path
    authors_file: Path
    categories_allowed: tuple[str, ...]
    post_url_format: str
    slugify: Callable[[str], str]
    future_is_draft: bool = True  # draft_if_future_date: a post dated in the future is scheduled, unpublished

    @property
    def url_dir(self) -> str:
        """The blog's folder in site URLs (``blog``): its posts and views are below it."""
        return posixpath.normpath(self.blog_dir)

    def post_slug(self, meta: dict[str, Any]) -> str | None:
        """The slug Material's blog gives a post: its front matter's ``slug``, else its slugified title."""
        slug = meta.get("slug")
        if isinstance(slug, str) and slug:
            return slug
        title = meta.get("title")
        if isinstance(title, str) and title:
            return self.slugify(title)
        return None

    def post_url(self, slug: str | None) -> str | None:
        """A post's URL path (``/blog/<slug>/``); ``None`` when it holds more than the slug (a date) or no slug."""
        if self.post_url_format != "{slug}" or not slug:
            return None
        return f"/{self.url_dir}/{slug}/"

    def view_exists(self, path: str, post_slugs: Iterable[str]) -> bool:
        """Whether the site path ``path`` (``blog/page/2``, no slashes around) is a post or a view of the blog.

        Views: the index's numbered pages, the yearly archives and the allowed categories (and their pages).
        """
        if not path.startswith(self.url_dir + "/"):
            return False
        rest = path[len(self.url_dir) + 1 :]
        if rest in post_slugs:
            return True
        categories = {self.slugify(name) for name in self.categories_allowed}
        for pattern in VIEW_URL_PATTERNS:
            match = re.fullmatch(pattern, rest)
            if match and (not pattern.startswith("category") or match.group(1) in categories):
                return True
        return False


def blog_settings(config: Any) -> BlogSettings | None:
    """The blog plugin's settings for the site in ``config``, or ``None`` without the blog plugin."""
    blog = _blog_plugin(config)
    if blog is None:
        return None
    options = blog.config
    docs_dir = Path(config.docs_dir)
    separator = options.post_slugify_separator
    return BlogSettings(
        blog_dir=options.blog_dir,
        posts_dir=docs_dir / options.post_dir.format(blog=options.blog_dir),
        authors_file=docs_dir / options.authors_file.format(blog=options.blog_dir),
        categories_allowed=tuple(options.categories_allowed),
        post_url_format=options.post_url_format,
        slugify=lambda text: options.post_slugify(text, separator),
        future_is_draft=bool(options.draft_if_future_date),
    )
