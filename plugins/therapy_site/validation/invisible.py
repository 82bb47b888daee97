"""Invisible characters where they change a page's structure (rule ``invisible-character``).

Text pasted from Word, Google Docs, a web page or a phone brings characters nobody sees: zero-width
spaces and joiners, soft hyphens, byte order marks, non-breaking spaces, direction marks. In running
text they are harmless; where Markdown or YAML reads structure they silently change it: a heading
"Frequently Asked Questions" followed by a zero-width space is no longer the FAQ heading, a
front-matter key with one is another key, an indentation of non-breaking spaces is no indentation,
a slug with one is another web address. Each is reported with its position, in plain words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from therapy_site.citations.extension import DEFAULT_TITLES as SOURCES_TITLES
from therapy_site.sources import ATX_HEADING
from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, error, shorten
from therapy_site.validation.source import SourceFile

RULE = "invisible-character"
ZERO_WIDTH = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "byte order mark",
    "\u00ad": "soft hyphen",
    "\u180e": "Mongolian vowel separator",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    **{chr(code): "text direction mark" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
}
SPACES = {"\u00a0": "non-breaking space", "\u202f": "narrow non-breaking space", "\u2007": "figure space"}
NAMES = {**ZERO_WIDTH, **SPACES}
INVISIBLE = re.compile("[" + "".join(re.escape(character) for character in NAMES) + "]")
# What a line of Markdown may start with to mean structure: a heading, list, quote, block, table, fence.
STRUCTURE = re.compile(r"^(?:#{1,6}(?:\s|$)|[-*+]\s|\d+[.)]\s|>|///|\||```|~~~|\w+:\s)")


def describe(character: str) -> str:
    return NAMES.get(character) or unicodedata.name(character, f"U+{ord(character):04X}").lower()


def _where(text: str, index: int) -> str:
    before, after = text[:index].strip(), text[index + 1 :].strip()
    if not before:
        return "at the start of"
    if not INVISIBLE.sub("", after).strip():
        return "after"
    return "inside"


def _emoji_joiner(text: str, index: int) -> bool:
    """A zero-width joiner between two symbols is part of an emoji (👩‍⚕️), not a stray character."""
    if text[index] != "\u200d" or index == 0 or index + 1 >= len(text):
        return False
    return all(ord(text[position]) > 0x2000 for position in (index - 1, index + 1))


def check_invisible_characters(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    yield from _file_name(source)
    yield from _front_matter(source)
    yield from _body(source, _special_titles(context))


def _file_name(source: SourceFile) -> Iterator[Finding]:
    """A file or folder name with an invisible character: the page's address holds it too (``/fees%E2%80%8B/``),
    so a link typed by hand, or the file's name in another link, never reaches it."""
    found = INVISIBLE.search(source.docs_path)
    if found and not _emoji_joiner(source.docs_path, found.start()):
        visible = INVISIBLE.sub("", source.docs_path)
        yield error(source.shown, 1, f"the file name has an invisible character ({describe(found.group())}) "
                    f"{_where(source.docs_path, found.start())} '{shorten(visible, 60)}', which goes into the page's "
                    "web address; rename the file, typing its name again", RULE)  # fmt: skip


def _special_titles(context: CheckContext) -> frozenset[str]:
    """Headings the site recognises by their words (FAQ, Sources), case-folded, without a closing colon."""
    titles = (*(context.faq_titles if context is not None else ()), *SOURCES_TITLES)
    return frozenset(_title_key(title) for title in titles)


def _title_key(text: str) -> str:
    return " ".join(text.split()).rstrip(":").strip().casefold()


# Settings whose values name things the site looks up or makes addresses of (not text readers read).
NAMING_KEYS = frozenset({"categories", "tags", "authors", "draft", "date", "reviewed_by", "last_reviewed", "template",
                         "social_image", "schema_type", "faq", "src", "url", "created", "updated"})  # fmt: skip


def _front_matter(source: SourceFile) -> Iterator[Finding]:
    section = ""
    for number, line in source.front_matter_lines():
        if line[:1].strip():
            section = line.split(":", 1)[0].strip()
        yield from _front_matter_value(source, number, line, section)
        indent = len(line) - len(line.lstrip(" \t" + "".join(NAMES)))
        key = re.match(r"^\s*(?:-\s+)?([^:#]+):(?:\s|$)", line)
        found = INVISIBLE.search(line[:indent]) if indent else None
        if found:
            yield _finding(source, number, found.start(), f"the indentation of line {number} has a {{name}} "
                           "(often pasted from Word or a web page), so the setting is not read as nested; "
                           "replace the indentation with ordinary spaces")  # fmt: skip
            continue
        found = INVISIBLE.search(key.group(1)) if key else None
        if key and found:
            name = INVISIBLE.sub("", key.group(1)).strip()
            yield _finding(source, number, key.start(1) + found.start(), f"an invisible character ({{name}}) "
                           f"{_where(key.group(1), found.start())} the setting name '{shorten(name, 30)}' makes it "
                           "another setting, which the site ignores; delete the name and type it again")  # fmt: skip
    yield from _slug(source)


def _front_matter_value(source: SourceFile, number: int, line: str, section: str) -> Iterator[Finding]:
    """An invisible character in a value the site looks up (a category, a tag, an author, a date, a path)."""
    key = re.match(r"^\s*(?:-\s+)?([\w-]+):[ \t]*", line)
    item = re.match(r"^\s+-[ \t]+", line)
    name = key.group(1) if key else section if item else ""
    if name not in NAMING_KEYS and not (item and section in NAMING_KEYS):
        return
    start = (key or item).end() if (key or item) else 0
    value = line[start:]
    found = INVISIBLE.search(value.rstrip(" \t"))
    if found and value.strip(" \t" + "".join(NAMES)):
        shown = shorten(INVISIBLE.sub("", value).strip().strip("\"'"), 30)
        yield _finding(source, number, start + found.start(), f"an invisible character ({{name}}) "
                       f"{_where(value, found.start())} '{shown}' in '{name if key else section}' makes it another "
                       "value than the one the site knows; delete it and type the value again")  # fmt: skip


def _slug(source: SourceFile) -> Iterator[Finding]:
    slug = source.meta.get("slug")
    if not isinstance(slug, str):
        return
    found = INVISIBLE.search(slug)
    if found:
        number = source.key_line("slug")
        line = source.text.splitlines()[number - 1] if number >= 1 else ""
        column = line.find(found.group()) if found.group() in line else 0
        yield _finding(source, number, column, f"the slug has an invisible character ({{name}}) "
                       f"{_where(slug, found.start())} the web address '{shorten(INVISIBLE.sub('', slug), 40)}', "
                       "which would give the post another address; delete it and type the slug again")  # fmt: skip


# A list marker or a block's '///' followed by an invisible character or a non-breaking space: no list, no block.
MARKER_THEN_INVISIBLE = re.compile(r"^\s*(?:[-*+]|\d+[.)]|///)(?=" + INVISIBLE.pattern + ")")


def _body(source: SourceFile, special: frozenset[str]) -> Iterator[Finding]:
    for number, line in source.body_lines():
        finding = (
            _heading(source, number, line, special)
            or _line_start(source, number, line)
            or _marker(source, number, line)
            or _blank_looking(source, number, line)
        )
        if finding is not None:
            yield finding
        elif "\ufeff" in line:  # a second file pasted into this one: its byte order mark, mid-file
            yield _finding(source, number, line.index("\ufeff"), "an invisible character ({name}) in the middle of "
                           "the file (where another file was pasted in); delete it")  # fmt: skip


def _heading(source: SourceFile, number: int, line: str, special: frozenset[str]) -> Finding | None:
    visible = INVISIBLE.sub("", line)
    match = ATX_HEADING.match(line.replace("\u00a0", " ")) or ATX_HEADING.match(visible)
    if not match:
        return None
    spaced = ATX_HEADING.match(INVISIBLE.sub(lambda found: " " if found.group() in SPACES else "", line))
    recognised = spaced is not None and _title_key(spaced.group(2) or "") in special
    for found in INVISIBLE.finditer(line):
        index, character = found.start(), found.group()
        if _emoji_joiner(line, index):
            continue
        between_words = character in SPACES and 0 < index < len(line.rstrip()) - 1 and line[index - 1] != "#"
        if between_words and not recognised:
            continue  # 'Step 1:\u00a0Breathe' reads and works the same (not 'Frequently\u00a0Asked Questions')
        heading = shorten(INVISIBLE.sub("", match.group(2) or "").strip() or line.strip(), 40)
        return _finding(source, number, index, f"an invisible character ({{name}}) {_where(line, index)} the heading "
                        f"'{heading}' changes what the heading is (an FAQ or Sources heading is no longer recognised, "
                        "its link breaks); delete it and type the heading again")  # fmt: skip
    return None


def _line_start(source: SourceFile, number: int, line: str) -> Finding | None:
    """A line that begins with invisible characters before Markdown structure: the structure is lost."""
    stripped = line.lstrip(" \t" + "".join(NAMES))
    lead = line[: len(line) - len(stripped)]
    found = INVISIBLE.search(lead)
    if not found or not stripped or not (STRUCTURE.match(stripped) or len(lead) >= 4):
        return None
    what = "indentation" if len(lead) > 1 and found.group() in SPACES else "start"
    return _finding(source, number, found.start(), f"the {what} of line {number} has a {{name}}, so Markdown does "
                    "not see the heading, list, block option or indentation that follows; replace it with ordinary "
                    "spaces or delete it")  # fmt: skip


def _blank_looking(source: SourceFile, number: int, line: str) -> Finding | None:
    """A line that looks empty but holds a non-breaking or zero-width space: Markdown sees no empty line there."""
    if not line or line.strip(" \t" + "".join(NAMES)) or not INVISIBLE.search(line):
        return None
    return _finding(source, number, INVISIBLE.search(line).start(), f"line {number} looks empty but holds a "
                    "{name}, so Markdown sees no empty line there (the paragraphs, list or block around it run "
                    "together); delete everything on that line")  # fmt: skip


def _marker(source: SourceFile, number: int, line: str) -> Finding | None:
    match = MARKER_THEN_INVISIBLE.match(line)
    if not match:
        return None
    what = "a block" if match.group(0).strip() == "///" else "a list item"
    return _finding(source, number, match.end(), f"an invisible character ({{name}}) after '{match.group(0).strip()}' "
                    f"means this line is not {what} but text; replace it with an ordinary space")  # fmt: skip


def _finding(source: SourceFile, number: int, index: int, template: str) -> Finding:
    line = source.text.splitlines()[number - 1] if 0 < number <= len(source.text.splitlines()) else ""
    found = INVISIBLE.search(line, max(index, 0)) or INVISIBLE.search(line)
    name = describe(found.group()) if found else "invisible character"
    column = (found.start() if found else index) + 1
    return error(source.shown, number, template.format(name=name), RULE, column)
