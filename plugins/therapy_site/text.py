"""Plain text of a page's HTML, for figures stated about it (the BlogPosting ``wordCount``)."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html


def word_count(html: str) -> int:
    """Words of the page's visible text (text nodes joined as a browser shows them, split on whitespace).

    lxml's C parser: a page's HTML is read once per build for this, and Python's ``HTMLParser`` took
    longer than anything else the schema plugin does.
    """
    if not html.strip():
        return 0
    try:
        fragment = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return 0
    return len(fragment.text_content().split())
