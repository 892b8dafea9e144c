"""A project's stage events, as moving its stage needs them.

Functions receive a session and never commit; tombstoned events are left out.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldlog.store.models import StageEvent


def live_stage_events(session: Session, project_id: uuid.UUID) -> list[StageEvent]:
    """The project's live stage events in the order they happened (date, then stamp)."""
    query = select(StageEvent).where(
        StageEvent.project_id == project_id, StageEvent.deleted.is_(False)
    )
    return sorted(session.execute(query).scalars(), key=lambda e: (e.occurred_on, e.hlc))
