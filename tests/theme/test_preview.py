"""The preview's rebuild plan: after an edit, exactly the pages that show what changed."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

from therapy_site.theme.blog_index import BlogIndex
from therapy_site.theme.preview import BlogLayout, PostFacts, Snapshot, plan_rebuild, post_facts

SEPARATOR = "<!-- more -->"


def make_post(number: int, category: SimpleNamespace) -> SimpleNamespace:
    return SimpleNamespace(
        file=SimpleNamespace(src_uri=f"blog/posts/p{number}.md", generated_by=None),
        categories=[category],
        config=SimpleNamespace(date=SimpleNamespace(created=datetime(2025, 1, 1) + timedelta(days=number))),
        meta={
            "title": f"Post {number}",
            "date": {"created": f"2025-01-{number + 1:02d}"},
            "categories": [category.title],
        },
        markdown=f"Excerpt {number}.\n\n{SEPARATOR}\n\nBody {number}.",
    )


def view(uri: str, posts: list, *, generated: bool = True) -> SimpleNamespace:
    return SimpleNamespace(
        file=SimpleNamespace(src_uri=uri, generated_by="material/blog" if generated else None), posts=posts, pages=[]
    )


def blog() -> tuple[BlogLayout, BlogIndex]:
    calm, couples = SimpleNamespace(title="Calm"), SimpleNamespace(title="Couples")
    posts = [make_post(number, calm if number % 2 else couples) for number in range(6)][::-1]  # newest first
    index_view = view("blog/index.md", posts, generated=False)
    page_two = SimpleNamespace(file=SimpleNamespace(src_uri="blog/page/2.md", generated_by="material/blog"))
    page_three = SimpleNamespace(file=SimpleNamespace(src_uri="blog/page/3.md", generated_by="material/blog"))
    index_view.pages = [index_view, page_two, page_three]
    calm_view = view("blog/category/calm.md", [post for post in posts if post.categories[0] is calm])
    calm_view.pages = [calm_view]
    couples_view = view("blog/category/couples.md", [post for post in posts if post.categories[0] is couples])
    couples_view.pages = [couples_view]
    views = [index_view, calm_view, couples_view]
    per_page = {id(index_view): 2, id(calm_view): 10, id(couples_view): 10}
    return BlogLayout(posts, views, per_page), BlogIndex(posts, related_count=2)


def snapshot(layout: BlogLayout, *, stamps: dict[str, tuple[int, int]] | None = None) -> Snapshot:
    sources = {post.file.src_uri: (1, 1) for post in layout.posts}
    sources.update({"index.md": (1, 1), "about.md": (1, 1), "blog/index.md": (1, 1)})
    sources.update(stamps or {})
    return Snapshot(
        sources=sources,
        watched={"mkdocs.yml": (1, 1)},
        posts={post.file.src_uri: post_facts(post, SEPARATOR) for post in layout.posts},
    )


def edit(layout: BlogLayout, number: int, **changes: str) -> Snapshot:
    post = next(post for post in layout.posts if post.file.src_uri == f"blog/posts/p{number}.md")
    if "title" in changes:
        post.meta = {**post.meta, "title": changes["title"]}
    if "excerpt" in changes:
        post.markdown = post.markdown.replace(f"Excerpt {number}.", changes["excerpt"])
    if "body" in changes:
        post.markdown = post.markdown.replace(f"Body {number}.", changes["body"])
    if "date" in changes:
        post.meta = {**post.meta, "date": {"created": changes["date"]}}
    return snapshot(layout, stamps={post.file.src_uri: (2, 2)})


def test_first_build_and_template_changes_rebuild_everything() -> None:
    layout, index = blog()
    assert plan_rebuild(None, snapshot(layout), layout, index) is None
    changed = snapshot(layout)
    changed.watched = {"mkdocs.yml": (2, 2)}
    assert plan_rebuild(snapshot(layout), changed, layout, index) is None


def test_nothing_changed_rebuilds_nothing() -> None:
    layout, index = blog()
    assert plan_rebuild(snapshot(layout), snapshot(layout), layout, index) == set()


def test_a_body_edit_rebuilds_only_the_post() -> None:
    layout, index = blog()
    before = snapshot(layout)
    assert plan_rebuild(before, edit(layout, 2, body="New body."), layout, index) == {"blog/posts/p2.md"}


def test_an_excerpt_edit_rebuilds_the_listing_pages_showing_the_post_and_their_posts() -> None:
    layout, index = blog()
    before = snapshot(layout)
    plan = plan_rebuild(before, edit(layout, 2, excerpt="New excerpt."), layout, index)
    # Newest first: p5 p4 | p3 p2 | p1 p0 -> p2 is on the blog's page 2; category Couples holds p4, p2, p0.
    assert plan == {
        "blog/posts/p2.md", "blog/page/2.md", "blog/posts/p3.md",
        "blog/category/couples.md", "blog/posts/p4.md", "blog/posts/p0.md",
    }  # fmt: skip


def test_a_title_edit_also_rebuilds_related_neighbour_and_other_pages() -> None:
    layout, index = blog()
    before = snapshot(layout)
    plan = plan_rebuild(before, edit(layout, 4, title="A new title"), layout, index)
    assert plan is not None
    related_to_p4 = {"blog/posts/p2.md", "blog/posts/p0.md"}  # Couples; two related posts each
    neighbours = {"blog/posts/p5.md", "blog/posts/p3.md"}
    assert related_to_p4 | neighbours | {"index.md", "about.md", "blog/posts/p4.md"} <= plan
    assert "blog/posts/p1.md" not in plan  # Calm, lists neither p4 as related nor as neighbour


def test_a_post_that_moves_rebuilds_everything() -> None:
    layout, index = blog()
    before = snapshot(layout)
    assert plan_rebuild(before, edit(layout, 1, date="2030-01-01"), layout, index) is None


def test_a_new_page_rebuilds_everything() -> None:
    layout, index = blog()
    before = snapshot(layout)
    after = snapshot(layout, stamps={"new.md": (1, 1)})
    assert plan_rebuild(before, after, layout, index) is None


def test_post_facts_separate_what_listings_show_from_the_body() -> None:
    layout, _ = blog()
    post = layout.posts[0]
    before = post_facts(post, SEPARATOR)
    post.markdown = post.markdown.replace("Body", "Changed body")
    after = post_facts(post, SEPARATOR)
    assert isinstance(after, PostFacts)
    assert (before.placing, before.listed, before.title) == (after.placing, after.listed, after.title)


def test_compiled_templates_serve_the_next_build_and_notice_edited_templates(tmp_path: Path) -> None:
    from jinja2 import DictLoader, Environment

    from therapy_site.theme.templates import compiled_templates

    folder = tmp_path / ".cache" / "templates"
    templates = {"page.html": "Hello {{ name }}"}

    def render(name: str) -> str:  # each build (and preview rebuild) has a new environment and a new cache
        environment = Environment(loader=DictLoader(templates), bytecode_cache=compiled_templates(folder))
        return environment.get_template("page.html").render(name=name)

    def written() -> dict[str, int]:  # Jinja writes a compiled template to a new file, renamed into place
        return {path.name: path.stat().st_ino for path in folder.iterdir()}

    assert render("Anna") == "Hello Anna"
    first = written()
    assert len(first) == 1
    assert render("Sam") == "Hello Sam"
    assert written() == first  # read from the folder, not compiled and written again
    templates["page.html"] = "Goodbye {{ name }}"
    assert render("Sam") == "Goodbye Sam"
    assert written().keys() == first.keys() and written() != first
