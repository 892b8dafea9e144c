"""The coordination matters (需协调解决事项) of a project, and the open ones of every live project.

Functions receive a session and never commit; tombstoned matters and projects are left out.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from fieldlog.store.collation import bytewise
from fieldlog.store.models import CoordinationMatter, Organization, Project, WorkGroup
from fieldlog.store.repositories.common import live_join

OPEN = "open"
RESOLVED = "resolved"


def project_matters(session: Session, project_id: uuid.UUID) -> list[CoordinationMatter]:
    """The live matters of a project: by deadline (none last), then as entered."""
    query = (
        select(CoordinationMatter)
        .where(CoordinationMatter.project_id == project_id, CoordinationMatter.deleted.is_(False))
        .order_by(
            CoordinationMatter.due_on.is_(None),
            CoordinationMatter.due_on,
            CoordinationMatter.created_at,
            CoordinationMatter.id,
        )
    )
    return list(session.execute(query).scalars())


def open_matter_rows(
    session: Session, as_of: date | None = None
) -> list[tuple[uuid.UUID, uuid.UUID, str, str, str, str, str, date | None]]:
    """(matter id, project id, project, investor, group, matter, owner, due date) of the open
    matters of live projects: by deadline (none last), then project name. With `as_of`, a matter
    resolved after that day was still open on it (a past week's return lists it)."""
    still_open = CoordinationMatter.status == OPEN
    if as_of is not None:
        still_open = or_(
            still_open,
            and_(
                CoordinationMatter.status == RESOLVED,
                CoordinationMatter.resolved_on.is_not(None),
                CoordinationMatter.resolved_on > as_of,
            ),
        )
    query: Any = (
        select(
            CoordinationMatter.id,
            Project.id,
            Project.name,
            Organization.name,
            WorkGroup.name,
            CoordinationMatter.matter,
            CoordinationMatter.owner,
            CoordinationMatter.due_on,
        )
        .join(Project, live_join(Project, CoordinationMatter.project_id))
        .outerjoin(Organization, live_join(Organization, Project.investor_id))
        .outerjoin(WorkGroup, live_join(WorkGroup, Project.group_id))
        .where(CoordinationMatter.deleted.is_(False), still_open)
        .order_by(
            CoordinationMatter.due_on.is_(None),
            CoordinationMatter.due_on,
            bytewise(Project.name),
            CoordinationMatter.id,
        )
    )
    return [
        (mid, pid, name, investor or "", group or "", matter, owner, due)
        for mid, pid, name, investor, group, matter, owner, due in session.execute(query)
    ]
