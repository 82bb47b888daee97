"""Which font faces a page preloads: the core files of regular and semibold when the site ships them, else the
full files, and never a file the site does not ship."""

from __future__ import annotations

from therapy_site.theme.preloads import font_preloads

CORE = ["inter-regular-core.woff2", "inter-semibold-core.woff2"]
FULL = ["inter-regular.woff2", "inter-semibold.woff2"]


def test_the_core_faces_are_preloaded_in_order() -> None:
    shipped = {*CORE, *FULL, "inter-bold.woff2"}
    assert font_preloads(shipped) == [f"assets/fonts/{face}" for face in CORE]


def test_a_fonts_folder_without_core_files_preloads_its_full_faces() -> None:
    assert font_preloads({*FULL, "inter-bold.woff2"}) == [f"assets/fonts/{face}" for face in FULL]
    assert font_preloads({"inter-regular.woff2", "inter-semibold-core.woff2"}) == [
        "assets/fonts/inter-regular.woff2",
        "assets/fonts/inter-semibold-core.woff2",
    ]


def test_faces_the_site_does_not_ship_are_not_preloaded() -> None:
    """A site shipping its own fonts folder (theme assets_dir) without our faces gets no broken preloads."""
    assert font_preloads({"inter-regular.woff2"}) == ["assets/fonts/inter-regular.woff2"]
    assert font_preloads({"other.woff2"}) == []
