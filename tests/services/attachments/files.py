"""Files to attach, made the way phones and scanners make them: photos, a PDF, Office files, and
the bad ones a cadre will try (a video renamed .jpg, a PDF bomb, a cut photo, a HEIC)."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from PIL import Image

COLOURS = ((200, 40, 40), (40, 160, 60), (40, 60, 200), (220, 200, 40))


def photo(path: Path, index: int = 0, size: tuple[int, int] = (1600, 1200)) -> Path:
    """A JPEG photo whose pixels differ with `index` (so each has its own SHA-256)."""
    image = Image.new("RGB", size, COLOURS[index % len(COLOURS)])
    for x in range(0, size[0], 97):  # some detail, so the JPEG is not trivially small
        for y in range(index * 7, size[1], 89):
            image.putpixel((x, y), (255, 255, 255))
    image.save(path, "JPEG", quality=90)
    return path


def pdf(path: Path, text: str = "合作协议（草案）") -> Path:
    """A small, valid PDF with one compressed page."""
    content = zlib.compress(f"BT /F1 12 Tf 72 720 Td ({text.encode().hex()}) Tj ET".encode())
    body = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/Contents 4 0 R>>endobj\n"
        + b"4 0 obj<</Length "
        + str(len(content)).encode()
        + b"/Filter/FlateDecode>>stream\n"
        + content
        + b"\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    path.write_bytes(body)
    return path


def pdf_bomb(path: Path, unpacked: int = 600 * 1024 * 1024) -> Path:
    """A PDF of under a megabyte whose one stream unpacks to `unpacked` bytes."""
    bomb = zlib.compress(b"\0" * unpacked, 9)
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj<</Length "
        + str(len(bomb)).encode()
        + b"/Filter/FlateDecode>>stream\n"
        + bomb
        + b"\nendstream\nendobj\n%%EOF\n"
    )
    return path


def docx(path: Path) -> Path:
    """A minimal Word document (a ZIP with [Content_Types].xml and word/)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return path


def video_named_jpg(path: Path) -> Path:
    """An MP4 video renamed .jpg."""
    path.write_bytes(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 4096)
    return path


def heic(path: Path) -> Path:
    """The start of a HEIC photo, as an iPhone writes it (no decoder here reads it)."""
    path.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x01" * 4096)
    return path


def cut_photo(path: Path) -> Path:
    """A JPEG cut off after its first 2,000 bytes (a transfer that stopped)."""
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (10, 20, 30)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue()[:2000])
    return path


def sparse_video(path: Path, size: int = 200 * 1024 * 1024) -> Path:
    """A 200 MB video (sparse on disk: it costs no space)."""
    with path.open("wb") as handle:
        handle.write(b"\x00\x00\x00\x18ftypmp42")
        handle.truncate(size)
    return path
