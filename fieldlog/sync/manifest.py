"""The manifest of a package: what it says about itself, checked field by field.

Everything but the member hashes is authenticated: it is the associated data of the payload's
AES-GCM encryption (in a canonical JSON form), so a manifest changed after the package was made
fails decryption. The member hashes cannot be inside (they hash the ciphertext), but a changed
hash only makes the package fail its hash check.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from fieldlog.sync.crypto import NONCE_BYTES, SALT_BYTES, KdfParams
from fieldlog.sync.errors import PackageError
from fieldlog.sync.rows import SPECS

FORMAT = "fieldlog-sync"
VERSION = 1
PAYLOAD = "changes.jsonl.enc"
_HEX = re.compile(r"[0-9a-f]*")
T = TypeVar("T")


@dataclass(frozen=True)
class Manifest:
    """A checked manifest; `authenticated` is the associated data of the payload."""

    package_id: uuid.UUID
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


def authenticated_bytes(manifest: dict[str, Any]) -> bytes:
    """The canonical bytes of everything in the manifest except the member hashes."""
    covered = {key: value for key, value in manifest.items() if key != "members"}
    return json.dumps(covered, sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode()


class _Invalid(Exception):
    pass


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


def _build(data: Any) -> Manifest:
    if _get(data, "format", str) != FORMAT:
        raise _Invalid("format")
    version = _get(data, "version", int)
    if version > VERSION:
        raise PackageError(
            f"it was made by a newer FieldLog (package format {version}); "
            "update FieldLog on this laptop to import it"
        )
    if version != VERSION:
        raise _Invalid("version")
    package = _get(data, "package", dict)
    kdf = _get(package, "kdf", dict)
    cipher = _get(package, "cipher", dict)
    member = _get(_get(data, "members", dict), PAYLOAD, dict)
    if _get(kdf, "name", str) != "scrypt" or _get(cipher, "name", str) != "AES-256-GCM":
        raise _Invalid("kdf/cipher")
    if _get(package, "compression", str) != "zlib":
        raise _Invalid("compression")
    try:
        package_id = uuid.UUID(_get(package, "id", str, lambda t: len(t) == 36))
    except ValueError:
        raise _Invalid("id") from None
    return Manifest(
        package_id=package_id,
        sender_node=_get(package, "sender_node", str, _hex(32)),
        schema_revision=_get(package, "schema_revision", str, lambda t: 0 < len(t) <= 32),
        full=_get(package, "full", bool),
        counts=_counts(_get(package, "counts", dict)),
        kdf=KdfParams(n=_get(kdf, "n", int), r=_get(kdf, "r", int), p=_get(kdf, "p", int)),
        salt=bytes.fromhex(_get(kdf, "salt", str, _hex(2 * SALT_BYTES))),
        nonce=bytes.fromhex(_get(cipher, "nonce", str, _hex(2 * NONCE_BYTES))),
        key_check=_get(package, "key_check", str, _hex(32)),
        payload_sha256=_get(member, "sha256", str, _hex(64)),
        payload_size=_get(member, "size", int, lambda n: n >= 0),
        authenticated=authenticated_bytes(data),
    )


def parse_manifest(raw: bytes, label: str) -> Manifest:
    """The checked manifest, or PackageError naming the first field that is wrong."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PackageError(f"{label} is damaged: its manifest is not readable") from None
    try:
        manifest = _build(data)
    except _Invalid as bad:
        raise PackageError(f"{label} has an invalid manifest (field {bad})") from None
    except PackageError as exc:
        raise PackageError(f"{label}: {exc}") from None
    try:
        manifest.kdf.check()
    except PackageError as exc:
        raise PackageError(f"{label}: {exc}") from None
    return manifest
