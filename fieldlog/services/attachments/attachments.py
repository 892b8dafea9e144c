"""Attachments on visits, organizations, projects and contacts: add, list, read, caption,
delete (a tombstone) and put back.

Files are checked first (`file_checks.check_file`: size, what the bytes are, that a picture
decodes, no bomb), all of them before any is stored: an addition of five files with one bad one
stores none. The bytes are stored once per SHA-256 inside the database (`attachment_file`), so
a backup, the database's encryption and a server database hold them like every other record; a
deleted attachment keeps its bytes, so putting it back (undo, the history) finds them.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from fieldlog.domain.file_kinds import BY_MEDIA_TYPE, MAX_FILE_BYTES
from fieldlog.domain.messages import Message, msg
from fieldlog.services.attachments.file_checks import CheckedFile, check_file, too_large
from fieldlog.services.errors import InvalidInput
from fieldlog.services.file_guard import guard_input
from fieldlog.services.projects import project_checks as checks
from fieldlog.services.validate import note
from fieldlog.store.database import Database
from fieldlog.store.models import Attachment, Contact, Organization, Project, Visit
from fieldlog.store.repositories import attachment_rows as rows

#: The kinds of record that take attachments, with their model and how a message names one.
OWNERS: dict[str, tuple[Any, Message]] = {
    "visit": (Visit, msg("attach.owner.visit", "visit")),
    "org": (Organization, msg("attach.owner.org", "organization")),
    "project": (Project, msg("attach.owner.project", "project")),
    "contact": (Contact, msg("attach.owner.contact", "contact")),
}
#: The most files one addition takes (a day's photos; more is a folder picked by mistake).
MAX_FILES_AT_ONCE = 200
ATTACHMENT = msg("attach.record", "attachment")


@dataclass(frozen=True)
class Owner:
    """The record attachments belong to: its kind (visit, org, project, contact) and id."""

    kind: str
    id: uuid.UUID


@dataclass(frozen=True)
class AttachmentRow:
    """One live attachment as lists show it; `present` is False while its bytes have not
    arrived (they always arrive with the attachment, so this marks a damaged database)."""

    id: uuid.UUID
    name: str
    media_type: str
    size: int
    sha256: str
    caption: str
    added_at: datetime
    present: bool
    #: The contact whose attachment it is, when an organization's list shows its contacts'.
    contact: str = ""

    @property
    def picture(self) -> bool:
        """Whether it is a photo or picture (shown as a thumbnail)."""
        kind = BY_MEDIA_TYPE.get(self.media_type)
        return kind is not None and kind.picture

    def as_dict(self) -> dict[str, object]:
        """The attachment as `attachments --json` prints it."""
        return {
            "id": str(self.id),
            "name": self.name,
            "media_type": self.media_type,
            "size": self.size,
            "sha256": self.sha256,
            "caption": self.caption,
            "added_at": self.added_at.isoformat(),
            **({"contact": self.contact} if self.contact else {}),
        }


def short_name(name: str, limit: int = 255) -> str:
    """A file name of at most `limit` characters that keeps its suffix (the stem is cut)."""
    if len(name) <= limit:
        return name
    suffix = Path(name).suffix
    if len(suffix) > 16:
        suffix = ""
    return name[: limit - len(suffix)] + suffix


def _live_owner(session: Session, owner: Owner) -> None:
    if owner.kind not in OWNERS:
        raise InvalidInput(
            msg(
                "attach.owner_kind",
                "attachments belong to a visit, an organization, a project or a contact",
            )
        )
    model, what = OWNERS[owner.kind]
    checks.live(session, model, owner.id, what)


def read_files(paths: Sequence[Path], db_path: Path | None = None) -> list[tuple[str, bytes]]:
    """The name and bytes of each file, refusing a missing, unreadable or oversized one (read
    once each, and never more than the size limit allows, so a 20 GB video costs nothing)."""
    if len(paths) > MAX_FILES_AT_ONCE:
        raise InvalidInput(
            msg(
                "attach.too_many",
                "{count} files at once; attach at most {limit} at a time",
                count=len(paths),
                limit=MAX_FILES_AT_ONCE,
            )
        )
    read: list[tuple[str, bytes]] = []
    for path in paths:
        guard_input(path, db_path, msg("file.read_as.attachment", "a file to attach"))
        if not path.is_file():
            raise InvalidInput(
                msg(
                    "attach.missing",
                    "{name} does not exist or is not a file",
                    name=str(path),
                )
            )
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise too_large(path.name, size)
            # Never the open database or its companions (`guard_input` refused them above), so
            # closing this handle cannot drop a lock a connection of this process holds.
            with path.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise InvalidInput(
                msg(
                    "attach.unreadable",
                    "{name} cannot be read ({reason})",
                    name=path.name,
                    reason=exc.strerror or type(exc).__name__,
                )
            ) from None
        if len(data) > MAX_FILE_BYTES:
            raise too_large(path.name, len(data))
        read.append((path.name, data))
    return read


def check_all(files: Sequence[tuple[str, bytes]], *, downscale: bool = False) -> list[CheckedFile]:
    """Every file checked (InvalidInput for the first that fails: nothing is stored then)."""
    if not files:
        raise InvalidInput(msg("attach.no_files", "no file was given to attach"))
    return [check_file(name, data, downscale=downscale) for name, data in files]


def add_checked(db: Database, owner: Owner, files: Sequence[CheckedFile]) -> list[uuid.UUID]:
    """Store checked files as attachments of a live record, in one transaction."""
    with db.begin() as session:
        _live_owner(session, owner)
        made = []
        for checked in files:
            rows.put_file(session, checked.sha256, checked.data)
            attachment = Attachment(
                sha256=checked.sha256,
                name=short_name(checked.name),
                media_type=checked.kind.media_type,
                size=checked.size,
                caption="",
                **{rows.OWNER_COLUMNS[owner.kind]: owner.id},
            )
            session.add(attachment)
            session.flush()
            made.append(attachment.id)
        return made


def add_files(
    db: Database, owner: Owner, paths: Sequence[Path], *, downscale: bool = False
) -> list[uuid.UUID]:
    """Attach files from disk to a record: all of them, or none with one sentence why."""
    db.require_writable()
    with db.read() as session:
        _live_owner(session, owner)
    checked = check_all(read_files(paths, db.path), downscale=downscale)
    return add_checked(db, owner, checked)


def add_bytes(
    db: Database, owner: Owner, name: str, data: bytes, *, downscale: bool = False
) -> uuid.UUID:
    """Attach one file held in memory (a pasted picture) to a record."""
    db.require_writable()
    return add_checked(db, owner, check_all([(name, data)], downscale=downscale))[0]


def attachments_of(
    db: Database, owner: Owner, *, with_contacts: bool = False
) -> list[AttachmentRow]:
    """The live attachments of a record, oldest first; for an organization `with_contacts`
    adds those of its live contacts (their business cards), after its own."""
    with db.read() as session:
        _live_owner(session, owner)
        found = [AttachmentRow(*row) for row in rows.listed(session, owner.kind, owner.id)]
        if with_contacts and owner.kind == "org":
            found += [AttachmentRow(*row) for row in rows.listed_for_contacts(session, owner.id)]
        return found


def count_by_owner(db: Database, kind: str, owner_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many live attachments each record has (lists show it as a paper-clip count)."""
    with db.read() as session:
        return rows.counts(session, kind, owner_ids)


def _attachment(session: Session, attachment_id: uuid.UUID, *, live: bool = True) -> Attachment:
    if live:
        found: Attachment = checks.live(session, Attachment, attachment_id, ATTACHMENT)
    else:
        found = checks.any_record(session, Attachment, attachment_id, ATTACHMENT)
    return found


def file_of(db: Database, attachment_id: uuid.UUID) -> tuple[AttachmentRow, bytes]:
    """An attachment and its bytes (InvalidInput when they are not here)."""
    with db.read() as session:
        found = _attachment(session, attachment_id)
        data = rows.file_bytes(session, found.sha256)
        if data is None:
            raise InvalidInput(
                msg(
                    "attach.bytes_missing",
                    "the contents of {name} are not on this computer; run fieldlog check",
                    name=found.name,
                )
            )
        row = AttachmentRow(
            found.id,
            found.name,
            found.media_type,
            found.size,
            found.sha256,
            found.caption,
            found.created_at,
            True,
        )
        return row, data


def set_caption(db: Database, attachment_id: uuid.UUID, caption: str) -> None:
    """Write an attachment's caption (only when it differs)."""
    text = note(caption)
    with db.begin() as session:
        found = _attachment(session, attachment_id)
        if found.caption != text:
            found.caption = text


def delete_attachment(db: Database, attachment_id: uuid.UUID) -> None:
    """Delete an attachment: a tombstone that syncs; its bytes stay so it can be put back."""
    with db.begin() as session:
        _attachment(session, attachment_id).deleted = True


def restore_attachment(db: Database, attachment_id: uuid.UUID) -> None:
    """Put a deleted attachment back (the undo of a delete)."""
    with db.begin() as session:
        found = _attachment(session, attachment_id, live=False)
        if not found.deleted:
            return
        if not rows.has_file(session, found.sha256):
            raise InvalidInput(
                msg(
                    "attach.cannot_restore",
                    "{name} cannot be put back: its contents never reached this computer",
                    name=found.name,
                )
            )
        found.deleted = False


def find_owner(db: Database, kind: str, text: str) -> Owner:
    """The record a command line names by its id or the id's last 8 characters."""
    if kind not in OWNERS:
        raise InvalidInput(
            msg(
                "attach.owner_kind",
                "attachments belong to a visit, an organization, a project or a contact",
            )
        )
    model, what = OWNERS[kind]
    given = text.strip().lower()
    try:
        whole: uuid.UUID | None = uuid.UUID(given)
    except ValueError:
        whole = None
    with db.read() as session:
        if whole is not None:
            return Owner(kind, checks.live(session, model, whole, what).id)
        if not 8 <= len(given) <= 12 or any(ch not in "0123456789abcdef" for ch in given):
            raise InvalidInput(
                msg(
                    "attach.bad_id",
                    "{text} is not an id (give the whole id or its last 8 characters)",
                    text=text,
                )
            )
        ids = rows.ids_ending(session, model, given)
    if len(ids) != 1:
        raise InvalidInput(
            msg(
                "attach.id_not_one",
                "no live record or more than one ends in {text}; give the whole id",
                text=text,
            )
        )
    return Owner(kind, ids[0])
