"""Latest, related and neighbouring blog posts for our templates, from :mod:`therapy_site.material.blog`."""

from __future__ import annotations

from therapy_site.material.blog import Post, category_posts, post_categories, post_created


def latest_posts(posts: list[Post], count: int) -> list[Post]:
    return posts[:count]


def related_posts(post: Post, count: int) -> list[Post]:
    """Up to ``count`` other posts sharing a category with ``post``, newest first, no repeats."""
    related: list[Post] = []
    for category in post_categories(post):
        for candidate in category_posts(category):
            if candidate is not post and candidate not in related:
                related.append(candidate)
    related.sort(key=post_created, reverse=True)
    return related[:count]


def neighbour_posts(posts: list[Post], post: Post) -> tuple[Post | None, Post | None]:
    """Return ``(older, newer)`` neighbours of ``post`` in the newest-first list."""
    if post not in posts:
        return None, None
    index = posts.index(post)
    older = posts[index + 1] if index + 1 < len(posts) else None
    newer = posts[index - 1] if index > 0 else None
    return older, newer
