"""Attachments: photos, PDFs and Office files on a visit, an organization, a project or a
contact, kept content-addressed inside the database.

`attachment` is a replicated record like any other (a tombstone deletes it); it names its file by
SHA-256. The bytes live once per hash in `attachment_file`, a local table that is never a row of a
package: a package carries the bytes of the attachments it carries as members of their own
(`sync/package.py`), each checked against its hash before anything is stored. Being inside the
database, the bytes are in every backup, under the database's encryption, and on the server when
the database is one.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldlog.store.models.base import Base, Replicated, ref
from fieldlog.store.types import utcnow


class Attachment(Replicated, Base):
    """A file attached to one record: exactly one of the four owner columns is set.

    Fields: ``sha256`` the file's hash (64 lowercase hex digits; the bytes are in
    `attachment_file`); ``name`` the file name it was added under; ``media_type`` what its content
    is (image/jpeg, application/pdf…), read from the bytes, never from the name; ``size`` in bytes;
    ``caption`` a line the user may write.
    """

    __tablename__ = "attachment"

    visit_id: Mapped[uuid.UUID | None] = ref("visit.id")
    org_id: Mapped[uuid.UUID | None] = ref("organization.id")
    project_id: Mapped[uuid.UUID | None] = ref("project.id")
    contact_id: Mapped[uuid.UUID | None] = ref("contact.id")
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    caption: Mapped[str] = mapped_column(Text, default="")


class AttachmentFile(Base):
    """The bytes of attached files, once per SHA-256 however many attachments name them.

    Local: never a row of a package, never in the digest (the attachments' hashes are).
    """

    __tablename__ = "attachment_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[datetime] = mapped_column(default=utcnow)
