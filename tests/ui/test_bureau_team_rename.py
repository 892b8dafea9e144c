"""A team renamed on its laptop, seen in a bureau's window: the team selector shows the new name
once the team's next package is received — dropped on this window, or received by another user
of the bureau's database — and the team shown stays shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox

from fieldlog.services.bureau import bureau
from fieldlog.services.exchange import sync
from fieldlog.store.database import Database
from fieldlog.ui.main_window import MainWindow
from fieldlog.ui.operations import changes
from fieldlog.ui.widgets.combo_values import index_of
from tests.services.bureau_teams import TeamLaptop, make_teams
from tests.services.test_bureau_watch import rename
from tests.ui.test_sync_send_receive import drop

NEW_NAME = "驻深圳市工作队"


@pytest.fixture
def teams(empty_database_file: Path, tmp_path: Path) -> Iterator[list[TeamLaptop]]:
    made = make_teams(empty_database_file, tmp_path / "teams", 2)
    yield made
    for laptop in made:
        laptop.db.close()


@pytest.fixture
def window(qtbot, db: Database, teams: list[TeamLaptop]) -> Iterator[MainWindow]:
    bureau.init_bureau(db, "铜仁市投资促进局")
    for laptop in teams:
        bureau.register_team(db, laptop.export(full=True), laptop.passphrase)
    QSettings().remove("bureau")  # no team remembered from another test
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    combo = selector(win)
    combo.setCurrentIndex(index_of(combo, bureau.find_team(db, "驻深工作队").id))
    yield win
    win.close()


def selector(win: MainWindow) -> QComboBox:
    found = win.findChild(QComboBox, "teamSelector")
    assert found is not None
    return found


def listed(win: MainWindow) -> list[str]:
    combo = selector(win)
    return [combo.itemText(i) for i in range(1, combo.count())]


def test_a_renamed_teams_package_dropped_renames_it_in_the_selector(
    qtbot, window: MainWindow, teams: list[TeamLaptop]
) -> None:
    sz = teams[0]
    assert window.bureau is not None
    shown = window.bureau.scope.team_id
    assert shown is not None and selector(window).currentText() == "驻深工作队"
    rename(sz, NEW_NAME)
    with qtbot.waitSignal(changes().changes_applied):  # received once the drop has returned
        drop(window, sz.export())
    assert listed(window) == ["驻沪工作队", NEW_NAME]
    assert selector(window).currentText() == NEW_NAME  # still the team shown
    assert window.bureau.scope.team_id == shown


def test_a_rename_received_by_another_user_shows_at_the_next_look(
    window: MainWindow, db: Database, teams: list[TeamLaptop]
) -> None:
    sz = teams[0]
    rename(sz, NEW_NAME)
    sync.import_packages(db, [sz.export()])  # `bureau watch`, another bureau user's window
    assert listed(window) == ["驻沪工作队", "驻深工作队"]  # nothing told this window yet
    assert window.change_watch.poll()
    assert listed(window) == ["驻沪工作队", NEW_NAME]
    assert selector(window).currentText() == NEW_NAME
