"""The receive report: every figure of the import, in words, and the way to the review."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from fieldlog.services.exchange.sync_report import PackageReport, SyncImportReport
from fieldlog.ui.dialogs.sync_report_dialog import SyncReportDialog

MADE = datetime(2020, 4, 20, 9, 30, tzinfo=UTC)


def package(name: str, *, skipped: bool = False, **figures: int) -> PackageReport:
    report = PackageReport(
        file=f"/usb/{name}.fieldsync",
        package_id=uuid.uuid4(),
        sender_node="a1b2c3d4e5f60718",
        sender_name=name if name != "anonymous" else "",
        made_at=MADE,
        full=False,
        rows=figures.pop("rows", 10),
        skipped=skipped,
    )
    for key, value in figures.items():
        setattr(report, key, value)
    return report


def full_report() -> SyncImportReport:
    return SyncImportReport(
        packages=[
            package("李娜", rows=12, new=5, updated=3, unchanged=3, conflicts=1),
            package("anonymous", rows=4, new=1, unchanged=3),
            package("王强", skipped=True),
        ],
        duplicates_merged=2,
        references_moved=7,
        duplicate_candidates=1,
        clock_warnings=["the clock of 王强's laptop is 3.0 days ahead of this laptop's"],
        backup=Path("/data/fieldlog-backups/before-sync-import.db"),
    )


def dialog_of(qtbot, report: SyncImportReport) -> SyncReportDialog:
    dialog = SyncReportDialog(report)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_totals_and_one_line_per_package(qtbot) -> None:
    dialog = dialog_of(qtbot, full_report())
    totals = {key: label.text() for key, label in dialog.count_labels.items()}
    assert totals == {
        "new": "6",
        "updated": "3",
        "unchanged": "6",
        "conflicts": "1",
        "skipped": "1",
    }
    rows = [
        [dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
        for r in range(dialog.table.rowCount())
    ]
    made = MADE.astimezone().strftime("%Y-%m-%d %H:%M")
    assert rows[0] == ["李娜", made, "12", "5", "3", "3", "1", "Merged", "李娜.fieldsync"]
    assert rows[1][0] == "laptop a1b2c3d4"
    assert rows[2][3:8] == ["–", "–", "–", "–", "Already received: skipped"]
    assert dialog.summary.text() == (
        "3 package(s) read; 1 had been received before and were skipped."
    )


def test_duplicates_look_alikes_clocks_and_backup_are_reported(qtbot) -> None:
    dialog = dialog_of(qtbot, full_report())
    lines = [text for text, _warning in dialog.detail_lines()]
    assert lines[0] == (
        "2 organization(s) created twice with the same credit code were merged into one "
        "(7 references moved)."
    )
    assert lines[1].startswith("1 pair(s) of look-alike organizations")
    assert "the later edit" in lines[2]
    assert dialog.detail_lines()[3] == (full_report().clock_warnings[0], True)
    assert (
        lines[4] == "Backup taken before the import: /data/fieldlog-backups/before-sync-import.db"
    )
    assert "3.0 days ahead" in dialog.details.text()


def test_review_leads_to_the_sync_page(qtbot) -> None:
    dialog = dialog_of(qtbot, full_report())
    assert dialog.review_button.isVisible()
    with qtbot.waitSignal(dialog.review_requested):
        dialog.review_button.click()
    assert not dialog.isVisible()


def test_nothing_to_review_hides_the_review_button(qtbot) -> None:
    report = SyncImportReport(packages=[package("李娜", new=1, unchanged=9)])
    dialog = dialog_of(qtbot, report)
    assert not dialog.review_button.isVisible()
    assert dialog.summary.text().endswith("all of them were merged into this laptop's data.")


def test_copy_report(qtbot) -> None:
    dialog = dialog_of(qtbot, full_report())
    dialog.copy_button.click()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("3 package(s) read") and "李娜\t" in text and "Backup taken" in text
