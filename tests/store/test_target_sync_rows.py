"""The repository queries behind targets and sync: the order of a target's rows, which targets
run on a day, what counts as unsent, which conflicts and look-alike pairs are waiting."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from fieldlog.domain.period import Period
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.store.database import Database
from fieldlog.store.models import DuplicateCandidate, Organization, SyncConflict, Target
from fieldlog.store.repositories import sync_rows, target_rows
from fieldlog.store.stamping import SEQ_KEY, read_state

MAY = Period(date(2024, 5, 1), date(2024, 5, 31))


def _target(db: Database, team_id: uuid.UUID, value: int, *, deleted: bool = False) -> uuid.UUID:
    """A row for the team's May visits target, as several laptops' packages can leave them."""
    with db.begin() as session:
        row = Target(
            scope="team",
            scope_id=team_id,
            metric="visits",
            period_start=MAY.start,
            period_end=MAY.end,
            value=value,
        )
        session.add(row)
        session.flush()
        row_id = row.id
    if deleted:
        with db.begin() as session:
            session.get_one(Target, row_id).deleted = True
    return row_id


def test_a_targets_rows_come_live_first_then_the_latest_tombstone(db: Database) -> None:
    team_id = team.save_team(db, team.TeamInput("工作队"))
    older = _target(db, team_id, 10, deleted=True)
    live = _target(db, team_id, 20)
    newer = _target(db, team_id, 30, deleted=True)
    other = Period(MAY.start, date(2024, 6, 30))
    with db.read() as session:
        rows = target_rows.target_records(session, "team", team_id, "visits", MAY)
        assert [r.id for r in rows] == [live, newer, older]
        assert target_rows.target_records(session, "team", team_id, "visits", other) == []
        assert target_rows.target_records(session, "team", team_id, "leads_new", MAY) == []
        assert target_rows.target_values(session, "team", team_id, MAY) == {"visits": 20}
        assert target_rows.target_values(session, "team", team_id, other) == {}


def test_the_targets_running_on_a_day(db: Database) -> None:
    team_id = team.save_team(db, team.TeamInput("工作队"))
    elsewhere = uuid.uuid4()
    _target(db, team_id, 20)
    _target(db, team_id, 30, deleted=True)
    with db.begin() as session:
        session.add(
            Target(
                scope="team",
                scope_id=team_id,
                metric="leads_new",
                period_start=date(2024, 5, 15),
                period_end=date(2024, 6, 15),
                value=3,
            )
        )
        session.add(
            Target(
                scope="member",
                scope_id=elsewhere,
                metric="visits",
                period_start=MAY.start,
                period_end=MAY.end,
                value=5,
            )
        )
    with db.read() as session:
        on_first = target_rows.running_targets(session, {team_id}, MAY.start)
        on_last = target_rows.running_targets(session, {team_id}, MAY.end)
        in_june = target_rows.running_targets(session, {team_id}, date(2024, 6, 1))
        both = target_rows.running_targets(session, {team_id, elsewhere}, MAY.start)
    assert [(t.metric, t.value) for t in on_first] == [("visits", 20)]
    assert on_first[0] == target_rows.RunningTarget(
        "team", team_id, "visits", MAY.start, MAY.end, 20
    )
    assert [t.metric for t in on_last] == ["visits", "leads_new"]  # latest start last
    assert [t.metric for t in in_june] == ["leads_new"]
    assert {t.scope_id for t in both} == {team_id, elsewhere}


def test_what_changed_since_counts_tombstones_too(db: Database) -> None:
    with db.read() as session:
        before = int(read_state(session, SEQ_KEY) or 0)
    org = orgs.save_org(db, orgs.OrgInput("德润物流")).id
    with db.read() as session:
        after = int(read_state(session, SEQ_KEY) or 0)
    orgs.delete_org(db, org)
    table = Organization.__table__
    with db.read() as session:
        assert sync_rows.changed_since(session, [table], before) == 1
        assert sync_rows.changed_since(session, [table], after) == 1  # the delete travels
        assert sync_rows.changed_since(session, [table], after + 1) == 0
        assert sync_rows.changed_since(session, [], before) == 0


def _conflict(at: datetime, resolution: str = "") -> SyncConflict:
    return SyncConflict(
        table_name="organization",
        row_id=uuid.uuid4(),
        field="name",
        winner_value="甲",
        winner_hlc=2,
        winner_node="a",
        loser_value="乙",
        loser_hlc=1,
        loser_node="b",
        detected_at=at,
        resolution=resolution,
    )


def test_conflicts_newest_first_and_the_reviewed_only_when_asked(db: Database) -> None:
    old, new, done = (
        _conflict(datetime(2024, 5, 1, tzinfo=UTC)),
        _conflict(datetime(2024, 5, 3, tzinfo=UTC)),
        _conflict(datetime(2024, 5, 2, tzinfo=UTC), "kept"),
    )
    with db.begin() as session:
        session.add_all([old, new, done])
        session.flush()
        ids = old.id, new.id, done.id
    with db.read() as session:
        waiting = sync_rows.logged_conflicts(session, include_resolved=False)
        every = sync_rows.logged_conflicts(session, include_resolved=True)
    assert [c.id for c in waiting] == [ids[1], ids[0]]
    assert [c.id for c in every] == [ids[1], ids[2], ids[0]]


def test_look_alike_pairs_waiting_first_found_first(db: Database) -> None:
    def pair(day: int, status: str = "open") -> DuplicateCandidate:
        return DuplicateCandidate(
            id=uuid.uuid4(),
            first_org_id=uuid.uuid4(),
            second_org_id=uuid.uuid4(),
            status=status,
            found_at=datetime(2024, 5, day, tzinfo=UTC),
        )

    later, earlier, dismissed = pair(3), pair(1), pair(2, "dismissed")
    with db.begin() as session:
        session.add_all([later, earlier, dismissed])
    with db.read() as session:
        found = [p.id for p in sync_rows.open_look_alikes(session)]
    assert found == [earlier.id, later.id]
