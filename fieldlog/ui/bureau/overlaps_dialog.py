"""首报首谈: the enterprises several teams work with, who reported each first, and what each team
has at stake with it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.money import format_yi
from fieldlog.services.bureau.overlaps import Overlap, TeamWork, overlaps
from fieldlog.store.database import Database
from fieldlog.ui.widgets.targets_table import fit_columns

COLUMNS = 5


class OverlapsDialog(QDialog):
    """One row per enterprise in more than one team's work, the earliest first report first."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overlapsDialog")
        self.setWindowTitle(self.tr("First reports across teams"))
        self.found: list[Overlap] = overlaps(db)
        note = self.tr(
            "Enterprises in more than one team's work (the same credit code, or the same name), "
            "and the team that reported each first: by its first visit or first lead, then by "
            "the time it was recorded. Amounts are contract amounts in 亿元."
        )
        self.note = QLabel(note, objectName="overlapsNote")
        self.note.setWordWrap(True)
        self.table = QTableWidget(len(self.found), COLUMNS, objectName="overlapsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Enterprise"),
                self.tr("Credit code"),
                self.tr("First reported by"),
                self.tr("Date"),
                self.tr("Each team: first report, contract amount (亿元)"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        for row, overlap in enumerate(self.found):
            self._fill(row, overlap)
        fit_columns(self.table)
        self.table.resizeRowsToContents()
        self.empty = QLabel(
            self.tr("No enterprise is in more than one team's work."), objectName="overlapsEmpty"
        )
        self.empty.setVisible(not self.found)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(980, 420)

    def _team_text(self, work: TeamWork) -> str:
        how = self.tr("visit") if work.first_by == "visit" else self.tr("lead")
        text = self.tr("{team}: {date} ({how}), {amount}")
        return text.format(
            team=work.team.name,
            date=work.first_on.isoformat(),
            how=how,
            amount=format_yi(work.contract_yuan),
        )

    def _fill(self, row: int, overlap: Overlap) -> None:
        each = [self._team_text(work) for work in overlap.teams]
        texts = [
            overlap.name,
            overlap.credit_code or self.tr("(none: same name)"),
            overlap.first.team.name,
            overlap.first.first_on.isoformat(),
            "\n".join(each),  # one line per team, the first reporter first
        ]
        for column, text in enumerate(texts):
            self.table.setItem(row, column, QTableWidgetItem(text))
