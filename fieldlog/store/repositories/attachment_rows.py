"""Reading and writing attachments and their bytes (`models/attachment.py`)."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import String, cast, func, insert, select
from sqlalchemy.orm import Session

from fieldlog.store.models import Attachment, AttachmentFile, Contact

#: The owner column of each kind of record an attachment may belong to.
OWNER_COLUMNS = {
    "visit": "visit_id",
    "org": "org_id",
    "project": "project_id",
    "contact": "contact_id",
}


#: What a list of attachments shows, with whether each one's bytes are here.
_LISTED = (
    Attachment.id,
    Attachment.name,
    Attachment.media_type,
    Attachment.size,
    Attachment.sha256,
    Attachment.caption,
    Attachment.created_at,
    AttachmentFile.sha256.is_not(None).label("present"),
)


def owner_column(kind: str) -> Any:
    """The attachment column that names an owner of `kind` (visit, org, project, contact)."""
    return getattr(Attachment, OWNER_COLUMNS[kind])


def listed(session: Session, kind: str, owner_id: uuid.UUID) -> Sequence[Any]:
    """The live attachments of one record, oldest first, with whether their bytes are here."""
    query = (
        select(*_LISTED)
        .outerjoin(AttachmentFile, AttachmentFile.sha256 == Attachment.sha256)
        .where(owner_column(kind) == owner_id, Attachment.deleted.is_(False))
        .order_by(Attachment.created_at, Attachment.id)
    )
    return session.execute(query).all()


def listed_for_contacts(session: Session, org_id: uuid.UUID) -> Sequence[Any]:
    """The live attachments of an organization's live contacts (their business cards), with
    the contact's name, oldest first."""
    query = (
        select(*_LISTED, Contact.name.label("contact"))
        .join(Contact, Contact.id == Attachment.contact_id)
        .outerjoin(AttachmentFile, AttachmentFile.sha256 == Attachment.sha256)
        .where(
            Contact.org_id == org_id,
            Contact.deleted.is_(False),
            Attachment.deleted.is_(False),
        )
        .order_by(Attachment.created_at, Attachment.id)
    )
    return session.execute(query).all()


def counts(session: Session, kind: str, owner_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many live attachments each of these records has (records with none are left out)."""
    column = owner_column(kind)
    ids = list(owner_ids)
    found: dict[uuid.UUID, int] = {}
    for start in range(0, len(ids), 500):
        query = (
            select(column, func.count())
            .where(column.in_(ids[start : start + 500]), Attachment.deleted.is_(False))
            .group_by(column)
        )
        found.update({owner: count for owner, count in session.execute(query).all()})
    return found


def has_file(session: Session, sha256: str) -> bool:
    """Whether the bytes of `sha256` are stored here."""
    query = select(AttachmentFile.sha256).where(AttachmentFile.sha256 == sha256)
    return session.execute(query).first() is not None


def file_bytes(session: Session, sha256: str) -> bytes | None:
    """The stored bytes of `sha256`, or None when they are not here."""
    query = select(AttachmentFile.data).where(AttachmentFile.sha256 == sha256)
    return session.execute(query).scalar_one_or_none()


def put_file(session: Session, sha256: str, data: bytes) -> None:
    """Store the bytes of `sha256` unless they are here already (the caller checked the hash)."""
    if not has_file(session, sha256):
        session.execute(insert(AttachmentFile).values(sha256=sha256, size=len(data), data=data))


def missing_files(session: Session, *, seq: int | None = None) -> list[str]:
    """Hashes of live attachments whose bytes are not here (only rows of change `seq` if given)."""
    query = (
        select(Attachment.sha256)
        .outerjoin(AttachmentFile, AttachmentFile.sha256 == Attachment.sha256)
        .where(Attachment.deleted.is_(False), AttachmentFile.sha256.is_(None))
        .distinct()
    )
    if seq is not None:
        query = query.where(Attachment.local_seq == seq)
    return list(session.execute(query).scalars())


def file_sizes(session: Session, hashes: Iterable[str]) -> dict[str, int]:
    """The stored size of each of these hashes that is here."""
    wanted = sorted(set(hashes))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        query = select(AttachmentFile.sha256, AttachmentFile.size).where(
            AttachmentFile.sha256.in_(wanted[start : start + 500])
        )
        found.update({sha: size for sha, size in session.execute(query).all()})
    return found


def totals(session: Session) -> tuple[int, int, int]:
    """Live attachments, distinct stored files and their bytes."""
    live = session.execute(
        select(func.count()).select_from(Attachment).where(Attachment.deleted.is_(False))
    ).scalar_one()
    files, size = session.execute(
        select(func.count(), func.coalesce(func.sum(AttachmentFile.size), 0))
    ).one()
    return int(live), int(files), int(size)


def ids_ending(session: Session, model: Any, ending: str) -> list[uuid.UUID]:
    """Ids of live records of `model` whose hex form ends in `ending` (8–12 hex digits: the last
    group of a UUID, written the same with or without dashes on every engine)."""
    column = model.__table__.c.id
    query = (
        select(column)
        .where(cast(column, String).like(f"%{ending.lower()}"), model.deleted.is_(False))
        .limit(2)
    )
    return list(session.execute(query).scalars())


def mismatched_files(session: Session) -> list[str]:
    """Hashes whose stored bytes no longer hash to them (read one file at a time)."""
    hashes = list(session.execute(select(AttachmentFile.sha256)).scalars())
    damaged = []
    for sha in hashes:
        data = file_bytes(session, sha)
        if data is None or hashlib.sha256(data).hexdigest() != sha:
            damaged.append(sha)
    return damaged
