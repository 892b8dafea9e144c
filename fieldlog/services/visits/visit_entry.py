"""What the visit-entry form needs: its choices, a visit to edit, and saving it with a new lead.

Saving an edit writes only what the form changed (`services/edits.py`): what another user
changed in the visit since the form loaded it stays.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from fieldlog.services.edits import merge_edit, save_edit
from fieldlog.services.projects.projects import ProjectInput, open_project
from fieldlog.services.visits.visits import VisitInput, delete_visit, restore_visit, save_visit
from fieldlog.store.database import Database
from fieldlog.store.models import (
    CatalogItem,
    Member,
    Organization,
    Project,
    Visit,
)
from fieldlog.store.repositories.common import catalog_names, get_live
from fieldlog.store.repositories.team_rows import group_columns, member_columns
from fieldlog.store.repositories.visit_entry_rows import (
    contacts_by_name,
    contacts_met,
    projects_newest_first,
    visitors_of,
)


@dataclass(frozen=True)
class Choice:
    """A record offered in a list: its id, its name and a detail (a title, a stage…)."""

    id: uuid.UUID
    name: str
    detail: str = ""


@dataclass(frozen=True)
class MemberChoice:
    """A member offered as a visitor, with the work group it belongs to."""

    id: uuid.UUID
    name: str
    group: str
    mine: bool


@dataclass(frozen=True)
class LoadedVisit:
    """A visit as the form edits it, with the names the form shows."""

    data: VisitInput
    org_name: str
    project_name: str | None


@dataclass(frozen=True)
class EntryResult:
    """The visit an entry saved, and the lead it opened (if any)."""

    visit_id: uuid.UUID
    project_id: uuid.UUID | None


def visit_kinds(db: Database) -> list[str]:
    """The names of the visit-kind catalog, in display order."""
    with db.read() as session:
        return catalog_names(session, "visit_kind")


def org_name(db: Database, org_id: uuid.UUID) -> str | None:
    """The name of a live organization, or None when it does not exist (any more)."""
    with db.read() as session:
        org = session.get(Organization, org_id)
        return org.name if org is not None and not org.deleted else None


def contacts_of(db: Database, org_id: uuid.UUID | None) -> list[Choice]:
    """The live contacts of an organization, by name; the detail is their title."""
    if org_id is None:
        return []
    with db.read() as session:
        return [Choice(c.id, c.name, c.title) for c in contacts_by_name(session, org_id)]


def projects_of(
    db: Database, org_id: uuid.UUID | None, *, also: uuid.UUID | None = None
) -> list[Choice]:
    """The live projects whose investor is this organization, newest first; then the live
    project `also` (a visit's link) when another organization invests in it."""
    with db.read() as session:
        rows = projects_newest_first(session, org_id) if org_id is not None else []
        extra = session.get(Project, also) if also is not None else None
        if extra is not None and not extra.deleted and extra not in rows:
            rows.append(extra)
        return [Choice(p.id, p.name) for p in rows]


def _group_order(
    groups: dict[Any, Any], mine: uuid.UUID | None
) -> Callable[[Any], tuple[object, ...]]:
    """Sort key of a member row (id, name, group_id) among the work-group rows."""

    def key(member: Any) -> tuple[object, ...]:
        group = groups.get(member.group_id) if member.group_id else None
        if group is None:
            return (2, 0, "", member.name)
        return (0 if group.id == mine else 1, group.sort_order, group.name, member.name)

    return key


def visitor_choices(db: Database, me: uuid.UUID | None) -> list[MemberChoice]:
    """Live members grouped by work group: `me` first, then my group, then the other groups."""
    with db.read() as session:
        groups = {g.id: g for g in group_columns(session)}
        people = member_columns(session)
    mine = next((m.group_id for m in people if m.id == me), None)
    people.sort(key=_group_order(groups, mine))
    people.sort(key=lambda m: m.id != me)  # stable: me on top, the rest keeps its order
    result = []
    for member in people:
        group = groups.get(member.group_id) if member.group_id else None
        name = group.name if group is not None else ""
        same = mine is not None and member.group_id == mine
        result.append(MemberChoice(member.id, member.name, name, same or member.id == me))
    return result


def load_visit(db: Database, visit_id: uuid.UUID) -> LoadedVisit:
    """A live visit as a VisitInput (kind by name, intent by code), with its names."""
    with db.read() as session:
        visit = get_live(session, Visit, visit_id, "visit")
        kind = session.get(CatalogItem, visit.kind_id) if visit.kind_id else None
        project = session.get(Project, visit.project_id) if visit.project_id else None
        data = VisitInput(
            visited_on=visit.visited_on,
            org_id=visit.org_id,
            visitor_ids=visitors_of(session, visit.id),
            kind=kind.name if kind is not None else "",
            summary=visit.summary,
            intent=visit.intent,
            next_follow_up=visit.next_follow_up,
            contact_ids=contacts_met(session, visit.id),
            project_id=visit.project_id,
            chain_id=visit.chain_id,
        )
        org = session.get(Organization, visit.org_id)
        return LoadedVisit(data, org.name if org else "", project.name if project else None)


#: Fields of the form held in a column of another name.
VISIT_COLUMNS = {"kind": "kind_id"}


def edit_visit(db: Database, visit_id: uuid.UUID, after: VisitInput, before: VisitInput) -> bool:
    """Save the fields (visitors, contacts met) a form changed from `before` to `after` over
    what is stored now; False when it changed nothing (nothing is written)."""
    with db.begin() as session:
        visit = get_live(session, Visit, visit_id, "visit")
        merged = merge_edit(before, after, load_visit(db, visit_id).data)
        save = partial(save_visit, db, visit_id=visit_id)
        return save_edit(session, visit, merged, save, VISIT_COLUMNS)


def _save(
    db: Database, data: VisitInput, visit_id: uuid.UUID | None, before: VisitInput | None
) -> uuid.UUID:
    if visit_id is None or before is None:
        return save_visit(db, data, visit_id)
    edit_visit(db, visit_id, data, before)
    return visit_id


def _lead_input(db: Database, data: VisitInput, name: str) -> ProjectInput:
    owner = data.visitor_ids[0] if data.visitor_ids else None
    with db.read() as session:
        member = session.get(Member, owner) if owner else None
        org = session.get(Organization, data.org_id)
    return ProjectInput(
        name=name,
        investor_id=data.org_id,
        chain_id=data.chain_id or (org.chain_id if org else None),
        owner_id=owner,
        group_id=member.group_id if member else None,
        next_follow_up=data.next_follow_up,
    )


def record_entry(
    db: Database,
    data: VisitInput,
    *,
    visit_id: uuid.UUID | None = None,
    lead_name: str = "",
    before: VisitInput | None = None,
) -> EntryResult:
    """Save a visit and, with `lead_name`, open a lead dated the visit: one transaction. An edit
    given the form's loaded values (`before`) writes only what changed from them."""
    with db.begin():
        project_id = None
        if lead_name.strip():
            lead = _lead_input(db, data, lead_name)
            project_id = open_project(db, lead, on=data.visited_on, member_id=lead.owner_id)
            data = replace(data, project_id=project_id)
        return EntryResult(_save(db, data, visit_id, before), project_id)


def _set_project_deleted(db: Database, project_id: uuid.UUID | None, deleted: bool) -> None:
    if project_id is None:
        return
    with db.begin() as session:
        project = session.get(Project, project_id)
        if project is not None:
            project.deleted = deleted


class EntryChange:
    """One save of the visit form as an undoable change.

    The first `do` records the entry; later ones (redo) bring the same records back, so undo and
    redo never make a second visit or lead. Undo of a new visit tombstones it (and its lead);
    undo of an edit saves the previous values.
    """

    def __init__(
        self,
        db: Database,
        data: VisitInput,
        *,
        visit_id: uuid.UUID | None = None,
        previous: VisitInput | None = None,
        lead_name: str = "",
    ) -> None:
        self.db, self.data, self.visit_id = db, data, visit_id
        self.previous, self.lead_name = previous, lead_name
        self.result: EntryResult | None = None

    def do(self) -> EntryResult:
        """Record the entry, or bring it back after an undo."""
        if self.result is None:
            self.result = record_entry(
                self.db,
                self.data,
                visit_id=self.visit_id,
                lead_name=self.lead_name,
                before=self.previous,
            )
            return self.result
        result = self.result
        with self.db.begin():
            _set_project_deleted(self.db, result.project_id, False)
            if self.visit_id is None:
                restore_visit(self.db, result.visit_id)
            else:
                _save(self.db, self._saved(result), result.visit_id, self.previous)
        return result

    def _saved(self, result: EntryResult) -> VisitInput:
        """The visit as this entry saved it (with the lead it opened)."""
        return replace(self.data, project_id=result.project_id or self.data.project_id)

    def undo(self) -> None:
        """Take the entry back: tombstone what it created, or restore the previous values."""
        result = self.result
        if result is None:
            return
        with self.db.begin():
            if self.visit_id is None:
                delete_visit(self.db, result.visit_id)
            elif self.previous is not None:
                edit_visit(self.db, result.visit_id, self.previous, self._saved(result))
            _set_project_deleted(self.db, result.project_id, True)
