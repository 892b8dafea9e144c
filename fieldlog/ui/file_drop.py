"""Dropping Excel files onto the window opens the import dialog for each (SPEC §4.3).

Only local files named .xlsx, .xlsm or .xls are taken; an .xls is let through so that the reader
can say what to do with it ("save it as .xlsx") instead of the drop being silently refused.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from fieldlog.store.database import Database
from fieldlog.ui.dialogs.import_dialog import ImportDialog

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
#: How far each further dialog of one drop is moved, so that none hides another completely.
CASCADE_PX = 32


def excel_paths(mime: QMimeData | None) -> list[Path]:
    """The local Excel files among what is dragged, in the order given."""
    if mime is None or not mime.hasUrls():
        return []
    paths = []
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in EXCEL_SUFFIXES:
                paths.append(path)
    return paths


def open_import_dialog(db: Database, path: Path, parent: QWidget | None) -> ImportDialog:
    """Show a (non-blocking) import dialog for `path`; it deletes itself when closed."""
    dialog = ImportDialog(db, path, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


class XlsxDropFilter(QObject):
    """Event filter that accepts dragged Excel files on a widget and opens an import for each."""

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        open_dialog: Callable[[Database, Path, QWidget | None], QWidget] = open_import_dialog,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._open_dialog = open_dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, (QDragEnterEvent, QDragMoveEvent))
            if excel_paths(event.mimeData()):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                return True
            return False
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = excel_paths(event.mimeData())
            if not paths:
                return False
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.open_all(paths, watched if isinstance(watched, QWidget) else None)
            return True
        return super().eventFilter(watched, event)

    def open_all(self, paths: list[Path], parent: QWidget | None) -> list[QWidget]:
        """Open one import dialog per file, cascaded."""
        dialogs: list[QWidget] = []
        for number, path in enumerate(paths):
            dialog = self._open_dialog(self.db, path, parent)
            if dialogs:
                first = dialogs[0].pos()
                dialog.move(first.x() + number * CASCADE_PX, first.y() + number * CASCADE_PX)
            dialogs.append(dialog)
        return dialogs


def install_xlsx_drop(widget: QWidget, db: Database) -> XlsxDropFilter:
    """Let `widget` (the main window) take dropped Excel files; returns the installed filter."""
    widget.setAcceptDrops(True)
    drop_filter = XlsxDropFilter(db, widget)
    widget.installEventFilter(drop_filter)
    return drop_filter
