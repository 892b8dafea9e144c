"""Why a file cannot be opened as this FieldLog's database, as messages (the user reads them in
their language; `--json` gets the code): missing, empty, foreign, newer, unreadable, read-only."""

from __future__ import annotations

from pathlib import Path

from fieldlog.domain.messages import Message, msg


def not_a_file(path: Path) -> Message:
    """A database path that names a folder or a device."""
    return msg("db.not_a_file", "{path} is not a file", path=str(path))


def foreign_database(path: Path) -> Message:
    """Another program's SQLite database."""
    return msg(
        "db.foreign",
        "{path} is a database of another program, not FieldLog; it was left untouched",
        path=str(path),
    )


def not_fieldlog(path: Path) -> Message:
    """A file SQLite cannot read as a database at all (a stranger, or a broken header)."""
    return msg(
        "db.not_fieldlog",
        "{path} is not a FieldLog database; it was left untouched (it cannot be read as a "
        "database)",
        path=str(path),
    )


def unreadable(path: Path, detail: object) -> Message:
    """A database file SQLite refuses for another reason (`detail`: SQLite's own words)."""
    return msg(
        "db.unreadable_untouched",
        "{path} cannot be read as a database ({detail}); it was left untouched",
        path=str(path),
        detail=str(detail),
    )


def lost(path: Path, count: int, folder: Path, newest: Path) -> Message:
    """A database missing or empty where its backups say there was one."""
    return msg(
        "db.lost",
        "{path} is missing or empty, but {count} backup(s) of it are in {folder}: restore the "
        "newest with `fieldlog --db {path} restore {newest}`, or move that folder away to start "
        "an empty database",
        path=str(path),
        count=count,
        folder=str(folder),
        newest=str(newest),
    )


def missing(path: Path) -> Message:
    """No database where one was named (only `init` and `demo` create one)."""
    if path.exists():
        return msg(
            "db.empty",
            "{path} is empty, so there is no FieldLog database there (a typo?); nothing was "
            "created: `fieldlog init` creates a new database",
            path=str(path),
        )
    return msg(
        "db.missing",
        "{path} does not exist, so there is no FieldLog database there (a typo?); nothing was "
        "created: `fieldlog init` creates a new database",
        path=str(path),
    )


def newer_schema(where: str, revision: str) -> Message:
    """A database written by a newer FieldLog."""
    return msg(
        "db.newer_schema",
        "{path} was written by a newer FieldLog (schema {revision}); update FieldLog to open it",
        path=where,
        revision=revision,
    )


def foreign_tables(where: str) -> Message:
    """A database with tables but no FieldLog schema revision."""
    return msg("db.foreign_tables", "{path} holds tables that are not FieldLog's", path=where)


def read_only_upgrade(where: str) -> Message:
    """An older database that cannot be written, so cannot be upgraded in place."""
    return msg(
        "db.read_only_upgrade",
        "{path} is read-only and needs an upgrade to this FieldLog's format; copy it to a folder "
        "that can be written, then open the copy",
        path=where,
    )


def cannot_open(where: str, reason: str) -> Message:
    """A database that failed to open for a reason SQLite did not classify."""
    return msg(
        "db.cannot_open_reason", "{path} cannot be opened: {detail}", path=where, detail=reason
    )


def password_needed(where: str) -> Message:
    """An encrypted database opened without its password."""
    return msg(
        "db.password_needed",
        "{path} is encrypted; it opens only with its password",
        path=where,
    )


def wrong_password(where: str) -> Message:
    """An encrypted database opened with a password that is not its own."""
    return msg(
        "db.wrong_password",
        "the password does not open {path}; check it and try again",
        path=where,
    )
