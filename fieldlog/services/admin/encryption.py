"""Encrypting a database file at rest, and taking the encryption off again, with its backups.

A conversion works on a closed file (the caller closes its own connections; another program's
open connection makes it refuse, as a restore does). Everything is prepared beside the files
first — the converted database, each converted backup — checked, and only then put in place,
so a refusal or a failure changes nothing. Encrypting leaves no plaintext copy that FieldLog
knows of: the backups are converted (or removed, when the user says so), and the safety copy
taken with the conversion is encrypted like the database. The blocks the old plaintext file
occupied are released to the file system, not overwritten: only full-disk encryption (BitLocker,
FileVault, LUKS) covers them, which docs/INSTALL.md recommends.
"""

from __future__ import annotations

import contextlib
import enum
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from fieldlog.domain.messages import msg
from fieldlog.services.errors import InvalidInput
from fieldlog.store import cipher
from fieldlog.store.backup import (
    STAMP_FORMAT,
    backup_file,
    backup_folder,
    check_database_file,
    list_backups,
)
from fieldlog.store.durable import fsync_folder
from fieldlog.store.errors import WrongPassword
from fieldlog.store.files import looks_encrypted
from fieldlog.store.refusals import wrong_password
from fieldlog.store.restore import release_database

#: The shortest database password FieldLog accepts: it is all that stands between a lost
#: laptop and every contact on it (SQLCipher stretches it, but a short one is guessed).
MIN_PASSWORD_LENGTH = 8
BEFORE_ENCRYPT = "before-encrypt"
BEFORE_DECRYPT = "before-decrypt"


class Backups(enum.Enum):
    """What becomes of the database's existing backups."""

    CONVERT = "convert"  # encrypted (decrypted) like the database
    REMOVE = "remove"  # deleted: the user does not want copies in the other form


@dataclass
class ConversionReport:
    """What a conversion did."""

    database: Path
    encrypted: bool
    safety_copy: Path
    converted: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    #: Backups left as they were (when decrypting: encrypted with another password).
    left: list[Path] = field(default_factory=list)


def check_new_password(password: str, repeated: str | None = None) -> None:
    """Refuse a password too short to protect the database, or one typed twice differently."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            msg(
                "encryption.short_password",
                "The password must have at least {count} characters.",
                count=MIN_PASSWORD_LENGTH,
            )
        )
    if repeated is not None and repeated != password:
        raise InvalidInput(msg("encryption.mismatch", "The two passwords are not the same."))
    cipher.key_literal(password)  # a NUL character is refused here


def is_encrypted_file(db_path: Path) -> bool:
    """Whether the database file at `db_path` is encrypted (it asks for a password)."""
    db_path = Path(db_path).expanduser().resolve()
    return db_path.is_file() and looks_encrypted(db_path)


def plain_backups(db_path: Path) -> list[Path]:
    """The backups of `db_path` that are not encrypted (what encrypting converts or removes)."""
    return [
        info.path for info in list_backups(_resolved(db_path)) if not looks_encrypted(info.path)
    ]


def encrypt_database(
    db_path: Path, password: str, *, backups: Backups = Backups.CONVERT
) -> ConversionReport:
    """Encrypt the plain database at `db_path` with `password`, and its backups with it."""
    db_path = _resolved(db_path)
    check_new_password(password)
    if looks_encrypted(db_path):
        raise InvalidInput(
            msg("encryption.already", "{path} is encrypted already.", path=str(db_path))
        )
    check_database_file(db_path)  # a sound FieldLog database, or one sentence why not
    release_database(db_path)  # refuses while another program has it open
    own = [info.path for info in list_backups(db_path)]
    todo = [path for path in own if not looks_encrypted(path)]
    report = ConversionReport(db_path, True, _safety_name(db_path, BEFORE_ENCRYPT))
    _convert(
        db_path,
        todo,
        backups,
        report,
        lambda source, target, wal: cipher.encrypt(source, target, password, wal=wal),
        password,
    )
    return report


def decrypt_database(
    db_path: Path, password: str, *, backups: Backups = Backups.CONVERT
) -> ConversionReport:
    """Take the encryption off the database at `db_path` (its `password` given), and off the
    backups that password opens; the others are left as they are and reported."""
    db_path = _resolved(db_path)
    if not looks_encrypted(db_path):
        raise InvalidInput(
            msg("encryption.not_encrypted", "{path} is not encrypted.", path=str(db_path))
        )
    if not cipher.check_key(db_path, password):
        raise WrongPassword(wrong_password(str(db_path)))
    check_database_file(db_path, password)
    release_database(db_path, password)
    report = ConversionReport(db_path, False, _safety_name(db_path, BEFORE_DECRYPT))
    todo = []
    for info in list_backups(db_path):
        if not looks_encrypted(info.path):
            continue
        if cipher.check_key(info.path, password):
            todo.append(info.path)
        else:
            report.left.append(info.path)
    _convert(
        db_path,
        todo,
        backups,
        report,
        lambda source, target, wal: cipher.decrypt(source, target, password, wal=wal),
        None,
    )
    return report


def _resolved(db_path: Path) -> Path:
    db_path = Path(db_path).expanduser().resolve()
    if not db_path.is_file():
        raise InvalidInput(
            msg("encryption.missing", "There is no database file at {path}.", path=str(db_path))
        )
    return db_path


def _safety_name(db_path: Path, reason: str) -> Path:
    stamp = datetime.now(UTC).strftime(STAMP_FORMAT)
    return backup_folder(db_path) / f"{db_path.stem}-{stamp}-{reason}.db"


Converter = Callable[[Path, Path, bool], None]


def _convert(
    db_path: Path,
    todo: list[Path],
    backups: Backups,
    report: ConversionReport,
    convert: Converter,
    new_password: str | None,
) -> None:
    """Convert the database and (unless they are to be removed) the backups in `todo` into
    temporary files, check each, then put them all in place; on any failure remove the
    temporary files and change nothing."""
    prepared: list[tuple[Path, Path]] = []
    try:
        for source, wal in [(db_path, True)] + [
            (path, False) for path in _to_convert(todo, backups)
        ]:
            target = source.with_name(f".{source.name}.{uuid.uuid4().hex[:8]}.converting")
            convert(source, target, wal)
            prepared.append((target, source))
            check_database_file(target, new_password)
        new_database = prepared[0][0]
        backup_file(new_database, report.safety_copy, password=new_password)
        for target, _source in prepared:
            _refuse_unfolded(target)
    except BaseException:
        for target, _source in prepared:
            _remove(target)
            _remove_sidecars(target)
        raise
    for target, source in prepared[1:]:
        os.replace(target, source)
        report.converted.append(source)
    if backups is Backups.REMOVE:
        for path in todo:
            _remove(path)
            report.removed.append(path)
    os.replace(new_database, db_path)
    _remove_sidecars(db_path)  # the old file's, if any were left
    for target, _source in prepared:  # the checks' of the temporary files (empty, unheld)
        _remove_sidecars(target)
    fsync_folder(db_path.parent)
    fsync_folder(report.safety_copy.parent)


def _to_convert(todo: list[Path], backups: Backups) -> list[Path]:
    return todo if backups is Backups.CONVERT else []


def _refuse_unfolded(path: Path) -> None:
    """A converted file is whole in itself: its log (left by the read-only check) is empty, so
    renaming the file alone moves every page. Otherwise refuse rather than lose one."""
    log = path.with_name(path.name + "-wal")
    if log.exists() and log.stat().st_size > 0:
        raise RuntimeError(
            msg(
                "encryption.log_not_empty",
                "{name}: the converted file's log is not empty; nothing was changed",
                name=path.name,
            )
        )


def _remove_sidecars(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        _remove(path.with_name(path.name + suffix))


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
