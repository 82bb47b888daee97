"""Files shipped with the package (package data): our web fonts and the infographic icons.

Found from the package itself, never from the working directory, so the
Markdown extensions draw and check images the same in any folder.
"""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
FONTS_DIR = DATA_DIR / "fonts"
ICONS_DIR = DATA_DIR / "icons"
