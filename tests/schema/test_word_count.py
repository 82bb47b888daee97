"""``therapy_site.text.word_count``: the visible words of a page's HTML (the BlogPosting ``wordCount``)."""

from __future__ import annotations

from therapy_site.text import word_count


def test_counts_visible_words_not_markup_or_comments() -> None:
    html = (
        '<h2 id="a">Calm <a href="#a" title="x y z">¶</a></h2>\n'
        "<!-- more words here -->\n<p>Two&nbsp;words &amp; more</p>"
    )
    assert word_count(html) == 6  # Calm ¶ Two words & more


def test_empty_and_text_only_pages() -> None:
    assert word_count("") == 0
    assert word_count("  \n") == 0
    assert word_count("just three words") == 3
