"""The infographic block's data: what authors may write, checked with the offending key named."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

from therapy_site.imaging.fonts import FontSet, describe_character

LAYOUTS = ("grid", "comparison", "steps", "stats")
MIN_ITEMS, MAX_ITEMS = 2, 8
TOP_KEYS = ("layout", "summary", "items", "source", "remedy_label")
ITEM_KEYS = ("title", "text", "remedy", "value", "icon")
DEFAULT_REMEDY_LABEL = "What helps"
# Characters per field; the renderer's fit check catches what still does not fit.
LIMITS = {
    "title": 80,  # the block's title, after '|'
    "summary": 220,
    "source": 140,
    "remedy_label": 24,
    "items.title": 40,
    "items.text": 160,
    "items.remedy": 160,
    "items.value": 10,
    "items.icon": 20,
}
# Which font face draws each field (for the glyph check).
FACES = {
    "title": "bold",
    "summary": "regular",
    "source": "regular",
    "remedy_label": "semibold",
    "items.title": "semibold",
    "items.text": "regular",
    "items.remedy": "regular",
    "items.value": "bold",
}

KeyPath = tuple[str | int, ...]


def key_name(path: KeyPath) -> str:
    """``("items", 2, "text")`` → ``items[3].text``: items are counted from 1, as authors count them."""
    name = ""
    for part in path:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name or "title"


@dataclass(frozen=True)
class SchemaProblem:
    path: KeyPath  # () means the block's header (its title)
    message: str

    def text(self) -> str:
        return f"{key_name(self.path)}: {self.message}"


@dataclass(frozen=True)
class Item:
    title: str
    text: str = ""
    remedy: str = ""
    value: str = ""
    icon: str = ""


@dataclass(frozen=True)
class Infographic:
    title: str
    layout: str
    items: tuple[Item, ...]
    summary: str = ""
    source: str = ""
    remedy_label: str = DEFAULT_REMEDY_LABEL
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    def as_data(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("extra")
        return data

    def fields(self) -> list[tuple[KeyPath, str, str]]:
        """Every text the images draw: ``(path, field kind, text)``."""
        result: list[tuple[KeyPath, str, str]] = [((), "title", self.title)]
        for name in ("summary", "source"):
            result.append(((name,), name, getattr(self, name)))
        if self.layout == "comparison":
            result.append((("remedy_label",), "remedy_label", self.remedy_label))
        for index, item in enumerate(self.items):
            for name in ("title", "text", "remedy", "value"):
                result.append((("items", index, name), f"items.{name}", getattr(item, name)))
        return [entry for entry in result if entry[2]]


def clean_text(value: str) -> str:
    """One line of text: YAML folding and stray whitespace collapsed to single spaces; composed (NFC), so an
    accent typed as a combining mark counts, measures and draws as the one letter it is."""
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", value).strip())


class _Checker:
    def __init__(self, icons: set[str]) -> None:
        self.icons = icons
        self.problems: list[SchemaProblem] = []

    def fail(self, path: KeyPath, message: str) -> None:
        self.problems.append(SchemaProblem(path, message))

    def text(self, data: dict[str, Any], path: KeyPath, kind: str, *, required: bool, numbers: bool = False) -> str:
        name = path[-1]
        if name not in data or data[name] is None:
            if required:
                self.fail(path, "is required")
            return ""
        value = data[name]
        if numbers and isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.fail(path, f"must be text, not {type(value).__name__} ({value!r}); put it in quotes if needed")
            return ""
        value = clean_text(value)
        if required and not value:
            self.fail(path, "must not be empty")
        limit = LIMITS[kind]
        if len(value) > limit:
            self.fail(path, f"is {len(value)} characters; at most {limit} fit in the images, shorten it")
        return value

    def unknown_keys(self, data: dict[str, Any], allowed: tuple[str, ...], path: KeyPath) -> None:
        for key in data:
            if key not in allowed:
                self.fail(
                    (*path, str(key)), f"unknown key '{key}'; allowed keys here: {', '.join(allowed)} (check spelling)"
                )

    def item(self, data: Any, index: int, layout: str) -> Item | None:
        path: KeyPath = ("items", index)
        if not isinstance(data, dict):
            self.fail(path, "each item must be a mapping like '- title: ...' with 'text: ...' on the next line")
            return None
        self.unknown_keys(data, ITEM_KEYS, path)
        title = self.text(data, (*path, "title"), "items.title", required=True)
        text = self.text(data, (*path, "text"), "items.text", required=layout != "stats")
        remedy = self.text(data, (*path, "remedy"), "items.remedy", required=layout == "comparison")
        if remedy and layout != "comparison":
            self.fail((*path, "remedy"), "only items of a 'comparison' infographic have a 'remedy'")
        value = self.text(data, (*path, "value"), "items.value", required=layout == "stats", numbers=True)
        if value and layout != "stats":
            self.fail((*path, "value"), "only items of a 'stats' infographic have a 'value'")
        icon = self.text(data, (*path, "icon"), "items.icon", required=False)
        if icon and icon not in self.icons:
            self.fail((*path, "icon"), f"unknown icon '{icon}'; available icons: {', '.join(sorted(self.icons))}")
            icon = ""
        return Item(title=title, text=text, remedy=remedy, value=value, icon=icon)


def parse_infographic(title: str, data: Any, icons: set[str]) -> tuple[Infographic | None, list[SchemaProblem]]:
    """Check the block's YAML ``data``; return the infographic, or ``None`` and what is wrong."""
    checker = _Checker(icons)
    if not isinstance(data, dict):
        checker.fail(("layout",), "the block's body must be YAML 'key: value' lines: layout, items, summary, source")
        return None, checker.problems
    title = clean_text(title)
    if len(title) > LIMITS["title"]:
        checker.fail((), f"the title after '|' is {len(title)} characters; at most {LIMITS['title']} fit, shorten it")
    checker.unknown_keys(data, TOP_KEYS, ())
    layout = data.get("layout")
    if layout not in LAYOUTS:
        checker.fail(("layout",), f"must be one of {', '.join(LAYOUTS)} (found {layout!r})")
        layout = "grid"
    summary = checker.text(data, ("summary",), "summary", required=False)
    source = checker.text(data, ("source",), "source", required=False)
    remedy_label = checker.text(data, ("remedy_label",), "remedy_label", required=False) or DEFAULT_REMEDY_LABEL
    raw_items = data.get("items")
    items: list[Item] = []
    if not isinstance(raw_items, list):
        checker.fail(("items",), f"must be a list of {MIN_ITEMS} to {MAX_ITEMS} items, each starting with '- title:'")
    elif not MIN_ITEMS <= len(raw_items) <= MAX_ITEMS:
        checker.fail(("items",), f"has {len(raw_items)} items; an infographic needs {MIN_ITEMS} to {MAX_ITEMS}")
    else:
        for index, raw in enumerate(raw_items):
            item = checker.item(raw, index, layout)
            if item is not None:
                items.append(item)
    if checker.problems:
        return None, checker.problems
    infographic = Infographic(
        title=title, layout=layout, items=tuple(items), summary=summary, source=source, remedy_label=remedy_label
    )
    return infographic, []


def glyph_problems(infographic: Infographic, fonts: FontSet) -> list[SchemaProblem]:
    """Characters our fonts cannot draw: an error, never a tofu box in the image."""
    problems = []
    for path, kind, text in infographic.fields():
        face = FACES[kind]
        for char in fonts.missing_characters(text, face):
            problems.append(
                SchemaProblem(
                    path,
                    f"the character {describe_character(char)} is not in the site's font "
                    f"({fonts.path(face).name}); replace or remove it",
                )
            )
    return problems
