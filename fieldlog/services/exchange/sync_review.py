"""The team leader's review after sync: conflicts (restore the loser) and look-alike orgs.

Restoring a losing value is an ordinary edit made on this laptop: it is stamped now, wins over
the value it replaces, and travels in the next package like any other change.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from fieldlog.domain import hlc
from fieldlog.domain.company_names import look_alike, similarity
from fieldlog.domain.credit_code import is_valid_credit_code
from fieldlog.domain.messages import msg
from fieldlog.services.admin.history import node_names, write_value
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs.org_merge import MergeCounts, merge_orgs
from fieldlog.store.database import Database
from fieldlog.store.models import (
    REPLICATED_MODELS,
    DuplicateCandidate,
    Organization,
    Project,
    SyncConflict,
    Visit,
)
from fieldlog.store.repositories.org_rows import visit_tally
from fieldlog.store.repositories.sync_rows import logged_conflicts, open_look_alikes
from fieldlog.sync.candidates import reason_for
from fieldlog.sync.rows import SPECS

MODELS = {model.__tablename__: model for model in REPLICATED_MODELS}  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ConflictView:
    """One logged conflict: the record and field, the kept and the lost value, who and when."""

    id: uuid.UUID
    table: str
    row_id: uuid.UUID
    record: str
    field: str
    winner_value: Any
    winner_who: str
    winner_at: datetime
    loser_value: Any
    loser_who: str
    loser_at: datetime
    package_id: uuid.UUID | None
    detected_at: datetime
    resolution: str

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (`sync conflicts --json`)."""
        return {
            "id": str(self.id),
            "table": self.table,
            "row_id": str(self.row_id),
            "record": self.record,
            "field": self.field,
            "winner": {
                "value": self.winner_value,
                "who": self.winner_who,
                "at": self.winner_at.isoformat(),
            },
            "loser": {
                "value": self.loser_value,
                "who": self.loser_who,
                "at": self.loser_at.isoformat(),
            },
            "package_id": str(self.package_id) if self.package_id else None,
            "detected_at": self.detected_at.isoformat(),
            "resolution": self.resolution,
        }


def _name_of(session: Session, model: type[Any], record_id: uuid.UUID | None) -> str:
    record = session.get(model, record_id) if record_id is not None else None
    return str(record.name) if record is not None else ""


def record_label(session: Session, table: str, row_id: uuid.UUID) -> str:
    """A short description of a record for people: its name, or what it belongs to."""
    record = session.get(MODELS[table], row_id)
    if record is None:
        return str(row_id)
    if isinstance(record, Visit):
        return f"{record.visited_on} {_name_of(session, Organization, record.org_id)}"
    if hasattr(record, "name"):
        return str(record.name)
    if hasattr(record, "project_id"):
        return _name_of(session, Project, record.project_id)
    if hasattr(record, "org_id"):
        return _name_of(session, Organization, record.org_id)
    return str(row_id)


def _view(session: Session, row: SyncConflict, who: Callable[[str], str]) -> ConflictView:
    return ConflictView(
        id=row.id,
        table=row.table_name,
        row_id=row.row_id,
        record=record_label(session, row.table_name, row.row_id),
        field=row.field,
        winner_value=row.winner_value,
        winner_who=who(row.winner_node),
        winner_at=hlc.to_datetime(row.winner_hlc),
        loser_value=row.loser_value,
        loser_who=who(row.loser_node),
        loser_at=hlc.to_datetime(row.loser_hlc),
        package_id=row.package_id,
        detected_at=row.detected_at,
        resolution=row.resolution,
    )


def conflicts(db: Database, *, include_resolved: bool = False) -> list[ConflictView]:
    """Logged conflicts, newest first; those already reviewed only with `include_resolved`."""
    with db.read() as session:
        who = node_names(session, db.node_id)
        rows = logged_conflicts(session, include_resolved=include_resolved)
        return [_view(session, r, who) for r in rows]


def _open_conflict(session: Session, conflict_id: uuid.UUID) -> SyncConflict:
    row = session.get(SyncConflict, conflict_id)
    if row is None:
        raise InvalidInput(
            msg("sync.no_conflict", "conflict {id} does not exist", id=str(conflict_id))
        )
    if row.resolution:
        raise InvalidInput(
            msg(
                "sync.conflict_reviewed",
                "conflict {id} has already been reviewed ({resolution})",
                id=str(conflict_id),
                resolution=row.resolution,
            )
        )
    return row


def restore_losing_value(db: Database, conflict_id: uuid.UUID) -> None:
    """Write the losing value back as a new edit on this laptop and mark the conflict reviewed."""
    with db.begin() as session:
        row = _open_conflict(session, conflict_id)
        record = session.get(MODELS[row.table_name], row.row_id)
        if record is None:
            raise InvalidInput(
                msg(
                    "sync.conflict_record_missing",
                    "the record of conflict {id} is not on this laptop",
                    id=str(conflict_id),
                )
            )
        value = SPECS[row.table_name].decoders[row.field](row.loser_value)
        write_value(session, record, row.field, value)
        row.resolution, row.resolved_at = "restored", datetime.now(UTC)


def dismiss_conflict(db: Database, conflict_id: uuid.UUID) -> None:
    """Keep the winning value: mark the conflict reviewed."""
    with db.begin() as session:
        row = _open_conflict(session, conflict_id)
        row.resolution, row.resolved_at = "kept", datetime.now(UTC)


@dataclass(frozen=True)
class OrgBrief:
    """What a person needs to tell two look-alike organizations apart."""

    id: uuid.UUID
    name: str
    credit_code: str | None
    kind: str
    visits: int
    last_visit: date | None


@dataclass(frozen=True)
class DuplicateView:
    """An open look-alike pair, earlier organization first.

    `reason` is "name" (the names differ only in spacing, width or brackets) or "similar"
    (`domain.company_names`: the same core once places and legal forms are set aside, or
    cores alike); `score` is their similarity, 0–100.
    """

    id: uuid.UUID
    first: OrgBrief
    second: OrgBrief
    found_at: datetime
    reason: str = "name"
    score: float = 100.0


def _brief(session: Session, org: Organization) -> OrgBrief:
    count, last = visit_tally(session, org.id)
    return OrgBrief(org.id, org.name, org.credit_code, org.kind, count, last)


def _still_alike(first: Organization, second: Organization) -> bool:
    """Both live, their names still alike, and no two valid credit codes telling them apart
    (the list is refreshed at each import; a rename or a code typed since then counts now)."""
    if first.deleted or second.deleted:
        return False
    if is_valid_credit_code(first.credit_code or "") and is_valid_credit_code(
        second.credit_code or ""
    ):
        return False
    return look_alike(first.name, second.name)


def duplicate_candidates(db: Database) -> list[DuplicateView]:
    """Open look-alike pairs whose organizations are still live and alike. Each organization is
    paired with the earliest of its look-alikes when the list is refreshed (at each import), so
    every laptop holding the same data shows the same pairs, in the same order (by the earlier
    organization, then the later: the pairs of one organization stay together)."""
    views = []
    with db.read() as session:
        for row in open_look_alikes(session):
            first = session.get(Organization, row.first_org_id)
            second = session.get(Organization, row.second_org_id)
            if first is None or second is None or not _still_alike(first, second):
                continue
            views.append(
                DuplicateView(
                    row.id,
                    _brief(session, first),
                    _brief(session, second),
                    row.found_at,
                    reason_for(first.name, second.name),
                    similarity(first.name, second.name),
                )
            )
    return sorted(views, key=lambda view: (view.first.id, view.second.id))


def _open_candidate(session: Session, candidate_id: uuid.UUID) -> DuplicateCandidate:
    row = session.get(DuplicateCandidate, candidate_id)
    if row is None or row.status != "open":
        raise InvalidInput(
            msg(
                "sync.pair_not_open",
                "look-alike pair {id} is not waiting for review",
                id=str(candidate_id),
            )
        )
    return row


def merge_duplicate(db: Database, candidate_id: uuid.UUID, keep_id: uuid.UUID) -> MergeCounts:
    """Merge a look-alike pair into `keep_id` (one of the two), as a person's merge does."""
    with db.begin() as session:
        row = _open_candidate(session, candidate_id)
        pair = (row.first_org_id, row.second_org_id)
        if keep_id not in pair:
            raise InvalidInput(
                msg("sync.keep_not_in_pair", "the organization to keep must be one of the pair")
            )
        counts = merge_orgs(db, keep_id, pair[1] if keep_id == pair[0] else pair[0])
        row.status, row.decided_at = "merged", datetime.now(UTC)
        return counts


def dismiss_duplicate(db: Database, candidate_id: uuid.UUID) -> None:
    """These two are different organizations: take the pair off the list for good."""
    with db.begin() as session:
        row = _open_candidate(session, candidate_id)
        row.status, row.decided_at = "dismissed", datetime.now(UTC)
