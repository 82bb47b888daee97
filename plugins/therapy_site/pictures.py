"""Published pictures carry no location or camera details, and show upright.

A photo straight from a phone holds its GPS position, the camera and the time in EXIF (and XMP,
IPTC, comments). The build publishes a clean copy of every raster picture it copies from docs/
(:func:`clean_picture`); the original in docs/ is never touched.

Without rotating, nothing is decoded: JPEG loses its APP1 (EXIF, XMP), APP13 (IPTC) and other
metadata segments and its comments, PNG its text and eXIf chunks, WebP its EXIF and XMP chunks,
byte for byte otherwise (the colour profile stays). A photo whose EXIF says "rotate" is rotated
(:func:`upright`) and encoded again, since without EXIF nothing would tell the browser to turn it.
Other formats are encoded again by Pillow without their metadata.
"""

from __future__ import annotations

import io
import struct
import warnings
from pathlib import Path

from PIL import Image, ImageOps

EXIF_ORIENTATION = 0x0112
TURNED_A_QUARTER = frozenset({5, 6, 7, 8})  # EXIF orientations that swap width and height
RASTER_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff", ".ico"})

# JPEG segments a picture needs to be drawn as it is: JFIF, the colour profile, Adobe's colour transform.
JPEG_KEPT_APP = {0xE0: (b"JFIF\0",), 0xE2: (b"ICC_PROFILE\0",), 0xEE: (b"Adobe",)}
# PNG ancillary chunks that change how it looks (colour, transparency, animation, pixel density).
PNG_KEPT = frozenset(
    {b"iCCP", b"sRGB", b"gAMA", b"cHRM", b"cICP", b"sBIT", b"tRNS", b"bKGD", b"pHYs", b"acTL", b"fcTL", b"fdAT"}
)
WEBP_DROPPED = frozenset({b"EXIF", b"XMP "})
VP8X_EXIF, VP8X_XMP = 0x08, 0x04


class PictureError(ValueError):
    """The picture cannot be cleaned (a damaged file, or a format nothing here can write)."""


def upright(image: Image.Image) -> Image.Image:
    """``image`` as it is shown: turned as its EXIF orientation says (a phone photo taken sideways)."""
    return ImageOps.exif_transpose(image) or image


def orientation(image: Image.Image) -> int:
    try:
        return int(image.getexif().get(EXIF_ORIENTATION, 1) or 1)
    except Exception:  # EXIF that cannot be read turns nothing
        return 1


def shown_size(path: Path) -> tuple[int, int]:
    """Width and height of the picture as readers see it (its EXIF orientation applied)."""
    with Image.open(path) as image:
        width, height = image.size
        return (height, width) if orientation(image) in TURNED_A_QUARTER else (width, height)


def clean_picture(data: bytes) -> bytes:
    """``data`` (a picture file) without location, camera or other metadata, upright; ``data`` if already so."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with Image.open(io.BytesIO(data)) as image:
                kind, turned = image.format, orientation(image) != 1
                if turned:
                    return _encode_upright(image)
        except PictureError:
            raise
        except Exception:  # damaged or not a picture: strip what its container holds, if it is one we know
            kind = _container(data)
            if kind is None:
                return data  # not a picture at all: no picture metadata to remove (the image rules say what it is)
    if kind == "JPEG":
        return _jpeg(data)
    if kind == "PNG":
        return _png(data)
    if kind == "WEBP":
        return _webp(data)
    return _reencoded(data)


def _container(data: bytes) -> str | None:
    if data.startswith(b"\xff\xd8"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def _encode_upright(image: Image.Image) -> bytes:
    kind = image.format or "PNG"
    icc = image.info.get("icc_profile")
    turned = upright(image)
    turned.info = {}
    options: dict[str, object] = {"icc_profile": icc} if icc else {}
    if kind == "JPEG":
        options.update(quality=92, optimize=True)
        turned = turned.convert("RGB") if turned.mode not in ("RGB", "L", "CMYK") else turned
    elif kind == "WEBP":
        options.update(quality=90, method=4)
    return _save(turned, kind, options)


def _save(image: Image.Image, kind: str, options: dict[str, object]) -> bytes:
    out = io.BytesIO()
    try:
        image.save(out, kind, **options)
    except Exception as problem:
        raise PictureError(f"this kind of picture ({kind}) cannot be written again without its metadata") from problem
    return out.getvalue()


def _jpeg(data: bytes) -> bytes:
    """JPEG without APP1/APP13/COM and other metadata segments, and nothing after its end (phones append a second
    picture there, a depth or gain map with its own EXIF): the compressed pixels untouched."""
    if data[:2] != b"\xff\xd8":
        raise PictureError("the JPEG file is damaged (no start marker)")
    out, position = bytearray(data[:2]), 2
    while position + 2 <= len(data):
        if data[position] != 0xFF:  # damaged: nothing further can be read as segments, so nothing is kept
            return bytes(out)
        marker = data[position + 1]
        if marker == 0xFF:  # padding
            position += 1
            continue
        if marker == 0xD9:  # the end of the picture: whatever follows is not shown, and not published
            return bytes(out + data[position : position + 2])
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out += data[position : position + 2]
            position += 2
            continue
        if position + 4 > len(data):
            break
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        segment = data[position : position + 2 + length]
        if _keeps_jpeg_segment(marker, segment[4:]):
            out += segment
        position += 2 + length
        if marker == 0xDA:  # start of scan: the compressed pixels run to the next marker
            end = _scan_end(data, position)
            out += data[position:end]
            position = end
    return bytes(out)  # damaged: it ends early (what it held besides metadata is kept)


def _scan_end(data: bytes, position: int) -> int:
    """Where the compressed pixels from ``position`` end: the next marker that is not a stuffed byte or a restart."""
    while True:
        found = data.find(b"\xff", position)
        if found < 0 or found + 1 >= len(data):
            return len(data)
        following = data[found + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            position = found + 1 if following == 0xFF else found + 2
            continue
        return found


def _keeps_jpeg_segment(marker: int, payload: bytes) -> bool:
    if marker == 0xFE:  # a comment
        return False
    if 0xE0 <= marker <= 0xEF:
        return payload.startswith(JPEG_KEPT_APP.get(marker, ()))
    return True


def _png(data: bytes) -> bytes:
    signature = b"\x89PNG\r\n\x1a\n"
    if not data.startswith(signature):
        raise PictureError("the PNG file is damaged (no signature)")
    out, position = bytearray(signature), len(signature)
    while position + 8 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        chunk = data[position : position + 12 + length]
        if kind[:1].isupper() or kind in PNG_KEPT:  # critical chunks, and those that change the look
            out += chunk
        position += 12 + length
        if kind == b"IEND":
            break
    return bytes(out)  # a damaged file ends early: what it held besides metadata, and no more


def _webp(data: bytes) -> bytes:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise PictureError("the WebP file is damaged (no RIFF header)")
    chunks, position = [], 12
    riff_end = min(len(data), 8 + struct.unpack("<I", data[4:8])[0])
    while position + 8 <= riff_end:
        kind = data[position : position + 4]
        (length,) = struct.unpack("<I", data[position + 4 : position + 8])
        end = position + 8 + length + (length & 1)
        chunk = bytearray(data[position:end])
        if kind == b"VP8X" and len(chunk) > 8:
            chunk[8] &= ~(VP8X_EXIF | VP8X_XMP) & 0xFF
        if kind not in WEBP_DROPPED:
            chunks.append(bytes(chunk))
        position = end
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _reencoded(data: bytes) -> bytes:
    """Other formats (GIF, TIFF, AVIF...): drawn again by Pillow without metadata, when they hold any."""
    with Image.open(io.BytesIO(data)) as image:
        if not _has_metadata(image):
            return data
        kind = image.format or "PNG"
        icc = image.info.get("icc_profile")
        frames = getattr(image, "n_frames", 1)
        image.load()
        image.info = {key: value for key, value in image.info.items() if key in ("transparency", "duration", "loop")}
        options: dict[str, object] = {"icc_profile": icc} if icc else {}
        if frames > 1:
            options["save_all"] = True
        return _save(image, kind, options)


METADATA_KEYS = frozenset({"exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc", "tiffinfo"})


def _has_metadata(image: Image.Image) -> bool:
    if METADATA_KEYS & set(image.info):
        return True
    try:
        return len(image.getexif()) > 0
    except Exception:  # unreadable EXIF: treat as present, so it is written again without it
        return True


def clean_published(source: Path, published: Path) -> bool:
    """Write the clean copy of ``source`` at ``published``; whether anything had to change."""
    data = source.read_bytes()
    cleaned = clean_picture(data)
    if published.is_file() and published.read_bytes() == cleaned:
        return cleaned != data  # written clean before (a preview's rebuild, a dirty build)
    published.write_bytes(cleaned)
    return cleaned != data
