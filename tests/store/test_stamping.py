"""Every change carries its clock stamp, node and change number; tombstones are changes too."""

from __future__ import annotations

import pytest

from fieldlog.services.team import team
from fieldlog.store.database import Database, open_database
from fieldlog.store.models import Member
from tests.records import fetch


def test_new_record_is_stamped_on_every_field(db: Database) -> None:
    member_id = team.save_member(db, team.MemberInput("李娜", county="碧江区"))
    member = fetch(db, Member, member_id)
    assert member.node_id == db.node_id
    assert member.hlc > 0
    assert member.local_seq > 0
    assert {"name", "county_id", "deleted", "phone"} <= set(member.field_stamps)
    assert all(stamp == [member.hlc, db.node_id] for stamp in member.field_stamps.values())


def test_an_edit_restamps_only_the_changed_fields(db: Database) -> None:
    member_id = team.save_member(db, team.MemberInput("李娜", county="碧江区"))
    before = fetch(db, Member, member_id)
    team.save_member(db, team.MemberInput("李娜", county="万山区"), member_id=member_id)
    after = fetch(db, Member, member_id)
    assert after.hlc > before.hlc
    assert after.local_seq > before.local_seq
    # The edit remembers the stamp it replaced, so sync can tell a successor from a conflict.
    assert after.field_stamps["county_id"] == [after.hlc, db.node_id, {db.node_id: before.hlc}]
    assert after.field_stamps["name"] == before.field_stamps["name"]


def test_clock_never_goes_backwards_across_many_changes(db: Database) -> None:
    stamps, seqs = [], []
    for index in range(20):
        member = fetch(db, Member, team.save_member(db, team.MemberInput(f"队员{index}")))
        stamps.append(member.hlc)
        seqs.append(member.local_seq)
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)
    assert seqs == list(range(seqs[0], seqs[0] + 20))  # one change number per transaction


def test_counters_survive_reopening(db: Database) -> None:
    first = fetch(db, Member, team.save_member(db, team.MemberInput("甲")))
    db.close()
    reopened = open_database(db.location, password=db.password)
    second = fetch(reopened, Member, team.save_member(reopened, team.MemberInput("乙")))
    reopened.close()
    assert second.hlc > first.hlc
    assert second.local_seq == first.local_seq + 1


def test_a_failed_transaction_draws_no_change_number(db: Database) -> None:
    first = fetch(db, Member, team.save_member(db, team.MemberInput("甲")))
    try:
        with db.begin():
            team.save_member(db, team.MemberInput("乙"))
            raise RuntimeError("power cut")
    except RuntimeError:
        pass
    second = fetch(db, Member, team.save_member(db, team.MemberInput("丙")))
    assert second.local_seq == first.local_seq + 1


def test_a_change_inside_a_read_only_unit_is_refused(db: Database) -> None:
    with db.read(), pytest.raises(RuntimeError, match="read-only"):
        team.save_member(db, team.MemberInput("甲"))
    assert team.members(db) == []


def test_a_rolled_back_savepoint_keeps_the_clock_of_the_transaction(db: Database) -> None:
    with db.begin() as session:
        first = team.save_member(db, team.MemberInput("甲"))
        savepoint = session.begin_nested()
        team.save_member(db, team.MemberInput("乙"))
        savepoint.rollback()
        second = team.save_member(db, team.MemberInput("丙"))
    after = team.save_member(db, team.MemberInput("丁"))
    stamps = [fetch(db, Member, i).hlc for i in (first, second, after)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 3
    assert fetch(db, Member, after).local_seq > fetch(db, Member, second).local_seq
