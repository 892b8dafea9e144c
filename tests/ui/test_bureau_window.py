"""The window over a bureau database (SPEC §9): a team selector over every page, one team's figures
equal to the team's own, all teams with an enterprise counted once, the previous view closed,
nothing editable, first reports across teams and the ranking of teams against their targets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QMenu, QMessageBox, QPushButton

from fieldlog.domain.indicators import AMOUNT_METRICS, HEADLINE_METRICS
from fieldlog.domain.money import format_yi
from fieldlog.domain.period import Period
from fieldlog.excel.weekly_return import RETURN_SHEETS
from fieldlog.services.bureau import bureau
from fieldlog.services.bureau.window_support import identity
from fieldlog.services.reports import stats, targets
from fieldlog.services.team.team import current_team
from fieldlog.store.database import Database
from fieldlog.ui.actions import MainAction
from fieldlog.ui.bureau.scope import setting_key
from fieldlog.ui.bureau.team_ranking import TeamRankingTable
from fieldlog.ui.main_actions import bureau_read_only
from fieldlog.ui.main_window import MainWindow
from fieldlog.ui.navigator import Page
from fieldlog.ui.operations import changes
from fieldlog.ui.widgets.combo_values import index_of
from fieldlog.ui.widgets.targets_table import percent, signed_percent
from tests.field_dump import db_digest
from tests.services.bureau_teams import SHARED_CODE, TeamLaptop, make_team
from tests.ui.test_sync_send_receive import drop

ALL_TIME = Period(None, None)
BUREAU_ACTIONS = ("registerTeamAction", "overlapsAction", "exportBureauAction")


@pytest.fixture
def teams(empty_database_file: Path, tmp_path: Path) -> Iterator[list[TeamLaptop]]:
    made = [
        make_team(
            empty_database_file,
            tmp_path / "sz",
            "驻深工作队",
            shared_on=date(2026, 11, 3),
            shared_name="华为技术有限公司",
            contract_yuan=300_000_000,
        ),
        make_team(
            empty_database_file,
            tmp_path / "sh",
            "驻沪工作队",
            shared_on=date(2026, 11, 1),
            shared_name="华为技术（上海）有限公司",
            contract_yuan=150_000_000,
            own_orgs=2,
        ),
    ]
    yield made
    for laptop in made:
        laptop.db.close()


@pytest.fixture
def bureau_db(db: Database, teams: list[TeamLaptop]) -> Database:
    bureau.init_bureau(db, "铜仁市投资促进局")
    for laptop in teams:
        bureau.register_team(db, laptop.export(full=True), laptop.passphrase)
    return db


@pytest.fixture
def window(qtbot, bureau_db: Database) -> Iterator[MainWindow]:
    QSettings().remove("bureau")  # no team remembered from another test
    win = MainWindow(bureau_db)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def selector(win: MainWindow) -> QComboBox:
    found = win.findChild(QComboBox, "teamSelector")
    assert found is not None
    return found


def choose(win: MainWindow, name: str | None) -> None:
    """Choose a team by name (None: all teams) in the selector, as a user does."""
    combo = selector(win)
    team_id = None if name is None else bureau.find_team(win.db, name).id
    index = index_of(combo, team_id)
    assert index >= 0, name
    combo.setCurrentIndex(index)


def headline(win: MainWindow) -> dict[str, str]:
    win.show_page(Page.DASHBOARD)
    shown = {}
    for metric in HEADLINE_METRICS:
        label = win.findChild(QLabel, f"figure_{metric}")
        assert label is not None, metric
        shown[metric] = label.text()
    return shown


def expected(db: Database) -> dict[str, str]:
    figures = stats.compute(db, ALL_TIME)
    return {
        m: format_yi(figures.value(m)) if m in AMOUNT_METRICS else str(figures.value(m))
        for m in HEADLINE_METRICS
    }


def deleted_later() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def test_the_selector_lists_all_teams_then_each_team(window: MainWindow) -> None:
    combo = selector(window)
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts == [
        "All teams (an enterprise several teams visited counts once)",
        "驻沪工作队",
        "驻深工作队",
    ]
    assert combo.currentIndex() == 0
    assert window.windowTitle().startswith("FieldLog — 铜仁市投资促进局")


def test_one_team_shows_the_figures_of_its_own_laptop(
    window: MainWindow, teams: list[TeamLaptop]
) -> None:
    for laptop in teams:
        choose(window, laptop.name)
        assert headline(window) == expected(laptop.db), laptop.name
        assert window.findChild(QLabel, "teamNameLabel").text() == laptop.name
        assert window.pipeline.db is window.shown_db  # every page over the team's view
        assert window.visit_log.model.rowCount() == stats.compute(laptop.db, ALL_TIME).visits


def test_all_teams_count_the_shared_enterprise_once(
    window: MainWindow, teams: list[TeamLaptop]
) -> None:
    shown = headline(window)
    each = [stats.compute(laptop.db, ALL_TIME) for laptop in teams]
    assert shown["visits"] == str(sum(s.visits for s in each))
    assert shown["enterprises_visited"] == str(sum(s.enterprises_visited for s in each) - 1)
    assert shown["contract_amount_yuan"] == format_yi(450_000_000)
    assert "counts once" in window.findChild(QLabel, "figuresCaption").text()


def test_choosing_another_team_closes_the_previous_view(window: MainWindow) -> None:
    window.show_page(Page.DASHBOARD)
    first = window.shown_db
    choose(window, "驻深工作队")
    deleted_later()
    assert first.engine.pool.checkedout() == 0 and first.engine.pool.checkedin() == 0
    team_view = window.shown_db
    assert team_view is not first and team_view.read_only
    choose(window, "驻沪工作队")
    deleted_later()
    assert team_view.engine.pool.checkedout() == 0 and team_view.engine.pool.checkedin() == 0
    assert window.pages.currentWidget().objectName() == "dashboard"  # the same page shown


def test_the_choice_survives_a_restart(qtbot, window: MainWindow, bureau_db: Database) -> None:
    choose(window, "驻深工作队")
    team_id = bureau.find_team(bureau_db, "驻深工作队").id
    window.close()
    again = MainWindow(bureau_db)
    qtbot.addWidget(again)
    combo = selector(again)
    assert combo.currentData() == team_id
    assert current_team(again.shown_db).id == team_id  # the pages show that team's view
    again.close()


def test_a_team_no_longer_registered_opens_on_all_teams(qtbot, bureau_db: Database) -> None:
    found = identity(bureau_db)
    assert found is not None
    QSettings().setValue(setting_key(found), "0123456789abcdef0123456789abcdef")
    win = MainWindow(bureau_db)
    qtbot.addWidget(win)
    assert selector(win).currentIndex() == 0 and win.bureau.scope.team_id is None
    win.close()


def test_nothing_is_edited_on_a_bureau(
    qtbot, window: MainWindow, bureau_db: Database, modal_boxes: list
) -> None:
    before = db_digest(bureau_db)
    locked = (
        MainAction.NEW_VISIT,
        MainAction.IMPORT,
        MainAction.EDIT_TEAM,
        MainAction.SEND_WORK,
        MainAction.LOAD_DEMO,
        MainAction.TEAM_PASSPHRASE,
        MainAction.EDIT_VISIT,
    )
    for kind in locked:
        action = window.main_actions[kind]
        assert not action.isEnabled(), kind
        assert action.toolTip() == bureau_read_only(), kind
    assert window.main_actions[MainAction.RECEIVE].isEnabled()
    window.show_page(Page.VISITS)  # the page shown enables its Edit action on a team's laptop
    assert not window.main_actions[MainAction.EDIT_VISIT].isEnabled()
    assert not window.visit_log.new_button.isEnabled()
    window.show_page(Page.DASHBOARD)
    assert not window.findChild(QPushButton, "targetsButton").isEnabled()
    # A page's own request to change a record meets a read-only view: refused, nothing written.
    choose(window, "驻深工作队")
    with pytest.raises(Exception, match="read-only"), window.shown_db.begin():
        pass
    assert db_digest(bureau_db) == before


def test_the_overlaps_dialog_names_the_first_reporter(window: MainWindow) -> None:
    action = window.findChild(QAction, "overlapsAction")
    action.trigger()
    dialog = window.findChild(QDialog, "overlapsDialog")
    assert dialog is not None
    table = dialog.table
    assert table.rowCount() == 1
    row = [table.item(0, c).text() for c in range(table.columnCount())]
    assert row[0] == "华为技术（上海）有限公司"
    assert row[1] == SHARED_CODE
    assert row[2] == "驻沪工作队" and row[3] == "2026-11-01"
    sh, sz = row[4].split("\n")
    assert sh == f"驻沪工作队: 2026-11-01 (visit), {format_yi(150_000_000)}"
    assert sz == f"驻深工作队: 2026-11-03 (visit), {format_yi(300_000_000)}"
    dialog.close()


def test_the_ranking_has_one_row_per_team_and_the_total(
    window: MainWindow, teams: list[TeamLaptop]
) -> None:
    window.show_page(Page.DASHBOARD)
    table = window.findChild(TeamRankingTable, "teamRanking")
    assert table is not None and table.isVisible()
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert names == [
        "驻深工作队",  # 3.00 亿元 before 1.50
        "驻沪工作队",
        "Total of all teams (an enterprise several teams visited counts once)",
    ]
    assert table.item(0, 3).text() == format_yi(300_000_000)
    assert table.item(2, 3).text() == format_yi(450_000_000)
    choose(window, "驻深工作队")  # one team: its own targets instead of the ranking
    assert window.findChild(TeamRankingTable, "teamRanking").isHidden()


def test_the_ranking_shows_each_teams_own_target_and_pace(
    qtbot, db: Database, teams: list[TeamLaptop]
) -> None:
    sz = teams[0]
    team_id = current_team(sz.db).id
    target = Period(date(2026, 11, 1), date(2027, 1, 31))
    targets.set_target(sz.db, "team", team_id, "contract_amount_yuan", target, 600_000_000)
    bureau.init_bureau(db, "铜仁市投资促进局")
    for laptop in teams:
        bureau.register_team(db, laptop.export(full=True), laptop.passphrase)
    QSettings().remove("bureau")
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show_page(Page.DASHBOARD)
    table = win.findChild(TeamRankingTable, "teamRanking")
    [own] = [p for p in targets.targets_progress(sz.db, today=date.today()) if p.scope == "team"]
    assert table.item(0, 0).text() == "驻深工作队"
    assert table.item(0, 4).text() == f"{percent(own.rate)} ({signed_percent(own.ahead)})"
    assert table.item(1, 4).text() == "—"  # 驻沪工作队 set no target
    win.close()


def test_a_team_database_shows_no_selector_and_no_bureau_actions(
    qtbot, teams: list[TeamLaptop]
) -> None:
    win = MainWindow(teams[0].db)
    qtbot.addWidget(win)
    assert win.findChild(QComboBox, "teamSelector") is None
    assert win.bureau is None
    for name in BUREAU_ACTIONS:
        assert win.findChild(QAction, name) is None, name
    assert win.findChild(QMenu, "bureauMenu") is None
    assert win.main_actions[MainAction.NEW_VISIT].isEnabled()
    win.close()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the warning boxes shown (none of them blocks)."""
    shown: list[str] = []

    def fake_warning(_parent, _title, text, *_args, **_kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", fake_warning)
    return shown


def _visit_later(laptop: TeamLaptop) -> None:
    from sqlalchemy import select

    from fieldlog.services.orgs import orgs
    from fieldlog.services.visits import visits
    from fieldlog.store.models import Member

    org = orgs.save_org(laptop.db, orgs.OrgInput("后来走访企业有限公司")).id
    with laptop.db.read() as session:
        member = session.execute(select(Member.id)).scalar_one()
    visits.save_visit(laptop.db, visits.VisitInput(date(2026, 11, 28), org, [member]))


def test_a_team_registers_from_the_window_and_its_packages_are_received(
    qtbot, db: Database, teams: list[TeamLaptop], warnings: list[str]
) -> None:
    bureau.init_bureau(db, "铜仁市投资促进局")
    QSettings().remove("bureau")
    win = MainWindow(db)  # a bureau with no team yet: the pages, never the welcome screen
    qtbot.addWidget(win)
    win.show()  # the dashboard in view: a hidden page recounts only once it is shown
    assert win.centralWidget().objectName() == "workspace"
    assert selector(win).count() == 1
    win.show_page(Page.DASHBOARD)
    ranking = win.findChild(TeamRankingTable, "teamRanking")
    assert ranking.rowCount() == 1  # the total alone
    sz, sh = teams
    package = sz.export(full=True)
    before = db_digest(db)
    dialog = win.bureau.register_team(package)
    dialog.passphrase.setText("not the passphrase")
    dialog.register_button.click()
    assert dialog.isVisible() and "Nothing was registered" in dialog.message.text()
    assert db_digest(db) == before and bureau.teams(db) == []
    dialog.passphrase.setText(sz.passphrase)
    dialog.register_button.click()
    assert not dialog.isVisible()
    combo = selector(win)
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["驻深工作队"]
    assert [ranking.item(r, 0).text() for r in range(ranking.rowCount() - 1)] == ["驻深工作队"]

    # A package of a team not registered: refused with the core's sentence, nothing changed.
    before = db_digest(db)
    win.sync_flow.receive([sh.export(full=True)])
    assert db_digest(db) == before
    assert len(warnings) == 1 and "has not registered" in warnings[0]
    # A registered team's later package: received with its kept passphrase, no question asked.
    choose(win, "驻深工作队")
    _visit_later(sz)
    with qtbot.waitSignal(changes().changes_applied):  # received once the drop has returned
        drop(win, sz.export())  # dropped on the window, as a bureau's staff does
    assert len(warnings) == 1
    assert headline(win) == expected(sz.db)
    win.close()


def test_every_page_opens_on_one_team_and_on_all_teams(window: MainWindow) -> None:
    for team in ("驻沪工作队", None):
        choose(window, team)
        for page in Page:
            window.show_page(page)
            assert window.pages.currentWidget().objectName() != "pageNotBuiltYet", page
        assert window.chain_map.db is window.shown_db and window.follow_ups.db is window.shown_db


def test_the_teams_weekly_returns_are_written_for_the_week_chosen(
    window: MainWindow, bureau_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    from fieldlog.services.bureau.consolidated import OVERVIEW_SHEET

    out = tmp_path / "局周报.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    before = db_digest(bureau_db)
    window.main_actions[MainAction.EXPORT_WEEKLY].trigger()  # all teams: the consolidated one
    dialog = window.findChild(QDialog, "bureauExportDialog")
    assert dialog is not None and not dialog.since_check.isVisible()
    dialog.year_spin.setValue(2026)
    dialog.week_spin.setValue(48)
    dialog.run_button.click()
    assert dialog.written == out
    book = load_workbook(out)
    assert book.sheetnames[0] == OVERVIEW_SHEET
    assert len(book.sheetnames) == 1 + len(RETURN_SHEETS) * 2
    rows = [row[0] for row in book[OVERVIEW_SHEET].iter_rows(min_row=2, values_only=True)]
    assert rows[-1] == "各队合计（同一企业只计一次）"
    assert db_digest(bureau_db) == before
    dialog.close()
    assert window.findChild(QAction, "exportBureauAction") is not None


def test_a_bureau_on_a_server_shows_each_team(qtbot, pg_url: str, teams: list[TeamLaptop]) -> None:
    from fieldlog.services.admin.workspace import open_workspace

    server = open_workspace(pg_url)
    try:
        bureau.init_bureau(server, "铜仁市投资促进局")
        for laptop in teams:
            bureau.register_team(server, laptop.export(full=True), laptop.passphrase)
        QSettings().remove("bureau")
        win = MainWindow(server)
        qtbot.addWidget(win)
        for laptop in teams:
            choose(win, laptop.name)
            assert headline(win) == expected(laptop.db), laptop.name
        win.close()
        deleted_later()
    finally:
        server.close()


def test_a_backup_is_restored_while_a_team_is_shown(
    qtbot, bureau_db: Database, teams: list[TeamLaptop], windows, warnings: list[str], monkeypatch
) -> None:
    from fieldlog import app
    from fieldlog.services.admin.maintenance import digest
    from fieldlog.ui.dialogs.backups_dialog import BackupsDialog

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    path = bureau_db.path
    bureau_db.close()
    QSettings().remove("bureau")
    assert app.main(["--db", str(path), "--lang", "en"]) == 0
    window = app.last_window()
    choose(window, "驻深工作队")  # a team view holds connections to the file of its own
    kept = digest(window.db)
    sz = teams[0]
    _visit_later(sz)
    window.sync_flow.receive([sz.export()])  # backed up first: the newest backup is `kept`
    assert digest(window.db) != kept and warnings == []
    window.findChild(QAction, "actionBackups").trigger()
    dialog = window.findChild(BackupsDialog, "backupsDialog")
    dialog.restore_button.click()
    assert warnings == []  # not refused as "in use by another FieldLog"
    restored = app.last_window()
    assert restored is not window and digest(restored.db) == kept
    assert selector(restored).currentData() == bureau.find_team(restored.db, "驻深工作队").id


def test_one_teams_weekly_return_from_the_window_is_the_teams_own(
    window: MainWindow, teams: list[TeamLaptop], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    from fieldlog.domain.period import IsoWeek
    from fieldlog.services.reports.weekly import export_weekly

    out = tmp_path / "驻深.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    choose(window, "驻深工作队")
    window.main_actions[MainAction.EXPORT_WEEKLY].trigger()
    dialog = window.findChild(QDialog, "exportDialog")
    assert dialog is not None and dialog.team_name == "驻深工作队"
    dialog.year_spin.setValue(2026)
    dialog.week_spin.setValue(48)
    dialog.run_button.click()
    assert dialog.written == out, dialog.error_label.text()
    own = export_weekly(teams[0].db, IsoWeek(2026, 48), out=tmp_path / "own.xlsx")
    shown, mine = load_workbook(out), load_workbook(own)
    assert shown.sheetnames == mine.sheetnames
    for name in mine.sheetnames[1:]:  # the summary's first rows carry the day it was written
        assert list(shown[name].values) == list(mine[name].values), name
    dialog.close()
