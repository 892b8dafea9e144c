"""Plain inserts of projects with dated activity, for the warning tests (the project dialog does
not yet set a progress note's date, content, demands or the investor contact)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from fieldlog.domain.stages import Stage
from fieldlog.store.models import (
    Contact,
    FundsTranche,
    Organization,
    Project,
    StageEvent,
    Team,
    Visit,
)

#: The four details of a complete lead (项目内容, 投资规模, an investor contact, 投资方诉求).
COMPLETE: dict[str, object] = {
    "content": "年产10万套家具",
    "planned_yuan": 300_000_000,
    "contact": True,
    "demands": "用地50亩",
}


@dataclass
class Made:
    """A project to insert: its stage events in order (dates not decreasing), tranche and visit
    dates (linked to it), its progress note's date and the lead's details."""

    events: list[tuple[date, Stage | str]]
    tranches: list[date] = field(default_factory=list)
    visits: list[date] = field(default_factory=list)
    progress_on: date | None = None
    content: str = ""
    planned_yuan: int | None = None
    contact: bool = False
    demands: str = ""
    owner_id: uuid.UUID | None = None
    group_id: uuid.UUID | None = None
    name: str = "项目"


def set_rules(session: Session, **values: int) -> Team:
    """The team (made when there is none) with these rule columns."""
    team = session.query(Team).filter(Team.deleted.is_(False)).first()
    if team is None:
        team = Team(name="测试工作队")
        session.add(team)
    for key, value in values.items():
        setattr(team, key, value)
    session.flush()
    return team


def insert(session: Session, made: Made) -> uuid.UUID:
    """Insert the project with its events, tranches, visits and details; its id."""
    org = Organization(name=f"{made.name}投资方", name_key=f"{made.name}tzf", kind="enterprise")
    session.add(org)
    session.flush()
    contact = Contact(org_id=org.id, name="张三") if made.contact else None
    if contact is not None:
        session.add(contact)
        session.flush()
    project = Project(
        name=made.name,
        investor_id=org.id,
        progress_on=made.progress_on,
        content=made.content,
        planned_yuan=made.planned_yuan,
        contact_id=contact.id if contact else None,
        demands=made.demands,
        owner_id=made.owner_id,
        group_id=made.group_id,
    )
    session.add(project)
    session.flush()
    for on, stage in made.events:
        # One flush per event: each gets a later clock stamp, so a day's last event wins.
        session.add(StageEvent(project_id=project.id, stage=str(stage), occurred_on=on))
        session.flush()
    session.add_all(
        FundsTranche(project_id=project.id, received_on=on, amount_yuan=1) for on in made.tranches
    )
    session.add_all(
        Visit(visited_on=on, org_id=org.id, project_id=project.id) for on in made.visits
    )
    session.flush()
    return project.id
