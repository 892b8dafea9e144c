"""Undoable changes of organizations and contacts: each step has a service call that reverses it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from fieldlog.domain.messages import msg
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs.orgs import ContactInput, OrgInput, delete_org, save_contact, save_org
from fieldlog.services.validate import user_errors
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
            elif self.before is None:
                restore_org(db, org_id)
            if self.org_id is not None:
                save_org(db, self.after, org_id)
            ids = []
            for contact in self.contacts:
                if contact.id is not None and contact.before is None:
                    restore_contact(db, contact.id)
                ids.append(save_contact(db, org_id, contact.after, contact.id))
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
                    save_contact(db, self.org_id, contact.before, contact.id)
            if self.before is None:
                delete_org(db, self.org_id)
            else:
                save_org(db, self.before, self.org_id)
