"""Follow-ups equal the rule computed plainly in Python, on random histories of edits and deletes.

Both ways of finding each organization's latest visit are checked: the table the triggers keep
(SQLite) and the ranking of visits that other databases use.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from fieldlog.domain.stages import Stage
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import orgs
from fieldlog.services.projects import projects
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.services.visits.follow_ups import (
    SCOPES,
    FollowUpItem,
    FollowUps,
    follow_up_counts,
    follow_up_page,
    follow_ups,
    reminder_counts,
    week_end,
)
from fieldlog.store.database import Database
from fieldlog.store.models import (
    Member,
    Organization,
    Project,
    StageEvent,
    Visit,
    VisitVisitor,
)
from fieldlog.store.repositories import follow_up_rows
from tests.conftest import new_database

START = date(2020, 4, 1)
DAYS = st.integers(0, 12).map(lambda n: START + timedelta(days=n))


class World:
    """A database with a few members and organizations, and the ids of what was written."""

    def __init__(self, db: Database) -> None:
        self.db = db
        team_id = team.save_team(db, team.TeamInput("测试工作队"))
        groups = [team.save_group(db, name, team_id=team_id) for name in ("物流组", "装备组")]
        self.members = [
            team.save_member(db, team.MemberInput(name, group_id=group), team_id=team_id)
            for name, group in (("李娜", groups[0]), ("王强", groups[0]), ("赵敏", None))
        ]
        self.groups = groups
        self.orgs: list[uuid.UUID] = []
        self.visits: list[uuid.UUID] = []
        self.projects: list[uuid.UUID] = []
        self.examples = 0

    def start(self) -> None:
        """Fresh organizations for one example (earlier examples' records stay, and count)."""
        self.examples += 1
        names = (f"深圳市公司{self.examples}-{n}" for n in range(3))
        self.orgs = [orgs.save_org(self.db, orgs.OrgInput(name)).id for name in names]
        self.visits, self.projects = [], []


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    from fieldlog.services.admin.workspace import open_workspace

    database = open_workspace(new_database(tmp_path_factory.mktemp("rule"), "rule.db"))
    yield World(database)
    database.close()


def _visit_input(draw: st.DrawFn, world: World) -> visits.VisitInput:
    who = draw(st.lists(st.sampled_from(world.members), min_size=1, max_size=2, unique=True))
    due = draw(st.none() | DAYS)
    summary = draw(st.sampled_from(["谈合作\n细节", "  回访  ", "", "B", "A"]))
    org = draw(st.sampled_from(world.orgs))
    return visits.VisitInput(draw(DAYS), org, who, summary=summary, next_follow_up=due)


def _set_org_deleted(world: World, org: uuid.UUID, deleted: bool) -> None:
    with world.db.begin() as session:
        found = session.get(Organization, org)
        assert found is not None
        found.deleted = deleted


@st.composite
def step(draw: st.DrawFn, world: World) -> None:
    """One random change: a visit added, edited, deleted or restored; an organization deleted
    or restored; a project opened or moved."""
    kind = draw(st.sampled_from(["add", "add", "edit", "delete", "restore", "org", "project"]))
    if kind == "add" or (not world.visits and kind in ("edit", "delete", "restore")):
        data = _visit_input(draw, world)
        with contextlib.suppress(
            InvalidInput, LookupError
        ):  # a deleted organization takes no new visit
            world.visits.append(visits.save_visit(world.db, data))
    elif kind == "edit":
        target, data = draw(st.sampled_from(world.visits)), _visit_input(draw, world)
        with contextlib.suppress(InvalidInput, LookupError):  # nor a deleted visit edited
            visits.save_visit(world.db, data, target)
    elif kind in ("delete", "restore"):
        target = draw(st.sampled_from(world.visits))
        with world.db.begin() as session:
            found = session.get(Visit, target)
            assert found is not None
            found.deleted = kind == "delete"
    elif kind == "org":
        _set_org_deleted(world, draw(st.sampled_from(world.orgs)), draw(st.booleans()))
    else:
        _project_step(draw, world)


def _project_step(draw: st.DrawFn, world: World) -> None:
    if not world.projects or draw(st.booleans()):
        data = projects.ProjectInput(
            draw(st.sampled_from(["物流园", "冷链仓"])),
            owner_id=draw(st.none() | st.sampled_from(world.members)),
            next_follow_up=draw(st.none() | DAYS),
            investor_id=draw(st.none() | st.sampled_from(world.orgs)),
            group_id=draw(st.none() | st.sampled_from(world.groups)),
        )
        with contextlib.suppress(InvalidInput, LookupError):
            world.projects.append(projects.open_project(world.db, data, on=START))
        return
    target = draw(st.sampled_from(world.projects))
    stage = draw(st.sampled_from([Stage.NEGOTIATING, Stage.PAUSED, Stage.DROPPED, Stage.LEAD]))
    on = draw(DAYS)
    with contextlib.suppress(InvalidInput, LookupError):  # a refused move changes nothing
        projects.move_stage(world.db, target, stage, on=on)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0].strip() if text.strip() else ""


def _expected(world: World, today: date, members: set[uuid.UUID] | None, group) -> FollowUps:
    """The rule, read plainly from every row."""
    until = week_end(today)
    with world.db.read() as session:
        live_orgs = {o.id: o.name for o in session.scalars(select(Organization)) if not o.deleted}
        names = {m.id: m.name for m in session.scalars(select(Member)) if not m.deleted}
        links = [v for v in session.scalars(select(VisitVisitor)) if not v.deleted]
        all_visits = [v for v in session.scalars(select(Visit)) if not v.deleted]
        latest: dict[uuid.UUID, Visit] = {}
        for v in all_visits:
            key = (v.visited_on, v.created_at, v.id.hex)
            best = latest.get(v.org_id)
            if best is None or key > (best.visited_on, best.created_at, best.id.hex):
                latest[v.org_id] = v
        items = []
        for org_id, v in latest.items():
            due = v.next_follow_up
            if org_id not in live_orgs or due is None or due > until:
                continue
            who = {link.member_id for link in links if link.visit_id == v.id}
            if members is not None and not who & members:
                continue
            people = tuple(sorted(names[m] for m in who if m in names))
            items.append(
                FollowUpItem("visit", v.id, due, live_orgs[org_id], _first_line(v.summary), people)
            )
        items += _expected_projects(session, until, members, group, live_orgs, names)
    items.sort(key=lambda i: (i.due, i.org or "", i.title, i.kind, str(i.id)))
    return FollowUps(
        [i for i in items if i.due < today],
        [i for i in items if i.due == today],
        [i for i in items if i.due > today],
    )


def _expected_projects(session, until, members, group, live_orgs, names) -> list[FollowUpItem]:
    events = [e for e in session.scalars(select(StageEvent)) if not e.deleted]
    found = []
    for p in session.scalars(select(Project)):
        due = p.next_follow_up
        if p.deleted or due is None or due > until:
            continue
        mine = [e for e in events if e.project_id == p.id]
        stage = max(mine, key=lambda e: (e.occurred_on, e.hlc)).stage if mine else None
        if stage in (Stage.DROPPED.value, Stage.PAUSED.value):
            continue
        if (
            members is not None
            and p.owner_id not in members
            and not (group and p.group_id == group)
        ):
            continue
        owner = (names[p.owner_id],) if p.owner_id in names else ()
        stage_value = Stage(stage) if stage else None
        org = live_orgs.get(p.investor_id) if p.investor_id else None
        found.append(FollowUpItem("project", p.id, due, org, p.name, owner, stage_value))
    return found


def _whose(world: World, scope: str, member: uuid.UUID):
    if scope == "team":
        return None, None
    if scope == "me" or member == world.members[2]:
        return {member}, None
    return set(world.members[:2]), world.groups[0]


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), derived=st.booleans())
def test_follow_ups_follow_the_rule(
    world: World, data: st.DataObject, derived: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.start()
    for _ in range(data.draw(st.integers(1, 8))):
        data.draw(step(world))
    if not derived:
        monkeypatch.setattr(follow_up_rows, "reads_derived_table", lambda session: False)
    today = data.draw(DAYS)
    scope = data.draw(st.sampled_from(SCOPES))
    member = data.draw(st.sampled_from(world.members))
    expected = _expected(world, today, *_whose(world, scope, member))
    args = {"today": today, "scope": scope, "member_id": member}
    assert follow_ups(world.db, **args) == expected
    counts = follow_up_counts(world.db, **args)
    sizes = (len(expected.overdue), len(expected.today), len(expected.this_week))
    assert (counts.overdue, counts.today, counts.this_week) == sizes
    assert reminder_counts(world.db, **args) == sizes[:2]
    limit = data.draw(st.integers(1, 4))
    pages, first = [], None
    while True:
        page = follow_up_page(
            world.db, first=first, last=week_end(today), limit=limit, scope=scope, member_id=member
        )
        assert len(page.items) >= limit or page.next_first is None
        pages += page.items
        if page.next_first is None:
            break
        first = page.next_first
    assert pages == expected.overdue + expected.today + expected.this_week
    monkeypatch.undo()
