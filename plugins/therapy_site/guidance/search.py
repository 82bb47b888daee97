"""Search basics that fit a static site (after Yoast's SEO checks): length, description, keyphrase, links, one H1."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from therapy_site.guidance.advice import Advice, advice
from therapy_site.guidance.prose import Prose

GROUP = "search"
MIN_WORDS = 300
DESCRIPTION = (120, 156)
DENSITY = (0.5, 3.0)
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|\bhref=[\"']([^\"']+)|^\s*\[[^\]]+\]:\s*(\S+)", re.IGNORECASE)
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
HTML_H1 = re.compile(r"<h1[\s>]", re.IGNORECASE)


def check_search(
    shown: str, meta: dict[str, Any], lines: dict[str, int], body: list[tuple[int, str]], prose: Prose, slug: str
) -> Iterator[Advice]:
    words = prose.words()
    first_line = body[0][0] if body else 1
    if len(words) < MIN_WORDS:
        yield advice(
            shown,
            first_line,
            f"the post has {len(words)} words: search engines rarely show posts under "
            f"{MIN_WORDS}; answer the reader's question more fully (an example, what helps, when to get support)",
            "search-length",
            GROUP,
        )
    yield from _description(shown, meta, lines)
    keyphrase = meta.get("keyphrase")
    if isinstance(keyphrase, str) and keyphrase.strip():
        yield from _keyphrase(shown, keyphrase.strip(), meta, lines, prose, slug, words)
    if not any(_internal(match) for _number, line in body for match in LINK.finditer(line)):
        yield advice(
            shown,
            first_line,
            "no link to another page of this site: link a related post or your booking page, "
            "e.g. '[how a first session goes](first-therapy-session.md)'",
            "search-internal-link",
            GROUP,
        )
    # Markdown headings as the source map reads them (ATX and setext, not in code), and HTML ones.
    markdown_h1s = [block.line for block in prose.blocks if block.kind == "heading" and block.level == 1]
    h1s = sorted([*markdown_h1s, *(number for number, line in body if HTML_H1.search(line))])
    if h1s and meta.get("title"):
        yield advice(
            shown,
            h1s[0],
            "a second main (H1) heading: the title is the page's one H1; make this one '##'",
            "search-h1",
            GROUP,
        )


def _internal(match: re.Match[str]) -> bool:
    target = next(group for group in match.groups() if group is not None)
    return not EXTERNAL.match(target) and not target.startswith("#")


def _description(shown: str, meta: dict[str, Any], lines: dict[str, int]) -> Iterator[Advice]:
    description = meta.get("description")
    low, high = DESCRIPTION
    if not isinstance(description, str) or not description.strip():
        yield advice(
            shown,
            lines["title"],
            f"no description: add 'description:' with one or two sentences ({low}–{high} "
            "characters) that say what the reader will learn; search results show it under the title",
            "search-description",
            GROUP,
        )
        return
    length = len(description.strip())
    if not low <= length <= high:
        what = "add a little more" if length < low else "shorten it: search results cut it off"
        yield advice(
            shown,
            lines["description"],
            f"the description has {length} characters; {low}–{high} fills a search result without being cut: {what}",
            "search-description",
            GROUP,
        )


def _keyphrase(
    shown: str, phrase: str, meta: dict[str, Any], lines: dict[str, int], prose: Prose, slug: str, words: list[str]
) -> Iterator[Advice]:
    pattern = re.compile(r"(?<!\w)" + r"[\s-]+".join(map(re.escape, phrase.split())) + r"(?!\w)", re.IGNORECASE)
    first = prose.first_paragraph()
    places = {
        "title": str(meta.get("title") or ""),
        "slug": slug.replace("-", " "),
        "first paragraph": first.text if first else "",
        "description": str(meta.get("description") or ""),
    }
    missing = [place for place, text in places.items() if not pattern.search(text)]
    line = lines["keyphrase"]
    if missing:
        yield advice(
            shown,
            line,
            f"the keyphrase '{phrase}' is not in the {', '.join(missing)}: use the words readers "
            "search for there too, or choose the phrase the post is really about",
            "search-keyphrase",
            GROUP,
        )
    text = " ".join(block.text for block in prose.reading_blocks())
    count = len(pattern.findall(text))
    density = 100 * count / len(words) if words else 0.0
    low, high = DENSITY
    if not low <= density <= high:
        what = "use it a few more times where it fits" if density < low else "use it less: it reads as repetitive"
        yield advice(
            shown,
            line,
            f"the keyphrase '{phrase}' is {density:.1f}% of the words ({count} times); {low}–{high}% "
            f"reads naturally: {what}",
            "search-keyphrase-density",
            GROUP,
            info=True,
        )
