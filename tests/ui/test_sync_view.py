"""The Sync page over real laptops: last received, conflicts and look-alikes, by its buttons."""

# ruff: noqa: F811  (fixture arguments share the names of the imported fixtures)
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldlog.services.exchange import sync, sync_review
from fieldlog.store.models import Organization
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.views.sync_view import SyncView

# The shared fixtures: imported here, pytest finds them by name.
from tests.ui.test_sync_laptops import (  # noqa: F401
    CADRE,
    LEADER,
    SILENT,
    Laptop,
    leader_and_cadre,
    make_laptop,
    sync_template,
    warnings,
)

NAME = "深圳市华强物流有限公司"


def page(qtbot, laptop: Laptop, **kwargs) -> SyncView:
    view = SyncView(laptop.db, **kwargs)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    return view


def column(view_table, number: int) -> list[str]:
    return [view_table.item(row, number).text() for row in range(view_table.rowCount())]


def notes_of(laptop: Laptop, org_id) -> str:
    with laptop.db.read() as session:
        org = session.get(Organization, org_id)
        assert org is not None
        return org.notes


@pytest.fixture
def conflicted(leader_and_cadre) -> tuple[Laptop, Laptop, object]:
    """Both laptops edited the notes of one organization; the leader received the cadre's."""
    leader, cadre = leader_and_cadre
    org = leader.org("冲突测试公司", notes="原来的备注")
    cadre.receive(leader.export("leader-1"))
    cadre.set_notes(org, "冲突测试公司", "乙的备注")
    leader.set_notes(org, "冲突测试公司", "甲的备注")
    leader.receive(cadre.export("cadre-1"))
    return leader, cadre, org


@pytest.fixture
def look_alikes(leader_and_cadre) -> tuple[Laptop, Laptop]:
    """The same organization created on both laptops, without a credit code."""
    leader, cadre = leader_and_cadre
    leader.org(NAME)
    cadre.org(NAME)
    leader.receive(cadre.export("cadre-1"))
    return leader, cadre


@pytest.fixture
def similar_names(leader_and_cadre) -> tuple[Laptop, Laptop]:
    """One enterprise written two ways (place prefix, bracketed place) on the two laptops."""
    leader, cadre = leader_and_cadre
    leader.org("深圳市华为技术有限公司")
    cadre.org("华为技术（深圳）有限公司")
    cadre.org("华为终端有限公司")  # same brand, another company
    leader.receive(cadre.export("cadre-1"))
    return leader, cadre


def test_the_overview_lists_who_sent_and_who_never_did(qtbot, leader_and_cadre) -> None:
    leader, cadre = leader_and_cadre
    leader.receive(cadre.export("cadre-1"))
    view = page(qtbot, leader)
    assert view.objectName() == "syncPage"
    assert column(view.peers, 0) == [SILENT, CADRE]  # never sent comes first; me not listed
    assert column(view.peers, 1) == ["Never sent anything", "Received today"]
    assert column(view.peers, 5) == ["", "1"]
    assert view.peers_box.title() == "Last received (1 need attention)"


def test_a_laptop_silent_for_more_than_a_week_is_overdue(qtbot, leader_and_cadre) -> None:
    leader, cadre = leader_and_cadre
    leader.receive(cadre.export("cadre-1"))
    view = page(qtbot, leader, now=datetime.now(UTC) + timedelta(days=8, hours=1))
    states = dict(zip(column(view.peers, 0), column(view.peers, 1), strict=True))
    assert states[CADRE] == "Overdue: nothing for 8 day(s)"
    assert view.peers.item(1, 1).foreground().color().name() == "#b3261e"
    assert view.peers_box.title() == "Last received (2 need attention)"


def test_the_cadre_sees_the_leader(qtbot, leader_and_cadre) -> None:
    _leader, cadre = leader_and_cadre
    view = page(qtbot, cadre)
    assert dict(zip(column(view.peers, 0), column(view.peers, 1), strict=True)) == {
        SILENT: "Never sent anything",
        LEADER: "Received today",
    }


def test_a_conflict_shows_both_values_and_who(qtbot, conflicted) -> None:
    leader, _cadre, _org = conflicted
    view = page(qtbot, leader)
    assert (
        view.conflicts.rowCount() == 1 and view.conflicts_box.title() == "Conflicts to review (1)"
    )
    [conflict] = sync_review.conflicts(leader.db)
    cells = [view.conflicts.item(0, c).text() for c in range(7)]
    assert cells[0] == "Organization: 冲突测试公司" and cells[1] == "Notes"
    assert {cells[2], cells[4]} == {"甲的备注", "乙的备注"}
    assert cells[2] == conflict.winner_value and cells[4] == conflict.loser_value
    assert {cells[3].split(",")[0], cells[5].split(",")[0]} == {f"{LEADER} (this laptop)", CADRE}
    assert cells[6] == str(conflict.package_id)[:8]
    assert view.restore_button.isEnabled() and view.keep_button.isEnabled()


def test_restore_the_other_value_is_an_edit_that_syncs(qtbot, conflicted) -> None:
    leader, cadre, org = conflicted
    [conflict] = sync_review.conflicts(leader.db)
    view = page(qtbot, leader)
    qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
    assert notes_of(leader, org) == conflict.loser_value
    assert view.conflicts.rowCount() == 0 and not view.restore_button.isEnabled()
    cadre.receive(leader.export("leader-2"))
    assert notes_of(cadre, org) == conflict.loser_value
    assert cadre.digest() == leader.digest()


def test_keep_reviews_the_conflict_without_an_edit(qtbot, conflicted) -> None:
    leader, _cadre, org = conflicted
    [conflict] = sync_review.conflicts(leader.db)
    view = page(qtbot, leader)
    before = leader.digest()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.conflicts.setFocus()
    qtbot.keyClick(view.conflicts, Qt.Key.Key_Tab)  # the table, Restore, then Keep
    qtbot.keyClick(view.restore_button, Qt.Key.Key_Tab)
    assert view.keep_button.hasFocus()
    qtbot.keyClick(view.keep_button, Qt.Key.Key_Space)
    assert view.conflicts.rowCount() == 0
    assert notes_of(leader, org) == conflict.winner_value and leader.digest() == before
    assert sync_review.conflicts(leader.db, include_resolved=True)[0].resolution == "kept"


def test_a_look_alike_pair_is_merged_keeping_the_left(qtbot, look_alikes, monkeypatch) -> None:
    leader, _cadre = look_alikes
    asked: list[str] = []

    def yes(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    [pair] = sync_review.duplicate_candidates(leader.db)
    view = page(qtbot, leader)
    assert view.duplicates.rowCount() == 1
    assert column(view.duplicates, 0) == [f"{NAME} (Enterprise)"]
    assert column(view.duplicates, 1) == ["(none)"]
    assert column(view.duplicates, 6) == ["Same name"]
    qtbot.mouseClick(view.merge_left_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "cannot be undone" in asked[0]
    assert view.duplicates.rowCount() == 0
    with leader.db.read() as session:
        live = session.query(Organization).filter_by(name=NAME, deleted=False).all()
    assert [o.id for o in live] == [pair.first.id]


def test_a_similar_names_pair_says_why_and_merges(qtbot, similar_names, monkeypatch) -> None:
    leader, _cadre = similar_names
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    view = page(qtbot, leader)
    assert view.duplicates_box.title() == "Look-alike organizations (1)"
    assert sorted(column(view.duplicates, 0) + column(view.duplicates, 3)) == [
        "华为技术（深圳）有限公司 (Enterprise)",
        "深圳市华为技术有限公司 (Enterprise)",
    ]
    assert view.duplicates.horizontalHeaderItem(6).text() == "Why"
    assert column(view.duplicates, 6) == ["Similar names (100%)"]
    assert "legal forms are set aside" in view.duplicates.item(0, 6).toolTip()
    [pair] = sync_review.duplicate_candidates(leader.db)
    qtbot.mouseClick(view.merge_left_button, Qt.MouseButton.LeftButton)
    assert view.duplicates.rowCount() == 0
    with leader.db.read() as session:
        live = session.query(Organization).filter_by(deleted=False).all()
    assert len(live) == 2  # the kept record and the other company
    assert {o.id for o in live if o.name != "华为终端有限公司"} == {pair.first.id}


def test_a_merge_can_be_declined(qtbot, look_alikes, monkeypatch) -> None:
    leader, _cadre = look_alikes
    no = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: no)
    view = page(qtbot, leader)
    view.merge_right_button.click()
    assert view.duplicates.rowCount() == 1


def test_not_the_same_takes_the_pair_off_the_list(qtbot, look_alikes) -> None:
    leader, _cadre = look_alikes
    view = page(qtbot, leader)
    qtbot.mouseClick(view.not_same_button, Qt.MouseButton.LeftButton)
    assert view.duplicates.rowCount() == 0 and sync_review.duplicate_candidates(leader.db) == []
    with leader.db.read() as session:
        assert session.query(Organization).filter_by(name=NAME, deleted=False).count() == 2


def test_status_line_and_buttons(qtbot, leader_and_cadre, make_laptop) -> None:
    leader, _cadre = leader_and_cadre
    leader.org("甲公司")
    view = page(qtbot, leader)
    assert view.status.text() == "1 record(s) not sent yet."
    leader.export("all")
    view.refresh()
    assert view.status.text() == "Everything has been sent."
    asked: list[str] = []
    view.send_requested.connect(lambda: asked.append("send"))
    view.receive_requested.connect(lambda: asked.append("receive"))
    view.send_button.click()
    view.receive_button.click()
    assert asked == ["send", "receive"]
    fresh = page(qtbot, make_laptop("fresh", passphrase=None))
    assert "No team passphrase kept on this computer" in fresh.status.text()
    assert not sync.has_passphrase(fresh.db)


def test_a_hidden_page_refreshes_when_shown(qtbot, conflicted) -> None:
    from fieldlog.ui import operations

    leader, _cadre, _org = conflicted
    view = page(qtbot, leader)
    view.hide()
    [conflict] = sync_review.conflicts(leader.db)
    sync_review.dismiss_conflict(leader.db, conflict.id)
    operations.announce(Changes.of(Kind.SYNC))
    assert view.conflicts.rowCount() == 1  # not yet: the page is hidden
    view.show()
    assert view.conflicts.rowCount() == 0
