"""Checking a file before it is attached: its size, what its bytes are (not what its name says),
that a picture decodes, that a PDF or an Office file does not unpack to a bomb. Each refusal is
one sentence naming the file; nothing is stored before every file of an addition passed.

Pictures are decoded with Pillow (in the Qt-free core, so the command line checks exactly what
the window checks). A HEIC photo is taken only where Pillow has a HEIF decoder installed; where it
has none, the refusal says how to get a JPEG from the phone instead.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
import zlib
from dataclasses import dataclass

from fieldlog.domain import file_kinds as kinds
from fieldlog.domain.file_kinds import FileKind, megabytes
from fieldlog.domain.messages import Message, msg
from fieldlog.services.errors import InvalidInput

#: Most bytes the compressed streams of one PDF may unpack to, and the ratio to the file beyond
#: which that is a bomb (a real PDF's text and drawings unpack 3–20 times; its photos not at all).
MAX_PDF_UNPACKED = 512 * 1024 * 1024
MAX_PDF_RATIO = 200
#: The same for the members of an Office file (a ZIP).
MAX_OFFICE_UNPACKED = 512 * 1024 * 1024
MAX_OFFICE_RATIO = 200
#: Pictures are downscaled to this many pixels on their longer side when asked.
DOWNSCALE_SIDE = 2048
DOWNSCALE_QUALITY = 85
_STREAM = re.compile(rb"stream\r?\n")


@dataclass(frozen=True)
class CheckedFile:
    """A file that may be attached: its name (with the suffix of what it is), kind and bytes."""

    name: str
    kind: FileKind
    data: bytes
    sha256: str
    width: int = 0
    height: int = 0

    @property
    def size(self) -> int:
        """Its size in bytes."""
        return len(self.data)


def too_large(name: str, size: int) -> InvalidInput:
    return InvalidInput(
        msg(
            "attach.too_large",
            "{name} is {size}; a file attached may be at most {limit}",
            name=name,
            size=megabytes(size),
            limit=megabytes(kinds.MAX_FILE_BYTES),
        )
    )


def _refused(name: str, what: Message) -> InvalidInput:
    return InvalidInput(
        msg(
            "attach.not_attachable",
            "{name} is {what}; only photos, PDFs and Office files can be attached",
            name=name,
            what=what,
        )
    )


def check_file(name: str, data: bytes, *, downscale: bool = False) -> CheckedFile:
    """The file as it will be stored, or InvalidInput (one sentence) saying why it cannot be.

    With `downscale`, a photo larger than DOWNSCALE_SIDE on its longer side is stored smaller
    (as JPEG, turned upright; a picture with transparency stays PNG).
    """
    if len(data) > kinds.MAX_FILE_BYTES:
        raise too_large(name, len(data))
    if not data:
        raise InvalidInput(msg("attach.empty", "{name} is empty", name=name))
    kind = _kind(name, data)
    if kinds.claims_other(name, kind):
        claimed = kinds.named_kind(name)
        assert claimed is not None
        raise InvalidInput(
            msg(
                "attach.renamed",
                "{name} is named as {claimed} but holds {actual}; rename it to {suffix} or "
                "attach the right file",
                name=name,
                claimed=claimed.label,
                actual=kind.label,
                suffix=kind.suffix,
            )
        )
    width = height = 0
    if kind.picture:
        width, height = _picture_size(name, kind, data)
        if downscale and max(width, height) > DOWNSCALE_SIDE:
            kind, data, width, height = _downscaled(data)
    elif kind == kinds.PDF:
        _check_pdf(name, data)
    elif kind in (kinds.DOCX, kinds.XLSX, kinds.PPTX):
        _check_office_zip(name, data)
    stored = kinds.proper_name(name, kind)
    return CheckedFile(stored, kind, data, hashlib.sha256(data).hexdigest(), width, height)


def _kind(name: str, data: bytes) -> FileKind:
    found = kinds.sniff(data[:1024])
    if found == kinds.DOC:
        return kinds.ole_kind(name)
    if found == kinds.ARCHIVE:
        office = kinds.ooxml_kind(_zip_names(data))
        if office is None:
            raise _refused(name, kinds.ARCHIVE)
        return office
    if isinstance(found, FileKind):
        return found
    raise _refused(name, found if found is not None else kinds.UNKNOWN)


def _zip_names(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return []


def unreadable(name: str, kind: FileKind) -> InvalidInput:
    if kind == kinds.HEIC:
        return InvalidInput(
            msg(
                "attach.heic",
                "{name} is a HEIC photo, which this computer cannot read; send it from the phone "
                "as JPEG (on an iPhone: Settings ▸ Camera ▸ Formats ▸ Most Compatible) and attach "
                "it again",
                name=name,
            )
        )
    return InvalidInput(
        msg(
            "attach.damaged_picture",
            "{name} looks like {what} but cannot be read (damaged or cut short)",
            name=name,
            what=kind.label,
        )
    )


def _picture_size(name: str, kind: FileKind, data: bytes) -> tuple[int, int]:
    """Decode the picture (at reduced scale where the format allows) and return its size."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > kinds.MAX_PIXELS:
                raise InvalidInput(
                    msg(
                        "attach.too_many_pixels",
                        "{name} is {width} × {height} pixels, more than a picture may have",
                        name=name,
                        width=width,
                        height=height,
                    )
                )
            image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
            image.load()
    except InvalidInput:
        raise
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, EOFError):
        raise unreadable(name, kind) from None
    return width, height


def _downscaled(data: bytes) -> tuple[FileKind, bytes, int, int]:
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as opened:
        opened.draft("RGB", (DOWNSCALE_SIDE, DOWNSCALE_SIDE))
        image = ImageOps.exif_transpose(opened)
        image.thumbnail((DOWNSCALE_SIDE, DOWNSCALE_SIDE), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        clear = image.mode in ("RGBA", "LA") or "transparency" in image.info
        if clear:
            image.save(out, "PNG", optimize=True)
            kind = kinds.PNG
        else:
            image.convert("RGB").save(out, "JPEG", quality=DOWNSCALE_QUALITY, optimize=True)
            kind = kinds.JPEG
        return kind, out.getvalue(), image.width, image.height


def _bomb(name: str, what: Message, unpacked: int) -> InvalidInput:
    return InvalidInput(
        msg(
            "attach.bomb",
            "{name} is {what} that unpacks to more than {size} (a bomb, or badly damaged); it "
            "was not attached",
            name=name,
            what=what,
            size=megabytes(unpacked),
        )
    )


def _check_pdf(name: str, data: bytes) -> None:
    """Refuse a PDF whose compressed streams unpack to far more than a document holds.

    Each `stream … endstream` is inflated with a cap (streams that are not zlib, such as photos,
    are skipped); the total is what a viewer would have to unpack to show every page.
    """
    limit = min(MAX_PDF_UNPACKED, max(64 * 1024 * 1024, len(data) * MAX_PDF_RATIO))
    total, position = 0, 0
    while (found := _STREAM.search(data, position)) is not None:
        start = found.end()
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        total += _inflated(data[start:end], limit - total + 1)
        if total > limit:
            raise _bomb(name, kinds.PDF.label, total)
        position = end
    if b"%%EOF" not in data[-2048:]:
        raise InvalidInput(
            msg(
                "attach.pdf_cut",
                "{name} is a PDF that is cut short (its end is missing); attach the whole file",
                name=name,
            )
        )


def _inflated(stream: bytes, cap: int) -> int:
    """How many bytes a zlib stream unpacks to, up to `cap` (0 when it is not zlib)."""
    inflater = zlib.decompressobj()
    total = 0
    try:
        chunk = inflater.decompress(stream, 1024 * 1024)
        total += len(chunk)
        while inflater.unconsumed_tail and total <= cap:
            chunk = inflater.decompress(inflater.unconsumed_tail, 1024 * 1024)
            total += len(chunk)
    except zlib.error:
        return total
    return total


def _check_office_zip(name: str, data: bytes) -> None:
    limit = min(MAX_OFFICE_UNPACKED, max(64 * 1024 * 1024, len(data) * MAX_OFFICE_RATIO))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InvalidInput(
            msg(
                "attach.damaged_office",
                "{name} is damaged or cut short and cannot be opened; attach the whole file",
                name=name,
            )
        ) from None
    if unpacked > limit:
        raise _bomb(name, (kinds.ooxml_kind(_zip_names(data)) or kinds.DOCX).label, unpacked)
