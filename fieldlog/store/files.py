"""What a file on disk is, and the one guard in front of every file FieldLog writes.

A database file is only ever read through SQLite: closing any other descriptor of a file drops
every POSIX lock this process holds on it, and the next process to open the database would
think itself the last one and delete the -wal and -shm under the window (SQLite, "How To
Corrupt An SQLite Database File" §2.2). Other files are read directly, once the guard has made
sure they are not the open database.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from fieldlog.domain.messages import Message, msg
from fieldlog.store import driver
from fieldlog.store.engine import APPLICATION_ID, held_encrypted, held_here
from fieldlog.store.location import sqlite_uri

SQLITE_MAGIC = b"SQLite format 3\x00"
#: The files SQLite keeps beside a database; FieldLog never writes over one of them either.
COMPANIONS = ("-wal", "-shm", "-journal")
#: The parts that make a ZIP file a workbook, or a sync package (fieldlog.sync.package names).
WORKBOOK_PART = "xl/workbook.xml"
#: The part that makes a ZIP file a Word document (the written briefing).
DOCUMENT_PART = "word/document.xml"
PACKAGE_PARTS = frozenset({"manifest.json", "changes.jsonl.enc"})
#: How a calendar file (the follow-ups for the phone) and a PNG image (the week's list) begin.
CALENDAR_START = b"BEGIN:VCALENDAR"
PNG_START = b"\x89PNG\r\n\x1a\n"


class FileRefused(ValueError):
    """A file FieldLog will not write or read there; the message is one line for the user."""


@dataclass(frozen=True)
class SqliteFacts:
    """What SQLite says about a file: its application id, schema size and journal mode."""

    application_id: int
    schema_entries: int
    journal_mode: str


def sqlite_facts(path: Path, password: str | None = None) -> SqliteFacts:
    """Ask SQLite, read-only, about `path` (through SQLCipher with `password`: an encrypted
    file); a DatabaseError of the library (SQLITE_NOTADB) when it is no database to it."""
    connection = driver.connect(sqlite_uri(path), password, uri=True)
    try:
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        entries = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        connection.close()
    return SqliteFacts(int(app_id), int(entries), str(mode).lower())


def not_a_database(error: Any) -> bool:
    """Whether SQLite refused a file because it is no database at all (or its header is gone)."""
    return getattr(error, "sqlite_errorname", "") == "SQLITE_NOTADB"


def application_id(path: Path, password: str | None = None) -> int:
    """The application id in the header of `path`, read by SQLite (read-only; SQLCipher with
    `password`); the rest of the file may be damaged. A DatabaseError when it is no database."""
    connection = driver.connect(sqlite_uri(path), password, uri=True)
    try:
        return int(connection.execute("PRAGMA application_id").fetchone()[0])
    finally:
        connection.close()


def first_bytes(path: Path, count: int) -> bytes | None:
    """The first `count` bytes of `path`, read with Python — the one place FieldLog opens a file
    that may be a database — or None when a connection of this process holds it (closing this
    descriptor would drop that connection's locks): ask its library instead."""
    if held_here(path):
        return None
    with path.open("rb") as handle:
        return handle.read(count)


#: What an SQLCipher file looks like without its key: a size in whole pages (SQLCipher's pages
#: are 1,024 to 65,536 bytes) and a first page that is random bytes from its first byte (the
#: salt), where a text file, an archive or a picture has a header and repeats itself.
_CIPHER_PAGE = 1024
_RANDOM_DISTINCT = 120  # 256 random bytes hold ~162 distinct values; a header far fewer


def looks_encrypted(path: Path) -> bool:
    """Whether `path`, which SQLite cannot read as a database, looks like an encrypted one
    (to be asked for its password) rather than a stranger (to be refused as not FieldLog's).

    Reads the first bytes with Python only when no connection of this process holds the file;
    one held here through SQLCipher is encrypted."""
    size = path.stat().st_size
    if size < _CIPHER_PAGE or size % _CIPHER_PAGE:
        return False
    first = first_bytes(path, 256)
    if first is None:
        return held_encrypted(path)
    return not first.startswith(SQLITE_MAGIC) and len(set(first)) >= _RANDOM_DISTINCT


def reads_plain(path: Path) -> bool:
    """Whether `path` begins with SQLite's header: a plain database (or one whose header alone
    survived), to be read without a password. One held here is asked of its connections'
    library; any other file's first bytes are read directly (see `looks_encrypted`)."""
    first = first_bytes(path, 16)
    return not held_encrypted(path) if first is None else first == SQLITE_MAGIC


class Kind(Enum):
    """The kinds of file FieldLog writes, with how a message names them."""

    DATABASE = "a FieldLog database"
    BACKUP = "a FieldLog backup"
    WORKBOOK = "an Excel workbook"
    DOCUMENT = "a Word document"
    PACKAGE = "a FieldLog sync package"
    CALENDAR = "a calendar file"
    IMAGE = "a PNG image"
    OTHER = "a file FieldLog did not write"

    @property
    def label(self) -> Message:
        """How a message names this kind of file, in the user's language."""
        return _KIND_LABELS[self]()


_KIND_LABELS = {
    Kind.DATABASE: lambda: msg("store.kind_database", "a FieldLog database"),
    Kind.BACKUP: lambda: msg("store.kind_backup", "a FieldLog backup"),
    Kind.WORKBOOK: lambda: msg("store.kind_workbook", "an Excel workbook"),
    Kind.DOCUMENT: lambda: msg("store.kind_document", "a Word document"),
    Kind.PACKAGE: lambda: msg("store.kind_package", "a FieldLog sync package"),
    Kind.CALENDAR: lambda: msg("store.kind_calendar", "a calendar file"),
    Kind.IMAGE: lambda: msg("store.kind_image", "a PNG image"),
    Kind.OTHER: lambda: msg("store.kind_other", "a file FieldLog did not write"),
}


def _zip_kind(path: Path) -> Kind:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return Kind.OTHER
    if WORKBOOK_PART in names:
        return Kind.WORKBOOK
    if DOCUMENT_PART in names:
        return Kind.DOCUMENT
    return Kind.PACKAGE if names == PACKAGE_PARTS else Kind.OTHER


def _in_use(path: Path) -> bool:
    """A -wal or -shm beside the file: a connection may hold it in WAL mode (this process's too)."""
    return any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm"))


def _kind_from_sqlite(path: Path, password: str | None) -> Kind:
    if held_encrypted(path):  # open here through SQLCipher: sqlite3 must not touch it
        return Kind.DATABASE
    try:
        facts = sqlite_facts(path)  # read-only, and its companions exist already: creates nothing
    except driver.ERRORS as exc:
        if password is None or held_here(path) or not not_a_database(exc):
            return Kind.OTHER  # a database SQLite cannot read now is never written over
        try:  # encrypted, and in use by another process only: its locks are its own
            facts = sqlite_facts(path, password)
        except driver.ERRORS:
            return Kind.OTHER
    if facts.application_id != APPLICATION_ID:
        return Kind.OTHER
    return Kind.DATABASE if facts.journal_mode == "wal" else Kind.BACKUP


def _kind_encrypted(path: Path, password: str) -> Kind:
    """What an encrypted file no connection has open is, asked of SQLCipher with `password`
    (OTHER when it does not open it). Its journal mode is encrypted with the rest of the header,
    so it is read over a read-write connection, whose closing removes the -wal and -shm that
    opening a WAL database makes (a read-only one would leave them)."""
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    uri = sqlite_uri(path, "rw") if writable else f"{path.as_uri()}?mode=ro&immutable=1"
    try:
        connection = driver.connect(uri, password, uri=True)
        try:
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
            mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
        finally:
            connection.close()
    except driver.ERRORS:
        return Kind.OTHER  # not its password, or unreadable: never written over
    if app_id != APPLICATION_ID:
        return Kind.OTHER
    return Kind.DATABASE if str(mode).lower() == "wal" else Kind.BACKUP


def kind_of(path: Path, password: str | None = None) -> Kind:
    """What an existing file is; an encrypted file is told only with its `password` (the open
    database's: its backups are encrypted with it), and is OTHER without it.

    A file a connection of this process has open, or that may be in use as a database anywhere
    (its -wal or -shm is there), is asked of SQLite, never opened with Python: closing such a
    descriptor would drop the locks this process's connections hold on it. Any other file is
    read directly (asking SQLite of an idle WAL database would leave a -wal and -shm beside it):
    no connection of this process has it open, and another process's locks are its own.
    """
    header = None if _in_use(path) else first_bytes(path, 100)
    if header is None:
        return _kind_from_sqlite(path, password)
    if header.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if header.startswith(CALENDAR_START):
        return Kind.CALENDAR
    if header.startswith(PNG_START):
        return Kind.IMAGE
    if password is not None and header[:16] != SQLITE_MAGIC and looks_encrypted(path):
        return _kind_encrypted(path, password)
    if header[:16] != SQLITE_MAGIC or len(header) < 100:
        return Kind.OTHER
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        return Kind.OTHER
    # Bytes 18 and 19 are 2 in WAL mode: a live database. Backups are left in rollback mode.
    return Kind.DATABASE if header[18] == 2 or header[19] == 2 else Kind.BACKUP


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return False


def refuse_database_itself(path: Path, database: Path | None, doing: Message | str) -> None:
    """Refuse `path` when it is the open database or one of its companion files."""
    if database is None:
        return
    path = path.expanduser().absolute()
    for suffix in ("", *COMPANIONS):
        own = Path(f"{database}{suffix}")
        by_name = path.name == own.name and _same_file(path.parent, own.parent)
        if by_name or _same_file(path, own):
            if suffix:
                what = msg(
                    "store.companion_file",
                    "the database's {companion} file",
                    companion=suffix[1:],
                )
            else:
                what = msg("store.database_itself", "the database itself")
            raise FileRefused(
                msg(
                    "store.is_database",
                    "{path} is {what}; {doing}",
                    path=str(path),
                    what=what,
                    doing=doing,
                )
            )


def check_output(
    path: Path, kind: Kind, database: Path | None, *, password: str | None = None
) -> Path:
    """Refuse to write `kind` at `path` over the open database (`database`), its companion
    files, a folder, or an existing file of another kind; returns `path`.

    An empty file, or one of the same kind (an earlier export, package or backup), may be
    replaced (an encrypted one only when `password`, the open database's, opens it); a live
    FieldLog database never is. Writers then write under a temporary name and
    rename, so a refusal or a failure leaves the old file as it was.
    """
    refuse_database_itself(path, database, msg("store.choose_another", "choose another file"))
    if path.is_dir():
        raise FileRefused(
            msg(
                "store.is_folder",
                "{path} is a folder; name a file to write {kind} to",
                path=str(path),
                kind=kind.label,
            )
        )
    if not path.exists() or path.stat().st_size == 0:
        return path
    found = kind_of(path, password)
    if found is kind and kind is not Kind.DATABASE:
        return path
    if found is Kind.OTHER:
        what = msg("store.not_kind", "not {kind}", kind=kind.label)
    else:
        what = msg("store.other_kind", "{found}, not {kind}", found=found.label, kind=kind.label)
    raise FileRefused(
        msg(
            "store.exists",
            "{path} exists and is {what}; it was left untouched",
            path=str(path),
            what=what,
        )
    )
