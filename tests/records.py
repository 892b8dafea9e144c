"""Reading records back in tests."""

from __future__ import annotations

import uuid
from typing import TypeVar

from fieldlog.store.database import Database
from fieldlog.store.models import Replicated

R = TypeVar("R", bound=Replicated)


def fetch(db: Database, model: type[R], record_id: uuid.UUID) -> R:
    """The record with this id, live or tombstoned; fails the test when it does not exist."""
    with db.read() as session:
        record = session.get(model, record_id)
        assert record is not None, f"no {model.__name__} {record_id}"
        return record
