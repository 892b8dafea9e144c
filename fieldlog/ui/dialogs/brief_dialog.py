"""File ▸ Export ▸ Work briefing: the written briefing (工作简报) of a period, generated from the
data, edited by the team leader, saved as a Word document where the user chooses."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.period import IsoWeek
from fieldlog.domain.report_period import ReportPeriod, month_period
from fieldlog.services.reports import brief, brief_docx
from fieldlog.services.team.team import current_team
from fieldlog.store.database import Database
from fieldlog.ui.brief_chart import chart_png
from fieldlog.ui.dialogs.import_report_view import REJECTED_COLOUR
from fieldlog.ui.dialogs.written_file import FOLDER_KEY, WrittenFile
from fieldlog.ui.file_dialogs import start_folder
from fieldlog.ui.widgets.date_field import date_edit, day_of
from fieldlog.ui.window_dialogs import open_dialog

SPANS = ("week", "month", "range")


class BriefDialog(QDialog):
    """Pick the period, read and edit the generated text, save it as .docx."""

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.written: Path | None = None
        self.data: brief.BriefData | None = None
        self.composed: brief.Brief | None = None
        self.setObjectName("brief_dialog")
        self.setWindowTitle(self.tr("Export the work briefing"))
        team = current_team(db)
        today = today or date.today()
        start, end = (team.dispatch_start, team.dispatch_end) if team else (None, None)
        has_dispatch = start is not None and end is not None
        last_week = IsoWeek.of(today).previous()
        self._build_period(start or last_week.monday, end or last_week.sunday, last_week.monday)
        self.span_combo.setCurrentIndex(SPANS.index("range" if has_dispatch else "week"))
        self._build_text()
        self._lay_out()
        self.resize(760, 640)
        self.generate()

    def _build_period(self, start: date, end: date, day: date) -> None:
        self.span_combo = QComboBox(objectName="brief_span_combo")
        for text in (self.tr("Week"), self.tr("Month"), self.tr("Dates")):
            self.span_combo.addItem(text)
        self.span_combo.currentIndexChanged.connect(self._show_span)
        self.day_edit = date_edit("brief_day_edit", day)
        self.from_edit = date_edit("brief_from_edit", start)
        self.to_edit = date_edit("brief_to_edit", end)
        self.generate_button = QPushButton(
            self.tr("&Generate the text"), objectName="brief_generate_button"
        )
        self.generate_button.clicked.connect(self.generate)
        self.day_label = QLabel(self.tr("The week or month of:"))
        self.range_label = QLabel(self.tr("to"))
        row = QHBoxLayout()
        for widget in (self.span_combo, self.day_label, self.day_edit, self.from_edit):
            row.addWidget(widget)
        row.addWidget(self.range_label)
        row.addWidget(self.to_edit)
        row.addStretch(1)
        row.addWidget(self.generate_button)
        self.period_row = row
        self._show_span()

    def _build_text(self) -> None:
        self.title_edit = QLineEdit(objectName="brief_title_edit")
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.text_edit = QPlainTextEdit(objectName="brief_text_edit")
        self.text_edit.setAccessibleName(self.tr("Text of the briefing"))
        self.hint = QLabel(
            self.tr(
                "One paragraph per line (blank lines are left out). A line such as 一、… is a "
                "section heading; the chart goes before the first heading."
            )
        )
        self.hint.setWordWrap(True)
        self.error_label = QLabel(objectName="brief_error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {REJECTED_COLOUR.name()};")
        self.error_label.hide()
        self.result_label = QLabel(objectName="brief_result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.save_button = QPushButton(
            self.tr("&Save as Word document…"), objectName="brief_save_button"
        )
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Close"), objectName="brief_close_button")
        self.close_button.clicked.connect(self.accept)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Period:"), self.period_row)
        form.addRow(self.tr("&Title:"), self.title_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_label)
        self.saver = WrittenFile(self, self.result_label, self.error_label)
        layout.addLayout(buttons)

    def _show_span(self) -> None:
        dates = SPANS[self.span_combo.currentIndex()] == "range"
        for widget in (self.day_label, self.day_edit):
            widget.setVisible(not dates)
        for widget in (self.from_edit, self.range_label, self.to_edit):
            widget.setVisible(dates)

    def report_period(self) -> ReportPeriod:
        """The period chosen (InvalidPeriod when the dates are the wrong way round)."""
        span, day = SPANS[self.span_combo.currentIndex()], day_of(self.day_edit)
        if span == "week":
            return ReportPeriod.week(IsoWeek.of(day))
        if span == "month":
            return ReportPeriod.month(month_period(day))
        return ReportPeriod.dates(day_of(self.from_edit), day_of(self.to_edit))

    def generate(self) -> None:
        """Write the text of the chosen period into the boxes (replacing what they hold)."""
        try:
            data = brief.gather(self.db, self.report_period())
        except ValueError as exc:
            self._show_error(str(exc))
            return
        self.data, self.composed = data, brief.compose(data)
        self.title_edit.setText(self.composed.title)
        self.text_edit.setPlainText(brief.paragraphs_text(self.composed.body))
        self._show_error("")

    def edited(self) -> brief.Brief | None:
        """The briefing as the boxes now say it."""
        if self.composed is None:
            return None
        return brief.with_text(self.composed, self.title_edit.text(), self.text_edit.toPlainText())

    def save(self) -> None:
        """Ask where (proposing the usual name), then write the edited briefing there."""
        written, data = self.edited(), self.data
        if written is None or data is None:
            return
        folder = start_folder(QSettings().value(FOLDER_KEY, ""))
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.windowTitle(),
            str(folder / brief.default_file_name(data)),
            self.tr("Word document (*.docx)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".docx":
            target = target.with_name(f"{target.name}.docx")
        spec = brief.chart_spec(data)
        image = chart_png(spec) if spec is not None else None

        def write(out: Path) -> Path:
            return brief_docx.write_brief(written, image, brief.output_path(self.db, out, data))

        written_now = self.saver.write(target, write)
        if written_now is not None:
            self.written = written_now

    def _show_error(self, message: str) -> None:
        self.saver.show_error(message)


def open_brief(parent: QWidget, db: Database) -> QDialog:
    """File ▸ Export ▸ Work briefing: the dialog, window-modal, freed when closed."""
    return open_dialog(BriefDialog(db, parent))
