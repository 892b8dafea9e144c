"""The import preview: the first rows of the sheet, with the field each column fills above it;
and the guess whether a file holds organizations or visits."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from fieldlog.services.imports import imports
from fieldlog.services.imports.imports import ExcelFileError, Preview

Kind = Literal["orgs", "visits"]
KINDS: tuple[Kind, ...] = ("orgs", "visits")
MAX_COLUMN_WIDTH = 240
#: The row of the table that holds the field choosers; the sheet's rows follow it.
CHOOSER_ROW = 0
#: Fields only a visit log has; a sheet with the date or two of the others is a visit log.
_VISIT_ONLY = ("visitors", "visit_kind", "summary", "intent", "next_follow_up")


def guess_kind(path: Path) -> tuple[Kind, Preview]:
    """What the file most likely holds, with its preview; ExcelFileError when neither reads."""
    try:
        as_visits: Preview | None = imports.preview(path, "visits")
    except ExcelFileError:
        as_visits = None
    if as_visits is not None:
        columns = as_visits.mapping.columns
        if "date" in columns or sum(name in columns for name in _VISIT_ONLY) >= 2:
            return "visits", as_visits
    try:
        return "orgs", imports.preview(path, "orgs")
    except ExcelFileError:
        if as_visits is None:
            raise
        return "visits", as_visits


def column_letter(index: int) -> str:
    """Excel's name of a 0-based column: A … Z, AA …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class MappingTable(QTableWidget):
    """The preview table; the combo box above each column says which field it is read into."""

    mapping_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mappingTable")
        self.setAccessibleName(self.tr("Preview of the sheet and its column mapping"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Tab moves from one field chooser to the next, then out of the table.
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.combos: list[QComboBox] = []
        self._preview: Preview | None = None

    def show_preview(self, preview: Preview | None) -> None:
        """Fill the table from `preview` (None empties it) and set each chooser to its field."""
        self._preview = preview
        for old in self.combos:
            old.setObjectName("")  # deleted later with its cell; nobody may find it meanwhile
        # Dropping every row and column also deletes the previous sheet's combo boxes.
        self.setRowCount(0)
        self.setColumnCount(0)
        self.combos = []
        if preview is None:
            return
        headings = preview.mapping.headings
        width = max([len(headings), *(len(cells) for _, cells in preview.rows)])
        self.setColumnCount(width)
        self.setRowCount(len(preview.rows) + 1)
        self._fill_headers(headings, [number for number, _ in preview.rows])
        for row, (_, cells) in enumerate(preview.rows, start=1):
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))
        fields_by_column = {index: name for name, index in preview.mapping.columns.items()}
        for column in range(width):
            self.combos.append(self._make_combo(column, fields_by_column.get(column)))
        self._grey_ignored()
        self._fit()

    def _fill_headers(self, headings: tuple[str, ...], numbers: list[int]) -> None:
        labels = []
        for column in range(self.columnCount()):
            heading = headings[column] if column < len(headings) else ""
            labels.append(f"{column_letter(column)}  {heading}".rstrip())
        self.setHorizontalHeaderLabels(labels)
        self.setVerticalHeaderLabels([self.tr("Field"), *(str(n) for n in numbers)])

    def _make_combo(self, column: int, field: str | None) -> QComboBox:
        assert self._preview is not None
        combo = QComboBox(self)
        combo.setObjectName(f"mappingCombo_{column}")
        combo.setAccessibleName(
            self.tr("Field read from column {letter}").format(letter=column_letter(column))
        )
        combo.addItem(self.tr("— ignore —"), None)
        for spec in self._preview.fields:
            combo.addItem(f"{spec.label} *" if spec.required else spec.label, spec.name)
            also = self.tr("Recognized headings: {names}").format(names="、".join(spec.synonyms))
            combo.setItemData(combo.count() - 1, also, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(combo.findData(field), 0) if field else 0)
        combo.currentIndexChanged.connect(lambda _i, c=column: self._on_choice(c))
        combo.installEventFilter(self)
        self.setCellWidget(CHOOSER_ROW, column, combo)
        return combo

    def _fit(self) -> None:
        self.resizeColumnsToContents()
        self.resizeRowToContents(CHOOSER_ROW)
        for column in range(self.columnCount()):
            if self.columnWidth(column) > MAX_COLUMN_WIDTH:
                self.setColumnWidth(column, MAX_COLUMN_WIDTH)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A chooser reached by Tab may be scrolled out of sight; bring its column into view.
        if event.type() == QEvent.Type.FocusIn and watched in self.combos:
            column = self.combos.index(watched)  # type: ignore[arg-type]
            self.scrollTo(self.model().index(CHOOSER_ROW, column))
        return super().eventFilter(watched, event)

    def _on_choice(self, column: int) -> None:
        """A field is read from one column: choosing it here frees it elsewhere."""
        chosen = self.combos[column].currentData()
        if chosen is not None:
            for other, combo in enumerate(self.combos):
                if other != column and combo.currentData() == chosen:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._grey_ignored()
        self.mapping_changed.emit()

    def _grey_ignored(self) -> None:
        """Cells of ignored columns are shown dimmed: they will not be imported."""
        dim = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        normal = self.palette().color(QPalette.ColorRole.Text)
        for column, combo in enumerate(self.combos):
            colour = normal if combo.currentData() is not None else dim
            for row in range(1, self.rowCount()):
                item = self.item(row, column)
                if item is not None:
                    item.setForeground(colour)

    def field_of(self, column: int) -> str | None:
        """The field column `column` is read into, or None when it is ignored."""
        return self.combos[column].currentData() if column < len(self.combos) else None

    def choose(self, column: int, field: str | None) -> None:
        """Read column `column` into `field` (None: ignore it), as if chosen in its combo box."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(combo.findData(field), 0) if field else 0)

    def override(self) -> dict[str, int | None]:
        """Every field with the column it is read from, or None: the import's `mapping=`."""
        if self._preview is None:
            return {}
        chosen = {combo.currentData(): column for column, combo in enumerate(self.combos)}
        return {spec.name: chosen.get(spec.name) for spec in self._preview.fields}

    def missing_required(self) -> list[str]:
        """The labels of required fields no column is read into."""
        if self._preview is None:
            return []
        override = self.override()
        return [s.label for s in self._preview.fields if s.required and override[s.name] is None]
