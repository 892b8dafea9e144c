"""Who is using this laptop: the member that new visits are logged by default.

Kept in local_state: it belongs to this laptop's copy of the database, never to sync.
"""

from __future__ import annotations

import uuid

from fieldlog.domain.messages import carried
from fieldlog.services.errors import InvalidInput
from fieldlog.store.database import Database
from fieldlog.store.models import Member
from fieldlog.store.repositories.common import get_live
from fieldlog.store.stamping import read_state, write_state

ME_KEY = "me_member_id"


def get_me(db: Database) -> uuid.UUID | None:
    """The member this laptop logs as, if chosen and still a live member."""
    with db.read() as session:
        value = read_state(session, ME_KEY)
        if not value:
            return None
        member = session.get(Member, uuid.UUID(value))
        return member.id if member is not None and not member.deleted else None


def set_me(db: Database, member_id: uuid.UUID) -> None:
    """Choose the member this laptop logs as."""
    with db.begin() as session:
        try:
            get_live(session, Member, member_id, "member")
        except LookupError as exc:
            raise InvalidInput(carried(exc)) from exc
        write_state(session, ME_KEY, str(member_id))
