"""What kind of page MkDocs is rendering: a blog post, a blog listing (index, archive, category, pages) or other."""

from __future__ import annotations

from typing import Any

from therapy_site.theme.posts import is_post

__all__ = ["blog_root", "is_listing", "is_post"]


def is_listing(page: Any) -> bool:
    """Material's blog views (``material.plugins.blog.structure.View`` and its subclasses) list posts' excerpts."""
    try:
        from material.plugins.blog.structure import View
    except ImportError:  # pragma: no cover - Material is a dependency; stay usable without its blog
        return False
    return isinstance(page, View)


def blog_root(config: Any) -> Any:
    """The blog's index view, or ``None`` without Material's blog plugin."""
    blog = config.plugins.get("material/blog")
    return getattr(blog, "blog", None) if blog is not None else None
