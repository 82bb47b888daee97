"""Which font faces a page preloads: regular and semibold, the two the stylesheet names, when the site ships them."""

from __future__ import annotations

from therapy_site.theme.preloads import FIRST_SCREEN_FACES, font_preloads

SHIPPED = {*FIRST_SCREEN_FACES, "inter-bold.woff2"}


def test_the_first_screen_faces_are_preloaded_in_order() -> None:
    assert font_preloads(SHIPPED) == [f"assets/fonts/{face}" for face in FIRST_SCREEN_FACES]


def test_faces_the_site_does_not_ship_are_not_preloaded() -> None:
    """A site shipping its own fonts folder (theme assets_dir) without our faces gets no broken preloads."""
    assert font_preloads({"inter-regular.woff2"}) == ["assets/fonts/inter-regular.woff2"]
    assert font_preloads({"other.woff2"}) == []
