"""Importing a visit log (走访明细) row by row into visits, creating organizations as needed."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from sqlalchemy.orm import Session, SessionTransaction

from fieldlog.domain.messages import msg
from fieldlog.domain.text import clean_name, name_key, normalize_phone
from fieldlog.domain.vocabulary import OrgKind
from fieldlog.excel.values import BadCell, Person, cell_date, split_names, split_people
from fieldlog.services.imports.import_batch import (
    BATCH_ROWS,
    CatalogKinds,
    Journal,
    Progress,
    created,
    new_contact,
    new_org,
    new_visit,
    people_ok,
    tell,
    visit_values,
)
from fieldlog.services.imports.import_lookup import Lookups, org_kind
from fieldlog.services.imports.import_match import OrgGroup, group_rows, match_all, match_group
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
from fieldlog.services.validate import optional_name
from fieldlog.services.visits.visits import VisitInput, save_visit
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Organization, Visit
from fieldlog.store.repositories.import_rows import (
    ContactRef,
    OrgRef,
    live_contacts_by_name,
    live_visit_keys,
)
from fieldlog.store.repositories.visit_entry_rows import contacts_met, same_visit
from fieldlog.store.stamping import NewRecord, insert_made_here
from fieldlog.sync import deferred

DEFAULT_VISIT_KIND = "上门走访"


@dataclass(slots=True)
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
    """One import of a visit log inside the caller's transaction.

    New visits are stored a batch at a time (`import_batch`); a row the batch way does not
    take on goes alone through the ordinary services in its own savepoint, and so does every
    row of a batch that failed unexpectedly. `batched=False` stores every row that careful way.
    """

    def __init__(
        self,
        db: Database,
        session: Session,
        table: Table,
        *,
        progress: Progress | None = None,
        batched: bool = True,
    ) -> None:
        self.db, self.session, self.table = db, session, table
        self.lookups = Lookups(session)
        self.report = SheetImportReport()
        self.group_orgs: dict[str, uuid.UUID] = {}
        self.done_visits: dict[tuple[uuid.UUID, date, str], int] = {}
        self.progress, self.batched = progress, batched
        self.journal = Journal()
        #: the new records of the batch being stored, inserted together when it is committed.
        self.made: list[NewRecord] = []
        self.kinds = CatalogKinds(session)
        self.org_chain: dict[uuid.UUID, uuid.UUID | None] = {}
        #: contacts the batch way added: (organization, cleaned name) → id.
        self.added_contacts: dict[tuple[uuid.UUID, str], ContactRef] = {}
        #: organizations the batch way created, whose every contact it added itself.
        self.fresh_orgs: dict[uuid.UUID, bool] = {}
        self.row_group: dict[int, str] = {}
        self.groups: dict[str, OrgGroup] = {}
        #: read ahead: each group's organization on file, their visits and contacts.
        self.matched: dict[str, OrgRef | None] = {}
        self.visits_on_file: set[tuple[uuid.UUID, date, str]] = set()
        self.contacts_on_file: dict[tuple[uuid.UUID, str], ContactRef] = {}
        self.read_orgs: set[uuid.UUID] = set()
        self._texts: dict[str, str] = {}
        self._days: dict[date, date] = {}
        self._lists: dict[tuple[Any, ...], Any] = {}

    def _read_ahead(self) -> None:
        """Match every group and read its organization's visits and contacts, in bulk."""
        self.matched = match_all(self.session, self.groups)
        self.read_orgs = {org.id for org in self.matched.values() if org is not None}
        for org in self.matched.values():
            if org is not None:
                self.org_chain.setdefault(org.id, org.chain_id)
        self.visits_on_file = live_visit_keys(self.session, self.read_orgs)
        self.contacts_on_file = live_contacts_by_name(self.session, self.read_orgs)

    def run(self) -> SheetImportReport:
        """Read every row, group them by organization, then store them in row order."""
        read: list[ImportedVisitRow | RowOutcome] = []
        for cells in self.table.data_rows():
            try:
                read.append(self._shared(read_visit_row(cells, self.lookups)))
            except BadCell as exc:
                read.append(RowOutcome(cells.row, "rejected", _label(cells), reason_of(exc)))
            if len(read) % 1000 == 0:
                tell(self.progress, "reading", len(read), 0)
        self._texts.clear()
        self._days.clear()
        self._lists.clear()
        rows = [r for r in read if isinstance(r, ImportedVisitRow)]
        self.row_group, self.groups = group_rows(
            {r.row: (name_key(r.org_name), r.code) for r in rows}
        )
        del rows
        if self.batched:
            self._read_ahead()
        total = len(read)
        tell(self.progress, "storing", 0, total)
        # A large sheet brings the search index and follow-ups of what it wrote up to date once,
        # at the end (a cancel or a failure rolls the deferral back with everything else).
        derived = deferred.defer(self.session, total)
        step = BATCH_ROWS if self.batched else 1
        for start in range(0, total, step):
            batch = read[start : start + step]
            if self.batched:
                self._store_batch(batch)
            else:
                for item in batch:
                    self.report.add(item if isinstance(item, RowOutcome) else self._careful(item))
            read[start : start + step] = [None] * len(batch)  # type: ignore[list-item]
            tell(self.progress, "storing", min(start + step, total), total)
        self.session.flush()
        derived.catch_up(self.session)
        return self.report

    def _shared(self, row: ImportedVisitRow) -> ImportedVisitRow:
        """The row holding the same name, code and day objects as earlier rows with equal ones:
        a large sheet names each organization many times, and every row is kept until all are
        read (a group's organization may depend on a row further down)."""
        texts = self._texts
        row.org_name = texts.setdefault(row.org_name, row.org_name)
        if row.code is not None:
            row.code = texts.setdefault(row.code, row.code)
        row.kind, row.intent = (
            texts.setdefault(row.kind, row.kind),
            texts.setdefault(row.intent, row.intent),
        )
        row.visited_on = self._days.setdefault(row.visited_on, row.visited_on)
        # Never changed once read: rows with the same visitors or people can hold one list.
        row.visitor_ids = self._lists.setdefault(tuple(row.visitor_ids), row.visitor_ids)
        row.people = self._lists.setdefault(tuple(row.people), row.people)
        return row

    def _store_batch(self, batch: list[ImportedVisitRow | RowOutcome]) -> None:
        """Store the rows under one savepoint; a row the batch way leaves goes alone."""
        savepoint = self.session.begin_nested()
        outcomes: list[RowOutcome] = []
        position = 0
        try:
            with self.session.no_autoflush:
                for item in batch:
                    outcome = item if isinstance(item, RowOutcome) else self._fast(item)
                    if outcome is None:
                        self._commit(savepoint, outcomes)
                        outcomes = []
                        self.report.add(self._careful(item))  # type: ignore[arg-type]
                        savepoint = self.session.begin_nested()
                    else:
                        outcomes.append(outcome)
                    position += 1
            self._commit(savepoint, outcomes)
        except ValueError:
            # Not foreseen: do this batch again the careful way, row by row.
            self.made.clear()
            savepoint.rollback()
            self.journal.undo()
            first = position - len(outcomes)
            for item in batch[first:]:
                self.report.add(item if isinstance(item, RowOutcome) else self._careful(item))

    def _commit(self, savepoint: SessionTransaction, outcomes: list[RowOutcome]) -> None:
        self.session.flush()
        insert_made_here(self.session, self.made)
        self.made.clear()
        savepoint.commit()
        self.journal.keep()
        for outcome in outcomes:
            self.report.add(outcome)

    def _careful(self, item: ImportedVisitRow) -> RowOutcome:
        """One row through the ordinary services, in a savepoint of its own."""
        autoflush, self.session.autoflush = self.session.autoflush, True
        try:
            return self._alone(item)
        finally:
            self.session.autoflush = autoflush

    def _alone(self, item: ImportedVisitRow) -> RowOutcome:
        group_id = self.row_group[item.row]
        found: list[tuple[uuid.UUID, date, str]] = []
        work = partial(self._save, item, group_id, self.groups[group_id], found)
        outcome = in_savepoint(self.session, work, item.row, item.label)
        if found:  # what it met there is no longer what was read ahead
            self.fresh_orgs.pop(found[0][0], None)
            self.read_orgs.discard(found[0][0])
        if outcome.outcome != "rejected" and found:
            self.group_orgs[group_id] = found[0][0]
            self.done_visits.setdefault(found[0], item.row)
        return outcome

    def _fast(self, row: ImportedVisitRow) -> RowOutcome | None:
        """Store a new visit the batch way; None when the row must go the careful way."""
        group_id = self.row_group[row.row]
        group = self.groups[group_id]
        org_id = self.group_orgs.get(group_id)
        if org_id is None:
            org = self.matched.get(group_id)
            org_id = org.id if org is not None else None
        if org_id is not None:
            key = (org_id, row.visited_on, row.summary)
            first = self.done_visits.get(key)
            if first is not None:
                same = msg("import.same_visit", "same visit as row {row}", row=first)
                return RowOutcome(row.row, "unchanged", row.label, same)
            if self._on_file(key):
                return None
        people = [(p.name, p.title, p.phone) for p in row.people]
        if not people_ok(people):
            return None
        met: list[uuid.UUID | None] = [None] * len(people)
        for index, (name, title, phone) in enumerate(people if org_id else []):
            found = self._known_contact(org_id, name)  # type: ignore[arg-type]
            if found is not None and ((title and not found.title) or (phone and not found.phone)):
                return None  # a contact to complete: the services' business
            met[index] = found.id if found is not None else None
        try:
            values = visit_values(
                self.kinds,
                visited_on=row.visited_on,
                org_id=org_id or uuid.UUID(int=0),
                org_chain=self._chain_of(org_id),
                kind=row.kind or DEFAULT_VISIT_KIND,
                summary=row.summary,
                intent=row.intent,
                next_follow_up=row.next_follow_up,
                chain_id=row.chain_id,
            )
        except ValueError:
            return None
        if org_id is None:
            org_id = self._new_org(row, group)
            values.fields["org_id"] = org_id
            values.fields["chain_id"] = row.chain_id or self._chain_of(org_id)
        contact_ids = []
        for (name, title, phone), known in zip(people, met, strict=True):
            if known is None:
                known = new_contact(self.made, org_id, name, title, phone)
                stored = ContactRef(known, optional_name(title), normalize_phone(phone))
                self.journal.put(self.added_contacts, (org_id, clean_name(name)), stored)
            contact_ids.append(known)
        new_visit(self.made, values, row.visitor_ids, contact_ids)
        self.journal.put(self.group_orgs, group_id, org_id)
        key = (org_id, row.visited_on, row.summary)
        if key not in self.done_visits:
            self.journal.put(self.done_visits, key, row.row)
        return created(row.row, row.label)

    def _on_file(self, key: tuple[uuid.UUID, date, str]) -> bool:
        """Whether a visit with this key was on file before the import (ones it stored are in
        done_visits)."""
        if key[0] in self.fresh_orgs:
            return False
        if key[0] in self.read_orgs:
            return key in self.visits_on_file
        return same_visit(self.session, *key) is not None

    def _known_contact(self, org_id: uuid.UUID, name: str) -> ContactRef | None:
        """The earliest live contact of this name at the organization, as `Lookups.contact`."""
        cleaned = clean_name(name)
        added = self.added_contacts.get((org_id, cleaned))
        if added is not None or org_id in self.fresh_orgs:
            return added
        if org_id in self.read_orgs:
            return self.contacts_on_file.get((org_id, cleaned))
        found = self.lookups.contact(org_id, name)
        return ContactRef(found.id, found.title, found.phone) if found is not None else None

    def _chain_of(self, org_id: uuid.UUID | None) -> uuid.UUID | None:
        if org_id is None:
            return None
        if org_id not in self.org_chain:
            org = self.session.get(Organization, org_id)
            self.org_chain[org_id] = org.chain_id if org is not None else None
        return self.org_chain[org_id]

    def _new_org(self, row: ImportedVisitRow, group: OrgGroup) -> uuid.UUID:
        data = OrgInput(
            row.org_name,
            kind=row.org_kind or OrgKind.ENTERPRISE,
            credit_code=group.codes[0] if group.codes else None,
            chain_id=row.chain_id,
        )
        org_id = new_org(self.session, self.made, data)
        self.journal.put(self.fresh_orgs, org_id, True)
        self.journal.put(self.org_chain, org_id, row.chain_id)
        return org_id

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
