"""The steps of a team leader's day with a cadre's laptop (tests/ui/test_journey_leader.py).

Each step acts through the two windows as their users would and then checks, field by field,
exactly what it changed on each laptop (`journey_steps.Journal`).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from fieldlog.domain.indicators import AMOUNT_METRICS
from fieldlog.domain.money import format_yi
from fieldlog.domain.period import IsoWeek
from fieldlog.services.team import identity
from fieldlog.store.backup import backup_folder
from fieldlog.ui.dialogs.join_dialog import JoinDialog
from fieldlog.ui.dialogs.sync_report_dialog import SyncReportDialog
from fieldlog.ui.dialogs.sync_send_dialog import SyncSendDialog
from fieldlog.ui.main_window import MainWindow
from tests.cli.test_cli import run
from tests.field_dump import db_digest
from tests.ui.test_sync_laptops import CADRE, Laptop

from . import journey_steps as steps
from .journey_steps import Journal

DISPATCH = (date(2020, 3, 23), date(2020, 4, 22))
VISIT_DAY = date(2020, 4, 21)
WEEK = IsoWeek.of(VISIT_DAY)
ORG = "深圳市华强物流有限公司"
LEADER_PHONE, CADRE_PHONE = "0755-83330001", "0755-83330002"
SHIFT = Qt.KeyboardModifier.ShiftModifier


@dataclass
class Desk:
    """One laptop in front of its user: the window and the journal of its data."""

    laptop: Laptop
    win: MainWindow
    journal: Journal


@dataclass
class Office:
    """The leader's and the cadre's desks, and what the day has made so far."""

    qtbot: object
    leader: Desk
    cadre: Desk
    tmp: Path
    org: uuid.UUID
    packages: list[Path] = field(default_factory=list)
    visits: list[str] = field(default_factory=list)


def send_package(
    o: Office, desk: Desk, name: str, monkeypatch, *, everything: bool = False
) -> Path:
    """Ctrl+Shift+S, new work only (or everything), Save package…; the data does not change."""
    path = o.tmp / f"{name}.fieldsync"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))
    steps.activate(o.qtbot, desk.win)
    o.qtbot.keyClick(desk.win, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | SHIFT)
    dialog = steps.open_dialog(desk.win, "syncSendDialog")
    assert isinstance(dialog, SyncSendDialog)
    (dialog.everything if everything else dialog.new_only).setChecked(True)
    o.qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert path.is_file() and str(path) in dialog.result_label.text()
    dialog.close()
    desk.journal.unchanged(f"send {name}")
    o.packages.append(path)
    return path


def receive_by_drop(o: Office, desk: Desk, package: Path) -> SyncReportDialog:
    """Drop the package on the window; the report dialog says what came."""
    steps.drop_files(desk.win, package)
    o.qtbot.waitUntil(lambda: any(d.isVisible() for d in desk.win.findChildren(SyncReportDialog)))
    return steps.open_dialog(desk.win, "syncReportDialog")


# --- the steps of the day ------------------------------------------------------------------------


def cadre_joins(o: Office, monkeypatch) -> None:
    """The leader sends everything; the cadre's new laptop joins by dropping it on its welcome
    screen: the join dialog names the team before anything is written, then Join receives it."""
    assert o.cadre.win.centralWidget().objectName() == "welcomePanel"
    package = send_package(o, o.leader, "leader-full", monkeypatch, everything=True)
    fresh = db_digest(o.cadre.laptop.db)
    # Left plain here (joining encrypted first: test_encrypt_action), so the day goes on in
    # this window.
    o.cadre.win.centralWidget().encryption.check.setChecked(False)
    steps.drop_files(o.cadre.win, package)
    o.qtbot.waitUntil(lambda: any(d.isVisible() for d in o.cadre.win.findChildren(JoinDialog)))
    joining = steps.open_dialog(o.cadre.win, "joinTeamDialog")
    assert isinstance(joining, JoinDialog)
    # The laptop keeps the team passphrase already: the dialog opened the package and names it.
    assert not joining.passphrase.isVisible() and joining.join_button.isEnabled()
    assert joining.team_label.text().startswith("This package will join this laptop to team")
    assert db_digest(o.cadre.laptop.db) == fresh  # nothing written before Join
    o.qtbot.mouseClick(joining.join_button, Qt.MouseButton.LeftButton)
    o.qtbot.waitUntil(
        lambda: any(d.isVisible() for d in o.cadre.win.findChildren(SyncReportDialog))
    )
    steps.open_dialog(o.cadre.win, "syncReportDialog").close()
    assert o.cadre.win.centralWidget().objectName() == "workspace"
    assert db_digest(o.cadre.laptop.db) == db_digest(o.leader.laptop.db)
    identity.set_me(o.cadre.laptop.db, o.cadre.laptop.me)  # the cadre says who they are
    o.cadre.journal = Journal(o.cadre.laptop.db)


def cadre_logs_visits_and_edits(o: Office) -> None:
    """Two visits by keyboard, and the organization's new phone number."""
    desk = o.cadre
    for summary in ("初次拜访，了解冷链仓储需求", "二次洽谈，对方有意在铜仁设仓"):
        steps.log_visit(o.qtbot, desk.win, ORG, VISIT_DAY, summary)
        made = desk.journal.changed("cadre visit", {}, new={"visit": 1, "visit_visitor": 1})
        [visit] = made["visit"]
        assert visit["summary"] == summary and visit["org_id"] == str(o.org)
        assert made["visit_visitor"][0]["member_id"] == str(desk.laptop.me)
        o.visits.append(visit["id"])
    steps.set_org_phone(o.qtbot, desk.win, o.org, CADRE_PHONE)
    desk.journal.changed("cadre phone", {("organization", o.org): {"phone"}})


def leader_edits_the_same_field(o: Office) -> None:
    """Meanwhile the leader corrects the same phone number on the other laptop."""
    steps.set_org_phone(o.qtbot, o.leader.win, o.org, LEADER_PHONE)
    o.leader.journal.changed("leader phone", {("organization", o.org): {"phone"}})


def leader_receives(o: Office, monkeypatch) -> None:
    """The cadre sends; the leader drops the file on the window and sees the visits in the log."""
    package = send_package(o, o.cadre, "cadre-1", monkeypatch)
    report = receive_by_drop(o, o.leader, package)
    assert report.count_labels["conflicts"].text() == "1"
    report.close()
    # The later edit (the leader's) stays; the visits are new.
    o.leader.journal.changed("receive", {}, new={"visit": 2, "visit_visitor": 2})
    assert o.leader.journal.value("organization", o.org, "phone") == LEADER_PHONE
    log = o.leader.win.visit_log
    o.leader.win.show_page(0)
    shown = {str(log.model.row_snapshot(r).id) for r in range(log.model.rowCount())}
    assert set(o.visits) <= shown


def leader_restores_the_other_value(o: Office) -> None:
    """On the Sync page the conflict shows both phones; Restore the other value takes the
    cadre's."""
    o.leader.win.show_page(6)
    page = o.leader.win.sync_view
    table = page.conflicts
    assert table.rowCount() == 1
    cells = [table.item(0, c).text() for c in range(table.columnCount())]
    assert cells[1:3] == ["Phone", LEADER_PHONE] and cells[4] == CADRE_PHONE
    assert cells[5].startswith(CADRE)
    table.selectRow(0)
    o.qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    o.leader.journal.changed("restore", {("organization", o.org): {"phone"}})
    assert o.leader.journal.value("organization", o.org, "phone") == CADRE_PHONE
    assert table.rowCount() == 0


def leader_backs_up(o: Office) -> None:
    """File ▸ Backups… ▸ Back up now, then `fieldlog backup` from a shell, window open."""
    db = o.leader.laptop.db
    assert db.path is not None
    before = set(backup_folder(db.path).glob("*.db"))
    steps.action(o.leader.win, "actionBackups").trigger()
    dialog = steps.open_dialog(o.leader.win, "backupsDialog")
    o.qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    dialog.close()
    manual = set(backup_folder(db.path).glob("*.db")) - before
    assert [p.name.endswith("-manual.db") for p in manual] == [True]
    o.leader.journal.unchanged("backup now")
    out = o.tmp / "by-hand.db"
    done = run("--db", str(db.path), "backup", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.is_file()
    o.leader.journal.unchanged("fieldlog backup")
    assert cli_digest(o) == o.leader.journal.digest


def cli_digest(o: Office) -> str:
    """`fieldlog digest` of the leader's file, from another process."""
    done = run("--db", str(o.leader.laptop.db.path), "digest")
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def leader_checks_the_figures(o: Office) -> None:
    """`fieldlog stats --json` (another process) says what the dashboard shows."""
    o.leader.win.show_page(4)
    figures = {
        label.objectName(): label.text()
        for label in o.leader.win.findChildren(QLabel)
        if label.objectName().startswith("figure_")
    }
    path = str(o.leader.laptop.db.path)
    start, end = (d.isoformat() for d in DISPATCH)
    period = json.loads(run("--db", path, "stats", "--from", start, "--to", end, "--json").stdout)
    overall = json.loads(run("--db", path, "stats", "--json").stdout)
    assert period["visits"] == overall["visits"] == 2
    shown = 0
    for metric in period:
        for suffix, stats in (("", period), ("_all", overall)):
            name = f"figure_{metric}{suffix}"
            if name in figures:
                value = stats[metric]
                assert figures[name] == (
                    format_yi(value) if metric in AMOUNT_METRICS else str(value)
                )
                shown += 1
    assert shown >= 10, figures
    o.leader.journal.unchanged("figures")


def leader_exports_the_week(o: Office, monkeypatch) -> None:
    """Ctrl+E: the weekly return counts the cadre's two visits this week and in total."""
    chosen = o.tmp / "周报.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(chosen), ""))
    steps.activate(o.qtbot, o.leader.win)
    o.qtbot.keyClick(o.leader.win, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = steps.open_dialog(o.leader.win, "exportDialog")
    assert (dialog.year_spin.value(), dialog.week_spin.value()) == (WEEK.year, WEEK.week)
    o.qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.written == chosen
    dialog.close()
    rows = {row[0]: row for row in load_workbook(chosen)["汇总"].iter_rows(values_only=True)}
    assert rows["走访次数（次）"][1:4] == (2, 2, 2)  # 本周, 本月, 累计
    assert rows["走访企业（家）"][1] == 1  # one company, visited twice
    visits = list(load_workbook(chosen)["走访明细"].iter_rows(min_row=2, values_only=True))
    assert sorted(row[10] for row in visits) == sorted(
        ["初次拜访，了解冷链仓储需求", "二次洽谈，对方有意在铜仁设仓"]
    )
    o.leader.journal.unchanged("export")


def laptops_converge(o: Office, monkeypatch) -> None:
    """The leader sends the day back; the cadre drops it; both hold the same data."""
    package = send_package(o, o.leader, "leader-2", monkeypatch)
    receive_by_drop(o, o.cadre, package).close()
    # The leader's phone lost to the restore, which is the cadre's own value: no field moves.
    o.cadre.journal.changed("cadre receives", {})
    assert o.cadre.journal.value("organization", o.org, "phone") == CADRE_PHONE
    assert db_digest(o.cadre.laptop.db) == db_digest(o.leader.laptop.db)
    assert cli_digest(o) == db_digest(o.leader.laptop.db)


# --- the day as tests ----------------------------------------------------------------------------


def morning(o: Office, monkeypatch) -> None:
    """Join, two visits and a phone on the cadre's laptop, the same phone on the leader's,
    and the package received."""
    cadre_joins(o, monkeypatch)
    cadre_logs_visits_and_edits(o)
    leader_edits_the_same_field(o)
    leader_receives(o, monkeypatch)
