"""Plain text of a page's HTML, for figures stated about it (the BlogPosting ``wordCount``)."""

from __future__ import annotations

from html.parser import HTMLParser


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def word_count(html: str) -> int:
    """Words of the page's visible text (text nodes joined as a browser shows them, split on whitespace)."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return len("".join(parser.parts).split())
