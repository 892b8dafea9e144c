"""Storing many new visits at once: the rows of a batch share one insert per table.

A new visit is built here with exactly the values `save_visit` would store, after the same
checks, as plain values; a whole batch's new records are then inserted together
(`stamping.insert_made_here`: the same stamps and history rows as a flush of the same objects).
Whatever this way does not take on (a visit already on file, a contact to complete, a check
that would fail) goes through the ordinary services in a savepoint of its own, as every row
used to; `VisitImport` decides which.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable, MutableMapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from fieldlog.domain.ids import new_id, pair_id
from fieldlog.domain.messages import msg
from fieldlog.domain.text import clean_name, normalize_phone
from fieldlog.domain.vocabulary import Intent, code_or_kept
from fieldlog.services.errors import InvalidInput
from fieldlog.services.imports.import_report import RowOutcome
from fieldlog.services.orgs.orgs import OrgInput
from fieldlog.services.orgs.orgs import _org_fields as org_fields
from fieldlog.services.validate import checked, note, optional_name, required_date, sane_date
from fieldlog.store.models import Chain, Contact, Organization, Visit, VisitContact, VisitVisitor
from fieldlog.store.repositories.common import catalog_entry, get_live
from fieldlog.store.stamping import NewRecord

#: Rows stored together (one insert per table; on a server, under one SAVEPOINT).
BATCH_ROWS = 500

#: Told how far an import is: (step, rows done, rows in all — 0 while still unknown). Returning
#: False asks the import to stop: it then stores nothing.
Progress = Callable[[str, int, int], "bool | None"]


class StoreAgain(Exception):
    """What an import stored must be stored again, by `importer` (called as the first was).

    Raised by an import that holds its transaction alone: SQLite journals every page a
    savepoint's writes touch, again in each savepoint nested in it, so a large import keeps
    no savepoint around the whole of its work. Its caller rolls the transaction back instead
    and runs `importer` in a new one.
    """

    def __init__(self, importer: Callable[..., Any]) -> None:
        super().__init__("stored again")
        self.importer = importer


class ImportCancelled(InvalidInput):
    """The person stopped the import; nothing was stored."""


def tell(progress: Progress | None, step: str, done: int, total: int) -> None:
    """Tell `progress` how far the import is; ImportCancelled when it answers False."""
    if progress is not None and progress(step, done, total) is False:
        raise ImportCancelled(
            msg("import.cancelled", "the import was cancelled; nothing was stored")
        )


class Journal:
    """The changes a batch made to the import's own maps, undone if the batch is rolled back."""

    def __init__(self) -> None:
        self._undo: list[tuple[MutableMapping[Any, Any], Hashable, bool, Any]] = []

    def put(self, mapping: MutableMapping[Any, Any], key: Hashable, value: Any) -> None:
        """`mapping[key] = value`, remembered."""
        self._undo.append((mapping, key, key in mapping, mapping.get(key)))
        mapping[key] = value

    def keep(self) -> None:
        """The batch is committed: forget how to undo it."""
        self._undo.clear()

    def undo(self) -> None:
        """Put every map back as it was when the batch began."""
        for mapping, key, had, old in reversed(self._undo):
            if had:
                mapping[key] = old
            else:
                del mapping[key]
        self._undo.clear()


@dataclass(frozen=True)
class VisitValues:
    """A new visit's stored values, checked as `save_visit` checks them."""

    fields: dict[str, object]


class CatalogKinds:
    """Visit kinds by name, read once each (an import adds none)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._found: dict[str, uuid.UUID | ValueError] = {}

    def kind_id(self, name: str) -> uuid.UUID:
        """The id of the live visit kind `name`; the store's refusal when there is none."""
        key = name.strip()
        if key not in self._found:
            try:
                self._found[key] = checked(
                    lambda: catalog_entry(self.session, "visit_kind", name)
                ).id
            except ValueError as exc:
                # Kept without where it was raised: its traceback's frames would keep the rows
                # of the batch being stored then (and each raise again adds the current ones).
                exc.__context__ = exc.__cause__ = None
                self._found[key] = exc.with_traceback(None)
        found = self._found[key]
        if isinstance(found, ValueError):
            raise found.with_traceback(None)
        return found


def visit_values(
    kinds: CatalogKinds,
    *,
    visited_on: Any,
    org_id: uuid.UUID,
    org_chain: uuid.UUID | None,
    kind: str,
    summary: str,
    intent: str,
    next_follow_up: Any,
    chain_id: uuid.UUID | None,
) -> VisitValues:
    """What `save_visit` stores for a new visit (its `_fields`), or its ValueError."""
    on = required_date(visited_on, msg("field.visit_date", "visit date"))
    follow_up = sane_date(next_follow_up, msg("field.next_follow_up_date", "next follow-up date"))
    if follow_up is not None and follow_up < on:
        raise InvalidInput(
            msg("visit.follow_up_before", "the next follow-up date is before the visit")
        )
    fields: dict[str, object] = {
        "visited_on": on,
        "org_id": org_id,
        "kind_id": kinds.kind_id(kind),
        "chain_id": chain_id or org_chain,
        "project_id": None,
        "summary": note(summary),
        "intent": checked(lambda: code_or_kept(Intent, intent, "")) if intent else "",
        "next_follow_up": follow_up,
    }
    return VisitValues(fields)


def people_ok(names: list[tuple[str, str, str]]) -> bool:
    """Whether the people of a row can be stored as contacts without a refusal, each name once."""
    seen: set[str] = set()
    try:
        for name, title, phone in names:
            cleaned = clean_name(name)
            if not cleaned or cleaned in seen:
                return False
            seen.add(cleaned)
            optional_name(title)
            normalize_phone(phone)
    except ValueError:
        return False
    return True


def new_contact(
    made: list[NewRecord], org_id: uuid.UUID, name: str, title: str, phone: str
) -> uuid.UUID:
    """Add a contact as `save_contact` would store it (checked by `people_ok` first)."""
    values = {
        "id": new_id(),
        "org_id": org_id,
        "name": clean_name(name),
        "title": optional_name(title),
        "phone": normalize_phone(phone),
        "email": optional_name(""),
        "notes": note(""),
    }
    made.append((Contact, values))
    return values["id"]  # type: ignore[return-value]


def new_org(session: Session, made: list[NewRecord], data: OrgInput) -> uuid.UUID:
    """Add an organization no record matches, as `save_org` creates one (no tags)."""
    fields = org_fields(data)
    if isinstance(fields["chain_id"], uuid.UUID):
        checked(lambda: get_live(session, Chain, fields["chain_id"], "chain"))  # type: ignore[arg-type]
    org_id = new_id()
    made.append((Organization, {"id": org_id, **fields}))
    return org_id


def new_visit(
    made: list[NewRecord],
    values: VisitValues,
    visitor_ids: list[uuid.UUID],
    contact_ids: list[uuid.UUID],
) -> uuid.UUID:
    """Add the visit and its visitor and contact rows, as `save_visit` makes them."""
    visit_id = new_id()
    made.append((Visit, {"id": visit_id, **values.fields}))
    for member_id in set(visitor_ids):
        link = {"id": pair_id(visit_id, member_id), "visit_id": visit_id, "member_id": member_id}
        made.append((VisitVisitor, link))
    for contact_id in set(contact_ids):
        met = {"id": pair_id(visit_id, contact_id), "visit_id": visit_id, "contact_id": contact_id}
        made.append((VisitContact, met))
    return visit_id


def created(row: int, label: str) -> RowOutcome:
    """The outcome of a row stored as a new visit."""
    return RowOutcome(row, "created", label)
