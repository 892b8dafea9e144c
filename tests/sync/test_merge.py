"""Merging packages between laptops: convergence, conflicts, tombstones, forwarding, clocks."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import delete, select

from fieldlog.domain import hlc
from fieldlog.domain.period import Period
from fieldlog.services.exchange import sync, sync_review
from fieldlog.services.orgs import orgs
from fieldlog.services.reports.stats import compute
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.models import AppliedPackage, Organization, Visit
from fieldlog.store.stamping import HLC_KEY, read_state
from fieldlog.sync.errors import PackageError
from tests.conftest import sqlite_only
from tests.records import fetch
from tests.sync.conftest import FAST_KDF, Laptop

Make = Callable[[str], Laptop]
DAY_MS = 86_400_000


def _org(laptop: Laptop, name: str, code: str | None = None) -> uuid.UUID:
    return orgs.save_org(laptop.db, orgs.OrgInput(name, credit_code=code)).id


def _edit(laptop: Laptop, model: type, record_id: uuid.UUID, **values: object) -> None:
    with laptop.db.begin() as session:
        record = session.get(model, record_id)
        for key, value in values.items():
            setattr(record, key, value)


def _visit(laptop: Laptop, org: uuid.UUID, summary: str) -> uuid.UUID:
    member_id = team.save_member(laptop.db, team.MemberInput(f"队员{laptop.name}"))
    data = visits.VisitInput(date(2020, 4, 1), org, [member_id], summary=summary)
    return visits.save_visit(laptop.db, data)


def _exchange(*pairs: tuple[Laptop, Laptop]) -> None:
    for sender, receiver in pairs:
        receiver.receive(sender.export())


def test_two_laptops_converge_in_both_directions(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    _visit(a, _org(a, "深圳市德润物流有限公司"), "首次拜访")
    _visit(b, _org(b, "深圳市铜仁商会"), "座谈")
    _exchange((a, b), (b, a))
    assert a.digest() == b.digest()
    everything = Period(None, None)
    assert compute(a.db, everything).as_dict() == compute(b.db, everything).as_dict()
    assert compute(a.db, everything).visits == 2


def test_an_edit_of_a_received_value_is_no_conflict(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    org = _org(a, "深圳市德润物流有限公司")
    _exchange((a, b))
    _edit(b, Organization, org, notes="b 补充")
    report = a.receive(b.export())
    assert report.total("conflicts") == 0 and report.total("updated") == 1
    assert fetch(a.db, Organization, org).notes == "b 补充"
    assert sync_review.conflicts(a.db) == []


def test_concurrent_edits_keep_the_later_and_log_the_other(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    org = _org(a, "深圳市德润物流有限公司")
    _exchange((a, b))
    b.offset_ms = 60_000  # b's edit is the later one
    _edit(a, Organization, org, notes="a 的说法")
    _edit(b, Organization, org, notes="b 的说法")
    _exchange((a, b), (b, a))
    assert (
        fetch(a.db, Organization, org).notes == fetch(b.db, Organization, org).notes == "b 的说法"
    )
    assert a.digest() == b.digest()
    for laptop in (a, b):
        [conflict] = sync_review.conflicts(laptop.db)
        assert (conflict.field, conflict.winner_value, conflict.loser_value) == (
            "notes",
            "b 的说法",
            "a 的说法",
        )
        assert conflict.record == "深圳市德润物流有限公司"


def test_equal_values_never_conflict(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    org = _org(a, "深圳市德润物流有限公司")
    _exchange((a, b))
    _edit(a, Organization, org, phone="0755-1234567")
    _edit(b, Organization, org, phone="0755-1234567")
    _exchange((a, b), (b, a))
    assert sync_review.conflicts(a.db) == sync_review.conflicts(b.db) == []
    assert a.digest() == b.digest()


def test_a_successor_known_through_other_laptops_is_no_conflict(laptops: Make) -> None:
    a, b, c = laptops("a"), laptops("b"), laptops("c")
    org = _org(a, "深圳市德润物流有限公司")
    first = a.export()
    b.receive(first)
    c.receive(first)
    _edit(b, Organization, org, notes="b1")
    a.receive(b.export())
    _edit(a, Organization, org, notes="a2")  # a saw b1, which replaced a's original
    c.receive(a.export())  # c still holds the original: a2 is a successor of it
    c.receive(*b.sent)  # b1 arrives late: already superseded
    assert fetch(c.db, Organization, org).notes == "a2"
    assert sync_review.conflicts(c.db) == []


def test_changes_received_are_forwarded_in_the_next_package(laptops: Make) -> None:
    a, leader, c = laptops("a"), laptops("leader"), laptops("c")
    org = _org(a, "深圳市德润物流有限公司")
    leader.receive(a.export())
    c.receive(leader.export())  # the leader made no change of its own
    assert fetch(c.db, Organization, org).name == "深圳市德润物流有限公司"
    assert c.digest() == a.digest() == leader.digest()


def test_a_delete_and_a_concurrent_edit_both_survive(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    visit = _visit(a, _org(a, "深圳市德润物流有限公司"), "原始纪要")
    _exchange((a, b))
    visits.delete_visit(a.db, visit)
    _edit(b, Visit, visit, summary="补充纪要")
    _exchange((b, a), (a, b))
    for laptop in (a, b):
        record = fetch(laptop.db, Visit, visit)
        assert record.deleted and record.summary == "补充纪要"
    assert a.digest() == b.digest()


def test_a_package_already_applied_is_skipped(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    _org(a, "深圳市德润物流有限公司")
    package = a.export()
    b.receive(package)
    before = b.digest()
    again = b.receive(package, package)
    assert [p.skipped for p in again.packages] == [True, True] and again.backup is None
    assert b.digest() == before
    # Even applied anew (its record forgotten), old rows change nothing.
    with b.db.begin() as session:
        session.execute(delete(AppliedPackage))
    anew = b.receive(package)
    assert not anew.packages[0].skipped
    assert (anew.total("new"), anew.total("updated"), anew.total("conflicts")) == (0, 0, 0)
    assert b.digest() == before


def test_same_credit_code_becomes_one_organization_everywhere(laptops: Make) -> None:
    code = "91350100M000100Y43"
    a, b, c = laptops("a"), laptops("b"), laptops("c")
    first = _org(a, "德润物流", code)
    second = _org(b, "深圳德润物流有限公司", code)
    orgs.save_org(
        b.db, orgs.OrgInput("深圳德润物流有限公司", credit_code=code, phone="13800138000")
    )
    visit_b = _visit(b, second, "b 的拜访")
    pa, pb = a.export(), b.export()
    a.receive(pb)
    b.receive(pa)
    c.receive(pb, pa)  # another order, both at once
    keep, gone = sorted((first, second))
    for laptop in (a, b, c):
        with laptop.db.read() as session:
            live = session.execute(
                select(Organization.id).where(Organization.deleted.is_(False))
            ).scalars()
            assert list(live) == [keep]
        assert fetch(laptop.db, Visit, visit_b).org_id == keep
        assert fetch(laptop.db, Organization, gone).deleted
        assert fetch(laptop.db, Organization, keep).phone == "13800138000"
    assert a.digest() == b.digest() == c.digest()
    # The merged rows travel on and change nothing where the same merge was made.
    a.receive(b.export())
    b.receive(a.export())
    assert a.digest() == b.digest() == c.digest()


def test_look_alike_names_wait_for_a_person(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    first = _org(a, "深圳市铜仁商会")
    second = _org(b, "深圳市 铜仁商会")
    report = a.receive(b.export())
    assert report.duplicate_candidates == 1
    [pair] = sync_review.duplicate_candidates(a.db)
    assert {pair.first.id, pair.second.id} == {first, second}
    assert not fetch(a.db, Organization, second).deleted  # never merged by itself
    sync_review.merge_duplicate(a.db, pair.id, first)
    assert fetch(a.db, Organization, second).deleted
    assert sync_review.duplicate_candidates(a.db) == []
    b.receive(a.export())
    assert fetch(b.db, Organization, second).deleted


def test_a_dismissed_look_alike_stays_dismissed(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    _org(a, "深圳市铜仁商会")
    _org(b, "深圳市铜仁商会")
    a.receive(b.export())
    [pair] = sync_review.duplicate_candidates(a.db)
    sync_review.dismiss_duplicate(a.db, pair.id)
    _org(b, "深圳市铜仁商会 ")  # b logs it a third time
    a.receive(b.export())
    assert [p.id for p in sync_review.duplicate_candidates(a.db)] != [pair.id]


def test_restoring_the_losing_value_is_an_edit_that_travels(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    org = _org(a, "深圳市德润物流有限公司")
    _exchange((a, b))
    b.offset_ms = 60_000
    _edit(a, Organization, org, notes="a 的说法")
    _edit(b, Organization, org, notes="b 的说法")
    a.receive(b.export())
    [conflict] = sync_review.conflicts(a.db)
    sync_review.restore_losing_value(a.db, conflict.id)
    assert fetch(a.db, Organization, org).notes == "a 的说法"
    assert sync_review.conflicts(a.db) == []
    assert sync_review.conflicts(a.db, include_resolved=True)[0].resolution == "restored"
    report = b.receive(a.export())
    assert report.total("conflicts") == 0  # a saw b's value before replacing it
    assert fetch(b.db, Organization, org).notes == "a 的说法"
    with pytest.raises(ValueError, match="already been reviewed"):
        sync_review.restore_losing_value(a.db, conflict.id)


def test_a_clock_far_ahead_is_reported_and_the_clock_follows(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    a.offset_ms = 3 * DAY_MS
    team.save_member(a.db, team.MemberInput("王强"))
    report = b.receive(a.export())
    [warning] = report.clock_warnings
    assert "3.0 days ahead" in str(warning)
    with b.db.read() as session:
        clock = int(read_state(session, HLC_KEY) or 0)
    assert hlc.wall_ms(clock) >= b.clock() + 3 * DAY_MS - 60_000
    # b's next edit is stamped after a's, whatever b's own clock says.
    org = _org(b, "深圳市铜仁商会")
    assert fetch(b.db, Organization, org).hlc > clock


def test_a_backwards_clock_never_moves_stamps_back(laptops: Make) -> None:
    a = laptops("a")
    first = _org(a, "一号公司")
    a.offset_ms = -10 * DAY_MS
    second = _org(a, "二号公司")
    assert fetch(a.db, Organization, second).hlc > fetch(a.db, Organization, first).hlc


def test_peers_overview_names_who_sent_what(laptops: Make) -> None:
    from fieldlog.services.team.identity import set_me

    leader, a = laptops("leader"), laptops("a")  # a joined with the leader's package
    me = team.save_member(a.db, team.MemberInput("李娜"))
    set_me(a.db, me)
    _org(a, "深圳市德润物流有限公司")
    leader.receive(a.export())
    [peer] = sync.peers(leader.db)
    assert (peer.node_id, peer.member_name, peer.packages) == (a.db.node_id, "李娜", 1)
    assert peer.last_rows > 0 and peer.last_package_id is not None


def test_a_new_laptop_joins_with_a_full_package(laptops: Make) -> None:
    leader, newcomer = laptops("leader"), laptops("new")
    _visit(leader, _org(leader, "深圳市德润物流有限公司"), "首次拜访")
    leader.export()  # an incremental package went out earlier
    newcomer.receive(leader.export(full=True))
    assert newcomer.digest() == leader.digest()
    assert newcomer.db.node_id != leader.db.node_id


def test_a_package_missing_its_parents_is_refused_until_they_come(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    org = _org(a, "深圳市德润物流有限公司")
    first = a.export()
    _visit(a, org, "拜访")
    second = a.export()
    before = b.digest()
    with pytest.raises(PackageError, match="not received yet"):
        b.receive(second)
    assert b.digest() == before
    b.receive(first)
    b.receive(second)
    assert b.digest() == a.digest()


def test_import_without_passphrase_says_what_to_do(laptops: Make) -> None:
    from fieldlog.services.exchange.passphrase import forget_passphrase

    a, b = laptops("a"), laptops("b")
    package = a.export()
    forget_passphrase(b.db)
    with pytest.raises(ValueError, match="fieldlog team passphrase"):
        b.receive(package)


@pytest.mark.parametrize("passphrase", ["short", " leading space", "x" * 201])
def test_a_bad_passphrase_is_refused(laptops: Make, passphrase: str) -> None:
    with pytest.raises(ValueError, match="passphrase"):
        sync.set_passphrase(laptops("a").db, passphrase)


@sqlite_only("copies the laptop's database file")
def test_a_copied_database_is_another_laptop(laptops: Make, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fieldlog.store.backup import backup_file
    from fieldlog.store.database import open_database

    a = laptops("a")
    org = _org(a, "深圳市德润物流有限公司")
    a.export()
    assert a.db.path is not None
    copy = backup_file(a.db.path, tmp_path / "other-laptop" / "a.db", password=a.db.password)
    b = Laptop("b", open_database(str(copy), password=a.db.password), tmp_path / "other-laptop")
    try:
        assert b.db.node_id != a.db.node_id
        _edit(a, Organization, org, notes="原机")
        _edit(b, Organization, org, notes="拷贝")
        _exchange((a, b), (b, a))
        assert a.digest() == b.digest()
        assert len(sync_review.conflicts(a.db)) == 1  # two nodes, not one
    finally:
        b.db.close()


def test_export_into_a_folder_and_count_what_is_unsent(laptops: Make) -> None:
    a = laptops("a")
    _org(a, "深圳市德润物流有限公司")
    _org(a, "深圳市铜仁商会")
    assert sync.unsent_count(a.db) == 2
    report = sync.export_package(a.db, a.folder, kdf=FAST_KDF)
    assert report.path.parent == a.folder and report.path.suffix == ".fieldsync"
    assert report.rows == 2 and sync.unsent_count(a.db) == 0
