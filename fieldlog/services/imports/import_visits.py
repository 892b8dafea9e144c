"""Importing a visit log (走访明细) row by row into visits, creating organizations as needed."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from sqlalchemy.orm import Session

from fieldlog.domain.messages import msg
from fieldlog.domain.text import name_key
from fieldlog.domain.vocabulary import OrgKind
from fieldlog.excel.values import BadCell, Person, cell_date, split_names, split_people
from fieldlog.services.imports.import_lookup import Lookups, org_kind
from fieldlog.services.imports.import_match import OrgGroup, group_rows, match_group
from fieldlog.services.imports.import_orgs import read_code, read_name
from fieldlog.services.imports.import_report import (
    RowOutcome,
    SheetImportReport,
    change_mark,
    in_savepoint,
    reason_of,
)
from fieldlog.services.imports.import_table import Cells, Table
from fieldlog.services.orgs.orgs import ContactInput, OrgInput, save_contact, save_org
from fieldlog.services.visits.visits import VisitInput, save_visit
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Visit
from fieldlog.store.repositories.visit_entry_rows import contacts_met, same_visit

DEFAULT_VISIT_KIND = "上门走访"


@dataclass
class ImportedVisitRow:
    """One row of a visit log, read and checked; empty means "keep what is there"."""

    row: int
    org_name: str
    code: str | None
    visited_on: date
    org_kind: OrgKind | None = None
    chain_id: uuid.UUID | None = None
    kind: str = ""
    visitor_ids: list[uuid.UUID] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    summary: str = ""
    intent: str = ""
    next_follow_up: date | None = None

    @property
    def label(self) -> str:
        """How the window names the row: date and organization."""
        return f"{self.visited_on.isoformat()} {self.org_name}"


def _visitors(cells: Cells, lookups: Lookups) -> list[uuid.UUID]:
    names = cells.read("visitors", split_names)
    if not names:
        # Required even when the visit is on file: whether a row is refused must not depend on
        # what an earlier row stored, or importing the same file twice could differ.
        raise BadCell(msg("visit.no_visitor", "a visit needs at least one visitor"))
    return cells.read("visitors", lambda _: [lookups.member(name) for name in names])


def read_visit_row(cells: Cells, lookups: Lookups) -> ImportedVisitRow:
    """Read and check every cell of a visit row; BadCell for the first one that is wrong."""
    org_name, code = read_name(cells, "org"), read_code(cells)
    visited_on = cells.read("date", cell_date)
    if visited_on is None:
        raise BadCell(
            msg("input.required", "{what} is required", what=msg("field.visit_date", "visit date"))
        )
    row = ImportedVisitRow(cells.row, org_name, code, visited_on)
    kind_text = cells.line("org_kind")
    row.org_kind = cells.read("org_kind", lambda _: org_kind(kind_text)) if kind_text else None
    chain_text = cells.line("chain")
    row.chain_id = cells.read("chain", lambda _: lookups.chain(chain_text)) if chain_text else None
    row.kind = cells.line("visit_kind")
    row.visitor_ids = _visitors(cells, lookups)
    people = cells.note("contacts")
    row.people = cells.read("contacts", lambda _: split_people(people))
    row.summary, row.intent = cells.note("summary"), cells.line("intent")
    row.next_follow_up = cells.read("next_follow_up", cell_date)
    return row


def _contact_ids(
    db: Database, lookups: Lookups, org_id: uuid.UUID, people: list[Person]
) -> list[uuid.UUID]:
    """The contacts met, found by name at the organization or created; a blank title is filled."""
    ids = []
    for person in people:
        found = lookups.contact(org_id, person.name)
        if found is None:
            ids.append(
                save_contact(db, org_id, ContactInput(person.name, person.title, person.phone))
            )
            continue
        if (person.title and not found.title) or (person.phone and not found.phone):
            data = ContactInput(
                found.name,
                title=found.title or person.title,
                phone=found.phone or person.phone,
                email=found.email,
                notes=found.notes,
            )
            save_contact(db, org_id, data, contact_id=found.id)
        ids.append(found.id)
    return ids


class VisitImport:
    """One import of a visit log inside the caller's transaction."""

    def __init__(self, db: Database, session: Session, table: Table) -> None:
        self.db, self.session, self.table = db, session, table
        self.lookups = Lookups(session)
        self.report = SheetImportReport()
        self.group_orgs: dict[str, uuid.UUID] = {}
        self.done_visits: dict[tuple[uuid.UUID, date, str], int] = {}

    def run(self) -> SheetImportReport:
        """Read every row, group them by organization, then store them in row order."""
        read: list[ImportedVisitRow | RowOutcome] = []
        for cells in self.table.data_rows():
            try:
                read.append(read_visit_row(cells, self.lookups))
            except BadCell as exc:
                read.append(RowOutcome(cells.row, "rejected", _label(cells), reason_of(exc)))
        rows = [r for r in read if isinstance(r, ImportedVisitRow)]
        row_group, groups = group_rows({r.row: (name_key(r.org_name), r.code) for r in rows})
        for item in read:
            if isinstance(item, RowOutcome):
                self.report.add(item)
                continue
            group_id = row_group[item.row]
            found: list[tuple[uuid.UUID, date, str]] = []
            work = partial(self._save, item, group_id, groups[group_id], found)
            outcome = in_savepoint(self.session, work, item.row, item.label)
            if outcome.outcome != "rejected" and found:
                self.group_orgs[group_id] = found[0][0]
                self.done_visits.setdefault(found[0], item.row)
            self.report.add(outcome)
        return self.report

    def _org(self, row: ImportedVisitRow, group_id: str, group: OrgGroup) -> uuid.UUID:
        known = self.group_orgs.get(group_id)
        if known is not None:
            return known
        org = match_group(self.session, group)
        if org is not None:
            return org.id
        data = OrgInput(
            row.org_name,
            kind=row.org_kind or OrgKind.ENTERPRISE,
            credit_code=group.codes[0] if group.codes else None,
            chain_id=row.chain_id,
        )
        return save_org(self.db, data).id

    def _save(
        self,
        row: ImportedVisitRow,
        group_id: str,
        group: OrgGroup,
        found: list[tuple[uuid.UUID, date, str]],
    ) -> RowOutcome:
        org_id = self._org(row, group_id, group)
        key = (org_id, row.visited_on, row.summary)
        found.append(key)
        first = self.done_visits.get(key)
        if first is not None:
            same = msg("import.same_visit", "same visit as row {row}", row=first)
            return RowOutcome(row.row, "unchanged", row.label, same)
        before = change_mark(self.session)
        contact_ids = _contact_ids(self.db, self.lookups, org_id, row.people)
        visit = self._existing(key)
        if visit is None:
            save_visit(self.db, self._fresh(row, org_id, contact_ids))
            return RowOutcome(row.row, "created", row.label)
        save_visit(self.db, self._merged(visit, row, contact_ids), visit_id=visit.id)
        changed = change_mark(self.session) != before
        return RowOutcome(row.row, "updated" if changed else "unchanged", row.label)

    def _existing(self, key: tuple[uuid.UUID, date, str]) -> Visit | None:
        return same_visit(self.session, *key)

    @staticmethod
    def _fresh(
        row: ImportedVisitRow, org_id: uuid.UUID, contact_ids: list[uuid.UUID]
    ) -> VisitInput:
        return VisitInput(
            visited_on=row.visited_on,
            org_id=org_id,
            visitor_ids=row.visitor_ids,
            kind=row.kind or DEFAULT_VISIT_KIND,
            summary=row.summary,
            intent=row.intent,
            next_follow_up=row.next_follow_up,
            contact_ids=contact_ids,
            chain_id=row.chain_id,
        )

    def _merged(
        self, visit: Visit, row: ImportedVisitRow, contact_ids: list[uuid.UUID]
    ) -> VisitInput:
        """The visit as it is, with the row's non-empty cells on top."""
        kind = self.session.get(CatalogItem, visit.kind_id) if visit.kind_id else None
        return VisitInput(
            visited_on=visit.visited_on,
            org_id=visit.org_id,
            visitor_ids=row.visitor_ids,
            kind=row.kind or (kind.name if kind else DEFAULT_VISIT_KIND),
            summary=visit.summary,
            intent=row.intent or visit.intent,
            next_follow_up=row.next_follow_up or visit.next_follow_up,
            contact_ids=contact_ids or contacts_met(self.session, visit.id),
            project_id=visit.project_id,
            chain_id=row.chain_id or visit.chain_id,
        )


def _label(cells: Cells) -> str:
    try:
        return cells.line("org")
    except ValueError:
        return ""
