"""Front matter: valid YAML, a real date, a description of search-result length, known categories and authors."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from therapy_site.material.blog import post_front_matter_problems
from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, error, shorten, warning
from therapy_site.validation.metadata import KINDS
from therapy_site.validation.source import SourceFile


def check_front_matter(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    if source.meta_error:
        line, column, message, rule = source.meta_error
        yield error(source.shown, line, message, rule, column)
        return
    if source.body_start == 1 and source.text.lstrip().startswith("---") and not source.text.startswith("---"):
        line = source.text[: len(source.text) - len(source.text.lstrip())].count("\n") + 1
        message = "the front matter's first '---' must be the very first line of the file (delete what is above it)"
        yield error(source.shown, line, message, "front-matter-yaml")
        return
    if source.is_post and source.body_start == 1:
        yield error(
            source.shown, 1, "a post needs front matter between two '---' lines at the top", "front-matter-yaml"
        )
        return
    yield from _description(source, context)
    if source.is_post:
        yield from _material_post_config(source)
        yield from _date(source)
        yield from _categories(source, context)
        yield from _authors(source, context)
        yield from _slug(source, context)


def _description(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    low, high = context.settings.description_min, context.settings.description_max
    rule, line = "front-matter-description", source.key_line("description")
    value = source.meta.get("description")
    if value is None:
        message = f"add 'description:', one or two sentences ({low}–{high} characters) shown in search results"
        yield error(source.shown, 1, message, rule) if source.is_post else warning(source.shown, 1, message, rule)
        return
    if not isinstance(value, str):
        yield error(source.shown, line, "'description' must be text", rule)
        return
    length = len(" ".join(value.split()))
    if not low <= length <= high:
        message = f"'description' is {length} characters; search engines show {low}–{high}, so "
        message += "add a little more" if length < low else "shorten it"
        yield error(source.shown, line, message, rule)


def _material_post_config(source: SourceFile) -> Iterator[Finding]:
    """The type checks Material's blog itself applies to a post's front matter (draft, pin, readtime, ...)."""
    # A copy: validating converts values in place (dates become datetimes), and other rules read the originals.
    for key, problem in post_front_matter_problems(str(source.path), copy.deepcopy(source.meta)):
        if key in {"date", "categories", "authors"} or key in KINDS:
            continue  # checked below, or by the metadata rule, with messages meant for authors
        yield error(source.shown, source.key_line(key), f"'{key}': {plain_words(str(problem))}", "front-matter")


PYTHON_TYPE = re.compile(r"<class '(?:[\w.]+\.)?(\w+)'>")
TYPE_WORDS = {
    "str": "text",
    "bool": "true or false",
    "int": "a whole number",
    "float": "a number",
    "list": "a list",
    "dict": "indented 'key: value' lines",
    "date": "a date (YYYY-MM-DD)",
    "datetime": "a date and time",
}


def plain_words(message: str) -> str:
    """Material's validation messages name Python types; authors need words."""
    return PYTHON_TYPE.sub(lambda match: TYPE_WORDS.get(match.group(1), match.group(1)), message)


def _as_date(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _date(source: SourceFile) -> Iterator[Finding]:
    rule, line = "front-matter-date", source.key_line("date")
    value = source.meta.get("date")
    example = "'date:' with 'created: YYYY-MM-DD' indented under it"
    if value is None:
        yield error(source.shown, 1, f"a post needs a publication date: add {example}", rule)
        return
    dates = value if isinstance(value, dict) else {"created": value}
    if "created" not in dates:
        yield error(source.shown, line, f"'date' needs 'created': write {example}", rule)
    for key, raw in dates.items():
        if _as_date(raw) is None:
            message = f"'date.{key}' is '{shorten(raw, 40)}', not a date; write it as YYYY-MM-DD, e.g. 2025-01-31"
            yield error(source.shown, source.nested_key_line("date", str(key)), message, rule)
    created, updated = _as_date(dates.get("created")), _as_date(dates.get("updated"))
    if updated and _day(updated) > dt.date.today():
        message = f"'date.updated' ({_day(updated).isoformat()}) is in the future; write the day you changed the post"
        yield error(source.shown, source.nested_key_line("date", "updated"), message, rule)
    if created and updated and _day(updated) < _day(created):
        message = (
            f"'date.updated' ({_day(updated).isoformat()}) is before 'date.created' ({_day(created).isoformat()}); "
            "the update must come on or after the day the post was written"
        )
        yield error(source.shown, source.nested_key_line("date", "updated"), message, rule)


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _string_list(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return None
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None


def _categories(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    rule, line = "front-matter-category", source.key_line("categories")
    allowed = context.project.categories_allowed
    choices = ", ".join(allowed)
    value = source.meta.get("categories")
    if value is None:
        yield error(source.shown, 1, f"add 'categories:' with at least one of: {choices}", rule)
        return
    names = _string_list(value)
    if names is None:
        yield error(source.shown, line, "'categories' must be a list: one '- Category' line each under it", rule)
        return
    if not names:
        yield error(source.shown, line, f"choose at least one category: {choices}", rule)
    for name in names:
        if allowed and name not in allowed:
            yield error(
                source.shown,
                _item_line(source, "categories", name),
                f"unknown category '{shorten(name, 40)}'; use one of: {choices}",
                rule,
            )


def _authors(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    rule, line = "front-matter-author", source.key_line("authors")
    known = sorted(context.project.authors)
    choices = ", ".join(known) or "(none: add authors to docs/blog/.authors.yml)"
    value = source.meta.get("authors")
    if value is None:
        yield error(source.shown, 1, f"add 'authors:' with one of: {choices}", rule)
        return
    names = _string_list(value)
    if names is None or not names:
        yield error(
            source.shown,
            line,
            f"'authors' must be a list of author keys: one '- key' line each under it ({choices})",
            rule,
        )
        return
    for name in names:
        if name not in context.project.authors:
            message = (
                f"unknown author '{shorten(name, 40)}'; use one of: {choices} (authors are listed in .authors.yml)"
            )
            yield error(source.shown, _item_line(source, "authors", name), message, rule)


def _item_line(source: SourceFile, key: str, item: str) -> int:
    """Line of ``- item`` under ``key:`` (or the key's line)."""
    lines = source.text.splitlines()
    start = source.key_line(key)
    for number in range(start, min(len(lines), source.body_start) + 1):
        text = lines[number - 1].strip()
        if text.lstrip("- ").strip("'\"") == item or (number == start and item in text):
            return number
    return start


def _slug(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    slug = context.post_slug(source)
    if slug is None:
        return
    for record in context.posts:
        if record.slug == slug and record.path != source.path.resolve():
            message = f"slug '{slug}' is also used by {record.shown}:{record.slug_line}; give this post another 'slug:'"
            yield error(source.shown, source.key_line("slug"), message, "front-matter-slug")
