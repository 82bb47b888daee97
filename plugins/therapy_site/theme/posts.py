"""Blog posts as Material's blog plugin holds them: latest, related by category."""

from __future__ import annotations

from typing import Any

from mkdocs.structure.pages import Page


def is_post(page: Page) -> bool:
    """Material's blog plugin marks posts by their class, ``material.plugins.blog.structure.Post``."""
    return type(page).__name__ == "Post" and hasattr(page, "categories")


def blog_posts(config: Any) -> list[Page]:
    """All published posts, newest first, from the blog plugin instance."""
    blog = config.plugins.get("material/blog")
    if blog is None or not getattr(blog, "blog", None):
        return []
    return list(blog.blog.posts)


def latest_posts(posts: list[Page], count: int) -> list[Page]:
    return posts[:count]


def related_posts(post: Page, count: int) -> list[Page]:
    """Up to ``count`` other posts sharing a category with ``post``, newest first, no repeats."""
    related: list[Page] = []
    for category in getattr(post, "categories", []):
        for candidate in category.posts:
            if candidate is not post and candidate not in related:
                related.append(candidate)
    related.sort(key=lambda other: other.config.date.created, reverse=True)
    return related[:count]


def neighbour_posts(posts: list[Page], post: Page) -> tuple[Page | None, Page | None]:
    """Return ``(older, newer)`` neighbours of ``post`` in the newest-first list."""
    if post not in posts:
        return None, None
    index = posts.index(post)
    older = posts[index + 1] if index + 1 < len(posts) else None
    newer = posts[index - 1] if index > 0 else None
    return older, newer
