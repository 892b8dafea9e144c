"""Reading a package file as a ZIP, before anything in it is trusted: a real ZIP, only the two
expected members with plain names (and the attached files, `files/<sha256>`), no password, sane
sizes (no ZIP bomb), members the size they claim. Each refusal is one `package.*` message naming
the file."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from fieldlog.domain.file_kinds import MAX_FILE_BYTES
from fieldlog.domain.messages import msg
from fieldlog.sync.errors import PackageError

MANIFEST = "manifest.json"
PAYLOAD = "changes.jsonl.enc"
MAX_PACKAGE_BYTES = 1024**3
MAX_MANIFEST_BYTES = 64 * 1024
#: A payload is encrypted (incompressible); a member that inflates more than this is a bomb.
MAX_RATIO = 20
#: An attached file travels as `files/<its SHA-256>`, encrypted (16 bytes of tag added).
FILES_FOLDER = "files/"
FILE_MEMBER = re.compile(r"files/[0-9a-f]{64}")
MAX_FILE_MEMBER = MAX_FILE_BYTES + 16
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    KeyError,
    IndexError,
)


def _check_members(label: str, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    names = [info.filename for info in infos]
    for name in names:
        if name in (MANIFEST, PAYLOAD) or FILE_MEMBER.fullmatch(name):
            continue
        shown = name[:60]
        parts = name.replace("\\", "/").split("/")
        if name.startswith(("/", "\\")) or ".." in parts or ":" in name:
            raise PackageError(
                msg(
                    "package.outside_folder",
                    "{label} contains a file outside the package folder ({member}); it is not a "
                    "FieldLog package and was not imported",
                    label=label,
                    member=repr(shown),
                )
            )
        raise PackageError(
            msg(
                "package.foreign_member",
                "{label} is not a FieldLog sync package (it holds {member})",
                label=label,
                member=repr(shown),
            )
        )
    plain = [name for name in names if not FILE_MEMBER.fullmatch(name)]
    if sorted(plain) != sorted({MANIFEST, PAYLOAD}) or len(set(names)) != len(names):
        raise PackageError(
            msg(
                "package.incomplete",
                "{label} is incomplete: it lacks {manifest} or {payload}",
                label=label,
                manifest=MANIFEST,
                payload=PAYLOAD,
            )
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise PackageError(
                msg(
                    "package.encrypted_member",
                    "{label} holds a password-protected ZIP member; not a package",
                    label=label,
                )
            )
        limit = MAX_MANIFEST_BYTES if info.filename == MANIFEST else MAX_PACKAGE_BYTES
        if info.filename.startswith(FILES_FOLDER):
            limit = MAX_FILE_MEMBER
        inflates = info.file_size > max(info.compress_size, 1) * MAX_RATIO
        if info.file_size > limit or (inflates and info.file_size > 1024 * 1024):
            raise PackageError(
                msg(
                    "package.zip_bomb",
                    "{label} unpacks to {size} bytes from {packed} (a ZIP bomb?); it was not "
                    "imported",
                    label=label,
                    size=format(info.file_size, ","),
                    packed=format(info.compress_size, ","),
                )
            )
    return {info.filename: info for info in infos}


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, label: str) -> bytes:
    with archive.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit or len(data) != info.file_size:
        raise PackageError(
            msg(
                "package.member_size",
                "{label} is damaged: {member} is not the size it claims",
                label=label,
                member=info.filename,
            )
        )
    return data


def file_members(path: Path) -> dict[str, int]:
    """The attached files' members of a package `read_members` accepted, with their sizes."""
    try:
        with zipfile.ZipFile(path) as archive:
            return {
                info.filename: info.file_size
                for info in archive.infolist()
                if FILE_MEMBER.fullmatch(info.filename)
            }
    except _ZIP_ERRORS:
        raise _damaged(path.name, "files") from None


def read_file_member(path: Path, member: str) -> bytes:
    """One attached file's member (still encrypted), checked against its claimed size."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(member)
            return _read(archive, info, MAX_FILE_MEMBER, path.name)
    except PackageError:
        raise
    except _ZIP_ERRORS:
        raise _damaged(path.name, member) from None


def _damaged(label: str, detail: str) -> PackageError:
    return PackageError(
        msg(
            "package.damaged_zip",
            "{label} is damaged or incomplete ({detail})",
            label=label,
            detail=detail,
        )
    )


def read_members(path: Path) -> tuple[bytes, bytes]:
    """The manifest and payload bytes of a package file, after the ZIP sanity checks."""
    label = path.name
    if not path.is_file():
        raise PackageError(
            msg("package.missing", "{path} does not exist or is not a file", path=str(path))
        )
    size = path.stat().st_size
    if size > MAX_PACKAGE_BYTES:
        raise PackageError(
            msg(
                "package.too_large",
                "{label} is {size} bytes, too large for a sync package",
                label=label,
                size=format(size, ","),
            )
        )
    with path.open("rb") as handle:
        start = handle.read(4)
    if start != b"PK\x03\x04":
        raise PackageError(
            msg(
                "package.not_zip",
                "{label} is not a FieldLog sync package (not a ZIP file)",
                label=label,
            )
        )
    try:
        with zipfile.ZipFile(path) as archive:
            members = _check_members(label, archive.infolist())
            manifest = _read(archive, members[MANIFEST], MAX_MANIFEST_BYTES, label)
            payload = _read(archive, members[PAYLOAD], MAX_PACKAGE_BYTES, label)
    except PackageError:
        raise
    except _ZIP_ERRORS as exc:
        reason = str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
        raise PackageError(
            msg(
                "package.damaged_zip",
                "{label} is damaged or incomplete ({detail})",
                label=label,
                detail=reason,
            )
        ) from None
    return manifest, payload
