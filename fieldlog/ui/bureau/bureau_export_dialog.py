"""导出各队周报: the bureau's consolidated return of a week (各工作队汇总, then each team's own
four sheets), written where the user chooses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from fieldlog.services.bureau.consolidated import export_bureau
from fieldlog.services.reports.report_sheets import safe_file_name
from fieldlog.store.database import Database
from fieldlog.ui.dialogs.export_dialog import ExportDialog


class BureauExportDialog(ExportDialog):
    """The weekly export's week picker, writing the consolidated return."""

    def __init__(self, db: Database, bureau_name: str, parent: QWidget | None = None) -> None:
        self.bureau_name = bureau_name
        super().__init__(db, "weekly", parent)
        self.setObjectName("bureauExportDialog")
        # Each team's sheets count from the team's own dispatch: no common start to choose.
        self.form.setRowVisible(self.since_check, False)
        self.resize(560, self.sizeHint().height())

    def _title(self) -> str:
        return self.tr("Export the teams' weekly returns")

    def _description(self) -> str:
        return self.tr(
            "One workbook for the week: 各工作队汇总 (one row per team, and the total of all "
            "teams with an enterprise several teams visited counted once), then each team's "
            "own weekly return."
        )

    def _request(self) -> tuple[str, Callable[[Path], Path]]:
        week = self.week()
        name = f"{safe_file_name(f'{self.bureau_name}各工作队周报_{week}')}.xlsx"
        return name, lambda out: export_bureau(self.db, week, out=out)
