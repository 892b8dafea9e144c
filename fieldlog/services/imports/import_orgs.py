"""Importing a target-company list (目标企业库) row by row into organizations and contacts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from functools import partial

from sqlalchemy.orm import Session

from fieldlog.domain.credit_code import validate_credit_code
from fieldlog.domain.messages import msg
from fieldlog.domain.text import clean_name, name_key
from fieldlog.domain.vocabulary import OrgKind
from fieldlog.excel.values import BadCell, Person, cell_bool, cell_phone, split_names, split_people
from fieldlog.services.imports.import_batch import Progress, tell
from fieldlog.services.imports.import_lookup import Lookups, org_kind
from fieldlog.services.imports.import_match import OrgGroup, group_rows, match_group
from fieldlog.services.imports.import_report import (
    RowOutcome,
    SheetImportReport,
    change_mark,
    in_savepoint,
    reason_of,
)
from fieldlog.services.imports.import_table import Cells, Table
from fieldlog.services.orgs.orgs import ContactInput, OrgInput, save_contact, save_org
from fieldlog.store.database import Database
from fieldlog.store.models import Organization


@dataclass
class ImportedOrgRow:
    """One row of a target-company list, read and checked; empty means "keep what is there"."""

    row: int
    name: str
    code: str | None = None
    kind: OrgKind | None = None
    chain_id: uuid.UUID | None = None
    link_id: uuid.UUID | None = None
    region: str = ""
    address: str = ""
    tags: list[str] = field(default_factory=list)
    is_target: bool | None = None
    phone: str = ""
    notes: str = ""
    people: list[Person] = field(default_factory=list)


def read_name(cells: Cells, name_field: str) -> str:
    """The organization's cleaned name; BadCell when it is missing or too long."""
    name = cells.line(name_field)
    if not name:
        raise BadCell(
            msg(
                "input.required",
                "{what} is required",
                what=msg("field.organization_name", "organization name"),
            )
        )
    return name


def read_code(cells: Cells) -> str | None:
    """The normalized credit code, None when blank; BadCell (the domain's reason) when invalid."""
    text = cells.text("credit_code", 100)
    return cells.read("credit_code", lambda _: validate_credit_code(text)) if text.strip() else None


def read_chain(cells: Cells, lookups: Lookups) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    """(chain, link) named by the row, either may be None."""
    chain_text = cells.line("chain")
    chain = cells.read("chain", lambda _: lookups.chain(chain_text)) if chain_text else None
    link_text = cells.line("link")
    if not link_text:
        return chain, None
    link, chain_of_link = cells.read("link", lambda _: lookups.link(link_text, chain))
    return chain or chain_of_link, link


def _people(cells: Cells) -> tuple[list[Person], str]:
    """Contacts in the row, and a phone given with no contact name (the organization's, then)."""
    name, title = cells.line("contact"), cells.line("contact_title")
    phone = cells.read("contact_phone", cell_phone)
    people = [Person(name, title, phone)] if name else []
    others = cells.note("other_contacts")
    people += cells.read("other_contacts", lambda _: split_people(others))
    unique: dict[str, Person] = {}
    for person in people:
        unique.setdefault(clean_name(person.name), person)
    return list(unique.values()), "" if name else phone


def read_org_row(cells: Cells, lookups: Lookups) -> ImportedOrgRow:
    """Read and check every cell of an org row; BadCell for the first one that is wrong."""
    row = ImportedOrgRow(cells.row, read_name(cells, "name"), read_code(cells))
    kind_text = cells.line("kind")
    row.kind = cells.read("kind", lambda _: org_kind(kind_text)) if kind_text else None
    row.chain_id, row.link_id = read_chain(cells, lookups)
    row.region, row.address = cells.line("region"), cells.line("address")
    row.tags = cells.read("tags", split_names)
    row.is_target = cells.read("is_target", cell_bool)
    row.phone = cells.read("phone", cell_phone)
    row.notes = cells.note("notes")
    row.people, loose_phone = _people(cells)
    row.phone = row.phone or loose_phone
    return row


def _merged(org: Organization, row: ImportedOrgRow) -> OrgInput:
    """The organization as it is, with the row's non-empty cells on top; never renamed."""
    same_chain = row.chain_id is None or row.chain_id == org.chain_id
    link = row.link_id or (org.link_id if same_chain else None)
    return OrgInput(
        name=org.name,
        kind=row.kind or org.kind,
        credit_code=org.credit_code or row.code,
        region=row.region or org.region,
        address=row.address or org.address,
        chain_id=row.chain_id or org.chain_id,
        link_id=link,
        is_target=org.is_target if row.is_target is None else row.is_target,
        phone=row.phone or org.phone,
        notes=row.notes or org.notes,
        tags=row.tags,
    )


def _fresh(row: ImportedOrgRow) -> OrgInput:
    return OrgInput(
        name=row.name,
        kind=row.kind or OrgKind.ENTERPRISE,
        credit_code=row.code,
        region=row.region,
        address=row.address,
        chain_id=row.chain_id,
        link_id=row.link_id,
        is_target=bool(row.is_target),
        phone=row.phone,
        notes=row.notes,
        tags=row.tags,
    )


def save_people(db: Database, lookups: Lookups, org_id: uuid.UUID, people: list[Person]) -> None:
    """Create each person at the organization, or fill in their title and phone."""
    for person in people:
        found = lookups.contact(org_id, person.name)
        if found is None:
            save_contact(db, org_id, ContactInput(person.name, person.title, person.phone))
            continue
        data = ContactInput(
            found.name,
            title=person.title or found.title,
            phone=person.phone or found.phone,
            email=found.email,
            notes=found.notes,
        )
        save_contact(db, org_id, data, contact_id=found.id)


class OrgImport:
    """One import of a target-company list inside the caller's transaction."""

    def __init__(
        self, db: Database, session: Session, table: Table, *, progress: Progress | None = None
    ) -> None:
        self.db, self.session, self.table = db, session, table
        self.progress = progress
        self.lookups = Lookups(session)
        self.report = SheetImportReport()
        self.done_groups: dict[str, int] = {}
        self.done_orgs: dict[uuid.UUID, int] = {}

    def run(self) -> SheetImportReport:
        """Read every row, group them by organization, then store them in row order."""
        read: list[ImportedOrgRow | RowOutcome] = []
        for cells in self.table.data_rows():
            label = _label(cells)
            try:
                read.append(read_org_row(cells, self.lookups))
            except BadCell as exc:
                read.append(RowOutcome(cells.row, "rejected", label, reason_of(exc)))
            if len(read) % 1000 == 0:
                tell(self.progress, "reading", len(read), 0)
        rows = [r for r in read if isinstance(r, ImportedOrgRow)]
        row_group, groups = group_rows({r.row: (name_key(r.name), r.code) for r in rows})
        tell(self.progress, "storing", 0, len(read))
        for done, item in enumerate(read, start=1):
            if isinstance(item, RowOutcome):
                self.report.add(item)
            else:
                group = row_group[item.row]
                self.report.add(self._store(item, group, groups[group]))
            if done % 200 == 0 or done == len(read):
                tell(self.progress, "storing", done, len(read))
        return self.report

    def _store(self, row: ImportedOrgRow, group_id: str, group: OrgGroup) -> RowOutcome:
        first = self.done_groups.get(group_id)
        org = match_group(self.session, group) if first is None else None
        if org is not None and org.id in self.done_orgs:
            first = self.done_orgs[org.id]
        if first is not None:
            same = msg("import.same_org", "same organization as row {row}", row=first)
            return RowOutcome(row.row, "unchanged", row.name, same)
        saved: list[uuid.UUID] = []
        work = partial(self._save, row, org, saved)
        outcome = in_savepoint(self.session, work, row.row, row.name)
        if outcome.outcome != "rejected":
            self.done_groups[group_id] = row.row
            self.done_orgs[saved[0]] = row.row
        return outcome

    def _save(
        self, row: ImportedOrgRow, org: Organization | None, saved: list[uuid.UUID]
    ) -> RowOutcome:
        before = change_mark(self.session)
        if org is None:
            org_id, label = save_org(self.db, _fresh(row)).id, row.name
        else:
            org_id, label = org.id, org.name
            save_org(self.db, _merged(org, row), org_id=org.id, keep_tags=True)
        save_people(self.db, self.lookups, org_id, row.people)
        saved.append(org_id)
        if org is None:
            return RowOutcome(row.row, "created", label)
        changed = change_mark(self.session) != before
        return RowOutcome(row.row, "updated" if changed else "unchanged", label)


def _label(cells: Cells) -> str:
    try:
        return cells.line("name")
    except ValueError:
        return ""
