"""The one guard in front of every file the services write (exports, packages, backups).

The store decides what a file is (`store.files`); the refusals are told here, as messages, since
they reach the command line and the window: the same checks in the same order as
`check_output`, which still runs last and has the final word.
"""

from __future__ import annotations

from pathlib import Path

from fieldlog.domain.messages import Message, carried, msg
from fieldlog.services.errors import InvalidInput
from fieldlog.store.files import (
    COMPANIONS,
    FileRefused,
    Kind,
    check_output,
    kind_of,
    refuse_database_itself,
)

__all__ = ["Kind", "guard_input", "guard_output"]

KIND_NAMES: dict[Kind, Message] = {
    Kind.DATABASE: msg("file.kind.database", "a FieldLog database"),
    Kind.BACKUP: msg("file.kind.backup", "a FieldLog backup"),
    Kind.WORKBOOK: msg("file.kind.workbook", "an Excel workbook"),
    Kind.DOCUMENT: msg("file.kind.document", "a Word document"),
    Kind.PACKAGE: msg("file.kind.package", "a FieldLog sync package"),
    Kind.CALENDAR: msg("file.kind.calendar", "a calendar file"),
    Kind.IMAGE: msg("file.kind.image", "a PNG image"),
    Kind.OTHER: msg("file.kind.other", "a file FieldLog did not write"),
}
#: What the callers of `guard_input` read, as they name it.
READ_AS: dict[str, Message] = {
    "an Excel workbook": KIND_NAMES[Kind.WORKBOOK],
    "a sync package": msg("file.read_as.package", "a sync package"),
}


def guard_output(
    path: Path, kind: Kind, database: Path | None, *, password: str | None = None
) -> Path:
    """`path`, unless writing `kind` there would hit the open database (`database`), one of its
    companion files, or an existing file of another kind: InvalidInput, nothing written. An
    encrypted file is told with `password` (the open database's)."""
    _refuse_database(path, database, msg("file.choose_another", "choose another file"))
    if path.is_dir():
        raise InvalidInput(
            msg(
                "file.is_folder",
                "{path} is a folder; name a file to write {kind} to",
                path=str(path),
                kind=KIND_NAMES[kind],
            )
        )
    if path.exists() and path.stat().st_size > 0:
        found = kind_of(path, password)
        if found is not kind or kind is Kind.DATABASE:
            raise InvalidInput(_exists(path, found, kind))
    try:
        return check_output(path, kind, database, password=password)
    except FileRefused as exc:
        raise InvalidInput(carried(exc)) from None


def guard_input(path: Path, database: Path | None, what: str | Message) -> None:
    """Refuse to read the open database or its companions as `what` (a workbook, a package):
    only SQLite may open them, or this process would drop its locks on the database."""
    named = READ_AS.get(what, what) if isinstance(what, str) else what
    not_as = msg("file.not_as", "it is not {what}", what=named)
    _refuse_database(path, database, not_as)
    try:
        refuse_database_itself(path, database, not_as)
    except FileRefused as exc:
        raise InvalidInput(carried(exc)) from None


def _refuse_database(path: Path, database: Path | None, doing: Message) -> None:
    """InvalidInput when `path` is the open database or one of its companion files."""
    if database is None:
        return
    path = path.expanduser().absolute()
    for suffix in ("", *COMPANIONS):
        own = Path(f"{database}{suffix}")
        if (path.name == own.name and _same_file(path.parent, own.parent)) or _same_file(path, own):
            raise InvalidInput(_database_file(path, suffix, doing))


def _database_file(path: Path, suffix: str, doing: Message) -> Message:
    if not suffix:
        return msg(
            "file.database_itself",
            "{path} is the database itself; {doing}",
            path=str(path),
            doing=doing,
        )
    return msg(
        "file.database_companion",
        "{path} is the database's {suffix} file; {doing}",
        path=str(path),
        suffix=suffix[1:],
        doing=doing,
    )


def _exists(path: Path, found: Kind, kind: Kind) -> Message:
    if found is Kind.OTHER:
        return msg(
            "file.exists_not_kind",
            "{path} exists and is not {kind}; it was left untouched",
            path=str(path),
            kind=KIND_NAMES[kind],
        )
    return msg(
        "file.exists_other_kind",
        "{path} exists and is {found}, not {kind}; it was left untouched",
        path=str(path),
        found=KIND_NAMES[found],
        kind=KIND_NAMES[kind],
    )


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return False
