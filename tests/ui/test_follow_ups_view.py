"""The follow-ups page: section counts, scopes, refresh on change, signals on activation."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from fieldlog.services.orgs import orgs
from fieldlog.services.projects import projects
from fieldlog.services.team import identity, team
from fieldlog.services.visits import visits
from fieldlog.services.visits.follow_ups import FollowUpItem, follow_ups
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.views import follow_ups_view
from fieldlog.ui.views.follow_ups_view import FollowUpsView, ItemRole, MoreRole
from tests.conftest import open_copy

TODAY = date(2020, 4, 22)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("follow-ups-view"))
    yield database
    database.close()


def _counts(view: FollowUpsView) -> list[int]:
    return [view.sections[k].childCount() for k in ("overdue", "today", "this_week")]


def _headers(view: FollowUpsView) -> list[str]:
    return [view.sections[k].text(0) for k in ("overdue", "today", "this_week")]


def _row(view: FollowUpsView, section: str, number: int) -> QTreeWidgetItem:
    row = view.sections[section].child(number)
    assert row is not None
    return row


def _double_click(qtbot: QtBot, widget: QWidget, pos: QPoint) -> None:
    """Press, then a double-click event: QTest's mouseDClick misses item views (Qt 6)."""
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=pos)
    point = QPointF(pos)
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    event = QMouseEvent(
        QEvent.Type.MouseButtonDblClick, point, widget.mapToGlobal(point), left, left, none
    )
    QApplication.sendEvent(widget, event)


def test_demo_sections_show_counts(qtbot: QtBot, demo: Database) -> None:
    view = FollowUpsView(demo, today=TODAY)
    qtbot.addWidget(view)
    assert view.objectName() == "followUps" and view.scope() == "team"
    assert _counts(view) == [123, 12, 46]
    assert _headers(view) == ["Overdue (123)", "Today (12)", "This week (46)"]


def test_mine_and_group_are_disabled_until_me_is_known(qtbot: QtBot, demo: Database) -> None:
    view = FollowUpsView(demo, today=TODAY)
    qtbot.addWidget(view)
    model = view.scope_box.model()
    assert isinstance(model, QStandardItemModel)
    assert [model.item(row).isEnabled() for row in range(3)] == [False, False, True]


def test_activating_rows_emits_the_open_signals(qtbot: QtBot, demo: Database) -> None:
    view = FollowUpsView(demo, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    visit_row, project_row = _row(view, "today", 0), _row(view, "today", 1)
    view.tree.setCurrentItem(visit_row)
    view.tree.setFocus()
    with qtbot.waitSignal(view.open_visit_requested) as blocker:
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert blocker.args[0] == visit_row.data(0, ItemRole).id
    view.tree.scrollToItem(project_row)
    rect = view.tree.visualItemRect(project_row)
    with qtbot.waitSignal(view.open_project_requested) as blocker:
        _double_click(qtbot, view.tree.viewport(), QPoint(rect.left() + 30, rect.center().y()))
    assert blocker.args[0] == project_row.data(0, ItemRole).id
    assert isinstance(blocker.args[0], uuid.UUID)


def test_scopes_and_refresh_on_change(qtbot: QtBot, db: Database) -> None:
    team_id = team.save_team(db, team.TeamInput("测试工作队"))
    group = team.save_group(db, "物流组", team_id=team_id)
    alice = team.save_member(db, team.MemberInput("李娜", group_id=group), team_id=team_id)
    bob = team.save_member(db, team.MemberInput("王强", group_id=group), team_id=team_id)
    carol = team.save_member(db, team.MemberInput("赵敏"), team_id=team_id)
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    visits.save_visit(db, visits.VisitInput(date(2020, 4, 1), org, [bob], next_follow_up=TODAY))
    identity.set_me(db, alice)
    view = FollowUpsView(db, today=TODAY)
    qtbot.addWidget(view)
    assert view.scope() == "me" and _counts(view) == [0, 0, 0]
    view.scope_box.setCurrentIndex(1)
    assert _counts(view) == [0, 1, 0]
    data = projects.ProjectInput("冷链仓", owner_id=carol, next_follow_up=date(2020, 4, 20))
    projects.open_project(db, data, on=date(2020, 4, 1))
    operations.announce(Changes.of(Kind.PROJECT))
    assert _counts(view) == [0, 1, 0]
    view.scope_box.setCurrentIndex(2)
    assert _counts(view) == [1, 1, 0]
    assert _row(view, "overdue", 0).text(5) == "冷链仓"


def _items(header: QTreeWidgetItem) -> list[FollowUpItem]:
    rows = (header.child(n) for n in range(header.childCount()))
    return [row.data(0, ItemRole) for row in rows if row is not None and row.data(0, ItemRole)]


def test_sections_show_a_page_and_a_more_row(
    qtbot: QtBot, demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(follow_ups_view, "PAGE_SIZE", 10)
    everything = follow_ups(demo, today=TODAY).overdue
    view = FollowUpsView(demo, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    header = view.sections["overdue"]
    assert header.text(0) == "Overdue (123)"
    shown = _items(header)
    assert 10 <= len(shown) < 123 and shown == everything[: len(shown)]
    more = header.child(header.childCount() - 1)
    assert more is not None and more.data(0, MoreRole) == "overdue"
    assert more.text(0) == f"{123 - len(shown)} more — press Enter to show 10 more"
    view.tree.setCurrentItem(more)
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert len(_items(header)) > len(shown) and view.tree.currentItem() is header.child(len(shown))
    while header.child(header.childCount() - 1).data(0, MoreRole):
        view.show_more("overdue")
    assert _items(header) == everything


def test_small_sections_have_no_more_row(qtbot: QtBot, demo: Database) -> None:
    view = FollowUpsView(demo, today=TODAY)
    qtbot.addWidget(view)
    for header in view.sections.values():
        rows = (header.child(n) for n in range(header.childCount()))
        assert not any(row.data(0, MoreRole) for row in rows if row is not None)
