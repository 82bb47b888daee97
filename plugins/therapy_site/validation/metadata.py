"""Front-matter values of the right kind, in plain words: text, lists, yes/no, dates; slugs; review; share image.

YAML reads ``tags: sleep, anxiety`` as one piece of text and ``title: [x]`` as
a list; the build would silently publish one-letter keywords or a Python list.
Each key the site reads has an expected kind, and every mismatch is an error at
the key's line, saying what to write instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from therapy_site.pagedata import PAGE_TYPES
from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, error, shorten
from therapy_site.validation.source import SourceFile

TEXT, LIST, FLAG, DATE, NUMBER, MAPPING = "text", "list", "flag", "date", "number", "mapping"
KINDS: dict[str, tuple[str, ...]] = {
    "title": (TEXT,),
    "description": (TEXT,),
    "subtitle": (TEXT,),
    "slug": (TEXT,),
    "template": (TEXT,),
    "icon": (TEXT,),
    "status": (TEXT,),
    "schema_type": (TEXT,),
    "social_image": (TEXT,),
    "reviewed_by": (TEXT,),
    "last_reviewed": (DATE,),
    "tags": (LIST,),
    "categories": (LIST,),
    "authors": (LIST,),
    "hide": (LIST,),
    "links": (LIST,),
    "draft": (FLAG,),
    "pin": (FLAG,),
    "faq": (FLAG,),
    "comments": (FLAG,),
    "readtime": (NUMBER,),
    "hero": (MAPPING,),
    "search": (MAPPING,),
    "booking": (FLAG, MAPPING),
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOCIAL_IMAGE_CHOICES = ("infographic",)


def kind_of(value: Any) -> str:
    """An author's value described in plain words (never a Python type name)."""
    if isinstance(value, bool):
        return f"'{'true' if value else 'false'}' (yes/no)"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()[:10]}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{shorten(value, 40)}'"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return "indented 'key: value' lines"
    if value is None:
        return "nothing"
    return "a value of another kind"


def _fits(value: Any, kind: str) -> bool:
    if kind == TEXT:
        return isinstance(value, str) and bool(value.strip())
    if kind == LIST:
        return isinstance(value, list)
    if kind == FLAG:
        return isinstance(value, bool)
    if kind == DATE:
        return isinstance(value, dt.date)
    if kind == NUMBER:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, dict)


HOW_TO_WRITE = {
    TEXT: "text on the same line, e.g. '{key}: Some words' (put it in quotes if it contains ':' or '#')",
    LIST: "a list: one '- item' line for each, indented under '{key}:'",
    FLAG: "true or false",
    DATE: "a date written YYYY-MM-DD, e.g. '{key}: 2025-01-31'",
    NUMBER: "a whole number, e.g. '{key}: 5'",
    MAPPING: "'key: value' lines indented under '{key}:'",
}


# Keys the site reads besides those in KINDS; an unknown key close to one of them is a typo.
OTHER_KEYS = ("date", "booking", "hero", "feed_updated", "tags", "title")


def check_metadata(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    yield from _unknown_keys(source)
    yield from _curly_quoted(source)
    yield from _kinds(source)
    yield from _list_items(source)
    if source.is_post:
        yield from _title(source)
        yield from _slug_format(source)
        yield from _derived_slug(source, context)
    # Any page may say who reviewed it (issue 15): the urgent-help page's numbers must stay current too.
    yield from _review(source, context)
    yield from _social_image(source)
    yield from _template(source, context)
    yield from _schema_type(source)
    yield from _url_clash(source, context)
    yield from _card_glyphs(source, context)


CURLY_PAIRS = (("\u201c", "\u201d"), ("\u2018", "\u2019"), ("\u201e", "\u201c"), ("\u00ab", "\u00bb"))


def _curly_quoted(source: SourceFile) -> Iterator[Finding]:
    """A value wrapped in curly quotes (typed by a word processor): YAML keeps the quotes as part of the text."""
    for key, value in source.meta.items():
        values = value.items() if isinstance(value, dict) else [(None, value)]
        for child, text in values:
            if not isinstance(text, str) or not any(text.startswith(a) and text.endswith(b) for a, b in CURLY_PAIRS):
                continue
            line = source.nested_key_line(str(key), str(child)) if child else source.key_line(str(key))
            name = f"{key}.{child}" if child else str(key)
            message = (
                f"'{name}' is wrapped in curly quotes ({text[0]} {text[-1]}), which a word processor typed: YAML keeps "
                "them as part of the text; use straight quotes \"…\" or none"
            )
            yield error(source.shown, line, message, "front-matter-yaml")


def _kinds(source: SourceFile) -> Iterator[Finding]:
    for key, kinds in KINDS.items():
        if key not in source.meta or (key in {"categories", "authors"} and source.is_post):
            continue  # a post's categories and authors have their own rules (front_matter)
        value = source.meta[key]
        if any(_fits(value, kind) for kind in kinds):
            continue
        if value is None or (isinstance(value, str) and not value.strip()):
            message = f"'{key}' is empty; write {HOW_TO_WRITE[kinds[0]].format(key=key)}, or delete the line"
        else:
            wanted = " or ".join(HOW_TO_WRITE[kind].format(key=key) for kind in kinds)
            message = f"'{key}' is {kind_of(value)}; write {wanted}"
            if key == "tags" and isinstance(value, str) and "," in value:
                message = f"'tags' is one piece of text ('{shorten(value, 40)}'); write a list: one '- tag' line each"
        yield error(source.shown, source.key_line(key), message, "front-matter-type", _value_column(source, key))


def _list_items(source: SourceFile) -> Iterator[Finding]:
    """Items of text lists (tags, hide) must be text: '- [a, b]' or '- key: value' are mistakes."""
    for key in ("tags", "hide"):
        value = source.meta.get(key)
        if not isinstance(value, list):
            continue
        for number, item in enumerate(value, start=1):
            if not isinstance(item, str) or not item.strip():
                message = f"item {number} of '{key}' is {kind_of(item)}; each item must be text, e.g. '- sleep'"
                yield error(source.shown, _nth_item_line(source, key, number), message, "front-matter-type")


def _nth_item_line(source: SourceFile, key: str, number: int) -> int:
    lines = source.text.splitlines()
    start = source.key_line(key)
    seen = 0
    for line_number in range(start + 1, min(len(lines), source.body_start - 1) + 1):
        text = lines[line_number - 1]
        if text and not text[0].isspace() and not text.startswith("-"):
            break
        if text.lstrip().startswith("-"):
            seen += 1
            if seen == number:
                return line_number
    return start


def _value_column(source: SourceFile, key: str) -> int:
    line = source.text.splitlines()[source.key_line(key) - 1] if source.key_line(key) > 1 else ""
    match = re.match(rf"^{re.escape(key)}\s*:\s*", line)
    return match.end() + 1 if match and match.end() < len(line) else 1


def _slug_format(source: SourceFile) -> Iterator[Finding]:
    slug = source.meta.get("slug")
    if not isinstance(slug, str) or not slug.strip() or SLUG.match(slug):
        return
    suggestion = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-") or "my-post"
    message = (
        f"slug '{shorten(slug, 50)}' is the post's web address: use lowercase letters, digits and hyphens only, "
        f"e.g. 'slug: {shorten(suggestion, 50)}'"
    )
    yield error(source.shown, source.key_line("slug"), message, "front-matter-slug", _value_column(source, "slug"))


# What a web address cannot hold: an address of only these, or with any of them, is broken.
_SLUG_BREAKERS = re.compile(r"[/\\?#%.\s]|^-+$")


def usable_slug(slug: str) -> bool:
    """Whether ``slug`` (made from a title) gives a working web address: a letter or digit, nothing breaking it."""
    return any(character.isalnum() for character in slug) and not _SLUG_BREAKERS.search(slug)


def _derived_slug(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    """A post without ``slug:`` gets its web address from the title; a title of emoji or punctuation gives none."""
    title = source.meta.get("title")
    if source.meta.get("slug") or not isinstance(title, str) or not title.strip():
        return
    derived = context.project.slugify(title)
    if usable_slug(derived):
        return
    made = f"'{shorten(derived, 30)}'" if derived else "nothing"
    message = (
        f"the title '{shorten(title, 40)}' makes {made} as the post's web address (emoji and punctuation are left "
        "out), so the post would have a broken address; add a line 'slug: words-with-dashes', e.g. 'slug: morning-calm'"
    )
    yield error(source.shown, source.key_line("title"), message, "front-matter-slug", _value_column(source, "title"))


def _review(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    """``reviewed_by`` (a blog author key) and ``last_reviewed`` (a date) go together, as the schema reads them."""
    reviewer, reviewed = source.meta.get("reviewed_by"), source.meta.get("last_reviewed")
    if reviewer is None and reviewed is None:
        return
    if reviewer is None or reviewed is None:
        key = "reviewed_by" if reviewer is None else "last_reviewed"
        present = "last_reviewed" if key == "reviewed_by" else "reviewed_by"
        message = f"'reviewed_by' and 'last_reviewed' go together: add '{key}:' next to '{present}:'"
        yield error(source.shown, source.key_line(present), message, "front-matter-review")
        return
    if isinstance(reviewer, str) and reviewer not in context.project.authors:
        known = ", ".join(sorted(context.project.authors)) or "none"
        message = (
            f"'reviewed_by: {shorten(reviewer, 40)}' is not an author of this site; use one of: {known} "
            "(authors are listed in .authors.yml)"
        )
        yield error(source.shown, source.key_line("reviewed_by"), message, "front-matter-review")
    if isinstance(reviewed, dt.date) and _day(reviewed) > dt.date.today():
        message = f"'last_reviewed' ({reviewed}) is in the future; write the day the review happened"
        yield error(source.shown, source.key_line("last_reviewed"), message, "front-matter-review")


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _social_image(source: SourceFile) -> Iterator[Finding]:
    choice = source.meta.get("social_image")
    if choice is None or not isinstance(choice, str):
        return
    line = source.key_line("social_image")
    if choice not in SOCIAL_IMAGE_CHOICES:
        message = (
            f"'social_image: {shorten(choice, 40)}' is not supported; write 'social_image: infographic' or delete it"
        )
        yield error(source.shown, line, message, "social-image")
    elif not source.map.blocks_named("infographic"):
        message = "'social_image: infographic' needs a '/// infographic' block on the page; add one or delete the line"
        yield error(source.shown, line, message, "social-image")


SOCIAL_PLUGIN = "therapy-site/social"


def _card_glyphs(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    """A page without a picture of its own gets a drawn share card: its font must have every character."""
    plugin = context.project.config.plugins.get(SOCIAL_PLUGIN)
    if plugin is None or not plugin.config.page_cards or source.meta.get("hero") or "social_image" in source.meta:
        return
    fonts = plugin.renderer.fonts  # the social cards' own fonts
    from therapy_site.imaging.fonts import describe_character

    title = source.meta.get("title")
    if not isinstance(title, str):
        heading = next((heading for heading in source.map.headings if heading.level == 1), None)
        title = heading.text if heading else None
    description = source.meta.get("description")
    for key, text, face in (("title", title, "bold"), ("description", description, "regular")):
        if not isinstance(text, str):
            continue
        missing = fonts.missing_characters(" ".join(text.split()), face)
        if missing:
            characters = ", ".join(describe_character(char) for char in missing[:3])
            message = (
                f"the {key} has {characters}, which the site's font cannot draw on the page's share card; "
                "remove it, or give the page a 'hero' picture"
            )
            yield error(source.shown, source.key_line(key), message, "card-glyph")


def _title(source: SourceFile) -> Iterator[Finding]:
    if "title" not in source.meta:
        message = "a post needs 'title:', the heading readers and search engines see; add it at the top"
        yield error(source.shown, 1, message, "front-matter-type")


def _template(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    """``template:`` must name a template of the theme (a missing one stops the build with a traceback)."""
    name = source.meta.get("template")
    if not isinstance(name, str) or not name.strip():
        return
    folders = [Path(folder) for folder in context.project.config.theme.dirs]
    if any((folder / name).is_file() for folder in folders):
        return
    message = f"'template: {shorten(name, 40)}' is not a template of the site's theme; delete the line"
    yield error(source.shown, source.key_line("template"), message, "front-matter-type")




def _schema_type(source: SourceFile) -> Iterator[Finding]:
    chosen = source.meta.get("schema_type")
    if isinstance(chosen, str) and chosen not in PAGE_TYPES:
        message = f"'schema_type: {shorten(chosen, 40)}' is not one of: {', '.join(PAGE_TYPES)}"
        yield error(source.shown, source.key_line("schema_type"), message, "front-matter-type")


def _url_clash(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    """Two pages at one web address: one would silently replace the other (posts against posts: the slug rule)."""
    url = context.page_url(source)
    if url is None:
        return
    for other in context.pages_at(url):
        if other.path == source.path.resolve() or (source.is_post and other.is_post):
            continue
        line = source.key_line("slug") if source.is_post else 1
        message = f"this page's address {url} is also the address of {other.shown}; rename one of them"
        yield error(source.shown, line, message, "page-url-duplicate")


_HERO = "a post's picture at the top is 'hero:' with 'src:' (the file) and 'alt:' (what it shows) under it"
# Settings of Jekyll, Hugo, WordPress exports, Ghost and Obsidian that authors bring along: each would be
# silently ignored, and what the author meant (a picture on top, a hidden draft, an address) not happen.
FOREIGN_KEYS = {
    **dict.fromkeys(
        ("image", "cover", "cover_image", "featured_image", "feature_image", "thumbnail", "hero_image", "banner"),
        _HERO,
    ),
    "published": "to keep a post unpublished write 'draft: true' (without it the post is published)",
    "permalink": "a post's web address comes from 'slug:' (lowercase words joined by hyphens)",
    "excerpt": "the text shown in search results is 'description:'; the blog's excerpt ends at '<!-- more -->'",
    "summary": "the text shown in search results is 'description:'; the blog's excerpt ends at '<!-- more -->'",
}


def _unknown_keys(source: SourceFile) -> Iterator[Finding]:
    """``catagories:`` or ``tag:`` is silently ignored by the build: a misspelt key is an error."""
    import difflib

    known = sorted({*KINDS, *OTHER_KEYS})
    for key in source.meta:
        if not isinstance(key, str) or key in known:
            continue
        if key.lower() in FOREIGN_KEYS and not (key.lower() == "published" and source.meta[key] is True):
            message = f"'{key}' is another blog system's setting, ignored here: {FOREIGN_KEYS[key.lower()]}"
            yield error(source.shown, source.key_line(key), message, "front-matter-unknown-key")
            continue
        guess = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.75)
        if guess:
            message = (
                f"unknown setting '{shorten(key, 30)}'; did you mean '{guess[0]}'? (an unknown setting is ignored)"
            )
            yield error(source.shown, source.key_line(key), message, "front-matter-unknown-key")
