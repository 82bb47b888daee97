"""Which font faces a page preloads: regular and semibold always, italic when its content has italic text."""

from __future__ import annotations

import pytest

from therapy_site.theme.preloads import FIRST_SCREEN_FACES, ITALIC_FACE, font_preloads, has_italic_text

SHIPPED = {*FIRST_SCREEN_FACES, ITALIC_FACE, "inter-bold.woff2"}


@pytest.mark.parametrize(
    "content",
    [
        "<p>Trust is a <em>therapeutic alliance</em>.</p>",
        "<p><i>Note</i></p>",
        "<blockquote><p>Words</p><p><cite>A book</cite></p></blockquote>",
        '<figure><img src="a.webp" alt="A"><figcaption>What the picture shows</figcaption></figure>',
        "<em>first</em> then text",
    ],
)
def test_italic_text_is_found(content: str) -> None:
    assert has_italic_text(content)


@pytest.mark.parametrize(
    "content",
    ["", "   ", "<p>Plain <strong>bold</strong> text.</p>", "<p><em> </em></p>", "<h2 id='em'>Heading</h2>"],
)
def test_no_italic_text_is_found(content: str) -> None:
    assert not has_italic_text(content)


def test_the_italic_face_is_preloaded_only_for_italic_text() -> None:
    assert font_preloads(SHIPPED, italic=False) == [f"assets/fonts/{face}" for face in FIRST_SCREEN_FACES]
    assert font_preloads(SHIPPED, italic=True)[-1] == f"assets/fonts/{ITALIC_FACE}"


def test_faces_the_site_does_not_ship_are_not_preloaded() -> None:
    """A site shipping its own fonts folder (theme assets_dir) without our faces gets no broken preloads."""
    assert font_preloads({"inter-regular.woff2"}, italic=True) == ["assets/fonts/inter-regular.woff2"]
    assert font_preloads({"other.woff2"}, italic=True) == []
