"""What a file is, read from its first bytes rather than its name, and what may be attached.

An attachment is a photo (JPEG, PNG, GIF, WebP, BMP, HEIC), a PDF or an Office file (Word, Excel,
PowerPoint and the WPS formats, old and new). The content decides: a video renamed `.jpg` is a
video, and a file whose name claims one kind while its bytes are another is refused, because the
next person to open it would get a viewer that cannot read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from fieldlog.domain.messages import Message, msg

#: The most bytes one attached file may have: a phone photo is 2–12 MB, a scanned agreement 5–20.
MAX_FILE_BYTES = 30 * 1024 * 1024
#: The most pixels an attached picture may decode to (a 100-megapixel photo still fits).
MAX_PIXELS = 120_000_000


def megabytes(size: int) -> str:
    """A size as people say it: "200 MB", "1.5 MB", "0.2 MB"."""
    value = size / (1024 * 1024)
    return f"{value:,.0f} MB" if value >= 10 else f"{value:.1f} MB"


@dataclass(frozen=True)
class FileKind:
    """A kind of file: its media type, the suffixes its names take, and a name for people."""

    media_type: str
    suffixes: tuple[str, ...]
    label: Message
    picture: bool = False

    @property
    def suffix(self) -> str:
        """The usual suffix (with its dot) of a file of this kind."""
        return self.suffixes[0]


JPEG = FileKind("image/jpeg", (".jpg", ".jpeg", ".jfif"), msg("file.jpeg", "a JPEG photo"), True)
PNG = FileKind("image/png", (".png",), msg("file.png", "a PNG picture"), True)
GIF = FileKind("image/gif", (".gif",), msg("file.gif", "a GIF picture"), True)
WEBP = FileKind("image/webp", (".webp",), msg("file.webp", "a WebP picture"), True)
BMP = FileKind("image/bmp", (".bmp",), msg("file.bmp", "a BMP picture"), True)
HEIC = FileKind("image/heic", (".heic", ".heif"), msg("file.heic", "a HEIC photo"), True)
PDF = FileKind("application/pdf", (".pdf",), msg("file.pdf", "a PDF document"))
DOC = FileKind("application/msword", (".doc", ".wps"), msg("file.doc", "a Word document"))
XLS = FileKind("application/vnd.ms-excel", (".xls", ".et"), msg("file.xls", "an Excel workbook"))
PPT = FileKind(
    "application/vnd.ms-powerpoint", (".ppt", ".dps"), msg("file.ppt", "a PowerPoint file")
)
DOCX = FileKind(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
    msg("file.docx", "a Word document"),
)
XLSX = FileKind(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    (".xlsx", ".xlsm"),
    msg("file.xlsx", "an Excel workbook"),
)
PPTX = FileKind(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    (".pptx",),
    msg("file.pptx", "a PowerPoint file"),
)
ATTACHABLE: tuple[FileKind, ...] = (
    *(JPEG, PNG, GIF, WEBP, BMP, HEIC),
    *(PDF, DOC, XLS, PPT, DOCX, XLSX, PPTX),
)
BY_MEDIA_TYPE = {kind.media_type: kind for kind in ATTACHABLE}
#: An old Office file (OLE2 compound document): which kind its name says it is.
OLE_KINDS = (DOC, XLS, PPT)
#: A new Office file (a ZIP): the folder inside that says which kind it is.
OOXML_FOLDERS = (("word/", DOCX), ("xl/", XLSX), ("ppt/", PPTX))

VIDEO = msg("file.video", "a video")
AUDIO = msg("file.audio", "a sound recording")
ARCHIVE = msg("file.zip", "a ZIP archive")
UNKNOWN = msg("file.unknown", "a kind of file FieldLog cannot show")

_OLE = bytes.fromhex("d0cf11e0a1b11ae1")
#: ISO base media brands (the four letters after "ftyp") of HEIC/HEIF stills.
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}


def sniff(head: bytes) -> FileKind | Message | None:
    """The kind the first bytes (at least 64) show: an attachable kind, a Message naming a kind
    that cannot be attached (a video…), or None when they show nothing known.

    A ZIP and an OLE2 file are not decided here: which Office kind they are needs their
    contents (`ooxml_kind`) or their name (`ole_kind`), so they come back as ARCHIVE and DOC.
    """
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[:4] == b"RIFF" and head[8:12] in (b"AVI ", b"WAVE"):
        return VIDEO if head[8:12] == b"AVI " else AUDIO
    if head.startswith(b"BM") and len(head) >= 26 and head[14] in (12, 40, 52, 56, 108, 124):
        return BMP
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(_OLE):
        return DOC
    if head.startswith(b"PK\x03\x04"):
        return ARCHIVE
    if head[4:8] == b"ftyp":
        return HEIC if head[8:12] in _HEIF_BRANDS else VIDEO
    if head.startswith(b"\x1a\x45\xdf\xa3") or head[:3] == b"FLV":  # Matroska/WebM, Flash
        return VIDEO
    if head.startswith((b"ID3", b"\xff\xfb", b"\xff\xf3", b"#!AMR", b"OggS", b"fLaC")):
        return AUDIO
    return None


def ole_kind(name: str) -> FileKind:
    """The old Office kind a compound document's name says (Word when it says none)."""
    suffix = PurePath(name).suffix.lower()
    return next((kind for kind in OLE_KINDS if suffix in kind.suffixes), DOC)


def ooxml_kind(members: list[str]) -> FileKind | None:
    """The new Office kind of a ZIP from the names of its members; None for any other ZIP."""
    if "[Content_Types].xml" not in members:
        return None
    for folder, kind in OOXML_FOLDERS:
        if any(name.startswith(folder) for name in members):
            return kind
    return None


def named_kind(name: str) -> FileKind | None:
    """The attachable kind a file's name claims (by its suffix); None when it claims none."""
    suffix = PurePath(name).suffix.lower()
    return next((kind for kind in ATTACHABLE if suffix in kind.suffixes), None)


def claims_other(name: str, actual: FileKind) -> bool:
    """Whether the name says one attachable kind while the content is another.

    Pictures are one family: a PNG saved under .jpg (chat apps do this) opens in every viewer,
    which reads a picture by its content, so it is taken (under the suffix of what it is). A PDF,
    an Office file or a picture under another family's suffix is a mismatch.
    """
    claimed = named_kind(name)
    if claimed is None or claimed == actual:
        return False
    return not (claimed.picture and actual.picture)


def proper_name(name: str, kind: FileKind) -> str:
    """`name` with the suffix of what the file is (unchanged when it already has one of them)."""
    path = PurePath(name)
    if path.suffix.lower() in kind.suffixes:
        return name
    stem = path.stem if named_kind(name) is not None else path.name
    return f"{stem}{kind.suffix}"
