"""Two records of one organization become one; and the reversible changes behind undo.

A merge moves everything of the merged-away record to the kept one in one transaction and leaves
an alias (merged id → kept id) so that sync and old references resolve to the kept record. It is
not undoable. Deleting, adding contacts and editing are: `restore_org`, `delete_contact`,
`restore_contact` and `OrgEdit` give the UI's undo stack the service calls that reverse them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from fieldlog.domain.ids import pair_id
from fieldlog.domain.messages import msg
from fieldlog.services.errors import InvalidInput
from fieldlog.store.database import Database
from fieldlog.store.models import (
    Attachment,
    Contact,
    OrgAlias,
    Organization,
    OrgTag,
    Project,
    Visit,
)
from fieldlog.store.repositories.org_rows import (
    aliases_to,
    count_pointing_at,
    rows_pointing_at,
    tag_links,
)

#: Fields a kept record takes from the merged one when its own is empty.
_FILLABLE = ("credit_code", "region", "address", "phone", "notes")


@dataclass(frozen=True)
class MergeCounts:
    """What a merge moves (or would move) from the merged record to the kept one."""

    visits: int
    projects: int
    contacts: int
    tags: int


@dataclass(frozen=True)
class MergePreview:
    """What merging would move, or why it is refused (`problem`, one sentence)."""

    counts: MergeCounts
    problem: str | None


def _pair(session: Session, keep_id: uuid.UUID, merge_id: uuid.UUID) -> tuple[Organization, ...]:
    """Both live records, or InvalidInput saying why they cannot be merged."""
    if keep_id == merge_id:
        raise InvalidInput(msg("org.merge_itself", "an organization cannot be merged with itself"))
    records = []
    for org_id in (keep_id, merge_id):
        org = session.get(Organization, org_id)
        if org is None or org.deleted:
            raise InvalidInput(
                msg(
                    "org.gone",
                    "organization {id} does not exist or has been deleted",
                    id=org_id,
                )
            )
        records.append(org)
    keep, merge = records
    if keep.credit_code and merge.credit_code and keep.credit_code != merge.credit_code:
        raise InvalidInput(
            msg(
                "org.merge_codes_differ",
                "{keep} ({keep_code}) and {merge} ({merge_code}) have different credit codes, "
                "so they are different organizations",
                keep=keep.name,
                keep_code=keep.credit_code,
                merge=merge.name,
                merge_code=merge.credit_code,
            )
        )
    return keep, merge


_MOVED: tuple[tuple[type[Visit | Project | Contact | OrgTag], str], ...] = (
    (Visit, "org_id"),
    (Project, "investor_id"),
    (Contact, "org_id"),
    (OrgTag, "org_id"),
)


def _counts(session: Session, org_id: uuid.UUID) -> MergeCounts:
    return MergeCounts(
        *(count_pointing_at(session, model, column, org_id) for model, column in _MOVED)
    )


def merge_preview(db: Database, keep_id: uuid.UUID, merge_id: uuid.UUID) -> MergePreview:
    """What `merge_orgs(db, keep_id, merge_id)` would move, or why it would refuse."""
    with db.read() as session:
        counts = _counts(session, merge_id)
        try:
            _pair(session, keep_id, merge_id)
        except InvalidInput as refusal:
            return MergePreview(counts, str(refusal))
        return MergePreview(counts, None)


def _move_rows(session: Session, keep: Organization, merge: Organization) -> None:
    # Each row gets a fresh stamp through the ORM, so the move syncs like any edit.
    for model, column in (*_MOVED[:3], (Attachment, "org_id")):
        for row in rows_pointing_at(session, model, column, merge.id):
            setattr(row, column, keep.id)


def _move_tags(session: Session, keep: Organization, merge: Organization) -> None:
    rows = {(t.org_id, t.tag_id): t for t in tag_links(session, (keep.id, merge.id))}
    for (org_id, tag_id), row in list(rows.items()):
        if org_id != merge.id or row.deleted:
            continue
        kept = rows.get((keep.id, tag_id))
        if kept is None:
            session.add(OrgTag(id=pair_id(keep.id, tag_id), org_id=keep.id, tag_id=tag_id))
        elif kept.deleted:
            kept.deleted = False
        row.deleted = True


def _fill_fields(keep: Organization, merge: Organization) -> None:
    for name in _FILLABLE:
        if not getattr(keep, name) and getattr(merge, name):
            setattr(keep, name, getattr(merge, name))
    if merge.is_target and not keep.is_target:
        keep.is_target = True
    # Chain and link go together: a link is taken only when it belongs to the kept chain.
    if keep.chain_id is None and merge.chain_id is not None:
        keep.chain_id, keep.link_id = merge.chain_id, merge.link_id
    elif keep.link_id is None and merge.chain_id == keep.chain_id:
        keep.link_id = merge.link_id


def _write_alias(session: Session, keep: Organization, merge: Organization) -> None:
    # Earlier aliases of the merged record now point straight at the kept one.
    for row in aliases_to(session, merge.id):
        row.org_id = keep.id
    alias = session.get(OrgAlias, pair_id(merge.id, keep.id))
    if alias is None:
        session.add(OrgAlias(id=pair_id(merge.id, keep.id), alias_id=merge.id, org_id=keep.id))
    else:
        alias.deleted = False


def merge_orgs(db: Database, keep_id: uuid.UUID, merge_id: uuid.UUID) -> MergeCounts:
    """Make `merge_id` part of `keep_id`: its live visits, projects, contacts and tags move, the
    kept record's empty fields are filled from it, an alias is written and it is tombstoned.

    Refused (nothing changes) for the same record, a deleted one, or two different valid codes.
    """
    with db.begin() as session:
        keep, merge = _pair(session, keep_id, merge_id)
        counts = _counts(session, merge.id)
        _move_rows(session, keep, merge)
        _move_tags(session, keep, merge)
        _fill_fields(keep, merge)
        _write_alias(session, keep, merge)
        merge.deleted = True
        return counts
