"""Matters for the government to coordinate (需协调解决事项): the problems of a project with who
owns them (责任单位), by when, and whether they are resolved; the open ones of every project for
the dashboard, the weekly return and the brief.

A matter is edited field by field like a project (`services/edits.py`): what another laptop
changed meanwhile stays. Resolving and reopening set the status and the date it was resolved; a
status a newer FieldLog wrote is kept until the user resolves or reopens the matter.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from functools import partial

from sqlalchemy.orm import Session

from fieldlog.domain.messages import msg
from fieldlog.services.edits import merge_edit, save_edit
from fieldlog.services.errors import InvalidInput
from fieldlog.services.projects import project_checks as checks
from fieldlog.services.validate import note, optional_name, required_date, sane_date
from fieldlog.store.database import Database
from fieldlog.store.models import CoordinationMatter, Project
from fieldlog.store.repositories import coordination_rows as rows

OPEN, RESOLVED = "open", "resolved"
MATTER = msg("project.ref.coordination_matter", "coordination matter")
COLUMNS = {"note_text": "note"}


@dataclass(frozen=True)
class MatterInput:
    """A matter as entered: what must be solved, who owns it, by when, a note."""

    matter: str
    owner: str = ""
    due_on: date | None = None
    note_text: str = ""


@dataclass(frozen=True)
class MatterRow:
    """A matter of a project as its table shows it; `status` is the stored code."""

    id: uuid.UUID
    matter: str
    owner: str
    due_on: date | None
    status: str
    resolved_on: date | None
    note: str

    def as_input(self) -> MatterInput:
        """The matter as its form holds it (to put it back as it was)."""
        return MatterInput(self.matter, self.owner, self.due_on, self.note)


@dataclass(frozen=True)
class OpenMatter:
    """An open matter with its project, investor and work group; `days_overdue` is None while
    its deadline has not passed (or it has none)."""

    id: uuid.UUID
    project_id: uuid.UUID
    project: str
    investor: str
    group: str
    matter: str
    owner: str
    due_on: date | None
    days_overdue: int | None


def _fields(data: MatterInput) -> dict[str, object]:
    text = note(data.matter)
    if not text.strip():
        raise InvalidInput(
            msg("input.required", "{what} is required", what=msg("field.matter", "matter"))
        )
    return {
        "matter": text,
        "owner": optional_name(data.owner),
        "due_on": sane_date(data.due_on, msg("field.deadline", "deadline")),
        "note": note(data.note_text),
    }


def _live(session: Session, matter_id: uuid.UUID) -> CoordinationMatter:
    matter: CoordinationMatter = checks.live(session, CoordinationMatter, matter_id, MATTER)
    checks.live(session, Project, matter.project_id, checks.PROJECT)
    return matter


def add_matter(db: Database, project_id: uuid.UUID, data: MatterInput) -> uuid.UUID:
    """Record an open matter of a live project."""
    with db.begin() as session:
        checks.live(session, Project, project_id, checks.PROJECT)
        matter = CoordinationMatter(project_id=project_id, status=OPEN, **_fields(data))
        session.add(matter)
        session.flush()
        return matter.id


def save_matter(db: Database, matter_id: uuid.UUID, data: MatterInput) -> None:
    """Write a matter's fields; only those that differ change (an unchanged one keeps its
    stamp, so a sync does not overwrite another laptop's change with the old value)."""
    with db.begin() as session:
        matter = _live(session, matter_id)
        for key, value in _fields(data).items():
            if getattr(matter, key) != value:
                setattr(matter, key, value)


def edit_matter(
    db: Database, matter_id: uuid.UUID, after: MatterInput, before: MatterInput
) -> bool:
    """Save what a matter's form changed from `before` to `after` over what is stored now;
    False when it changed nothing."""
    with db.begin() as session:
        matter = _live(session, matter_id)
        current = MatterInput(matter.matter, matter.owner, matter.due_on, matter.note)
        merged = merge_edit(before, after, current)
        return save_edit(session, matter, merged, partial(save_matter, db, matter_id), COLUMNS)


def resolve_matter(db: Database, matter_id: uuid.UUID, *, on: date) -> None:
    """Mark a matter resolved on a date."""
    day = required_date(on, msg("field.resolved_on", "date resolved"))
    with db.begin() as session:
        matter = _live(session, matter_id)
        if matter.status == RESOLVED:
            raise InvalidInput(
                msg("coordination.already_resolved", "the matter is already resolved")
            )
        matter.status, matter.resolved_on = RESOLVED, day


def reopen_matter(db: Database, matter_id: uuid.UUID) -> None:
    """Mark a resolved matter open again (its date resolved is cleared)."""
    with db.begin() as session:
        matter = _live(session, matter_id)
        if matter.status == OPEN:
            raise InvalidInput(msg("coordination.already_open", "the matter is already open"))
        matter.status, matter.resolved_on = OPEN, None


def put_status(db: Database, matter_id: uuid.UUID, status: str, resolved_on: date | None) -> None:
    """Put back a status and date resolved exactly as they were (the undo of a resolve or a
    reopen, which may bring back a newer FieldLog's status)."""
    with db.begin() as session:
        matter = _live(session, matter_id)
        if matter.status != status:
            matter.status = status
        if matter.resolved_on != resolved_on:
            matter.resolved_on = resolved_on


def delete_matter(db: Database, matter_id: uuid.UUID) -> None:
    """Tombstone a matter; `restore_matter` brings it back."""
    with db.begin() as session:
        _live(session, matter_id).deleted = True


def restore_matter(db: Database, matter_id: uuid.UUID) -> None:
    """Bring back a deleted matter (undo of a delete, redo of an add)."""
    with db.begin() as session:
        matter = checks.any_record(session, CoordinationMatter, matter_id, MATTER)
        checks.live(session, Project, matter.project_id, checks.PROJECT)
        matter.deleted = False


def matters_of(db: Database, project_id: uuid.UUID) -> list[MatterRow]:
    """The live matters of a project, by deadline (none last)."""
    with db.read() as session:
        return [
            MatterRow(m.id, m.matter, m.owner, m.due_on, m.status, m.resolved_on, m.note)
            for m in rows.project_matters(session, project_id)
        ]


def open_matters(db: Database, as_of: date | None = None) -> list[OpenMatter]:
    """The open matters of every live project by deadline (none last), with the days each is
    overdue on `as_of` (today when None). A matter resolved after `as_of` was open on it; one
    added since is listed too (a matter carries no date of its own before its deadline)."""
    day = as_of or date.today()
    with db.read() as session:
        found = rows.open_matter_rows(session, as_of)
    return [OpenMatter(*row, days_overdue=_overdue(row[-1], day)) for row in found]


def _overdue(due_on: date | None, day: date) -> int | None:
    return (day - due_on).days if due_on is not None and due_on < day else None
