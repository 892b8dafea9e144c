"""What a window asks to notice changes made elsewhere on its database (another window, a
command line, a sync import): the change counter, and which tables changed after a number.

Functions receive a session and never commit.
"""

from __future__ import annotations

from sqlalchemy import exists, literal, select, union_all
from sqlalchemy.orm import Session

from fieldlog.store.models import REPLICATED_MODELS
from fieldlog.store.stamping import SEQ_KEY, read_state


def change_number(session: Session) -> int:
    """The database's change counter: every write of replicated data draws the next number
    (`stamping.py`), a sync import included, so it moves whenever the data does."""
    return int(read_state(session, SEQ_KEY) or 0)


def tables_changed_after(session: Session, number: int) -> set[str]:
    """The replicated tables holding a row changed after change number `number`: one statement
    that probes each table's `local_seq` index once."""
    probes = [
        select(literal(model.__tablename__)).where(  # type: ignore[attr-defined]
            exists().where(model.local_seq > number)
        )
        for model in REPLICATED_MODELS
    ]
    return set(session.execute(union_all(*probes)).scalars())
