"""Our shipped fonts for drawn images: Raqm layout, glyph coverage from the fonts' own cmap."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import ImageFont

FACES = {"regular": "inter-regular.woff2", "semibold": "inter-semibold.woff2", "bold": "inter-bold.woff2"}


class MissingFontError(FileNotFoundError):
    pass


@dataclass(frozen=True)
class FontSet:
    """The font files in ``assets/fonts`` that images are drawn with."""

    directory: Path

    def path(self, face: str) -> Path:
        path = self.directory / FACES[face]
        if not path.is_file():
            raise MissingFontError(f"font file {path} is missing; the infographics need {', '.join(FACES.values())}")
        return path

    def font(self, face: str, size: int) -> ImageFont.FreeTypeFont:
        # One FreeType face per thread: the plugin draws images in a thread pool.
        return _load_font(str(self.path(face)), size, threading.get_ident())

    def missing_characters(self, text: str, face: str) -> list[str]:
        """Characters of ``text`` that the face cannot draw (whitespace aside), in order of appearance."""
        cmap = _cmap(str(self.path(face)))
        missing: list[str] = []
        for char in text:
            if char.isspace() or ord(char) in cmap or char in missing:
                continue
            missing.append(char)
        return missing

    def fingerprint(self) -> str:
        """Hash of the font files, part of every image's cache key."""
        digest = hashlib.sha256()
        for face in sorted(FACES):
            path = self.path(face)
            digest.update(FACES[face].encode())
            digest.update(_file_digest(str(path), path.stat().st_mtime_ns, path.stat().st_size).encode())
        return digest.hexdigest()


@lru_cache(maxsize=256)
def _load_font(path: str, size: int, thread: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.RAQM)


@lru_cache(maxsize=8)
def _cmap(path: str) -> frozenset[int]:
    with TTFont(path) as font:
        return frozenset(font.getBestCmap())


@lru_cache(maxsize=16)
def _file_digest(path: str, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def describe_character(char: str) -> str:
    """``'✿' (U+273F)``: readable even when the character itself is not."""
    return f"'{char}' (U+{ord(char):04X})"
