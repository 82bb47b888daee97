"""The accessors of Material's blog, on the real site's own objects (built in this process)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import markdown
import yaml
from mkdocs.utils import meta

from therapy_site.material.blog import (
    blog_authors,
    blog_posts,
    blog_root,
    blog_settings,
    category_posts,
    is_listing,
    is_post,
    listing_first_page,
    listing_page_number,
    paginate,
    post_authors,
    post_categories,
    post_created,
    post_front_matter_problems,
    post_readtime,
    post_updated,
    renders_excerpt,
    uses_default_post_template,
)

LISTINGS = {
    "blog/",
    "blog/page/2/",
    "blog/archive/2025/",
    "blog/archive/2025/page/2/",
    "blog/category/anxiety/",
    "blog/category/relationships/",
    "blog/category/therapy-basics/",
}


def post_sources(project: Path) -> dict[str, dict]:
    """Front matter of each post source, by its URL."""
    sources = {}
    for path in sorted((project / "docs" / "blog" / "posts").glob("*.md")):
        _, front_matter = meta.get_data(path.read_text(encoding="utf-8"))
        sources[f"blog/{front_matter['slug']}/"] = front_matter
    return sources


def test_posts_and_listings_are_told_apart(objects_build) -> None:
    posts = set(post_sources(objects_build.project))
    assert len(posts) == 4
    assert {url for url, page in objects_build.pages.items() if is_post(page)} == posts
    assert {url for url, page in objects_build.pages.items() if is_listing(page)} == LISTINGS
    for url in ("", "about/", "book/", "privacy/"):
        page = objects_build.pages[url]
        assert not is_post(page) and not is_listing(page), url


def test_blog_posts_are_every_post_newest_first_with_front_matter_dates(objects_build) -> None:
    sources = post_sources(objects_build.project)
    posts = blog_posts(objects_build.config)
    assert [post.url for post in posts] == sorted(sources, key=lambda url: sources[url]["date"]["created"])[::-1]
    for post in posts:
        dates = sources[post.url]["date"]
        assert post_created(post).date() == dates["created"]
        updated = post_updated(post)
        assert (updated.date() if updated else None) == dates.get("updated")
        assert post_readtime(post) and post_readtime(post) >= 1
    assert post_updated(objects_build.pages["blog/role-of-trust-in-therapy/"]).date() == date(2025, 11, 20)


def test_posts_get_our_template_instead_of_materials(objects_build) -> None:
    for post in blog_posts(objects_build.config):
        assert post.meta["template"] == "post.html" and not uses_default_post_template(post)
    post = blog_posts(objects_build.config)[0]
    template = post.meta["template"]
    try:
        post.meta["template"] = "blog-post.html"
        assert uses_default_post_template(post)
    finally:
        post.meta["template"] = template


def test_categories_and_authors_come_from_front_matter_and_authors_file(objects_build) -> None:
    sources = post_sources(objects_build.project)
    authors_file = yaml.safe_load((objects_build.project / "docs/blog/.authors.yml").read_text(encoding="utf-8"))
    assert sorted(blog_authors(objects_build.config)) == sorted(authors_file["authors"])
    allowed = set(blog_settings(objects_build.config).categories_allowed)
    for post in blog_posts(objects_build.config):
        front = sources[post.url]
        titles = [str(category.title) for category in post_categories(post)]
        assert titles == [name for name in front["categories"] if name in allowed]
        for category in post_categories(post):
            assert post in category_posts(category)
        pairs = post_authors(post)
        assert [key for key, _ in pairs] == front["authors"]
        names = [authors_file["authors"][key]["name"] for key in front["authors"]]
        assert [author.name for _, author in pairs] == names


def test_blog_root_and_pagination(objects_build) -> None:
    root = blog_root(objects_build.config)
    assert root is objects_build.pages["blog/"]
    second = objects_build.pages["blog/page/2/"]
    assert listing_first_page(second) is root and listing_page_number(second) == 2
    assert listing_first_page(root) is root and listing_page_number(root) == 1
    category = objects_build.pages["blog/category/anxiety/"]
    assert listing_first_page(category) is category and listing_page_number(category) == 1


def test_blog_settings_match_mkdocs_yml(objects_build) -> None:
    settings = blog_settings(objects_build.config)
    docs = objects_build.project / "docs"
    assert settings.blog_dir == "blog"
    assert settings.posts_dir == docs / "blog" / "posts"
    assert settings.authors_file == docs / "blog" / ".authors.yml" and settings.authors_file.is_file()
    assert settings.categories_allowed == ("Therapy basics", "Anxiety", "Relationships")
    assert settings.post_url_format == "{slug}"
    assert settings.slugify("Calm Mornings, at Last!") == "calm-mornings-at-last"


def test_excerpt_rendering_is_recognised(objects_build) -> None:
    post = objects_build.pages["blog/role-of-trust-in-therapy/"]
    assert renders_excerpt(post.excerpt.md), "Material renders excerpts with its own Markdown instance"
    assert not renders_excerpt(markdown.Markdown(extensions=["toc"]))


def test_front_matter_problems_are_the_ones_material_rejects() -> None:
    valid = {"date": {"created": date(2025, 1, 31)}, "pin": True, "readtime": 3, "title": "t"}
    assert post_front_matter_problems("x.md", valid) == []
    assert [key for key, _ in post_front_matter_problems("x.md", {**valid, "pin": "often"})] == ["pin"]
    assert [key for key, _ in post_front_matter_problems("x.md", {**valid, "readtime": "long"})] == ["readtime"]


def test_paginate_splits_posts_as_materials_pages() -> None:
    assert paginate([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
    assert paginate([1, 2, 3], 0) == [[1, 2, 3]]  # not paginated: one page shows all
    assert paginate([], 3) == []


def test_blog_urls_of_posts_and_views(objects_build) -> None:
    settings = blog_settings(objects_build.config)
    assert settings.post_slug({"slug": "own-slug", "title": "A Title"}) == "own-slug"
    assert settings.post_slug({"title": "A Title"}) == "a-title"
    assert settings.post_url("a-title") == "/blog/a-title/"
    assert settings.post_url(None) is None
    category = settings.slugify(settings.categories_allowed[0])
    for path in ("blog/page/2", "blog/archive/2025", "blog/archive/2025/page/3", f"blog/category/{category}",
                 f"blog/category/{category}/page/2", "blog/a-title"):
        assert settings.view_exists(path, ["a-title"]), path
    for path in ("blog/category/not-allowed", "blog/archive/25", "blog/other", "about/page/2"):
        assert not settings.view_exists(path, ["a-title"]), path
