"""Repairs of Material's markup that no template block or partial of ours reaches, done with a parser.

What a partial can fix is fixed in ``templates/partials/`` instead (search
dialog name and results panel, excerpt landmarks, the header button). What is
left lives in Material's ``base.html`` outside any block, in the large
``nav-item.html`` macros or in ``blog-post.html``'s whole ``container`` block,
or comes from joining separately rendered excerpts; copying those templates
would fork most of the theme. Each repair below names the finding it removes
(Nu Html Checker or axe rule). lxml finds the elements; :mod:`.editor` changes
only their attributes in the page's text. If Material changes its markup, a
repair finds nothing to do and the quality tests show the finding again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lxml.etree import XPath
from markdown.extensions.toc import unique

from therapy_site.material.editor import MarkupEditor


@dataclass(frozen=True)
class RepairContext:
    """What the repairs know about the page beyond its HTML."""

    listing: bool = False  # a blog listing page: excerpts rendered one by one, then joined
    skip_text: str = "Skip to content"  # Material's translation of "action.skip" for the site's language
    post_sidebar_label: str = "Article details"
    pagination_label: str = "Pages of articles"


SKIP_TARGET_ID = "__content"


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


# Where Material writes what the repairs change (compiled once: a parse costs about as much as all of them).
BODY_CHECKBOXES = XPath("/html/body/input[@autocomplete][@type = 'checkbox']")
EMPTY_TABINDEX_LABELS = XPath("//label[@tabindex = '']")
IDS = XPath("//@id")
LABELS_WITH_FOR = XPath("//label[@for]")
POST_SIDEBAR_NAV = XPath(
    f"//nav[{_has_class('md-nav--primary')}]"
    f"[parent::div[{_has_class('md-sidebar__inner')} and {_has_class('md-post')}]]"
)
PAGINATION_NAV = XPath(f"//nav[{_has_class('md-pagination')}]")
SKIP_CONTAINER = XPath("/html/body/div[@data-md-component = 'skip']")
SKIP_LINK = XPath(f"./a[{_has_class('md-skip')}]")
CONTENT_AREA = XPath(f"//main//div[@data-md-component = 'content'][{_has_class('md-content')}]")
EXCERPTS = XPath(f"//article[{_has_class('md-post--excerpt')}]")
EXCERPT_IDS = XPath(".//@id")
ELEMENTS_WITH_ID = XPath(".//*[@id]")


def drop_checkbox_autocomplete(editor: MarkupEditor, context: RepairContext) -> None:
    """vnu: "Attribute autocomplete is only allowed when the input type is ..." (drawer and search toggles)."""
    for element in BODY_CHECKBOXES(editor.root):
        editor.drop_attribute(element, "autocomplete")


def drop_empty_tabindex(editor: MarkupEditor, context: RepairContext) -> None:
    """vnu: "Bad value '' for attribute tabindex" (navigation section labels, ``nav-item.html``)."""
    for element in EMPTY_TABINDEX_LABELS(editor.root):
        editor.drop_attribute(element, "tabindex")


def drop_dangling_label_for(editor: MarkupEditor, context: RepairContext) -> None:
    """vnu: "The value of the for attribute of the label element must be the ID of a non-hidden form control".

    The table of contents' label points at the ``__toc`` toggle, which Material
    renders only for pages in the navigation (not for blog posts).
    """
    ids = set(IDS(editor.root))
    for label in LABELS_WITH_FOR(editor.root):
        if label.get("for") not in ids:
            editor.drop_attribute(label, "for")


def name_post_sidebar_nav(editor: MarkupEditor, context: RepairContext) -> None:
    """axe landmark-unique: a post's sidebar ``<nav>`` repeats the site navigation landmark without a name."""
    for nav in POST_SIDEBAR_NAV(editor.root)[:1]:
        if nav.get("aria-label") is None:
            editor.set_attribute(nav, "aria-label", context.post_sidebar_label)


def name_pagination_nav(editor: MarkupEditor, context: RepairContext) -> None:
    """pa11y/axe: a listing's pager is a ``<nav>`` landmark with no name (one of several on the page)."""
    for nav in PAGINATION_NAV(editor.root):
        if nav.get("aria-label") is None:
            editor.set_attribute(nav, "aria-label", context.pagination_label)


def skip_link_to_content(editor: MarkupEditor, context: RepairContext) -> None:
    """Keyboard: the skip link goes to the content area on every page.

    Material points it at the first table-of-contents entry, which on posts
    (title in the template, not the Markdown) skips the title, and leaves it
    out on pages without headings (404).
    """
    skip = SKIP_CONTAINER(editor.root)
    content = CONTENT_AREA(editor.root) if skip else []
    if not content or not skip:
        return
    target = content[0].get("id") or SKIP_TARGET_ID
    if content[0].get("id") is None:
        editor.set_attribute(content[0], "id", target)
    links = SKIP_LINK(skip[0])
    text = editor.inner_html(links[0]).strip() if links else context.skip_text
    editor.replace_inner_html(skip[0], f'\n      <a href="#{target}" class="md-skip">{text}</a>\n    ')


REFERENCE_ATTRIBUTES = ("aria-labelledby", "aria-describedby", "aria-controls", "for", "href")


def _rename_references(editor: MarkupEditor, scope: Any, renamed: dict[str, str]) -> None:
    """Point ``scope``'s own references (id lists, ``for``, ``#fragment`` links) at the renamed ids."""
    for element in scope.iter():
        for name in REFERENCE_ATTRIBUTES:
            value = element.get(name)
            if not value:
                continue
            if name == "href":
                new = "#" + renamed[value[1:]] if value.startswith("#") and value[1:] in renamed else value
            else:
                new = " ".join(renamed.get(token, token) for token in value.split())
            if new != value:
                editor.set_attribute(element, name, new)


def unique_excerpt_ids(editor: MarkupEditor, context: RepairContext) -> None:
    """vnu duplicate ID, axe duplicate-id-aria: excerpts on a blog listing page repeat each other's ids.

    Material's blog renders each post's excerpt on its own, so two excerpts
    with a takeaways block both carry ``id="key-takeaways"``. Later duplicates
    get the ``_1``, ``_2`` suffix of Python-Markdown's ``toc``, and references
    inside the same excerpt (``aria-labelledby``, ``#fragment`` links) follow.
    Links into the posts (``post/#key-takeaways``) stay as they are.
    """
    if not context.listing:
        return
    excerpts = EXCERPTS(editor.root)
    if not excerpts:
        return
    outside = Counter(IDS(editor.root)) - Counter(value for excerpt in excerpts for value in EXCERPT_IDS(excerpt))
    used = set(outside)
    for excerpt in excerpts:
        renamed: dict[str, str] = {}
        for element in ELEMENTS_WITH_ID(excerpt):
            old = element.get("id")
            if old in used:
                renamed[old] = unique(old, used)
                editor.set_attribute(element, "id", renamed[old])
            used.add(old)
        if renamed:
            _rename_references(editor, excerpt, renamed)


Repair = Callable[[MarkupEditor, RepairContext], None]

REPAIRS: tuple[Repair, ...] = (
    drop_checkbox_autocomplete,
    drop_empty_tabindex,
    drop_dangling_label_for,
    name_post_sidebar_nav,
    name_pagination_nav,
    skip_link_to_content,
    unique_excerpt_ids,
)


def repair_material_markup(html: str, context: RepairContext | None = None) -> str:
    """``html`` with every repair made; bytes no repair concerns stay as they were."""
    editor = MarkupEditor(html)
    for repair in REPAIRS:
        repair(editor, context or RepairContext())
    return editor.result()
