"""Each repair of Material's markup: the finding is in Material's output, the repair removes it, nothing else moves.

``unrepaired_build`` is the real site with the repairs switched off; ``site_build``
the real site as published. Both come from the same sources.
"""

from __future__ import annotations

import difflib

import pytest
from lxml import html as lxml_html

from helpers import Build
from therapy_site.material.editor import MarkupEditor
from therapy_site.material.repairs import (
    SKIP_TARGET_ID,
    RepairContext,
    drop_checkbox_autocomplete,
    drop_dangling_label_for,
    drop_empty_tabindex,
    name_pagination_nav,
    name_post_sidebar_nav,
    repair_material_markup,
    skip_link_to_content,
    unique_excerpt_ids,
)

POST = "blog/role-of-trust-in-therapy/"
LISTINGS = ("blog/", "blog/page/2/", "blog/archive/2025/", "blog/category/therapy-basics/")


def only(repair, html: str, context: RepairContext | None = None) -> str:
    editor = MarkupEditor(html)
    repair(editor, context or RepairContext())
    return editor.result()


def tree(html: str):
    return lxml_html.fromstring(html)


def dangling_labels(html: str) -> list[str]:
    page = tree(html)
    ids = set(page.xpath("//@id"))
    return [label.get("for") for label in page.xpath("//label[@for]") if label.get("for") not in ids]


def test_published_pages_are_material_output_with_exactly_these_repairs(
    unrepaired_build: Build, site_build: Build
) -> None:
    pages = sorted(path.relative_to(site_build.site).as_posix() for path in site_build.site.rglob("*.html"))
    assert len(pages) >= 15
    for name in pages:
        raw = (unrepaired_build.site / name).read_text(encoding="utf-8")
        published = (site_build.site / name).read_text(encoding="utf-8")
        listing = any(name == f"{url}index.html" for url in LISTINGS) or "/page/" in name or "/category/" in name
        listing = listing or name.startswith("blog/archive/")
        assert raw != published, f"{name}: no repair made"
        assert repair_material_markup(raw, RepairContext(listing=listing)) == published, name
        assert repair_material_markup(published, RepairContext(listing=listing)) == published, f"{name}: not idempotent"


def test_only_the_repaired_lines_change(unrepaired_build: Build, site_build: Build) -> None:
    raw, published = unrepaired_build.text(POST), site_build.text(POST)
    removed = [line for line in difflib.ndiff(raw.splitlines(), published.splitlines()) if line.startswith("- ")]
    markers = ('autocomplete="off"', 'tabindex=""', 'for="__toc"', "md-skip", "md-content", "md-nav--primary")
    blank_or_skip = [line for line in removed if not any(marker in line for marker in markers)]
    # The skip link's own lines (Material writes it over three) are rewritten as one.
    assert all(line[2:].strip() in ("", "Skip to content", "</a>") for line in blank_or_skip), blank_or_skip
    assert len(removed) < 15, removed


def test_checkbox_toggles_lose_autocomplete_text_inputs_keep_it(unrepaired_build: Build) -> None:
    """vnu: autocomplete is not allowed on checkboxes (Material's drawer and search toggles)."""
    raw = unrepaired_build.text("")
    assert len(tree(raw).xpath("//input[@type='checkbox'][@autocomplete]")) == 2
    repaired = tree(only(drop_checkbox_autocomplete, raw))
    assert repaired.xpath("//input[@type='checkbox'][@autocomplete]") == []
    assert repaired.xpath("//input[@id='__drawer']") and repaired.xpath("//input[@id='__search']")
    assert repaired.xpath("//input[@type='text'][@class='md-search__input']/@autocomplete") == ["off"]


def test_empty_tabindex_goes(unrepaired_build: Build) -> None:
    """vnu: bad value '' for tabindex (navigation section labels)."""
    raw = unrepaired_build.text("blog/")
    labels = tree(raw).xpath("//label[@tabindex='']")
    assert labels, 'Material writes tabindex="" on section labels'
    repaired = tree(only(drop_empty_tabindex, raw))
    assert repaired.xpath("//*[@tabindex='']") == []
    assert len(repaired.xpath("//label[@class='md-nav__link'][@for]")) >= len(labels)


def test_labels_for_missing_controls_lose_for(unrepaired_build: Build) -> None:
    """vnu: a label's for must name a control; posts (not in the nav) have no __toc toggle."""
    raw = unrepaired_build.text(POST)
    assert dangling_labels(raw) == ["__toc"]
    repaired = only(drop_dangling_label_for, raw)
    assert dangling_labels(repaired) == []
    assert tree(repaired).xpath("//label[@for='__drawer']"), "labels of existing controls keep for"


# Material's blog-post.html sidebar, as it writes it (the site's overrides/post.html leaves this sidebar out).
MATERIAL_POST_SIDEBAR = """<!doctype html><html><body><main>
<div class="md-content md-content--post" data-md-component="content">
<div class="md-sidebar md-sidebar--post" data-md-component="sidebar" data-md-type="navigation">
<div class="md-sidebar__scrollwrap"><div class="md-sidebar__inner md-post">
<nav class="md-nav md-nav--primary"><div class="md-post__back"></div></nav>
</div></div></div><article class="md-content__inner md-typeset"></article></div></main></body></html>"""


def test_post_sidebar_nav_gets_a_name(unrepaired_build: Build) -> None:
    """axe landmark-unique: the post sidebar's <nav> next to the site navigation."""
    path = "//div[contains(@class, 'md-post')]/nav[contains(@class, 'md-nav--primary')]"
    # The site's posts no longer carry Material's post sidebar (it repeated the author and dates).
    assert tree(unrepaired_build.text(POST)).xpath(path) == []
    raw = MATERIAL_POST_SIDEBAR
    (nav,) = tree(raw).xpath(path)
    assert nav.get("aria-label") is None
    (nav,) = tree(only(name_post_sidebar_nav, raw, RepairContext(post_sidebar_label="About this post"))).xpath(path)
    assert nav.get("aria-label") == "About this post"


@pytest.mark.parametrize("url_path", [POST, "404.html"])
def test_skip_link_goes_to_the_content_area(unrepaired_build: Build, url_path: str) -> None:
    """Keyboard: Material's skip link skips a post's title, and is missing on pages without headings."""
    raw = unrepaired_build.text(url_path)
    links = tree(raw).xpath("//a[@class='md-skip']/@href")
    assert links != [f"#{SKIP_TARGET_ID}"]
    repaired = tree(only(skip_link_to_content, raw, RepairContext(skip_text="Skip to content")))
    (link,) = repaired.xpath("//div[@data-md-component='skip']/a[@class='md-skip']")
    assert link.get("href") == f"#{SKIP_TARGET_ID}" and link.text_content() == "Skip to content"
    (target,) = repaired.xpath(f"//*[@id='{SKIP_TARGET_ID}']")
    assert "md-content" in target.get("class").split()


EXCERPT = """<article class="md-post md-post--excerpt">
  <div class="md-post__content md-typeset">
<section aria-labelledby="key-takeaways" class="ts-takeaways">
<h2 class="ts-takeaways__title" id="key-takeaways"><a class="toclink" href="{slug}/#key-takeaways">Key</a></h2>
<p><a href="#key-takeaways">Back</a> <a href="#elsewhere">Out</a></p>
</section>
  </div>
</article>
"""


def listing_page(*slugs: str, before: str = "") -> str:
    excerpts = "".join(EXCERPT.format(slug=slug) for slug in slugs)
    return f"<!doctype html>\n<html><body><main>{before}\n{excerpts}</main></body></html>"


def test_excerpt_ids_are_made_unique_on_listing_pages_only() -> None:
    """vnu duplicate ID, axe duplicate-id-aria: each excerpt is rendered on its own."""
    page = listing_page("first", "second", "third", before='<h2 id="key-takeaways_1">Other</h2>')
    assert only(unique_excerpt_ids, page) == page, "not a listing page"
    repaired = tree(only(unique_excerpt_ids, page, RepairContext(listing=True)))
    assert repaired.xpath("//h2/@id") == ["key-takeaways_1", "key-takeaways", "key-takeaways_2", "key-takeaways_3"]
    assert repaired.xpath("//section/@aria-labelledby") == ["key-takeaways", "key-takeaways_2", "key-takeaways_3"]
    assert repaired.xpath("//p/a[1]/@href") == ["#key-takeaways", "#key-takeaways_2", "#key-takeaways_3"]
    assert repaired.xpath("//p/a[2]/@href") == ["#elsewhere"] * 3
    toclinks = ["first/#key-takeaways", "second/#key-takeaways", "third/#key-takeaways"]
    assert repaired.xpath("//a[@class='toclink']/@href") == toclinks, "links into the posts stay"
    single = listing_page("only")
    assert only(unique_excerpt_ids, single, RepairContext(listing=True)) == single


def test_a_listings_pager_is_a_named_landmark(paged_build: Build) -> None:
    """pa11y: the pager of a listing with more than one page was a <nav> landmark without a name."""
    for path in ("blog/", "blog/page/2/"):
        (nav,) = paged_build.html(path).xpath("//nav[contains(@class, 'md-pagination')]")
        assert nav.get("aria-label") == "Pages of articles"
        assert nav.xpath(".//a"), "a pager with links"
    raw = '<html><body><nav class="md-pagination"><a href="page/2/">2</a></nav></body></html>'
    (nav,) = tree(only(name_pagination_nav, raw, RepairContext(pagination_label="More pages"))).xpath("//nav")
    assert nav.get("aria-label") == "More pages"
