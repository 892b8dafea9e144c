"""Importing an Excel list from the window: choose the file, check the mapping, import, read
the row report (SPEC §4.3).

The dialog only previews and calls `services.imports`; what a row means and whether it is
stored is the service's business. A file that cannot be imported at all shows the reader's one
sentence in red and keeps the Import button disabled.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldlog.excel.reader import sheet_names
from fieldlog.services.errors import InvalidInput
from fieldlog.services.file_guard import guard_input
from fieldlog.services.imports import imports
from fieldlog.services.imports.imports import ExcelFileError, Preview, SheetImportReport
from fieldlog.store.database import Database
from fieldlog.ui.changes import NOTHING, Changes
from fieldlog.ui.changes import Kind as Record
from fieldlog.ui.dialogs.import_mapping import KINDS, Kind, MappingTable, guess_kind
from fieldlog.ui.dialogs.import_progress import ImportProgressDialog
from fieldlog.ui.dialogs.import_report_view import REJECTED_COLOUR, SheetImportReportView
from fieldlog.ui.operations import Operation, busy_cursor

PREVIEW_PAGE, REPORT_PAGE = 0, 1

#: What an import adds: visits (with the organizations and contacts they name), or organizations.
IMPORTED = {
    "visits": Changes.of(Record.VISIT, Record.ORG),
    "orgs": Changes.of(Record.ORG),
}


class ImportDialog(QDialog):
    """Import organizations or visits from an .xlsx file, with a preview of the mapping."""

    def __init__(
        self,
        db: Database,
        path: str | Path | None = None,
        kind: Kind | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.path: Path | None = None
        self.preview: Preview | None = None
        self.report: SheetImportReport | None = None
        self._user_sheet: str | None = None  # a sheet the user picked, kept when the kind changes
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import from Excel"))
        self.resize(980, 640)
        self._build_widgets()
        self._lay_out()
        self._connect()
        if kind is not None:
            self.kind_combo.setCurrentIndex(KINDS.index(kind))
        if path:  # a QAction's `triggered(False)` may arrive here as the path
            self.set_path(path, guess=kind is None)
        self._update_state()

    # --- building ---------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.path_edit = QLineEdit(objectName="importFilePath", readOnly=True)
        self.path_edit.setPlaceholderText(self.tr("Choose an .xlsx file or drop one on the window"))
        self.path_edit.setAccessibleName(self.tr("File to import"))
        self.choose_button = QPushButton(self.tr("C&hoose…"), objectName="chooseFileButton")
        self.kind_combo = QComboBox(objectName="importKindCombo")
        self.kind_combo.addItem(self.tr("Organizations (target-company list)"), "orgs")
        self.kind_combo.addItem(self.tr("Visits (visit log)"), "visits")
        self.kind_combo.setAccessibleName(self.tr("What the file holds"))
        self.sheet_combo = QComboBox(objectName="importSheetCombo")
        self.sheet_combo.setAccessibleName(self.tr("Sheet"))
        self.header_label = QLabel(objectName="importHeaderLabel")
        self.error_label = QLabel(objectName="importErrorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {REJECTED_COLOUR.name()};")
        self.error_label.hide()
        self.mapping_table = MappingTable(self)
        self.report_view = SheetImportReportView(self)
        self.stack = QStackedWidget(objectName="importStack")
        self.dry_run_check = QCheckBox(
            self.tr("&Dry run: check every row, store nothing"), objectName="dryRunCheck"
        )
        self.back_button = QPushButton(self.tr("&Back"), objectName="backButton")
        self.run_button = QPushButton(self.tr("&Import"), objectName="runImportButton")
        self.close_button = QPushButton(self.tr("Close"), objectName="closeButton")

    def _lay_out(self) -> None:
        choose = QHBoxLayout()
        choose.addWidget(self.path_edit, 1)
        choose.addWidget(self.choose_button)
        sheet = QHBoxLayout()
        sheet.addWidget(self.sheet_combo, 1)
        sheet.addWidget(self.header_label, 2)
        form = QFormLayout()
        rows = (
            (self.tr("&File:"), choose, self.choose_button),
            (self.tr("&Contents:"), self.kind_combo, self.kind_combo),
            (self.tr("&Sheet:"), sheet, self.sheet_combo),
        )
        for text, field, buddy in rows:
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, field)
        self.stack.addWidget(self._preview_page())
        self.stack.addWidget(self.report_view)
        buttons = QHBoxLayout()
        buttons.addWidget(self.dry_run_check)
        buttons.addStretch(1)
        for button in (self.back_button, self.run_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

    def _preview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hint_label = hint = QLabel(
            self.tr(
                "The first rows of the sheet. Above each column, choose the field it is read "
                "into, or “— ignore —”. Fields marked * are required."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.mapping_table, 1)
        return page

    def _connect(self) -> None:
        self.choose_button.clicked.connect(self.choose_file)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.sheet_combo.activated.connect(self._on_sheet_chosen)
        self.mapping_table.mapping_changed.connect(self._update_state)
        self.run_button.clicked.connect(self.run_import)
        self.back_button.clicked.connect(self.show_preview_page)
        self.close_button.clicked.connect(self._close)

    # --- step 1 and 2: the file, its contents and sheet, the preview -------------------------

    @property
    def kind(self) -> Kind:
        """What the file is imported as: "orgs" or "visits"."""
        return KINDS[max(self.kind_combo.currentIndex(), 0)]

    def choose_file(self) -> None:
        """Ask for the file to import."""
        start = str(self.path.parent) if self.path else ""
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import from Excel"),
            start,
            self.tr("Excel workbooks (*.xlsx *.xlsm);;All files (*)"),
        )
        if chosen:
            self.set_path(chosen)

    def set_path(self, path: str | Path, *, guess: bool = True) -> None:
        """Preview `path`; with `guess`, also decide whether it holds organizations or visits."""
        self.path, self._user_sheet = Path(path), None
        self.path_edit.setText(str(self.path))
        self.show_preview_page()
        try:  # the database (a name ending in .xlsx) is never opened as a sheet: its locks
            guard_input(self.path, self.db.path, "an Excel workbook")
        except InvalidInput as exc:
            self.path = None
            self._show_failure(str(exc))
            return
        if not guess:
            self.load_preview()
            return
        with busy_cursor():
            try:
                kind, preview = guess_kind(self.path)
            except ExcelFileError as exc:
                self._show_failure(str(exc))
                return
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(KINDS.index(kind))
        self.kind_combo.blockSignals(False)
        self._show_preview(preview)

    def load_preview(self, sheet: str | None = None) -> None:
        """Read the file again as the chosen kind; `sheet` None lets the reader find the sheet."""
        if self.path is None:
            return
        with busy_cursor():
            try:
                preview = imports.preview(self.path, self.kind, sheet=sheet)
            except ExcelFileError as exc:
                self._show_failure(str(exc), sheet)
                return
        self._show_preview(preview)

    def _on_kind_changed(self) -> None:
        self.load_preview(self._user_sheet)

    def _on_sheet_chosen(self) -> None:
        self._user_sheet = self.sheet_combo.currentText() or None
        self.load_preview(self._user_sheet)

    def _show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self._fill_sheets(preview.sheet_names, preview.sheet)
        self.header_label.setText(
            self.tr("Headings found in row {row}.").format(row=preview.header_row)
        )
        self.mapping_table.show_preview(preview)
        self._show_error("")
        self._update_state()
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Top to bottom: the file, the field choosers left to right, then the buttons."""
        chain = [self.path_edit, self.choose_button, self.kind_combo, self.sheet_combo]
        chain += self.mapping_table.combos or [self.mapping_table]
        chain += [self.report_view.copy_button, self.report_view.table, self.dry_run_check]
        chain += [self.back_button, self.run_button, self.close_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _show_failure(self, message: str, sheet: str | None = None) -> None:
        """A file or sheet that cannot be imported: its sentence in red, nothing to import."""
        self.preview = None
        self.mapping_table.show_preview(None)
        self.header_label.clear()
        try:
            names = sheet_names(self.path) if self.path else ()
        except ExcelFileError:
            names = ()
        self._fill_sheets(names, sheet)
        self._show_error(message)
        self._update_state()

    def _fill_sheets(self, names: tuple[str, ...], current: str | None) -> None:
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(names))
        if current in names:
            self.sheet_combo.setCurrentText(current)
        self.sheet_combo.blockSignals(False)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def _update_state(self) -> None:
        """Import only a previewed sheet whose required fields all have a column."""
        on_preview = self.stack.currentIndex() == PREVIEW_PAGE
        missing = self.mapping_table.missing_required() if self.preview else []
        if missing and on_preview:
            self._show_error(
                self.tr("Choose the column to read {fields} from.").format(
                    fields="、".join(missing)
                )
            )
        elif self.preview is not None and on_preview:
            self._show_error("")
        self.hint_label.setVisible(self.preview is not None)
        self.run_button.setEnabled(on_preview and self.preview is not None and not missing)
        self.run_button.setVisible(on_preview)
        self.dry_run_check.setVisible(on_preview)
        self.back_button.setVisible(not on_preview)
        for widget in (self.choose_button, self.kind_combo, self.sheet_combo):
            widget.setEnabled(on_preview)
        default = self.run_button if self.run_button.isEnabled() else self.close_button
        default.setDefault(True)
        other = self.close_button if default is self.run_button else self.run_button
        other.setDefault(False)

    # --- step 3 and 4: the import and its report ---------------------------------------------

    def run_import(self) -> None:
        """Import the previewed sheet with the chosen mapping, then show the row report."""
        if self.path is None or self.preview is None or not self.run_button.isEnabled():
            return
        dry_run = self.dry_run_check.isChecked()
        action = imports.import_visits if self.kind == "visits" else imports.import_orgs
        path, sheet, mapping = self.path, self.preview.sheet, self.mapping_table.override()
        label = self.tr("Checking {file}…") if dry_run else self.tr("Importing {file}…")
        progress = ImportProgressDialog(self, label.format(file=path.name))
        progress.show()
        try:
            operation = Operation(
                self,
                lambda: action(
                    self.db, path, sheet=sheet, dry_run=dry_run, mapping=mapping, progress=progress
                ),
                changes=NOTHING if dry_run else IMPORTED[self.kind],
            )
            outcome = operation.failure(lambda _sentence: None).run()
        finally:
            progress.close()
            progress.deleteLater()
        if not outcome.ok or outcome.value is None:
            self._show_error(outcome.error)
            return
        self.report = outcome.value
        self.report_view.show_report(outcome.value, dry_run=dry_run, source=self.path.name)
        self.stack.setCurrentIndex(REPORT_PAGE)
        self._show_error("")
        self._update_state()
        self.report_view.table.setFocus()

    def show_preview_page(self) -> None:
        """Back to the preview (after a dry run, to import for real)."""
        self.stack.setCurrentIndex(PREVIEW_PAGE)
        self._update_state()

    def _close(self) -> None:
        if self.report is not None and not self.report_view.dry_run:
            self.accept()
        else:
            self.reject()
