"""Other editors' syntax, which this site would print as literal text (rules ``wikilink``, ``shortcode``).

Drafts come from Obsidian (``[[Page]]``, ``[[page|label]]``, ``![[photo.jpg]]``) and from WordPress
(``[contact-form-7 id="12"]``, ``[gallery ids="3,4"]``, ``[caption]…[/caption]``, ``[embed]…[/embed]``).
Each is an error at its line and column that says what to write instead. Code is not read.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, error, shorten
from therapy_site.validation.source import SourceFile

# [[target]], [[target#heading]], [[target|label]], ![[picture.jpg|300]]; not a link whose text starts with '['.
WIKILINK = re.compile(r"(!?)\[\[([^\[\]|#\n]*)(#[^\[\]|\n]*)?(?:\|([^\[\]\n]*))?\]\](?![(\[:])")
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".heic", ".bmp", ".tif", ".tiff")

# [name ...] or [/name]: a WordPress shortcode when the name is a known one, or when it has name="value" attributes.
SHORTCODE = re.compile(r"\[(/?)([a-z][a-z0-9_-]*)((?:\s+[^\]\n]*)?)\](?![(\[:])", re.IGNORECASE)
SHORTCODE_ATTRIBUTE = re.compile(r"\s[\w-]+\s*=\s*[\"'\u201c\u2018]?[^\s\"'\]]")
FORM_SHORTCODES = frozenset(
    {"contact-form-7", "contact-form", "wpforms", "gravityform", "gravityforms", "ninja_form", "ninja_forms",
     "formidable", "caldera_form", "forminator_form", "fluentform", "booking", "bookly-form", "amelia",
     "ameliabooking", "simplybook", "calendly", "acuity", "easy_appointments", "mailpoet_form", "mc4wp_form"}
)  # fmt: skip
PICTURE_SHORTCODES = frozenset({"gallery", "caption", "wp_caption", "envira-gallery", "foogallery"})
MEDIA_SHORTCODES = frozenset({"embed", "video", "audio", "playlist", "youtube", "vimeo", "soundcloud", "spotify"})
# Page builders' shortcodes, never ordinary words ('[button]' or '[image]' alone may be: only with attributes).
OTHER_SHORTCODES = frozenset({"vc_row", "vc_column", "vc_column_text", "et_pb_section", "et_pb_row", "et_pb_text",
                              "su_button", "su_spoiler", "fusion_builder_container", "elementor-template"})  # fmt: skip


# Obsidian: callouts '> [!note]', comments '%% … %%' (hidden there, published here), highlights '==text=='.
CALLOUT = re.compile(r"^\s*>\s*\[!([A-Za-z-]+)\][+-]?")
OBSIDIAN_COMMENT = re.compile(r"%%")
HIGHLIGHT = re.compile(r"(?<![=\w])==(?=\S)[^=\n]+(?<=\S)==(?![=\w])")
# Hugo's shortcodes '{{< youtube x >}}', '{{% notice %}}'; Jekyll's and Liquid's tags '{% include x %}', '{{ site.x }}'.
TEMPLATE_TAG = re.compile(r"\{\{[<%].*?[>%]\}\}|\{%-?\s*\w.*?-?%\}|\{\{\s*(?:site|page|post|include)\.[\w.]+\s*\}\}")


def check_foreign_syntax(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    yield from _obsidian(source, highlights="pymdownx.mark" not in context.project.config.markdown_extensions)
    for number, line in source.body_lines():
        for match in TEMPLATE_TAG.finditer(line):
            message = (
                f"'{shorten(match.group(0), 40)}' is a shortcode or template tag of another site builder (Hugo, "
                "Jekyll), which this site prints as text; write it in Markdown: a link, a Markdown image, or a "
                "'/// booking' block for a booking form"
            )
            yield error(source.shown, number, message, "shortcode", match.start() + 1)
        wikilinks = list(WIKILINK.finditer(line))
        for match in wikilinks:
            yield error(source.shown, number, _wikilink_message(match), "wikilink", match.start() + 1)
        blanked = WIKILINK.sub(lambda match: " " * len(match.group(0)), line)
        for match in SHORTCODE.finditer(blanked):
            message = _shortcode_message(match)
            if message:
                yield error(source.shown, number, message, "shortcode", match.start() + 1)


def _obsidian(source: SourceFile, *, highlights: bool) -> Iterator[Finding]:
    """Obsidian's callouts, comments and highlights (rule ``obsidian``): printed as text here (highlights: unless
    the site added ``pymdownx.mark``, which draws them)."""
    for number, line in source.body_lines():
        callout = CALLOUT.match(line)
        if callout:
            message = (
                f"'> [!{callout.group(1)}]' is an Obsidian callout, which this site prints as text; write a plain "
                "quote ('> ' and the words), with a bold lead if you like: > **Note:** …"
            )
            yield error(source.shown, number, message, "obsidian", callout.start(1) - 1)
        comment = OBSIDIAN_COMMENT.search(line)
        if comment:
            message = (
                "'%%' starts an Obsidian comment: hidden in Obsidian, but published here for every reader to see; "
                "delete the comment (or keep notes to yourself outside docs/)"
            )
            yield error(source.shown, number, message, "obsidian", comment.start() + 1)
        for highlight in HIGHLIGHT.finditer(line) if highlights else ():
            message = (
                f"'{shorten(highlight.group(0), 40)}' is Obsidian's highlight, which this site prints with the "
                "'=='; write **bold** instead"
            )
            yield error(source.shown, number, message, "obsidian", highlight.start() + 1)


def _wikilink_message(match: re.Match[str]) -> str:
    embed, target, _heading, label = match.group(1), match.group(2).strip(), match.group(3), match.group(4)
    written = shorten(match.group(0), 50)
    if embed and target.lower().endswith(PICTURE_SUFFIXES):
        name = posixpath.basename(target)
        return (
            f"'{written}' is Obsidian's way to show a picture and would be printed as text; save the picture in "
            f"docs/assets/images/ and write a Markdown image: ![What the picture shows](../../assets/images/{name})"
        )
    if embed:
        return (
            f"'{written}' embeds another note (Obsidian), which this site prints as text; copy the words you need "
            "into this page, or link to the page: [its title](its-file.md)"
        )
    words = (label or target or "the page").strip()
    file = re.sub(r"[^a-z0-9]+", "-", target.lower()).strip("-") or "page"
    return (
        f"'{written}' is a wiki link (Obsidian) and would be printed as text; write a Markdown link to the page's "
        f"file: [{shorten(words, 30)}]({file}.md) (with the '../' steps from this file)"
    )


def _shortcode_message(match: re.Match[str]) -> str | None:
    closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3) or ""
    known = name in FORM_SHORTCODES | PICTURE_SHORTCODES | MEDIA_SHORTCODES | OTHER_SHORTCODES
    if not known and (closing or not SHORTCODE_ATTRIBUTE.search(attributes)):
        return None  # '[note]' or '[sic]' in a sentence: ordinary text
    written = shorten(match.group(0), 40)
    if name in FORM_SHORTCODES:
        instead = "a form or booking widget cannot work here; invite readers to book with a '/// booking' block"
    elif name in PICTURE_SHORTCODES:
        instead = (
            "save each picture in docs/assets/images/ and write a Markdown image: "
            "![What the picture shows](../../assets/images/picture.webp)"
        )
    elif name in MEDIA_SHORTCODES:
        instead = "link to the video or audio instead: [what it is](https://…)"
    else:
        instead = "write it in Markdown (a heading, a list, a link) or leave it out"
    return f"'{written}' is a WordPress shortcode, which this site prints as text; {instead}"
