"""Repairs to Material's markup that its template blocks cannot reach.

Each repair is a narrow substitution on markup Material generates, named
after the finding it removes, so a theme upgrade that changes the markup
makes the repair a no-op (and the quality tests then show the finding again)
rather than corrupting the page. Overriding the templates instead would mean
forking ``base.html``, ``partials/search.html``, ``partials/post.html`` and
``blog-post.html``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# vnu: "Attribute autocomplete is only allowed when the input type is ..." on
# Material's drawer/search toggles (checkboxes).
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
# vnu: "Bad value '' for attribute tabindex" on navigation section labels.
EMPTY_TABINDEX = ' tabindex=""'  # exactly as Material writes it; str.replace is much faster than a regex
# vnu: "The value of the for attribute of the label element must be the ID of a
# non-hidden form control" (the table of contents label on pages without a toggle).
LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="([^"]*)"')
ID_ATTRIBUTE = re.compile(r'\sid="([^"]+)"')
# axe aria-dialog-name: the search dialog has no accessible name.
SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog"(?=>)')
SEARCH_INPUT_LABEL = re.compile(r'<input[^>]*class="md-search__input"[^>]*aria-label="([^"]*)"')
# axe landmark-unique: every excerpt's author avatars are an unnamed <nav>; they are not navigation.
EXCERPT_AUTHORS_NAV = re.compile(r'<nav class="md-post__authors md-typeset">(.*?)</nav>', re.DOTALL)
# axe landmark-unique: every excerpt's single "Continue reading" link is an unnamed <nav>.
EXCERPT_ACTION_NAV = re.compile(r'<nav class="md-post__action">(.*?)</nav>', re.DOTALL)
# axe landmark-unique: the post sidebar's <nav> repeats the site navigation landmark without a name.
POST_SIDEBAR_NAV = re.compile(r'(<div class="md-sidebar__inner md-post">\s*<nav class="md-nav md-nav--primary")(?=>)')

POST_SIDEBAR_LABEL = "Article details"

# Keyboard: the search results panel is a tab stop even while the search is closed and
# the panel invisible; its results are links (and arrow keys move through them).
# (therapy.css stops the closed panel from being a scrollable region.)
SEARCH_SCROLLWRAP = re.compile(r'(<div class="md-search__scrollwrap") tabindex="0"')

# Skip link: Material points it at the first table-of-contents entry, which on posts
# (title in the template, not the Markdown) skips the title, and omits it on pages
# without headings (404). Point it at the content area on every page.
SKIP_CONTAINER = re.compile(r'(<div data-md-component="skip">)(.*?)(</div>)', re.DOTALL)
SKIP_TEXT = re.compile(r'<a\b[^>]*class="md-skip"[^>]*>\s*(.*?)\s*</a>', re.DOTALL)
CONTENT_AREA = re.compile(r'(<div class="md-content(?: [^"]*)?" data-md-component="content")(?=>)')
SKIP_TARGET_ID = "__content"


def drop_checkbox_autocomplete(output: str) -> str:
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)


def drop_empty_tabindex(output: str) -> str:
    return output.replace(EMPTY_TABINDEX, "")


def drop_dangling_label_for(output: str) -> str:
    ids = set(ID_ATTRIBUTE.findall(output))

    def repair(match: re.Match[str]) -> str:
        return match.group(0) if match.group(2) in ids else match.group(1)

    return LABEL_FOR.sub(repair, output)


def name_search_dialog(output: str) -> str:
    label = SEARCH_INPUT_LABEL.search(output)
    name = label.group(1) if label else "Search"
    return SEARCH_DIALOG.sub(lambda match: f'{match.group(0)} aria-label="{name}"', output, count=1)


def unwrap_excerpt_author_nav(output: str) -> str:
    return EXCERPT_AUTHORS_NAV.sub(r'<div class="md-post__authors md-typeset">\1</div>', output)


def unwrap_excerpt_action_nav(output: str) -> str:
    return EXCERPT_ACTION_NAV.sub(r'<div class="md-post__action">\1</div>', output)


def name_post_sidebar_nav(output: str) -> str:
    return POST_SIDEBAR_NAV.sub(rf'\1 aria-label="{POST_SIDEBAR_LABEL}"', output, count=1)


def untab_closed_search_panel(output: str) -> str:
    return SEARCH_SCROLLWRAP.sub(r'\1 tabindex="-1"', output, count=1)


def skip_link_to_content(output: str) -> str:
    output, targets = CONTENT_AREA.subn(rf'\1 id="{SKIP_TARGET_ID}"', output, count=1)
    if not targets:
        return output

    def repair(match: re.Match[str]) -> str:
        existing = SKIP_TEXT.search(match.group(2))
        text = existing.group(1) if existing else "Skip to content"
        return f'{match.group(1)}\n      <a href="#{SKIP_TARGET_ID}" class="md-skip">{text}</a>\n    {match.group(3)}'

    return SKIP_CONTAINER.sub(repair, output, count=1)


REPAIRS: tuple[Callable[[str], str], ...] = (
    drop_checkbox_autocomplete,
    drop_empty_tabindex,
    drop_dangling_label_for,
    name_search_dialog,
    unwrap_excerpt_author_nav,
    unwrap_excerpt_action_nav,
    name_post_sidebar_nav,
    untab_closed_search_panel,
    skip_link_to_content,
)


def repair_theme_markup(output: str) -> str:
    for repair in REPAIRS:
        output = repair(output)
    return output
