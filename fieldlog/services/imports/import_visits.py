"""Importing a visit log (走访明细) row by row into visits, creating organizations as needed."""

from __future__ import annotations

import hashlib
import uuid
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from sqlalchemy.orm import Session, SessionTransaction

from fieldlog.domain.messages import carried, msg
from fieldlog.domain.text import clean_name, name_key, normalize_phone
from fieldlog.domain.vocabulary import OrgKind
from fieldlog.excel.values import BadCell, Person, cell_date, split_names, split_people
from fieldlog.services.imports.import_batch import (
    BATCH_ROWS,
    CatalogKinds,
    Journal,
    Progress,
    StoreAgain,
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
from fieldlog.store.stamping import NewRecord, made_here_writes
from fieldlog.sync import deferred

DEFAULT_VISIT_KIND = "上门走访"

#: (name key, credit code or None): what groups the rows naming one organization.
NamePair = tuple[str, str | None]


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
        alone: bool = False,
        looked: tuple[int, list[NamePair]] | None = None,
    ) -> None:
        self.db, self.session, self.table = db, session, table
        #: Whether the transaction is this import's alone (see `run`).
        self.alone = alone
        #: The first look's answer, when an earlier attempt had it (`_first_look`).
        self.looked = looked
        self.lookups = Lookups(session)
        self.report = SheetImportReport()
        self.group_orgs: dict[str, uuid.UUID] = {}
        #: the visits stored so far (`_visit_mark` of their key) → the row that stored each.
        self.done_visits: dict[bytes, int] = {}
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
        #: name key → its group (every row naming an organization the same way is in one).
        self.name_group: dict[str, str] = {}
        self.groups: dict[str, OrgGroup] = {}
        #: read ahead: each group's organization on file, their visits and contacts.
        self.matched: dict[str, OrgRef | None] = {}
        #: the live visits on file of those organizations, each as its `_visit_mark`.
        self.visits_on_file: set[bytes] = set()
        self.contacts_on_file: dict[tuple[uuid.UUID, str], ContactRef] = {}
        self.read_orgs: set[uuid.UUID] = set()

    def _read_ahead(self) -> None:
        """Match every group and read its organization's visits and contacts, in bulk."""
        self.matched = match_all(self.session, self.groups)
        self.read_orgs = {org.id for org in self.matched.values() if org is not None}
        for org in self.matched.values():
            if org is not None:
                self.org_chain.setdefault(org.id, org.chain_id)
        self.visits_on_file = {
            _visit_mark(key) for key in live_visit_keys(self.session, self.read_orgs)
        }
        self.contacts_on_file = live_contacts_by_name(self.session, self.read_orgs)

    def run(self) -> SheetImportReport:
        """Group the rows by organization, then read and store them in row order.

        A group's organization may depend on a row further down, so the groups must be known
        before the first row is stored, yet a large sheet's rows are too many to hold. The
        sheet is therefore read twice: first its names and codes (`_first_look`), then row by
        row as they are stored. The groups are those of the rows that are not refused; should
        the rows as stored still give other groups than the first look's (the file changed in
        between), what was stored is rolled back and stored again with theirs: under a savepoint
        inside a caller's unit of work; when the transaction is the import's `alone`, by
        rolling it back (StoreAgain), which costs nothing while the rows are stored.
        """
        total, pairs = self.looked or self._first_look()
        tell(self.progress, "storing", 0, total)
        # A large sheet brings the search index and follow-ups of what it wrote up to date once,
        # at the end (a cancel or a failure rolls the deferral back with everything else, and
        # puts back the page cache it raised, which belongs to the connection).
        with deferred.deferring(self.session, total) as derived:
            attempt = None if self.alone else self.session.begin_nested()
            exact = self._store_all(pairs, total)
            while exact is not None:
                if attempt is None:
                    raise StoreAgain(partial(self._again, (total, exact)))
                attempt.rollback()
                self._forget()
                tell(self.progress, "storing", 0, total)
                attempt = self.session.begin_nested()
                exact = self._store_all(exact, total)
            if attempt is not None:
                attempt.commit()
            self.session.flush()
            derived.catch_up(self.session)
        return self.report

    def _again(
        self,
        looked: tuple[int, list[NamePair]],
        db: Database,
        session: Session,
        table: Table,
        progress: Progress | None,
        alone: bool,
    ) -> SheetImportReport:
        """This import once more, in a new transaction, with the groups of the rows as read."""
        again = VisitImport(
            db, session, table, progress=progress, batched=self.batched, alone=alone, looked=looked
        )
        return again.run()

    def _first_look(self) -> tuple[int, list[NamePair]]:
        """The number of data rows, and the (name key, code) pair of each organization the
        rows that are not refused name, once each in the order of the first such row: all
        `group_rows` needs. Only the names and codes are read, and the whole of a row only
        when its pair has no row yet that is not refused."""
        pairs: dict[NamePair, None] = {}

        def unknown(cells: Cells) -> bool:
            pair = _pair(cells)
            return pair is not None and pair not in pairs

        total = 0
        for cells in self.table.first_look(("org", "credit_code"), whole=unknown):
            total += 1
            pair = _pair(cells)
            if pair is not None and pair not in pairs:
                with suppress(BadCell):  # a refused row groups nothing
                    read_visit_row(cells, self.lookups)
                    pairs[pair] = None
            if total % 1000 == 0:
                tell(self.progress, "reading", total, 0)
        return total, list(pairs)

    def _group(self, pairs: list[NamePair]) -> None:
        """Group the organizations the rows name; match the groups when storing by batches."""
        row_group, self.groups = group_rows(dict(enumerate(pairs)))
        self.name_group = {name: row_group[index] for index, (name, _) in enumerate(pairs)}
        if self.batched:
            self._read_ahead()

    def _store_all(self, pairs: list[NamePair], total: int) -> list[NamePair] | None:
        """Read every row and store it, with the groups of `pairs`; None when the rows stored
        give these groups, else the pairs of the rows as read (nothing stored is then right:
        the rows after the first that does not fit the groups are only read)."""
        self._group(pairs)
        found: dict[NamePair, None] = {}
        fits = True
        step = BATCH_ROWS if self.batched else 1
        batch: list[ImportedVisitRow | RowOutcome] = []
        done = 0
        for cells in self.table.data_rows(mapped_only=True):
            item: ImportedVisitRow | RowOutcome
            try:
                row = read_visit_row(cells, self.lookups)
            except BadCell as exc:
                item = RowOutcome(cells.row, "rejected", _label(cells), reason_of(exc))
            else:
                key = name_key(row.org_name)
                found[key, row.code] = None
                fits = fits and key in self.name_group
                item = row
            if not fits:
                continue
            batch.append(item)
            if len(batch) == step:
                self._store(batch)
                done += len(batch)
                batch = []
                tell(self.progress, "storing", done, total)
        if fits and batch:
            self._store(batch)
            tell(self.progress, "storing", done + len(batch), total)
        rows = list(found)
        if fits and (rows == pairs or _same_groups(self.groups, self.name_group, rows)):
            return None
        return rows

    def _store(self, batch: list[ImportedVisitRow | RowOutcome]) -> None:
        if self.batched:
            self._store_batch(batch)
            return
        for item in batch:
            self.report.add(item if isinstance(item, RowOutcome) else self._careful(item))

    def _forget(self) -> None:
        """Forget what a rolled-back storing learnt (the organizations, visits and contacts it
        stored, its report)."""
        self.report = SheetImportReport()
        self.group_orgs.clear()
        self.done_visits.clear()
        self.org_chain.clear()
        self.added_contacts.clear()
        self.fresh_orgs.clear()
        self.made.clear()
        self.journal.keep()

    def _store_batch(self, batch: list[ImportedVisitRow | RowOutcome]) -> None:
        """Store the rows together (`_batch_savepoint`); a row the batch way leaves goes alone."""
        savepoint = self._batch_savepoint()
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
                        savepoint = self._batch_savepoint()
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

    def _batch_savepoint(self) -> SessionTransaction | _Unjournaled:
        """What undoes a batch's writes when it is done again the careful way: a savepoint,
        except on SQLite, where it would write a copy of every page the batch changes into a
        journal (about twenty per row), and where nothing needs undoing: a batch writes only in
        `_commit`, which converts every value before it writes the first row."""
        if self.session.get_bind().dialect.name == "sqlite":
            return _Unjournaled()
        return self.session.begin_nested()

    def _commit(
        self, savepoint: SessionTransaction | _Unjournaled, outcomes: list[RowOutcome]
    ) -> None:
        self.session.flush()
        writes = made_here_writes(self.session, self.made)  # failing here, it wrote nothing
        self.made.clear()
        connection = self.session.connection()
        try:
            for write in writes:
                write.write(connection)
        except ValueError as exc:
            if isinstance(savepoint, _Unjournaled):  # written in part: nothing undoes it
                raise RuntimeError(
                    msg(
                        "import.written_in_part",
                        "new rows could not be written whole ({detail}); nothing was stored",
                        detail=carried(exc),
                    )
                ) from exc
            raise
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
        group_id = self.name_group[name_key(item.org_name)]
        found: list[tuple[uuid.UUID, date, str]] = []
        work = partial(self._save, item, group_id, self.groups[group_id], found)
        outcome = in_savepoint(self.session, work, item.row, item.label)
        if found:
            # Its contacts may have been added or completed: read again. Its visits on file
            # stand (a row changes no visit's organization, day or summary, and the visits the
            # import stored are in done_visits, which is asked first); one the import made had
            # none before it.
            org_id = found[0][0]
            fresh = self.fresh_orgs.pop(org_id, False)
            if fresh or org_id in self.read_orgs or self.matched.get(group_id) is None:
                self.contacts_on_file.update(live_contacts_by_name(self.session, (org_id,)))
                self.read_orgs.add(org_id)
        if outcome.outcome != "rejected" and found:
            self.group_orgs[group_id] = found[0][0]
            self.done_visits.setdefault(_visit_mark(found[0]), item.row)
        return outcome

    def _fast(self, row: ImportedVisitRow) -> RowOutcome | None:
        """Store a new visit the batch way; None when the row must go the careful way."""
        group_id = self.name_group[name_key(row.org_name)]
        group = self.groups[group_id]
        org_id = self.group_orgs.get(group_id)
        if org_id is None:
            org = self.matched.get(group_id)
            org_id = org.id if org is not None else None
        if org_id is not None:
            key = (org_id, row.visited_on, row.summary)
            mark = _visit_mark(key)
            first = self.done_visits.get(mark)
            if first is not None:
                same = msg("import.same_visit", "same visit as row {row}", row=first)
                return RowOutcome(row.row, "unchanged", row.label, same)
            if self._on_file(key, mark):
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
        mark = _visit_mark((org_id, row.visited_on, row.summary))
        if mark not in self.done_visits:
            self.journal.put(self.done_visits, mark, row.row)
        return created(row.row, row.label)

    def _on_file(self, key: tuple[uuid.UUID, date, str], mark: bytes) -> bool:
        """Whether a visit with this key (whose `_visit_mark` is `mark`) was on file before the
        import (ones it stored are in done_visits)."""
        if key[0] in self.fresh_orgs:
            return False
        if key[0] in self.read_orgs:
            return mark in self.visits_on_file
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
        first = self.done_visits.get(_visit_mark(key))
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


class _Unjournaled:
    """A batch's savepoint on SQLite (`VisitImport._batch_savepoint`): nothing to commit or
    roll back."""

    def commit(self) -> None:
        """Nothing: the batch's rows are written."""

    def rollback(self) -> None:
        """Nothing: a batch that failed wrote nothing."""


def _pair(cells: Cells) -> NamePair | None:
    """The row's (name key, code); None when either cell is refused."""
    try:
        return name_key(read_name(cells, "org")), read_code(cells)
    except BadCell:
        return None


def _visit_mark(key: tuple[uuid.UUID, date, str]) -> bytes:
    """A visit's key (organization, day, summary) in 16 bytes: the summaries of a large sheet
    are most of its text, and every stored visit's key is kept to the end of the import, as is
    that of every visit on file of the organizations it names."""
    org_id, day, summary = key
    digest = hashlib.blake2b(org_id.bytes, digest_size=16)
    digest.update(day.toordinal().to_bytes(4, "big"))
    digest.update(summary.encode("utf-8", "surrogatepass"))
    return digest.digest()


def _same_groups(
    groups: dict[str, OrgGroup], name_group: dict[str, str], pairs: list[NamePair]
) -> bool:
    """Whether the rows giving `pairs` make groups with the same names and codes, in the same
    order, as `groups` has for them (a group only other rows make does not matter)."""
    _, exact = group_rows(dict(enumerate(pairs)))
    for group in exact.values():
        other = groups.get(name_group.get(group.names[0], ""))
        if other is None or other.codes != group.codes or other.names != group.names:
            return False
    return True


def _label(cells: Cells) -> str:
    try:
        return cells.line("org")
    except ValueError:
        return ""
