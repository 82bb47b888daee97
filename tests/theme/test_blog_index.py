"""The once-per-build blog maps: latest, related, neighbours and category membership."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest

from therapy_site.theme.blog_index import BlogIndex

START = datetime(2025, 1, 1)


class FakePost:
    """What the index reads from Material's ``Post``: categories and ``config.date.created``.

    ``__eq__`` treats every post as equal, as a reminder that the index must compare posts by identity.
    """

    def __init__(self, name: str, day: int, categories: list[SimpleNamespace]) -> None:
        self.name = name
        self.categories = categories
        self.config = SimpleNamespace(date=SimpleNamespace(created=START + timedelta(days=day)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FakePost)

    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return self.name


def category(title: str) -> SimpleNamespace:
    return SimpleNamespace(title=title)


def newest_first(posts: list[FakePost]) -> list[FakePost]:
    return sorted(posts, key=lambda post: post.config.date.created, reverse=True)


def names(posts) -> list[str]:
    return [post.name for post in posts]


@pytest.fixture
def blog() -> dict[str, object]:
    anxiety, trust, couples = category("Anxiety"), category("Trust"), category("Couples")
    posts = [
        FakePost("a", 1, [anxiety]),
        FakePost("b", 2, [anxiety, trust]),
        FakePost("c", 3, [trust]),
        FakePost("d", 4, [anxiety, trust]),
        FakePost("e", 5, [couples]),
        FakePost("f", 6, [trust, anxiety]),
        FakePost("g", 6, [anxiety]),  # same day as f
    ]
    by_name = {post.name: post for post in posts}
    return {"posts": newest_first(posts), "anxiety": anxiety, "trust": trust, "couples": couples, **by_name}


def reference_related(post: FakePost, posts: list[FakePost], count: int) -> list[str]:
    """The definition, spelled out slowly: other posts sharing a category; most shared categories first, then
    closest in date (before or after), ties in blog order."""

    def shared(other: FakePost) -> int:
        return sum(1 for c in post.categories if c in other.categories)

    def distance(other: FakePost) -> float:
        return abs((other.config.date.created - post.config.date.created).total_seconds())

    candidates = [other for other in posts if other is not post and shared(other)]
    return names(sorted(candidates, key=lambda other: (-shared(other), distance(other), posts.index(other)))[:count])


def test_related_posts_share_the_most_categories_then_are_closest_in_time(blog) -> None:
    index = BlogIndex(blog["posts"], related_count=3)
    assert names(index.related(blog["b"])) == ["d", "f", "c"]  # d, f share both; c (day 3) before a (day 1)
    assert names(index.related(blog["c"])) == ["d", "b", "f"]  # days 4 and 2 around day 3: the newer first
    assert names(index.related(blog["g"])) == ["f", "d", "b"]  # f: the same day


def test_the_newest_post_is_related_to_its_neighbours_in_the_topic_not_to_every_post() -> None:
    """Newest-first would put the newest post in the related list of every post of its category."""
    topic = category("Anxiety")
    posts = newest_first([FakePost(f"p{day:02d}", day, [topic]) for day in range(30)])
    index = BlogIndex(posts, related_count=3)
    newest = posts[0]
    listing_it = [post.name for post in posts if any(other is newest for other in index.related(post))]
    assert listing_it == ["p28", "p27"]


def test_related_posts_exclude_the_post_itself_and_repeat_no_post(blog) -> None:
    index = BlogIndex(blog["posts"], related_count=10)
    for post in blog["posts"]:
        related = index.related(post)
        assert all(other is not post for other in related)
        assert len({id(other) for other in related}) == len(related)


def test_related_posts_match_the_definition_for_every_post_and_count(blog) -> None:
    for count in (0, 1, 2, 3, 5, 10):
        index = BlogIndex(blog["posts"], related_count=count)
        for post in blog["posts"]:
            assert names(index.related(post)) == reference_related(post, blog["posts"], count), (post, count)


def test_related_order_is_stable_for_posts_of_the_same_day(blog) -> None:
    first = names(BlogIndex(blog["posts"], related_count=10).related(blog["a"]))
    again = names(BlogIndex(list(blog["posts"]), related_count=10).related(blog["a"]))
    assert first == again == ["b", "d", "f", "g"]  # f and g share a day: the blog's order decides


def test_post_alone_in_its_category_has_no_related_posts(blog) -> None:
    assert BlogIndex(blog["posts"]).related(blog["e"]) == ()


def test_latest_posts_are_the_first_of_the_newest_first_list(blog) -> None:
    index = BlogIndex(blog["posts"])
    assert names(index.latest(3)) == names(blog["posts"][:3])
    assert names(index.latest(100)) == names(blog["posts"])


def test_neighbours_are_the_adjacent_posts_in_blog_order(blog) -> None:
    index = BlogIndex(blog["posts"])
    posts = blog["posts"]
    assert index.neighbours(posts[0]) == (posts[1], None)
    assert index.neighbours(posts[3]) == (posts[4], posts[2])
    assert index.neighbours(posts[-1]) == (None, posts[-2])


def test_a_page_that_is_not_a_listed_post_has_no_neighbours(blog) -> None:
    stranger = FakePost("draft", 9, [blog["anxiety"]])
    assert BlogIndex(blog["posts"]).neighbours(stranger) == (None, None)


def test_category_membership_lists_each_categorys_posts_newest_first(blog) -> None:
    index = BlogIndex(blog["posts"])
    assert names(index.in_category(blog["anxiety"])) == ["f", "g", "d", "b", "a"]
    assert names(index.in_category(blog["trust"])) == ["f", "d", "c", "b"]
    assert names(index.in_category(blog["couples"])) == ["e"]
    assert index.in_category(category("Unused")) == ()


def test_related_is_linear_in_posts_not_quadratic() -> None:
    """Counted, not timed: building the maps for 600 posts compares no two posts with ``==``."""
    shared = category("Everything")
    comparisons = 0

    class CountingPost(FakePost):
        def __eq__(self, other: object) -> bool:
            nonlocal comparisons
            comparisons += 1
            return self is other

        __hash__ = object.__hash__

    posts = newest_first([CountingPost(str(number), number, [shared]) for number in range(600)])
    index = BlogIndex(posts, related_count=3)
    for post in posts:
        assert len(index.related(post)) == 3
    assert comparisons == 0


def test_the_footer_never_offers_a_neighbour_as_related_too(blog) -> None:
    """b's neighbours are a (older) and c (newer); c is among its related posts, so the footer takes the next."""
    index = BlogIndex(blog["posts"], related_count=3)
    assert index.neighbours(blog["b"]) == (blog["a"], blog["c"])
    assert names(index.related(blog["b"])) == ["d", "f", "c"]
    assert names(index.related_beyond_neighbours(blog["b"])) == ["d", "f", "g"]
    for post in blog["posts"]:
        shown = index.related_beyond_neighbours(post)
        assert not {id(other) for other in shown} & {id(other) for other in index.neighbours(post)}
