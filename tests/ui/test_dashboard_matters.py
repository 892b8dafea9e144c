"""The dashboard's open matters to coordinate (需协调解决事项) on the demo: the rows are what
`open_matters` says on the dashboard's as-of date, the overdue first and said so in words; a
matter resolved elsewhere leaves the table when the change is announced; a double-click opens
the project on its matters."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget

from fieldlog.services.projects import coordination as coord
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.dialogs.project_dialog import ProjectDialog
from fieldlog.ui.main_window import MainWindow
from fieldlog.ui.navigator import Page
from fieldlog.ui.views.dashboard_page import DashboardPage

DISPATCH_END = date(2020, 4, 22)
LATER = date(2020, 7, 1)


def _page(qtbot, db: Database, kind: str, today: date = LATER) -> DashboardPage:
    page = DashboardPage(db, today=today)
    qtbot.addWidget(page)
    page.resize(1176, 678)
    page.picker.select(kind)
    return page


def _rows(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def _expected(db: Database, as_of: date) -> list[list[str]]:
    rows = []
    for m in sorted(coord.open_matters(db, as_of), key=lambda m: -(m.days_overdue or 0)):
        if m.days_overdue:
            state = f"Overdue by {m.days_overdue} day(s)"
        else:
            state = "No deadline" if m.due_on is None else "Not yet due"
        due = m.due_on.isoformat() if m.due_on else "—"
        rows.append([m.project, m.matter, m.owner, due, state])
    return rows


@pytest.mark.parametrize(("kind", "as_of"), [("dispatch", DISPATCH_END), ("month", LATER)])
def test_the_rows_are_the_open_matters_on_the_period_end(
    qtbot, demo_copy: Database, kind: str, as_of: date
) -> None:
    page = _page(qtbot, demo_copy, kind)
    assert page.as_of() == as_of
    table = page.findChild(QTableWidget, "open_matters_table")
    assert table is not None and table.isVisibleTo(page)
    shown = _rows(table)
    assert shown == _expected(demo_copy, as_of)
    overdue = [row for row in shown if row[4].startswith("Overdue by")]
    assert overdue and shown[: len(overdue)] == overdue  # the overdue first
    if kind == "dispatch":
        assert [row[4] for row in shown] == [
            "Overdue by 28 day(s)",
            "Overdue by 27 day(s)",
            "Overdue by 12 day(s)",
            "Not yet due",
            "Not yet due",
        ]
    title = page.matters.title.text()
    assert as_of.isoformat() in title and f": {len(shown)}, {len(overdue)} overdue" in title


def test_a_matter_resolved_leaves_the_table_when_announced(qtbot, demo_copy: Database) -> None:
    page = _page(qtbot, demo_copy, "dispatch")
    table = page.matters.table
    first = coord.open_matters(demo_copy, DISPATCH_END)[0]
    assert first.project in _rows(table)[0][0]
    coord.resolve_matter(demo_copy, first.id, on=date(2020, 4, 1))
    assert len(_rows(table)) == 5  # not yet told
    operations.announce(Changes.of(Kind.PROJECT))
    assert _rows(table) == _expected(demo_copy, DISPATCH_END)
    assert first.matter not in [row[1] for row in _rows(table)] and len(_rows(table)) == 4
    for matter in coord.open_matters(demo_copy, DISPATCH_END):
        coord.resolve_matter(demo_copy, matter.id, on=date(2020, 4, 1))
    operations.announce(Changes.of(Kind.PROJECT))
    empty = page.findChild(QLabel, "mattersEmpty")
    assert not table.isVisibleTo(page) and empty.isVisibleTo(page)
    assert empty.text() == "No matter is waiting to be coordinated."
    assert ": 0, 0 overdue" in page.matters.title.text()


def test_a_double_click_in_the_window_opens_the_project_on_its_matters(
    qtbot, demo_copy: Database
) -> None:
    window = MainWindow(demo_copy)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_page(Page.DASHBOARD)
    page = window.findChild(DashboardPage)
    assert page is not None and page.as_of() == DISPATCH_END  # the dispatch ended long ago
    table = page.matters.table
    target = coord.open_matters(demo_copy, DISPATCH_END)[2]
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == target.matter)
    page.ensureWidgetVisible(table)
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialogs = [d for d in window.findChildren(ProjectDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.project_id == target.project_id
    assert dialog.tabs.currentWidget() is dialog.coordination
    dialog.close()


def test_outside_a_window_a_double_click_opens_nothing(qtbot, demo_copy: Database) -> None:
    page = _page(qtbot, demo_copy, "dispatch")
    project = page.matters.project_at(0)
    assert project == coord.open_matters(demo_copy, DISPATCH_END)[0].project_id
    assert page.open_matters_of(project) is None
