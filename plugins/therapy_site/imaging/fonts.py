"""Our shipped fonts for drawn images: Raqm layout, glyph coverage from the fonts' own cmap."""

from __future__ import annotations

import hashlib
import threading
import unicodedata
from pathlib import Path

from PIL import ImageFont

from therapy_site.fontfacts import font_facts

FACES = {"regular": "inter-regular.woff2", "semibold": "inter-semibold.woff2", "bold": "inter-bold.woff2"}


class MissingFontError(FileNotFoundError):
    pass


class FontSet:
    """The font files images are drawn with (by default the package's own, see :mod:`therapy_site.data`).

    Its caches (FreeType faces per thread and size, glyph maps, file digests) live
    on the instance: one per drawing context, dropped with it; nothing process-wide.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._threads = threading.local()  # the plugin draws images in a thread pool; a face is not thread-safe
        self._cmaps: dict[str, frozenset[int]] = {}
        self._fingerprint: str | None = None

    def __getstate__(self) -> dict[str, object]:
        """What an image worker process receives: the folder and glyph maps, not this process's open faces."""
        state = self.__dict__.copy()
        del state["_threads"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._threads = threading.local()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FontSet) and other.directory == self.directory

    def __hash__(self) -> int:
        return hash(self.directory)

    def __repr__(self) -> str:
        return f"FontSet({str(self.directory)!r})"

    def path(self, face: str) -> Path:
        path = self.directory / FACES[face]
        if not path.is_file():
            raise MissingFontError(f"font file {path} is missing; the infographics need {', '.join(FACES.values())}")
        return path

    def font(self, face: str, size: int) -> ImageFont.FreeTypeFont:
        faces: dict[tuple[str, int], ImageFont.FreeTypeFont] | None = getattr(self._threads, "faces", None)
        if faces is None:
            faces = self._threads.faces = {}
        key = (face, size)
        if key not in faces:
            faces[key] = ImageFont.truetype(str(self.path(face)), size, layout_engine=ImageFont.Layout.RAQM)
        return faces[key]

    def missing_characters(self, text: str, face: str) -> list[str]:
        """Characters of ``text`` that the face cannot draw (whitespace aside), in order of appearance.

        Judged composed (NFC), as :meth:`Renderer.box` draws it: 'e' + a combining accent is the one 'é'.
        """
        cmap = self._cmap(face)
        missing: list[str] = []
        for char in unicodedata.normalize("NFC", text):
            if char.isspace() or ord(char) in cmap or char in missing:
                continue
            missing.append(char)
        return missing

    def _cmap(self, face: str) -> frozenset[int]:
        if face not in self._cmaps:
            self._cmaps[face] = font_facts(self.path(face)).codepoints
        return self._cmaps[face]

    def fingerprint(self) -> str:
        """Hash of the font files, part of every image's cache key."""
        if self._fingerprint is None:
            digest = hashlib.sha256()
            for face in sorted(FACES):
                path = self.path(face)
                digest.update(FACES[face].encode())
                digest.update(hashlib.sha256(path.read_bytes()).hexdigest().encode())
            self._fingerprint = digest.hexdigest()
        return self._fingerprint


def describe_character(char: str) -> str:
    """``'✿' (U+273F)``: readable even when the character itself is not."""
    return f"'{char}' (U+{ord(char):04X})"
