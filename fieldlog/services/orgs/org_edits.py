"""Undoable changes of organizations and contacts: each step has a service call that reverses it.

An edit of a stored organization or contact writes only what its form changed
(`services/edits.py`), so what another user changed meanwhile stays; undo is the same edit back.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from fieldlog.domain.credit_code import is_valid_credit_code, normalize_credit_code
from fieldlog.domain.messages import msg
from fieldlog.domain.text import normalize_phone
from fieldlog.services.edits import merge_edit, save_edit
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs.org_directory import org_input
from fieldlog.services.orgs.orgs import ContactInput, OrgInput, delete_org, save_contact, save_org
from fieldlog.services.validate import note, optional_name, user_errors
from fieldlog.store.database import Database
from fieldlog.store.models import Contact, Organization
from fieldlog.store.repositories.common import get_any, get_live
from fieldlog.store.repositories.org_rows import merged_into


def restore_org(db: Database, org_id: uuid.UUID) -> None:
    """Undo the delete of an organization (not of a merge: the alias keeps it merged)."""
    with db.begin() as session:
        with user_errors():
            org = get_any(session, Organization, org_id, "organization")
        if merged_into(session, org_id) is not None:
            raise InvalidInput(
                msg(
                    "org.merged_away",
                    "{name} was merged into another record and cannot come back",
                    name=org.name,
                )
            )
        org.deleted = False


def delete_contact(db: Database, contact_id: uuid.UUID) -> None:
    """Tombstone a contact (undo of adding one)."""
    with db.begin() as session:
        get_live(session, Contact, contact_id, "contact").deleted = True


def restore_contact(db: Database, contact_id: uuid.UUID) -> None:
    """Bring back a tombstoned contact."""
    with db.begin() as session, user_errors():
        get_any(session, Contact, contact_id, "contact").deleted = False


def _stored(value: str | None, clean: Callable[[str | None], str | None]) -> str | None:
    """Text as it would be stored, or as typed when it could not be (the save refuses it)."""
    try:
        return clean(value)
    except (InvalidInput, ValueError):
        return value


def _org_as_stored(data: OrgInput) -> OrgInput:
    # The form's text compared as stored: an address typed with spaces around it, saved and
    # undone, is the user's own value, not another user's change.
    code = data.credit_code
    return replace(
        data,
        name=_stored(data.name, optional_name) or "",
        credit_code=(normalize_credit_code(code) if code and is_valid_credit_code(code) else code),
        region=_stored(data.region, optional_name) or "",
        address=_stored(data.address, optional_name) or "",
        phone=_stored(data.phone, normalize_phone) or "",
        notes=_stored(data.notes, note) or "",
    )


def _contact_as_stored(data: ContactInput) -> ContactInput:
    return replace(
        data,
        name=_stored(data.name, optional_name) or "",
        title=_stored(data.title, optional_name) or "",
        phone=_stored(data.phone, normalize_phone) or "",
        email=_stored(data.email, optional_name) or "",
        notes=_stored(data.notes, note) or "",
    )


def edit_org(db: Database, org_id: uuid.UUID, after: OrgInput, before: OrgInput) -> bool:
    """Save the fields (and tags) a form changed from `before` to `after` over what is stored
    now; False when it changed nothing (nothing is written)."""
    with db.begin() as session:
        org = get_live(session, Organization, org_id, "organization")
        merged = merge_edit(_org_as_stored(before), _org_as_stored(after), org_input(session, org))
        return save_edit(session, org, merged, lambda data: save_org(db, data, org_id))


def edit_contact(
    db: Database,
    org_id: uuid.UUID,
    contact_id: uuid.UUID,
    after: ContactInput,
    before: ContactInput,
) -> bool:
    """Save what a form changed in a contact, as `edit_org` does for its organization."""
    with db.begin() as session:
        contact = get_live(session, Contact, contact_id, "contact")
        current = ContactInput(
            contact.name, contact.title, contact.phone, contact.email, contact.notes
        )
        merged = merge_edit(_contact_as_stored(before), _contact_as_stored(after), current)
        return save_edit(
            session, contact, merged, lambda data: save_contact(db, org_id, data, contact_id)
        )


def _save_contact(db: Database, org_id: uuid.UUID, contact: ContactEdit) -> uuid.UUID:
    if contact.id is None or contact.before is None:
        return save_contact(db, org_id, contact.after, contact.id)
    edit_contact(db, org_id, contact.id, contact.after, contact.before)
    return contact.id


@dataclass(eq=False)
class ContactEdit:
    """A contact added (`before` None) or changed along with an organization."""

    after: ContactInput
    before: ContactInput | None = None
    id: uuid.UUID | None = None


@dataclass(eq=False)
class OrgEdit:
    """Saving an organization (new when `before` is None) with its contacts: `apply` makes the
    change, `revert` undoes it and `apply` again redoes it, each in one transaction."""

    after: OrgInput
    before: OrgInput | None = None
    org_id: uuid.UUID | None = None
    contacts: list[ContactEdit] = field(default_factory=list)

    def apply(self, db: Database) -> uuid.UUID:
        """Save the organization and its contacts (again, after `revert`)."""
        with db.begin():
            org_id = self.org_id
            if org_id is None:
                saved = save_org(db, self.after)
                if not saved.created:  # a code already on file: that record is not ours to undo
                    raise InvalidInput(
                        msg(
                            "org.code_on_file",
                            "credit code {code} is already on file",
                            code=self.after.credit_code,
                        )
                    )
                org_id = saved.id
            elif self.before is None:  # redo of a new organization: undo only deleted it
                restore_org(db, org_id)
            else:
                edit_org(db, org_id, self.after, self.before)
            ids = []
            for contact in self.contacts:
                if contact.id is not None and contact.before is None:
                    restore_contact(db, contact.id)
                ids.append(_save_contact(db, org_id, contact))
        # Only once committed: a refused save leaves the edit as it was, ready to retry.
        self.org_id = org_id
        for contact, contact_id in zip(self.contacts, ids, strict=True):
            contact.id = contact_id
        return org_id

    def revert(self, db: Database) -> None:
        """Put fields and contacts back as they were; a new organization is deleted."""
        if self.org_id is None:
            raise InvalidInput(msg("org.not_made", "this change has not been made"))
        with db.begin():
            for contact in self.contacts:
                if contact.id is not None and contact.before is None:
                    delete_contact(db, contact.id)
                elif contact.id is not None and contact.before is not None:
                    edit_contact(db, self.org_id, contact.id, contact.before, contact.after)
            if self.before is None:
                delete_org(db, self.org_id)
            else:
                edit_org(db, self.org_id, self.before, self.after)
