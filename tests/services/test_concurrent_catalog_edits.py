"""Two users of one database editing the team, its groups, members and home counties, a chain or
a link, or a target, each from a form loaded before the other's save: a save writes only what its
user changed, so a field the other user changed stays theirs; where both changed the same field
the later save wins and the value it replaced is in the conflict log; a form saved as loaded
writes nothing.

Each user is an `open_workspace` handle of its own on the same location (`any_location`: a SQLite
file, then a server database), as in `test_concurrent_edits.py`.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

import pytest

from fieldlog.domain.period import Period
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.exchange import sync_review
from fieldlog.services.reports import targets
from fieldlog.services.team import chains
from fieldlog.services.team.counties import County
from fieldlog.services.team.team_edit import TeamSheet, save_team_sheet, team_sheet
from fieldlog.store.database import Database
from fieldlog.store.models import Chain, ChainLink, Member, Team, WorkGroup
from tests.field_dump import field_diff, field_dump, history_count
from tests.records import fetch
from tests.services.conftest import Small, make_small
from tests.services.test_concurrent_edits import _open


@dataclass
class Users:
    first: Database
    second: Database
    small: Small


@pytest.fixture
def users(any_location: str) -> Iterator[Users]:
    first = _open(any_location)
    small = make_small(first)
    second = _open(any_location)
    try:
        yield Users(first, second, small)
    finally:
        second.close()
        first.close()


class Unchanged:
    """The data, every field and the history of a database, to compare after a save."""

    def __init__(self, db: Database) -> None:
        self.db, self.digest = db, digest(db)
        self.dump, self.history = field_dump(db), history_count(db)

    def check(self) -> None:
        assert field_diff(self.dump, field_dump(self.db)) == {}
        assert history_count(self.db) == self.history
        assert digest(self.db) == self.digest


def _conflict(db: Database) -> sync_review.ConflictView:
    [conflict] = sync_review.conflicts(db)
    return conflict


# -- the team sheet -----------------------------------------------------------------------------


def _sheet(db: Database) -> TeamSheet:
    sheet = team_sheet(db)
    assert sheet is not None
    return sheet


def _save_team(db: Database, before: TeamSheet, **changes: object) -> None:
    save_team_sheet(db, before, replace(before, team=replace(before.team, **changes)))


def test_team_fields_changed_by_two_users_both_stay(users: Users) -> None:
    mine = _sheet(users.first)
    _save_team(users.second, _sheet(users.second), return_phone="0856-5221234")
    _save_team(users.first, mine, reporting_unit="铜仁市投资促进局")
    team = fetch(users.first, Team, users.small.team)
    assert (team.return_phone, team.reporting_unit) == ("0856-5221234", "铜仁市投资促进局")
    assert sync_review.conflicts(users.first) == []


def test_one_team_field_changed_by_two_users_the_later_wins_and_the_loser_is_logged(
    users: Users,
) -> None:
    mine = _sheet(users.first)
    _save_team(users.second, _sheet(users.second), name="铜仁市驻沪招商工作队")
    _save_team(users.first, mine, name="铜仁市驻深招商工作队")
    assert fetch(users.second, Team, users.small.team).name == "铜仁市驻深招商工作队"
    conflict = _conflict(users.second)
    assert (conflict.table, conflict.row_id, conflict.field) == ("team", users.small.team, "name")
    assert (conflict.winner_value, conflict.loser_value) == (
        "铜仁市驻深招商工作队",
        "铜仁市驻沪招商工作队",
    )


def _member_changed(db: Database, before: TeamSheet, member_id, **changes) -> None:  # type: ignore[no-untyped-def]
    rows = [replace(m, **changes) if m.id == member_id else m for m in before.members]
    save_team_sheet(db, before, replace(before, members=rows))


def test_member_fields_changed_by_two_users_both_stay(users: Users) -> None:
    alice, mine = users.small.alice, _sheet(users.first)
    _member_changed(users.second, _sheet(users.second), alice, from_promotion_system=True)
    _member_changed(users.first, mine, alice, name="李娜（碧江）")
    member = fetch(users.first, Member, alice)
    assert (member.name, member.from_promotion_system) == ("李娜（碧江）", True)
    assert sync_review.conflicts(users.first) == []


def test_one_member_field_changed_by_two_users_the_later_wins_and_the_loser_is_logged(
    users: Users,
) -> None:
    alice, mine = users.small.alice, _sheet(users.first)
    _member_changed(users.second, _sheet(users.second), alice, name="李娜（万山）")
    _member_changed(users.first, mine, alice, name="李娜（碧江）")
    assert fetch(users.second, Member, alice).name == "李娜（碧江）"
    conflict = _conflict(users.second)
    assert (conflict.table, conflict.row_id, conflict.field) == ("member", alice, "name")
    assert (conflict.winner_value, conflict.loser_value) == ("李娜（碧江）", "李娜（万山）")


def _group_changed(db: Database, before: TeamSheet, **changes: object) -> None:
    groups = [replace(before.groups[0], **changes), *before.groups[1:]]
    save_team_sheet(db, before, replace(before, groups=groups))


def test_a_group_renamed_over_a_chain_set_meanwhile_keeps_both(users: Users) -> None:
    chain = chains.add_chain(users.first, "现代物流")
    mine = _sheet(users.first)
    _group_changed(users.second, _sheet(users.second), chain_id=chain)
    _group_changed(users.first, mine, name="现代物流产业招商组")
    group = fetch(users.first, WorkGroup, users.small.group)
    assert (group.name, group.chain_id) == ("现代物流产业招商组", chain)
    assert sync_review.conflicts(users.first) == []


def test_one_group_renamed_by_two_users_the_later_wins_and_the_loser_is_logged(
    users: Users,
) -> None:
    mine = _sheet(users.first)
    _group_changed(users.second, _sheet(users.second), name="物流一组")
    _group_changed(users.first, mine, name="物流招商组")
    assert fetch(users.second, WorkGroup, users.small.group).name == "物流招商组"
    conflict = _conflict(users.second)
    assert (conflict.table, conflict.field) == ("work_group", "name")
    assert (conflict.winner_value, conflict.loser_value) == ("物流招商组", "物流一组")


def _renamed(counties: list[County], old: str, new: str) -> list[County]:
    return [County(c.id, new) if c.name == old else c for c in counties]


def test_a_county_renamed_meanwhile_keeps_its_name_when_another_is_renamed(users: Users) -> None:
    mine = _sheet(users.first)
    theirs = _sheet(users.second)
    save_team_sheet(
        users.second, theirs, replace(theirs, counties=_renamed(theirs.counties, "碧江区", "碧江"))
    )
    save_team_sheet(
        users.first, mine, replace(mine, counties=_renamed(mine.counties, "万山区", "万山"))
    )
    names = [c.name for c in _sheet(users.first).counties]
    assert "碧江" in names and "万山" in names and "碧江区" not in names
    assert sync_review.conflicts(users.first) == []


def test_a_county_added_keeps_the_order_another_user_set(users: Users) -> None:
    mine = _sheet(users.first)
    theirs = _sheet(users.second)
    moved = [theirs.counties[-1], *theirs.counties[:-1]]  # the last one first
    save_team_sheet(users.second, theirs, replace(theirs, counties=moved))
    added = County(uuid.uuid4(), "大龙开发区")
    save_team_sheet(users.first, mine, replace(mine, counties=[*mine.counties, added]))
    names = [c.name for c in _sheet(users.first).counties]
    assert names == [c.name for c in moved] + ["大龙开发区"]


def test_one_county_renamed_by_two_users_the_later_wins_and_the_loser_is_logged(
    users: Users,
) -> None:
    mine = _sheet(users.first)
    theirs = _sheet(users.second)
    save_team_sheet(
        users.second, theirs, replace(theirs, counties=_renamed(theirs.counties, "碧江区", "碧江"))
    )
    save_team_sheet(
        users.first, mine, replace(mine, counties=_renamed(mine.counties, "碧江区", "碧江新区"))
    )
    conflict = _conflict(users.second)
    assert (conflict.table, conflict.field) == ("catalog_item", "name")
    assert (conflict.winner_value, conflict.loser_value) == ("碧江新区", "碧江")


def test_a_team_sheet_saved_unchanged_writes_nothing(users: Users) -> None:
    chain = chains.add_chain(users.first, "现代物流")
    mine = _sheet(users.first)
    theirs = _sheet(users.second)
    groups = [replace(theirs.groups[0], name="物流一组", chain_id=chain)]
    members = [
        replace(m, name=m.name + "（2）", from_promotion_system=True) for m in theirs.members
    ]
    save_team_sheet(
        users.second,
        theirs,
        replace(
            theirs,
            team=replace(theirs.team, name="另一个名字", return_phone="0856-1"),
            groups=groups,
            members=members,
            counties=_renamed([theirs.counties[-1], *theirs.counties[:-1]], "碧江区", "碧江"),
        ),
    )
    unchanged = Unchanged(users.first)
    save_team_sheet(users.first, mine, replace(mine))
    unchanged.check()


# -- chains and links ---------------------------------------------------------------------------


def _chain(users: Users) -> tuple[chains.ChainInfo, chains.LinkInfo, chains.LinkInfo]:
    chain_id = chains.add_chain(users.first, "现代物流")
    chains.add_link(users.first, chain_id, chains.LinkInput("仓储", "upstream"))
    chains.add_link(users.first, chain_id, chains.LinkInput("冷链", "midstream"))
    [chain] = [c for c in chains.chain_tree(users.first) if c.id == chain_id]
    return chain, chain.links[0], chain.links[1]


def _form(link: chains.LinkInfo) -> chains.LinkInput:
    return chains.LinkInput(link.name, link.position, link.parent_id)


def test_a_link_renamed_over_a_move_made_meanwhile_keeps_both(users: Users) -> None:
    _chain_info, storage, cold = _chain(users)
    loaded = _form(cold)
    chains.save_link(users.second, cold.id, replace(loaded, parent_id=storage.id), loaded)
    chains.save_link(users.first, cold.id, replace(loaded, name="冷链物流"), loaded)
    link = fetch(users.first, ChainLink, cold.id)
    assert (link.name, link.parent_id) == ("冷链物流", storage.id)
    assert sync_review.conflicts(users.first) == []


def test_one_link_field_changed_by_two_users_the_later_wins_and_the_loser_is_logged(
    users: Users,
) -> None:
    _chain_info, _storage, cold = _chain(users)
    loaded = _form(cold)
    chains.save_link(users.second, cold.id, replace(loaded, position="downstream"), loaded)
    chains.save_link(users.first, cold.id, replace(loaded, position="upstream"), loaded)
    assert fetch(users.second, ChainLink, cold.id).position == "upstream"
    conflict = _conflict(users.second)
    assert (conflict.table, conflict.row_id, conflict.field) == ("chain_link", cold.id, "position")
    assert (conflict.winner_value, conflict.loser_value) == ("upstream", "downstream")


def test_a_link_form_saved_unchanged_writes_nothing(users: Users) -> None:
    _chain_info, storage, cold = _chain(users)
    loaded = _form(cold)
    chains.save_link(
        users.second, cold.id, chains.LinkInput("冷链物流", "downstream", storage.id), loaded
    )
    unchanged = Unchanged(users.first)
    chains.save_link(users.first, cold.id, loaded, loaded)
    unchanged.check()


def test_one_chain_renamed_by_two_users_the_later_wins_and_the_loser_is_logged(
    users: Users,
) -> None:
    chain, _storage, _cold = _chain(users)
    chains.rename_chain(users.second, chain.id, "物流产业链", chain.name)
    unchanged = Unchanged(users.first)
    chains.rename_chain(users.first, chain.id, chain.name, chain.name)  # saved as loaded
    unchanged.check()
    chains.rename_chain(users.first, chain.id, "现代物流业", chain.name)
    assert fetch(users.second, Chain, chain.id).name == "现代物流业"
    conflict = _conflict(users.second)
    assert (conflict.table, conflict.field) == ("chain", "name")
    assert (conflict.winner_value, conflict.loser_value) == ("现代物流业", "物流产业链")


# -- targets --------------------------------------------------------------------------------------

PERIOD = Period(date(2020, 1, 1), date(2020, 12, 31))


def _targets(db: Database, small: Small) -> dict[str, int]:
    return targets.targets_for(db, "team", small.team, PERIOD)


def _save_targets(db: Database, small: Small, loaded: dict[str, int], **values: int | None) -> None:
    targets.save_targets(db, "team", small.team, PERIOD, values, loaded)


def test_targets_of_different_metrics_set_by_two_users_both_stay(users: Users) -> None:
    small = users.small
    targets.save_targets(users.first, "team", small.team, PERIOD, {"visits": 100, "leads_new": 10})
    mine, theirs = _targets(users.first, small), _targets(users.second, small)
    _save_targets(users.second, small, theirs, visits=120)
    _save_targets(users.first, small, mine, leads_new=12)
    assert _targets(users.first, small) == {"visits": 120, "leads_new": 12}
    assert sync_review.conflicts(users.first) == []


def test_one_target_set_by_two_users_the_later_wins_and_the_loser_is_logged(
    users: Users,
) -> None:
    small = users.small
    targets.save_targets(users.first, "team", small.team, PERIOD, {"visits": 100})
    mine, theirs = _targets(users.first, small), _targets(users.second, small)
    _save_targets(users.second, small, theirs, visits=120)
    _save_targets(users.first, small, mine, visits=150)
    assert _targets(users.second, small) == {"visits": 150}
    conflict = _conflict(users.second)
    assert (conflict.table, conflict.field) == ("target", "value")
    assert (conflict.winner_value, conflict.loser_value) == (150, 120)
    sync_review.restore_losing_value(users.first, conflict.id)
    assert _targets(users.second, small) == {"visits": 120}


def test_a_target_cleared_over_a_change_made_meanwhile_logs_the_value_it_hid(
    users: Users,
) -> None:
    small = users.small
    targets.save_targets(users.first, "team", small.team, PERIOD, {"visits": 100})
    mine, theirs = _targets(users.first, small), _targets(users.second, small)
    _save_targets(users.second, small, theirs, visits=120)
    _save_targets(users.first, small, mine, visits=None)
    assert _targets(users.second, small) == {}
    conflict = _conflict(users.second)
    assert (conflict.table, conflict.field) == ("target", "deleted")
    sync_review.restore_losing_value(users.first, conflict.id)
    assert _targets(users.second, small) == {"visits": 120}


def test_a_targets_form_saved_unchanged_writes_nothing(users: Users) -> None:
    small = users.small
    targets.save_targets(users.first, "team", small.team, PERIOD, {"visits": 100, "leads_new": 10})
    mine, theirs = _targets(users.first, small), _targets(users.second, small)
    _save_targets(users.second, small, theirs, visits=120, leads_new=None)
    unchanged = Unchanged(users.first)
    _save_targets(users.first, small, mine, **mine)
    unchanged.check()


def test_undo_of_a_name_typed_with_spaces_logs_no_conflict(users: Users) -> None:
    # The form passes back the name as typed; what is stored is the cleaned name, which is
    # this user's own, not another user's value to log.
    chain, _storage, cold = _chain(users)
    chains.rename_chain(users.first, chain.id, "  物流产业链 ", chain.name)
    chains.rename_chain(users.first, chain.id, chain.name, "  物流产业链 ")  # undo
    loaded, typed = _form(cold), replace(_form(cold), name=" 冷链物流  ")
    chains.save_link(users.first, cold.id, typed, loaded)
    chains.save_link(users.first, cold.id, loaded, typed)  # undo
    assert fetch(users.first, Chain, chain.id).name == chain.name
    assert fetch(users.first, ChainLink, cold.id).name == cold.name
    assert sync_review.conflicts(users.first) == []


def test_a_name_typed_again_with_a_space_leaves_another_users_rename(users: Users) -> None:
    alice, mine = users.small.alice, _sheet(users.first)
    _member_changed(users.second, _sheet(users.second), alice, name="李娜（碧江）")
    shown = next(m for m in mine.members if m.id == alice)
    _member_changed(users.first, mine, alice, name=shown.name + " ")  # as stored: no change
    _save_team(users.first, mine, name=mine.team.name + "  ")
    assert fetch(users.first, Member, alice).name == "李娜（碧江）"
    assert sync_review.conflicts(users.first) == []


def test_two_team_forms_saved_at_the_same_moment_keep_both_changes(users: Users) -> None:
    # Both users load the team form, then press Save at once, each from a thread (a window) of
    # its own: the saves queue on the database's write lock, and each merges over the other.
    ready, errors = threading.Barrier(2, timeout=30), []
    alice = users.small.alice

    def first() -> None:
        loaded = _sheet(users.first)
        ready.wait()
        _save_team(users.first, loaded, return_phone="0856-5221234")

    def second() -> None:
        loaded = _sheet(users.second)
        ready.wait()
        _member_changed(users.second, loaded, alice, name="李娜（碧江）")

    def run(user) -> None:  # type: ignore[no-untyped-def]
        try:
            user()
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(user,)) for user in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert fetch(users.first, Team, users.small.team).return_phone == "0856-5221234"
    assert fetch(users.first, Member, alice).name == "李娜（碧江）"
    assert sync_review.conflicts(users.first) == []
