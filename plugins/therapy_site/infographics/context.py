"""One drawing context per build: fonts, icons, palette, the renderer and the memo of fit checks.

The MkDocs plugin creates it and hands it to the Markdown extension, so the
fit check and the drawing share one renderer and one set of loaded fonts; in
plain Python-Markdown the extension creates its own the first time a block needs
it. Fonts and icons come from the package (or folders named in the
configuration), never from the working directory.
"""

from __future__ import annotations

from pathlib import Path

from therapy_site.data import FONTS_DIR, ICONS_DIR
from therapy_site.imaging.fonts import FontSet
from therapy_site.imaging.palette import get_palette
from therapy_site.infographics.icons import Icon, load_icons
from therapy_site.infographics.render import FitError, Renderer, check_fit
from therapy_site.infographics.schema import Infographic


class InfographicsContext:
    def __init__(self, assets_dir: str | Path | None = None, palette: str = "light") -> None:
        """``assets_dir``: a folder holding ``fonts/`` and ``icons/``; ``None`` or ``""``: the package's own."""
        folder = Path(assets_dir) if assets_dir else None
        self.fonts = FontSet(folder / "fonts" if folder else FONTS_DIR)
        self.icons: dict[str, Icon] = load_icons(folder / "icons" if folder else ICONS_DIR)
        self.renderer = Renderer(self.fonts, self.icons, get_palette(palette))
        self._fits: dict[str, FitError | None] = {}

    def fit_problem(self, key: str, info: Infographic, brand: str, domain: str) -> FitError | None:
        """``check_fit`` remembered by the image's content key: blog listings render each post again.

        ``key`` covers data, icons, fonts, palette, brand, domain and drawing code, so the
        result is a pure function of it.
        """
        if key not in self._fits:
            self._fits[key] = check_fit(self.renderer, info, brand, domain)
        return self._fits[key]
