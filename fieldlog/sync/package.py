"""The package file (`*.fieldsync`): a ZIP of a clear manifest and an encrypted payload.

``manifest.json`` holds the format version, package id, the sender's team id, sender node,
schema revision, row counts per table, the scrypt parameters and salt, the AES-GCM nonce, a key
check and the SHA-256 and size of the payload. ``changes.jsonl.enc`` is AES-256-GCM over the
zlib-compressed changes (one JSON line each, after a header line naming the sender and its
team), with the manifest as associated data, so a changed manifest (its team id too) is detected.
Everything personal is inside the encrypted part.

The ZIP members carry a fixed date (1980-01-01, the earliest a ZIP can hold), never this
machine's clock: a clock set to 1975 or 2150 cannot stop a package from being written, and
the package says nothing about when it was made outside its encrypted header.

Attached files travel beside the changes as members `files/<sha256>`, each sealed with the same
key and a nonce of its own that the manifest lists (`manifest.FileEntry`). They are stored, not
compressed (photos and PDFs are compressed already), and opened one at a time when the package
is applied, so a package of many photos never sits whole in memory; each is checked against its
hash before it is stored.

Opening checks everything in order — a real ZIP, only the two expected members with plain
names, sane sizes (no ZIP bomb), a valid manifest, a schema this FieldLog knows, the hash,
the passphrase, the authenticity — before anything is handed to the merge.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import uuid
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldlog.domain.messages import msg
from fieldlog.store import migrate
from fieldlog.store.private import private_folder
from fieldlog.sync import crypto
from fieldlog.sync.archive import MANIFEST, PAYLOAD, file_members, read_file_member, read_members
from fieldlog.sync.errors import PackageError
from fieldlog.sync.manifest import (
    VERSION,
    FileEntry,
    Manifest,
    authenticated_bytes,
    parse_manifest,
)

SUFFIX = ".fieldsync"
#: Most bytes the changes may unpack to (about a million rows).
MAX_CHANGES_BYTES = 2 * 1024**3
#: The date of every member: ZIP holds dates from 1980 to 2107 only, and the clock may be wrong.
MEMBER_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Opened:
    """A verified and decrypted package: its manifest and the changes (JSON lines).

    `packed` is the authenticated, still compressed changes: small enough to keep until the
    package is applied, so applying needs neither the file nor the passphrase again.
    """

    manifest: Manifest
    plaintext: bytes
    packed: bytes
    keys: crypto.Keys | None = None


def write_package(
    path: Path,
    *,
    package: dict[str, Any],
    plaintext: bytes,
    passphrase: str,
    kdf: crypto.KdfParams,
    files: Sequence[tuple[str, int]] = (),
    read_file: Callable[[str], bytes] | None = None,
) -> None:
    """Encrypt `plaintext` and write the package to `path` (through a temporary file).

    `package` holds the manifest's package fields (id, sender, schema, full, counts); the key
    derivation and cipher fields are added here. `files` are the attached files to carry (their
    SHA-256 and size), whose bytes `read_file` gives one at a time.
    """
    salt, nonce = crypto.new_salt(), crypto.new_nonce()
    keys = crypto.derive_keys(passphrase, salt, kdf)
    entries = [FileEntry(sha, size, crypto.new_nonce()) for sha, size in files]
    if entries:
        package = {
            **package,
            "files": [
                {"sha256": e.sha256, "size": e.size, "nonce": e.nonce.hex()} for e in entries
            ],
        }
    manifest: dict[str, Any] = {
        "format": "fieldlog-sync",
        "version": VERSION,
        "package": {
            **package,
            "compression": "zlib",
            "kdf": {"name": "scrypt", "n": kdf.n, "r": kdf.r, "p": kdf.p, "salt": salt.hex()},
            "cipher": {"name": "AES-256-GCM", "nonce": nonce.hex()},
            "key_check": keys.check,
        },
    }
    # Compressed before encryption (ciphertext does not compress); no secret is mixed with
    # attacker-chosen text here, so compression leaks nothing.
    packed = zlib.compress(plaintext, 6)
    ciphertext = crypto.seal(keys, nonce, packed, authenticated_bytes(manifest))
    manifest["members"] = {
        PAYLOAD: {"sha256": hashlib.sha256(ciphertext).hexdigest(), "size": len(ciphertext)}
    }
    private_folder(path.parent)
    # mkstemp makes the file its user's only (0600), which the package keeps: encrypted as it
    # is, its size and counts are still nobody else's business (`store.private`).
    handle, temporary = tempfile.mkstemp(prefix=".fieldsync-", dir=path.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w") as archive:
            text = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
            archive.writestr(_member(MANIFEST, zipfile.ZIP_DEFLATED), text)
            archive.writestr(_member(PAYLOAD, zipfile.ZIP_STORED), ciphertext)
            associated = authenticated_bytes(manifest)
            for entry in entries:
                assert read_file is not None
                data = read_file(entry.sha256)
                if hashlib.sha256(data).hexdigest() != entry.sha256 or len(data) != entry.size:
                    raise PackageError(
                        msg(
                            "package.stored_file_damaged",
                            "an attached file stored here no longer matches its SHA-256 "
                            "({sha}…); run fieldlog check. No package was written",
                            sha=entry.sha256[:12],
                        )
                    )
                sealed = crypto.seal(keys, entry.nonce, data, associated)
                archive.writestr(_member(entry.member, zipfile.ZIP_STORED), sealed)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _member(name: str, compression: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=MEMBER_DATE)
    info.compress_type = compression
    info.external_attr = 0o600 << 16
    return info


def inflate(packed: bytes, label: str) -> bytes:
    """The changes of an opened package, unpacked (refused beyond MAX_CHANGES_BYTES)."""
    inflater = zlib.decompressobj()
    try:
        plaintext = inflater.decompress(packed, MAX_CHANGES_BYTES)
    except zlib.error:
        raise PackageError(
            msg(
                "package.unpack_damaged",
                "{label} is damaged: its changes cannot be unpacked",
                label=label,
            )
        ) from None
    if inflater.unconsumed_tail or not inflater.eof:
        raise PackageError(
            msg(
                "package.unpacks_too_much",
                "{label} unpacks to more than {limit} bytes of changes (or is damaged); it was "
                "not imported",
                label=label,
                limit=format(MAX_CHANGES_BYTES, ","),
            )
        )
    return plaintext


def open_package(path: Path, passphrase: str) -> Opened:
    """Read, check and decrypt a package; PackageError (one sentence) for anything wrong."""
    label = path.name
    raw_manifest, payload = read_members(path)
    manifest = parse_manifest(raw_manifest, label)
    revision = manifest.schema_revision
    if not migrate.is_known(revision):
        raise PackageError(
            msg(
                "package.newer_schema",
                "{label} was made by a newer FieldLog (schema {revision}); update FieldLog on "
                "this computer to import it",
                label=label,
                revision=revision,
            )
        )
    digest = hashlib.sha256(payload).hexdigest()
    if digest != manifest.payload_sha256 or len(payload) != manifest.payload_size:
        raise PackageError(
            msg(
                "package.hash_mismatch",
                "{label} is damaged: its contents do not match the manifest's hash",
                label=label,
            )
        )
    _check_file_members(path, manifest)
    keys = crypto.package_keys(passphrase, manifest.salt, manifest.kdf, manifest.key_check)
    packed = crypto.unseal(keys, manifest.nonce, payload, manifest.authenticated)
    return Opened(manifest=manifest, plaintext=inflate(packed, label), packed=packed, keys=keys)


def _check_file_members(path: Path, manifest: Manifest) -> None:
    """The package holds exactly the attached files its manifest lists, each its sealed size."""
    present = file_members(path)
    expected = {entry.member: entry.size + 16 for entry in manifest.files}
    if present != expected:
        raise PackageError(
            msg(
                "package.files_mismatch",
                "{label} is damaged: its attached files are not those its manifest lists",
                label=path.name,
            )
        )


def open_file(path: Path, manifest: Manifest, keys: crypto.Keys, entry: FileEntry) -> bytes:
    """One attached file of a verified package, decrypted and checked against its hash."""
    sealed = read_file_member(path, entry.member)
    data = crypto.unseal(keys, entry.nonce, sealed, manifest.authenticated)
    if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
        raise PackageError(
            msg(
                "package.file_hash",
                "{label} is refused: the bytes of an attached file do not match its SHA-256 "
                "({sha}…); nothing was imported",
                label=path.name,
                sha=entry.sha256[:12],
            )
        )
    return data


def new_package_fields(
    *,
    package_id: uuid.UUID,
    team_id: uuid.UUID | None,
    sender_node: str,
    full: bool,
    counts: dict[str, int],
) -> dict[str, Any]:
    """The package fields of a new manifest (the schema revision is the newest of this FieldLog's
    that changed replicated data, `migrate.package_revision`).

    `team_id` is the sender's team record (None while it has none); it is authenticated with
    the rest of the manifest.
    """
    return {
        "id": str(package_id),
        "team_id": str(team_id) if team_id is not None else None,
        "sender_node": sender_node,
        "schema_revision": migrate.package_revision(),
        "full": full,
        "counts": counts,
    }
