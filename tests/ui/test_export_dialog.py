"""The export dialog writes real workbooks where the (monkeypatched) save dialog says."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from fieldlog.domain.period import IsoWeek
from fieldlog.excel.weekly_return import RETURN_SHEETS
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.ui import tasks
from fieldlog.ui.dialogs.export_dialog import ExportDialog, default_week


@pytest.fixture
def saved(monkeypatch, tmp_path) -> dict[str, object]:
    """Answers the save dialog with tmp_path/<name>; records what it proposed."""
    asked: dict[str, object] = {"answer": None}

    def fake_save(_parent, _title, proposed, _filter="", *args, **kwargs):
        asked["proposed"] = proposed
        answer = asked["answer"]
        return ("" if answer == "" else str(answer or tmp_path / Path(proposed).name)), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    return asked


@pytest.fixture
def dispatched(db: Database) -> Database:
    """A team whose dispatch ended in April 2020, with one visit in week 15."""
    team_id = team.save_team(
        db,
        team.TeamInput(
            "测试工作队", dispatch_start=date(2020, 3, 23), dispatch_end=date(2020, 4, 22)
        ),
    )
    member = team.save_member(db, team.MemberInput("李娜"), team_id=team_id)
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    visits.save_visit(db, visits.VisitInput(date(2020, 4, 7), org, [member], summary="洽谈"))
    return db


def dialog_for(qtbot, db: Database, what: str) -> ExportDialog:
    dialog = ExportDialog(db, what)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_default_week_is_the_last_complete_one_or_the_dispatch_end() -> None:
    assert default_week(date(2024, 5, 15), None) == IsoWeek(2024, 19)
    assert default_week(date(2024, 5, 15), date(2024, 6, 1)) == IsoWeek(2024, 19)
    assert default_week(date(2024, 5, 15), date(2020, 4, 22)) == IsoWeek(2020, 17)


def test_the_weekly_return_is_written_where_the_user_chose(
    qtbot, dispatched, saved, tmp_path, monkeypatch
) -> None:
    dialog = dialog_for(qtbot, dispatched, "weekly")
    assert dialog.objectName() == "exportDialog"
    assert (dialog.year_spin.value(), dialog.week_spin.value()) == (2020, 17)
    dialog.week_spin.setValue(15)
    assert "2020-04-06" in dialog.range_label.text() and "2020-04-12" in dialog.range_label.text()
    dialog.run_button.click()
    assert Path(str(saved["proposed"])).name == "测试工作队工作周报_2020-W15.xlsx"
    written = tmp_path / "测试工作队工作周报_2020-W15.xlsx"
    assert dialog.written == written and written.exists()
    assert str(written) in dialog.result_label.text() and dialog.result_box.isVisible()
    workbook = load_workbook(written)
    assert workbook.sheetnames == list(RETURN_SHEETS)
    assert workbook["走访明细"].max_row >= 2
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog.open_folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]


def test_a_chosen_name_without_suffix_gets_xlsx_and_cancel_writes_nothing(
    qtbot, dispatched, saved, tmp_path
) -> None:
    dialog = dialog_for(qtbot, dispatched, "ledger")
    saved["answer"] = ""
    dialog.run_button.click()
    assert dialog.written is None and list(tmp_path.glob("*.xlsx")) == []
    saved["answer"] = tmp_path / "台账"
    dialog.run_button.click()
    assert dialog.written == tmp_path / "台账.xlsx"
    assert load_workbook(dialog.written).sheetnames == ["项目台账"]


def test_a_week_before_the_dispatch_shows_the_services_refusal(qtbot, dispatched, saved) -> None:
    dialog = dialog_for(qtbot, dispatched, "weekly")
    dialog.week_spin.setValue(1)
    dialog.run_button.click()
    assert "before the cumulative figures start" in dialog.error_label.text()
    assert dialog.written is None and dialog.error_label.isVisible()
    dialog.since_check.setChecked(True)
    assert dialog.since_date.isEnabled()
    dialog.since_date.setDate(dialog.since_date.minimumDate())
    dialog.run_button.click()
    assert dialog.written is not None and dialog.error_label.isHidden()


def test_visits_of_a_period_and_a_backwards_period(qtbot, dispatched, saved, tmp_path) -> None:
    dialog = dialog_for(qtbot, dispatched, "visits")
    today = date.today()
    assert dialog.from_date.date().day() == 1 and dialog.from_date.date().month() == today.month
    dialog.from_date.setDate(dialog.from_date.date().fromString("2020-04-01", "yyyy-MM-dd"))
    dialog.to_date.setDate(dialog.to_date.date().fromString("2020-03-01", "yyyy-MM-dd"))
    dialog.run_button.click()
    assert "swap the two dates" in dialog.error_label.text() and "proposed" not in saved
    dialog.to_date.setDate(dialog.to_date.date().fromString("2020-04-30", "yyyy-MM-dd"))
    dialog.run_button.click()
    assert dialog.written == tmp_path / "测试工作队走访明细_2020-04-01_2020-04-30.xlsx"
    sheet = load_workbook(dialog.written)["走访明细"]
    assert any("深圳市德润物流有限公司" in [c for c in row if c] for row in sheet.values)


def test_the_directory_export(qtbot, dispatched, saved) -> None:
    dialog = dialog_for(qtbot, dispatched, "orgs")
    dialog.run_button.click()
    assert dialog.written is not None
    assert load_workbook(dialog.written).sheetnames == ["目标企业库"]


def test_a_task_shows_a_busy_dialog_while_it_runs_and_reports_failures(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    seen: list[bool] = []

    def work() -> int:
        busy = parent.findChild(QProgressDialog, "taskProgressDialog")
        seen.append(busy is not None and busy.isVisible() and busy.maximum() == 0)
        return 7

    assert tasks.run_task(parent, "Working…", work) == tasks.TaskOutcome(True, 7)
    assert seen == [True]

    def fail() -> None:
        raise PermissionError(13, "Permission denied", "/x/周报.xlsx")

    failed = tasks.run_task(parent, "Working…", fail)
    assert failed == tasks.TaskOutcome(
        False, None, "/x/周报.xlsx could not be written: Permission denied"
    )


def test_the_database_itself_is_never_written_over(qtbot, db: Database, saved, tmp_path) -> None:
    """A database whose name ends in .xlsx, chosen in the save dialog: one sentence, unchanged."""
    from fieldlog.services.admin.maintenance import digest
    from fieldlog.services.admin.workspace import open_workspace
    from fieldlog.store.backup import is_fieldlog_file

    assert db.path is not None
    named = tmp_path / "台账.xlsx"
    db.close()
    db.path.rename(named)
    opened = open_workspace(str(named))
    try:
        orgs.save_org(opened, orgs.OrgInput("深圳市德润物流有限公司"))
        before, stat = digest(opened), named.stat()
        dialog = dialog_for(qtbot, opened, "orgs")
        saved["answer"] = named
        dialog.run_button.click()
        assert f"{named} is the database itself" in dialog.error_label.text()
        assert dialog.written is None and dialog.error_label.isVisible()
        assert digest(opened) == before and is_fieldlog_file(named)
        assert (named.stat().st_size, named.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
        assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(named.name)] == []
    finally:
        opened.close()
