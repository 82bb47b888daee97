"""Once-per-build facts about the blog: latest posts, related posts, neighbours, category membership.

Templates ask for these on every page. Computing them per page cost a list
scan per candidate (quadratic in posts); here each map is built once, on first
use in a build, from the accessors over Material's blog data, and looked up in
constant time afterwards. The theme plugin owns one index per build and drops
it in ``on_pre_build``: no module-level cache.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from therapy_site.material.blog import post_categories, post_created


@dataclass
class BlogIndex:
    """Facts about ``posts`` (newest first, as Material's blog holds them), computed once.

    ``related_count`` bounds the related posts kept per post. Posts are keyed by
    identity: Material's ``Page.__eq__`` compares titles and files, which is slow
    and not what "the same post" means here.
    """

    posts: list[Any]
    related_count: int = 3
    _position: dict[int, int] = field(init=False, repr=False)
    _members: dict[int, tuple[Any, ...]] = field(init=False, repr=False)
    _related: dict[int, tuple[Any, ...]] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._position = {id(post): index for index, post in enumerate(self.posts)}
        self._members = {}
        for post in self.posts:
            for category in _categories(post):
                key = id(category)
                if key not in self._members:
                    self._members[key] = tuple(other for other in self.posts if _in(other, category))

    def latest(self, count: int) -> list[Any]:
        return self.posts[:count]

    def position(self, post: Any) -> int | None:
        """Index of ``post`` in the newest-first list, ``None`` for a page that is not a listed post."""
        return self._position.get(id(post))

    def neighbours(self, post: Any) -> tuple[Any | None, Any | None]:
        """``(older, newer)`` neighbours of ``post``; both ``None`` when it is not a listed post."""
        index = self.position(post)
        if index is None:
            return None, None
        older = self.posts[index + 1] if index + 1 < len(self.posts) else None
        newer = self.posts[index - 1] if index > 0 else None
        return older, newer

    def in_category(self, category: Any) -> tuple[Any, ...]:
        """Listed posts of ``category``, newest first."""
        return self._members.get(id(category), ())

    def related(self, post: Any) -> tuple[Any, ...]:
        """Up to ``related_count`` other posts sharing a category with ``post``, no repeats: those sharing the
        most categories first, then those written closest in time to it (before or after).

        Closest in time, not newest: each post then links to its own neighbours in the topic rather than
        every post to the same newest few, which the home page lists anyway; and a new title in preview
        re-renders the few posts that list it, not a whole category. Ties keep the blog's own (newest-first)
        order, so the result is stable.
        """
        return self._ranked(post)[: self.related_count]

    def related_beyond_neighbours(self, post: Any) -> tuple[Any, ...]:
        """The related posts a post's footer lists: as :meth:`related`, leaving out its older and newer
        neighbours, which the footer links right below them (the same article is never offered twice)."""
        neighbours = {id(other) for other in self.neighbours(post) if other is not None}
        return tuple(other for other in self._ranked(post) if id(other) not in neighbours)[: self.related_count]

    def _ranked(self, post: Any) -> tuple[Any, ...]:
        """The first posts sharing a category with ``post``, in :meth:`related`'s order (computed once per post)."""
        key = id(post)
        if key not in self._related:
            self._related[key] = self._compute_ranked(post)
        return self._related[key]

    def _compute_ranked(self, post: Any) -> tuple[Any, ...]:
        shared: dict[int, int] = {}  # id(candidate) -> categories shared with post
        candidates: list[Any] = []
        for category in _categories(post):
            for candidate in self.in_category(category):
                if candidate is post:
                    continue
                if id(candidate) not in shared:
                    shared[id(candidate)] = 0
                    candidates.append(candidate)
                shared[id(candidate)] += 1
        created = _created(post)
        candidates.sort(
            key=lambda other: (-shared[id(other)], abs(_created(other) - created), self._position[id(other)])
        )
        return tuple(candidates[: self.related_count + 2])  # enough when both neighbours are left out


def _categories(post: Any) -> Iterable[Any]:
    return post_categories(post) if getattr(post, "categories", None) else ()


def _in(post: Any, category: Any) -> bool:
    return any(own is category for own in _categories(post))


def _created(post: Any) -> float:
    return post_created(post).timestamp()
