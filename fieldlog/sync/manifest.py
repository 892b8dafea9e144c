"""The manifest of a package: what it says about itself, checked field by field.

Everything but the member hashes is authenticated: it is the associated data of the payload's
AES-GCM encryption (in a canonical JSON form), so a manifest changed after the package was made
fails decryption. The member hashes cannot be inside (they hash the ciphertext), but a changed
hash only makes the package fail its hash check.

Format 2 adds ``package.team_id``: the id of the sender's team record (null while the sender has
no team). Being authenticated, it cannot be changed without the package failing decryption.
``package.files`` (from schema 0015) lists the attached files the package carries, each as its
SHA-256, its size and the nonce its member (`files/<sha256>`) is sealed with; being
authenticated, the list cannot be changed, and a member cannot stand in for another (its nonce
would not open it).

Format 1 (FieldLog before teams travelled) is still read, with ``team_id`` None and
``version`` 1: `team_check` decides what such a package may bring.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from fieldlog.domain.file_kinds import MAX_FILE_BYTES
from fieldlog.domain.messages import msg
from fieldlog.sync.crypto import NONCE_BYTES, SALT_BYTES, KdfParams
from fieldlog.sync.errors import PackageError
from fieldlog.sync.rows import SPECS

FORMAT = "fieldlog-sync"
VERSION = 2
#: The oldest package format this FieldLog still reads.
OLDEST_VERSION = 1
PAYLOAD = "changes.jsonl.enc"
_HEX = re.compile(r"[0-9a-f]*")
T = TypeVar("T")
#: Most attached files one package may list.
MAX_FILES = 100_000


@dataclass(frozen=True)
class FileEntry:
    """An attached file a package carries: its hash, size and the nonce of its member."""

    sha256: str
    size: int
    nonce: bytes

    @property
    def member(self) -> str:
        """The ZIP member that holds it."""
        return f"files/{self.sha256}"


@dataclass(frozen=True)
class Manifest:
    """A checked manifest; `authenticated` is the associated data of the payload."""

    package_id: uuid.UUID
    version: int
    team_id: uuid.UUID | None
    sender_node: str
    schema_revision: str
    full: bool
    counts: dict[str, int]
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    key_check: str
    payload_sha256: str
    payload_size: int
    authenticated: bytes
    files: tuple[FileEntry, ...] = ()


def authenticated_bytes(manifest: dict[str, Any]) -> bytes:
    """The canonical bytes of everything in the manifest except the member hashes."""
    covered = {key: value for key, value in manifest.items() if key != "members"}
    return json.dumps(covered, sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode()


class _Invalid(Exception):
    pass


class _KdfRefused(Exception):
    """Key parameters FieldLog never writes: the package was altered (or is damaged)."""


def _get(obj: Any, key: str, kind: type[T], check: Callable[[T], bool] = lambda _v: True) -> T:
    if not isinstance(obj, dict) or key not in obj:
        raise _Invalid(key)
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Invalid(key)
    if not check(value):
        raise _Invalid(key)
    return value


def _hex(length: int) -> Callable[[str], bool]:
    return lambda text: len(text) == length and _HEX.fullmatch(text) is not None


def _counts(value: dict[str, Any]) -> dict[str, int]:
    counts = {}
    for table, count in value.items():
        if table not in SPECS or isinstance(count, bool) or not isinstance(count, int):
            raise _Invalid(f"counts.{str(table)[:30]}")
        if count < 0:
            raise _Invalid(f"counts.{table}")
        counts[table] = count
    return counts


def _uuid(obj: Any, key: str) -> uuid.UUID:
    try:
        return uuid.UUID(_get(obj, key, str, lambda t: len(t) == 36))
    except ValueError:
        raise _Invalid(key) from None


def _team_id(package: dict[str, Any]) -> uuid.UUID | None:
    """The sender's team id: required in format 2, null only when the sender had no team."""
    if "team_id" not in package:
        raise _Invalid("team_id")
    return None if package["team_id"] is None else _uuid(package, "team_id")


def _kdf(kdf: dict[str, Any]) -> tuple[KdfParams, bytes]:
    """The scrypt parameters and salt, refused before any key is derived unless FieldLog writes
    such (`KdfParams.accepted`, a salt of SALT_BYTES): they are checked only through the key
    check, where a change would read as a wrong passphrase."""
    try:
        params = KdfParams(n=_get(kdf, "n", int), r=_get(kdf, "r", int), p=_get(kdf, "p", int))
        salt = bytes.fromhex(_get(kdf, "salt", str, _hex(2 * SALT_BYTES)))
    except _Invalid as bad:
        raise _KdfRefused(str(bad)) from None
    if not params.accepted():
        raise _KdfRefused(f"n={params.n}, r={params.r}, p={params.p}")
    return params, salt


def _files(package: dict[str, Any]) -> tuple[FileEntry, ...]:
    listed = package.get("files", [])
    if not isinstance(listed, list) or len(listed) > MAX_FILES:
        raise _Invalid("files")
    entries: dict[str, FileEntry] = {}
    for item in listed:
        sha = _get(item, "sha256", str, _hex(64))
        size = _get(item, "size", int, lambda n: 0 < n <= MAX_FILE_BYTES)
        nonce = bytes.fromhex(_get(item, "nonce", str, _hex(2 * NONCE_BYTES)))
        if sha in entries:
            raise _Invalid("files")
        entries[sha] = FileEntry(sha, size, nonce)
    return tuple(entries.values())


def _build(data: Any, label: str) -> Manifest:
    if _get(data, "format", str) != FORMAT:
        raise _Invalid("format")
    version = _get(data, "version", int)
    if version > VERSION:
        raise PackageError(
            msg(
                "package.newer_format",
                "{label}: it was made by a newer FieldLog (package format {version}); update "
                "FieldLog on this laptop to import it",
                label=label,
                version=version,
            )
        )
    if version < OLDEST_VERSION:
        raise _Invalid("version")
    package = _get(data, "package", dict)
    kdf = _get(package, "kdf", dict)
    cipher = _get(package, "cipher", dict)
    member = _get(_get(data, "members", dict), PAYLOAD, dict)
    if _get(kdf, "name", str) != "scrypt" or _get(cipher, "name", str) != "AES-256-GCM":
        raise _Invalid("kdf/cipher")
    params, salt = _kdf(kdf)
    if _get(package, "compression", str) != "zlib":
        raise _Invalid("compression")
    return Manifest(
        package_id=_uuid(package, "id"),
        version=version,
        team_id=_team_id(package) if version >= 2 else None,
        sender_node=_get(package, "sender_node", str, _hex(32)),
        schema_revision=_get(package, "schema_revision", str, lambda t: 0 < len(t) <= 32),
        full=_get(package, "full", bool),
        counts=_counts(_get(package, "counts", dict)),
        kdf=params,
        salt=salt,
        nonce=bytes.fromhex(_get(cipher, "nonce", str, _hex(2 * NONCE_BYTES))),
        key_check=_get(package, "key_check", str, _hex(32)),
        payload_sha256=_get(member, "sha256", str, _hex(64)),
        payload_size=_get(member, "size", int, lambda n: n >= 0),
        authenticated=authenticated_bytes(data),
        files=_files(package),
    )


def parse_manifest(raw: bytes, label: str) -> Manifest:
    """The checked manifest, or PackageError naming the first field that is wrong."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PackageError(
            msg(
                "package.manifest_unreadable",
                "{label} is damaged: its manifest is not readable",
                label=label,
            )
        ) from None
    try:
        return _build(data, label)
    except _Invalid as bad:
        raise PackageError(
            msg(
                "package.manifest_invalid",
                "{label} has an invalid manifest (field {field})",
                label=label,
                field=str(bad),
            )
        ) from None
    except _KdfRefused as refused:
        raise PackageError(
            msg(
                "package.kdf_refused",
                "{label} has been altered or is damaged: it asks for unsupported key parameters "
                "({detail}), which FieldLog never writes",
                label=label,
                detail=str(refused)[:60],
            )
        ) from None
