"""Who is using this laptop: the member that new visits are logged by default.

Kept in local_state: it belongs to this laptop's copy of the database, never to sync. On a
server database each installation (laptop, office PC) keeps its own choice under a key of its
own (`node_identity.own_key`), so one computer choosing its member does not change another's.
An earlier version's one server value stays with the installation its earlier node home names
(see store/node_identity.py); another installation has none until it chooses its own (in the
team form), rather than logging as a member another computer chose.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from fieldlog.domain.messages import carried
from fieldlog.services.errors import InvalidInput
from fieldlog.store.database import Database
from fieldlog.store.models import Member
from fieldlog.store.node_identity import (
    MEMBER_KEY,
    installation_nodes,
    installation_values,
    own_key,
    own_state,
)
from fieldlog.store.repositories.common import get_live
from fieldlog.store.stamping import write_state

ME_KEY = MEMBER_KEY


def my_member(session: Session, location: str) -> Member | None:
    """The member this installation chose for the database at `location`, live or deleted."""
    value = own_state(session, location, ME_KEY)
    return session.get(Member, uuid.UUID(value)) if value else None


def get_me(db: Database) -> uuid.UUID | None:
    """The member this laptop logs as, if chosen and still a live member."""
    with db.read() as session:
        member = my_member(session, db.location)
        return member.id if member is not None and not member.deleted else None


def set_me(db: Database, member_id: uuid.UUID) -> None:
    """Choose the member this laptop logs as."""
    with db.begin() as session:
        try:
            get_live(session, Member, member_id, "member")
        except LookupError as exc:
            raise InvalidInput(carried(exc)) from exc
        write_state(session, own_key(db.location, ME_KEY), str(member_id))


def members_of_nodes(session: Session) -> dict[str, str]:
    """On a server database: the name of the member each other installation chose, by that
    installation's node id (a deleted member still names the changes made as them)."""
    chosen = installation_values(session, ME_KEY)
    names: dict[str, str] = {}
    for node, owner in installation_nodes(session).items():
        member = session.get(Member, uuid.UUID(chosen[owner])) if owner in chosen else None
        if member is not None:
            names[node] = member.name
    return names
