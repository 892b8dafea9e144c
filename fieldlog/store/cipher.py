"""The database encrypted at rest with SQLCipher (issue 18): tell an encrypted file from a plain
one, check a key, convert a closed database either way, and make an engine for an encrypted one.

The key is a passphrase the cadre types (or the password store keeps). SQLCipher derives the page
key from it with PBKDF2-HMAC-SHA512 (256,000 iterations, a random salt in the file's first 16
bytes) and encrypts every page with AES-256-CBC and an HMAC-SHA512 per page: SQLCipher 4's
defaults, which every function here keeps (a file made here opens with nothing but the key). The
passphrase reaches SQLite only as an SQL string literal, quotes doubled (`PRAGMA key` takes no
bound parameter); an empty key would mean "no encryption" to SQLCipher and is refused.

What works, measured with sqlcipher3 0.6.4 (SQLCipher 4.19.0 community, SQLite 3.53.4):
- `sqlcipher_export` copies the schema and every row between a plain and an encrypted file
  (ATTACH ? AS … KEY '…'), FTS5 tables included; it copies neither the
  journal mode nor `application_id` / `user_version`, which `encrypt` / `decrypt` set after it.
- The backup API (`Connection.backup`) works from an encrypted source to a destination
  connection keyed before the backup: the copy opens with the destination's key (the same key
  or another one), so backups and the safety copy of a restore can stay encrypted. A plain
  (unkeyed) destination is refused by SQLCipher with "SQL logic error": an encrypted database
  is never backed up into a plain file by accident.
- An encrypted file cannot be told from any other file that is not SQLite without its key (its
  header is random): `is_encrypted` says "not a plain SQLite database", `check_key` says
  whether a key opens it.
- SQLCipher logs a failed page check to standard error by default; the connections made here
  turn that log off (`PRAGMA cipher_log_level = NONE`), a wrong key is reported by its caller.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, pool

from fieldlog.domain.messages import Message, msg
from fieldlog.store import driver
from fieldlog.store.driver import key_literal
from fieldlog.store.durable import fsync_file, fsync_folder
from fieldlog.store.engine import _on_begin, _on_connect, _track, held_here, release_after_rollback
from fieldlog.store.location import sqlite_uri
from fieldlog.store.private import new_private_file

_NOT_A_DATABASE = "file is not a database"
#: The key of an attached database that is not encrypted.
_PLAIN = "''"


class WrongKey(Exception):
    """The key does not open the encrypted database (or the file is no database at all)."""


def _exists(target: Path) -> Message:
    return msg(
        "cipher.target_exists",
        "{path} already exists; a conversion never overwrites a file.",
        path=target,
    )


_literal = key_literal


def _connect(path: Path, key: str | None) -> Any:
    """A sqlcipher3 connection to `path` (keyed when `key` is given), autocommit."""
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        connection.execute(f"PRAGMA key = {_literal(key)}")
    return connection


def is_encrypted(path: Path) -> bool:
    """Whether `path` is a non-empty file that SQLite cannot read without a key: encrypted, or
    not an SQLite database at all (the two look alike without the key; `check_key` tells).

    Asks SQLite rather than reading the file. FileNotFoundError when there is no such file,
    RuntimeError when a connection of this process holds it (see `_probe_target`)."""
    path = _probe_target(path)
    if path.stat().st_size == 0:
        return False  # an empty file is an empty plain database to SQLite
    connection = sqlite3.connect(_probe_uri(path), uri=True)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        if _NOT_A_DATABASE in str(error):
            return True
        raise
    finally:
        connection.close()
    return False


def _probe_target(path: Path) -> Path:
    # sqlite3 and sqlcipher3 are two SQLite libraries in one process: they do not share their
    # record of the POSIX locks held on a file, so a probe of one library closing its descriptor
    # would drop the locks of the other's connections. A file held here is never probed.
    path = Path(path).expanduser().resolve()
    if not path.is_file():
        raise FileNotFoundError(
            msg("cipher.no_file", "There is no database file at {path}.", path=path)
        )
    if held_here(path):
        raise RuntimeError(f"{path} is open in FieldLog; ask the connection that holds it.")
    return path


def _probe_uri(path: Path) -> str:
    # Read-write where it may be: a read-only connection to a WAL database leaves the -wal and
    # -shm files it made behind (only a writer removes them on closing). Nothing is written.
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    return sqlite_uri(path, "rw" if writable else "ro")


def check_key(path: Path, key: str) -> bool:
    """Whether `key` opens the encrypted database at `path` (False for a wrong key, a plain
    database or a file that is no database). Refused as `is_encrypted` is."""
    path = _probe_target(path)
    literal = _literal(key)
    connection = sqlcipher3.connect(_probe_uri(path), uri=True)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = {literal}")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        if _NOT_A_DATABASE in str(error):
            return False
        raise
    finally:
        connection.close()
    return not _opens_plain(path)


def _opens_plain(path: Path) -> bool:
    # SQLCipher reads a plain file whatever key it was given: that key opens nothing.
    return not is_encrypted(path)


def encrypt(plain_path: Path, encrypted_path: Path, key: str, *, wal: bool = True) -> None:
    """Write an encrypted copy of the plain database `plain_path` to `encrypted_path`.

    The source must be closed by every connection (checkpointed: no -wal left); the target must
    not exist. The copy is written to a private temporary file beside the target, synced to disk
    and renamed into place; on any failure nothing is left behind."""
    literal = _literal(key)
    _check_paths(plain_path, encrypted_path)
    if is_encrypted(plain_path):
        raise ValueError(
            msg("cipher.not_plain", "{path} is not a plain database.", path=plain_path)
        )
    _convert(plain_path, None, encrypted_path, literal, wal)


def decrypt(encrypted_path: Path, plain_path: Path, key: str, *, wal: bool = True) -> None:
    """Write a plain copy of the encrypted database `encrypted_path` to `plain_path`; WrongKey
    (nothing written) when `key` does not open it. Same rules as `encrypt`."""
    _literal(key)
    _check_paths(encrypted_path, plain_path)
    if not check_key(encrypted_path, key):
        raise WrongKey(
            msg("cipher.wrong_key", "The password does not open {path}.", path=encrypted_path)
        )
    _convert(encrypted_path, key, plain_path, _PLAIN, wal)


def _check_paths(source: Path, target: Path) -> None:
    source, target = Path(source).expanduser().resolve(), Path(target).expanduser().resolve()
    if not source.is_file():
        raise FileNotFoundError(
            msg("cipher.no_file", "There is no database file at {path}.", path=source)
        )
    if target.exists():
        raise FileExistsError(_exists(target))
    if held_here(source) or _journal(source, "-wal").exists():
        raise RuntimeError(
            f"{source} is open or was not closed cleanly; close it before converting it."
        )


def _journal(path: Path, suffix: str) -> Path:
    return Path(path).with_name(Path(path).name + suffix)


def _convert(
    source: Path, source_key: str | None, target: Path, target_literal: str, wal: bool
) -> None:
    # Absolute paths: SQLCipher takes a name beginning with "file:" as a URI.
    source, target = Path(source).resolve(), Path(target).expanduser().resolve()
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    new_private_file(partial)  # private from the start; its -wal/-shm take its mode
    try:
        _export(source, source_key, partial, target_literal)
        _finish(partial, target_literal, wal)
        fsync_file(partial)
        if target.exists():  # made meanwhile by someone else: theirs, left alone
            raise FileExistsError(_exists(target))
        os.replace(partial, target)
        fsync_folder(target.parent)
    except BaseException:
        for leftover in (partial, _journal(partial, "-wal"), _journal(partial, "-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        raise


def _export(source: Path, source_key: str | None, partial: Path, target_literal: str) -> None:
    connection = _connect(source, source_key)
    try:
        # The write lock for the whole copy: nobody else changes the source meanwhile.
        connection.execute("BEGIN IMMEDIATE")
        ids = [connection.execute(f"PRAGMA main.{name}").fetchone()[0] for name in _HEADER]
        connection.execute(f"ATTACH DATABASE ? AS converted KEY {target_literal}", (str(partial),))
        connection.execute("SELECT sqlcipher_export('converted')")
        for name, value in zip(_HEADER, ids, strict=True):
            connection.execute(f"PRAGMA converted.{name} = {int(value)}")
        connection.execute("COMMIT")
        connection.execute("DETACH DATABASE converted")
    finally:
        connection.close()


#: Header fields sqlcipher_export does not copy (FieldLog's file mark, the schema's version).
_HEADER = ("application_id", "user_version")


def _finish(partial: Path, literal: str, wal: bool) -> None:
    # A database is kept in WAL mode; a backup in rollback mode (which is how it is told from
    # a live database, `store.files.kind_of`).
    wanted = "wal" if wal else "delete"
    connection = sqlcipher3.connect(str(partial), isolation_level=None)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        if literal != _PLAIN:
            connection.execute(f"PRAGMA key = {literal}")
        mode = connection.execute(f"PRAGMA journal_mode = {wanted}").fetchone()[0]
        if mode != wanted:
            raise sqlcipher3.OperationalError(
                f"{partial} cannot use {wanted} (it stays in {mode})."
            )
        if wal:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def make_encrypted_engine(path: Path, key: str) -> Engine:
    """An engine for the encrypted database at `path`, set up as `make_engine` sets up a plain
    one: WAL, synchronous=FULL, foreign keys, a busy timeout, BEGIN IMMEDIATE for writes and the
    files its connections hold recorded (`held_here`).

    Its connections come from `driver.connect` (keyed with the key derived once per process)
    through SQLAlchemy's SQLCipher dialect minus its own keying (`store.cipher_dialect`), so
    sqlcipher3's errors become SQLAlchemy's. The key is in no URL. A plain file pool (QueuePool)
    as for a plain database, not the dialect's default of one connection per thread."""
    _literal(key)
    file = Path(path).expanduser().resolve()

    def connect() -> Any:
        return driver.connect(file, key, check_same_thread=False)

    engine = create_engine(driver.encrypted_url(file), creator=connect, poolclass=pool.QueuePool)
    release_after_rollback(engine)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    _track(engine)
    return engine
