"""Follow-ups: supersession, scopes, tombstones, resting projects, the week's end, the demo."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from fieldlog.domain.stages import Stage
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import orgs
from fieldlog.services.projects import projects
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.services.visits.follow_ups import FollowUps, follow_ups, reminder_counts, week_end
from fieldlog.store.database import Database
from tests.conftest import open_copy
from tests.services.conftest import Small

TODAY = date(2020, 4, 22)  # a Wednesday; its ISO week ends on Sunday 26 April


def _visit(
    db: Database, on: date, org: uuid.UUID, who: list[uuid.UUID], due: date | None
) -> uuid.UUID:
    data = visits.VisitInput(on, org, who, summary="谈合作\n细节", next_follow_up=due)
    return visits.save_visit(db, data)


def _project(
    db: Database, name: str, owner: uuid.UUID | None, due: date, **extra: object
) -> uuid.UUID:
    data = projects.ProjectInput(name, owner_id=owner, next_follow_up=due)
    for key, value in extra.items():
        setattr(data, key, value)
    return projects.open_project(db, data, on=date(2020, 4, 1))


def _titles(found: FollowUps) -> list[list[str]]:
    parts = (found.overdue, found.today, found.this_week)
    return [[f"{i.kind}:{i.org or ''}:{i.title}" for i in part] for part in parts]


def test_a_later_visit_supersedes_the_earlier_follow_up(db: Database, small: Small) -> None:
    first = _visit(db, date(2020, 4, 1), small.org, [small.alice], date(2020, 4, 10))
    _visit(db, date(2020, 4, 15), small.org, [small.bob], None)
    assert follow_ups(db, today=TODAY) == FollowUps()
    later = _visit(db, date(2020, 4, 20), small.org, [small.bob], TODAY)
    found = follow_ups(db, today=TODAY)
    assert [i.id for i in found.today] == [later] and found.overdue == []
    assert found.today[0].title == "谈合作" and found.today[0].people == ("王强",)
    assert first not in [i.id for i in found.overdue]


def test_tombstones_are_hidden(db: Database, small: Small) -> None:
    first = _visit(db, date(2020, 4, 1), small.org, [small.alice], date(2020, 4, 10))
    later = _visit(db, date(2020, 4, 15), small.org, [small.alice], date(2020, 4, 24))
    visits.delete_visit(db, later)
    # The deleted visit no longer supersedes the earlier one.
    assert [i.id for i in follow_ups(db, today=TODAY).overdue] == [first]
    visits.delete_visit(db, first)
    assert follow_ups(db, today=TODAY) == FollowUps()


def test_dropped_and_paused_projects_are_excluded(db: Database, small: Small) -> None:
    kept = _project(db, "物流园", small.alice, TODAY, investor_id=small.org)
    dropped = _project(db, "冷链仓", small.alice, TODAY)
    paused = _project(db, "分拨中心", small.alice, TODAY)
    projects.move_stage(db, dropped, Stage.DROPPED, on=date(2020, 4, 2))
    projects.move_stage(db, paused, Stage.PAUSED, on=date(2020, 4, 2))
    found = follow_ups(db, today=TODAY)
    assert [(i.kind, i.id, i.org, i.stage) for i in found.today] == [
        ("project", kept, "深圳市德润物流有限公司", Stage.LEAD)
    ]
    assert found.today[0].people == ("李娜",)


def test_the_week_ends_on_sunday(db: Database, small: Small) -> None:
    other = orgs.save_org(db, orgs.OrgInput("深圳市铜仁商贸有限公司")).id
    _visit(db, date(2020, 4, 1), small.org, [small.alice], date(2020, 4, 26))
    _visit(db, date(2020, 4, 1), other, [small.alice], date(2020, 4, 27))
    _project(db, "昨天到期", small.alice, date(2020, 4, 21))
    assert week_end(TODAY) == week_end(date(2020, 4, 26)) == date(2020, 4, 26)
    assert _titles(follow_ups(db, today=TODAY)) == [
        ["project::昨天到期"],
        [],
        ["visit:深圳市德润物流有限公司:谈合作"],
    ]
    assert reminder_counts(db, today=TODAY) == (1, 0)


def test_scopes_me_group_and_team(db: Database, small: Small) -> None:
    other_group = team.save_group(db, "装备组", team_id=small.team)
    carol = team.save_member(db, team.MemberInput("赵敏", group_id=other_group), team_id=small.team)
    _visit(db, date(2020, 4, 1), small.org, [small.alice], TODAY)
    _visit(db, date(2020, 4, 1), small.association, [carol], TODAY)
    _project(db, "王强的项目", small.bob, TODAY)
    _project(db, "组里的项目", None, TODAY, group_id=small.group)

    def names(scope: str, member: uuid.UUID | None) -> list[str]:
        found = follow_ups(db, today=TODAY, scope=scope, member_id=member)  # type: ignore[arg-type]
        return sorted(i.org or i.title for i in found.today)

    assert names("me", small.alice) == ["深圳市德润物流有限公司"]
    assert names("me", small.bob) == ["王强的项目"]
    assert names("group", small.alice) == ["深圳市德润物流有限公司", "王强的项目", "组里的项目"]
    assert names("group", carol) == ["深圳市铜仁商会"]
    assert len(names("team", None)) == 4
    assert reminder_counts(db, today=TODAY, scope="me", member_id=carol) == (0, 1)
    with pytest.raises(InvalidInput):
        follow_ups(db, today=TODAY, scope="me")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("follow-ups"))
    yield database
    database.close()


def test_demo_has_overdue_and_due_items(demo: Database) -> None:
    found = follow_ups(demo, today=TODAY)
    assert (len(found.overdue), len(found.today), len(found.this_week)) == (123, 12, 46)
    assert reminder_counts(demo, today=TODAY) == (123, 12)
    assert all(i.due < TODAY for i in found.overdue)
    assert all(TODAY < i.due <= date(2020, 4, 26) for i in found.this_week)
    assert {i.kind for i in found.today} == {"visit", "project"}
    assert found.today[1].title == "金隆智慧城市运营中心项目"
    assert found.today[1].stage == Stage.NEGOTIATING and found.today[1].people == ("邓光明",)
