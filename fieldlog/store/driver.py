"""One SQLite library per database file in this process: Python's `sqlite3` for a plain file,
`sqlcipher3` (SQLCipher) for an encrypted one.

The two libraries keep separate records of the POSIX locks this process holds, so a connection
of one closing its descriptor would drop the locks of the other's connections on the same file.
Every connection FieldLog makes to a database file, a backup or a copy is made here, with the
password when the file is encrypted (None: plain), and so by the library that file belongs to.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import sqlcipher3

from fieldlog.domain.messages import msg

#: Any error of either library (their classes are unrelated; both carry `sqlite_errorcode`).
ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher3.Error)
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)
OPERATIONAL_ERRORS: tuple[type[Exception], ...] = (
    sqlite3.OperationalError,
    sqlcipher3.OperationalError,
)


def key_literal(password: str) -> str:
    """`password` as an SQL string literal for `PRAGMA key` (which takes no bound parameter);
    refused when SQLCipher would not take it as a key (empty means "not encrypted" to it)."""
    if not password:
        raise ValueError(
            msg("cipher.empty_key", "An empty password would leave the database unencrypted.")
        )
    if "\x00" in password:
        raise ValueError(msg("cipher.nul_key", "A password cannot contain a NUL character."))
    return "'" + password.replace("'", "''") + "'"


#: SQLCipher 4's key derivation (its defaults, which every file FieldLog makes keeps): the page
#: key is PBKDF2-HMAC-SHA512 of the password with the file's salt (its first 16 bytes).
_KDF_ROUNDS = 256_000
_KEY_BYTES = 32
_SALT_BYTES = 16
_SQLITE_MAGIC = b"SQLite format 3\x00"
#: Page keys derived in this process, by password and salt: every new connection would otherwise
#: derive its key again (~150 ms: a window's pool, each probe, each backup). Kept in memory only,
#: as the password itself is while its database is open.
_derived: dict[tuple[str, bytes], str] = {}


#: The database files this process's connections have open (those made here, and every
#: engine's, `store.engine`), with how many connections hold each and through which library.
#: Closing any other descriptor of such a file would drop every POSIX lock the process holds on
#: it (SQLite, "How To Corrupt An SQLite Database File" §2.2), and a connection of the other
#: library is such a descriptor: what must look at one asks the library that holds it.
_held: Counter[str] = Counter()
_held_by: dict[str, str] = {}
PLAIN, CIPHER = "sqlite3", "sqlcipher3"


def hold(files: list[str], library: str) -> None:
    """Record that a connection of `library` has `files` (real paths) open."""
    _held.update(files)
    for name in files:
        _held_by[name] = library


def let_go(files: list[str]) -> None:
    """Record that a connection holding `files` has closed."""
    _held.subtract(files)


def library_of(connection: Any) -> str:
    """Which library a DB-API connection belongs to (PLAIN or CIPHER)."""
    return CIPHER if isinstance(connection, sqlcipher3.Connection) else PLAIN


def held_by(path: Path | str) -> str | None:
    """The library whose connections of this process hold the file `path`, or None."""
    name = os.path.realpath(path)
    return _held_by.get(name) if _held[name] > 0 else None


class _Tracked:
    """A connection that records the file it holds until it is closed (or collected)."""

    _fieldlog_files: list[str] = []

    def _hold_file(self, path: str | None, library: str) -> None:
        self._fieldlog_files = [path] if path else []
        hold(self._fieldlog_files, library)

    def close(self) -> None:
        try:
            super().close()  # type: ignore[misc]
        finally:
            self._let_go()

    def _let_go(self) -> None:
        files, self._fieldlog_files = self._fieldlog_files, []
        let_go(files)

    def __del__(self) -> None:
        self._let_go()


class _PlainConnection(_Tracked, sqlite3.Connection):
    pass


class _CipherConnection(_Tracked, sqlcipher3.Connection):
    pass


def _not_a_database(module: Any) -> Exception:
    # What the library would say, without touching a file the other library holds.
    error = module.DatabaseError(msg("driver.not_a_database", "file is not a database"))
    error.sqlite_errorcode, error.sqlite_errorname = 26, "SQLITE_NOTADB"
    return error


def connect(target: Path | str, password: str | None = None, **options: Any) -> Any:
    """A connection to the file `target` (a path, or a `file:` URI with `uri=True`): sqlite3's
    when `password` is None, else SQLCipher's, keyed before anything is read. Options are
    `sqlite3.connect`'s. A wrong key shows only at the first read (SQLITE_NOTADB); so does the
    wrong library for a file the other one holds here (a plain file asked with a key, or an
    encrypted one without), which is refused without opening it.

    An existing encrypted file is keyed with the page key derived once per process from the
    password and the file's salt (SQLCipher's raw-key form, `x'<key><salt>'`), which SQLCipher
    takes without deriving it again; where that key does not open the file (another key
    derivation than SQLCipher 4's defaults) the password itself is tried, as for a new file."""
    path = _file_of(target, bool(options.get("uri")))
    holder = held_by(path) if path is not None else None
    if password is None:
        if holder == CIPHER:
            raise _not_a_database(sqlite3)
        connection = sqlite3.connect(target, factory=_PlainConnection, **options)
        connection._hold_file(path, PLAIN)
        return connection
    literal = key_literal(password)
    if holder == PLAIN:
        raise _not_a_database(sqlcipher3)
    salt = _salt_of(target, path, options) if path is not None else None
    if salt is not None:
        connection = _keyed(target, _raw_key(password, salt), options, path)
        if _opens(connection):
            return connection
        connection.close()
    return _keyed(target, literal, options, path)


def _keyed(target: Path | str, key: str, options: dict[str, Any], path: str | None) -> Any:
    connection = sqlcipher3.connect(str(target), factory=_CipherConnection, **options)
    connection._hold_file(path, CIPHER)
    try:
        # SQLCipher logs a failed page check to standard error; its caller says it instead.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = {key}")
    except BaseException:
        connection.close()
        raise
    return connection


def _opens(connection: Any) -> bool:
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        return False
    return True


def _raw_key(password: str, salt: bytes) -> str:
    derived = _derived.get((password, salt))
    if derived is None:
        key = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, _KDF_ROUNDS, _KEY_BYTES)
        derived = _derived[(password, salt)] = key.hex()
    return f"\"x'{derived}{salt.hex()}'\""


def _file_of(target: Path | str, uri: bool) -> str | None:
    """The real path of the file a connection target names (None: not a file, e.g. memory)."""
    text = str(target)
    if uri and text.startswith("file:"):
        parts = urlsplit(text)
        text = url2pathname(parts.path) if parts.netloc in ("", "localhost") else ""
    if not text or text == ":memory:":
        return None
    return os.path.realpath(text)


def _salt_of(target: Path | str, path: str, options: dict[str, Any]) -> bytes | None:
    """The salt of the encrypted file at `path` (its first 16 bytes), asked of SQLCipher — which
    reads it without deriving any key — never read with Python (a connection of this process may
    hold the file); None for a new, empty or plain file."""
    try:
        if os.stat(path).st_size < _SALT_BYTES:
            return None
    except OSError:
        return None
    probe = sqlcipher3.connect(str(target), factory=_CipherConnection, **options)
    probe._hold_file(path, CIPHER)
    try:
        probe.execute("PRAGMA cipher_log_level = NONE")
        probe.execute("PRAGMA key = 'salt'")  # any key: the salt is read, not decrypted
        row = probe.execute("PRAGMA cipher_salt").fetchone()
    except sqlcipher3.Error:
        return None
    finally:
        probe.close()
    salt = bytes.fromhex(row[0]) if row and row[0] else b""
    return salt if len(salt) == _SALT_BYTES and salt != _SQLITE_MAGIC else None


def encrypted_url(path: Path | str) -> Any:
    """The SQLAlchemy URL of an encrypted file whose connections come from `connect` (through a
    `creator`): SQLAlchemy's SQLCipher dialect, minus its own keying (`KeyedByFieldLog`)."""
    from sqlalchemy.engine import URL

    _register_dialect()
    return URL.create("sqlite+fieldlog_cipher", database=str(path))


def _register_dialect() -> None:
    from sqlalchemy.dialects import registry

    from fieldlog.store import cipher_dialect  # noqa: F401  (imported by name: a bundle has it)

    registry.register("sqlite.fieldlog_cipher", "fieldlog.store.cipher_dialect", "KeyedByFieldLog")
