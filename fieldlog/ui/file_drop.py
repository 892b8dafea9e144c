"""Dropping files onto the window: Excel files open the import dialog for each (SPEC §4.3),
sync packages (*.fieldsync) are received together, in one import (SPEC §6).

Only local files named .xlsx, .xlsm or .xls are taken as sheets; an .xls is let through so that
the reader can say what to do with it ("save it as .xlsx") instead of the drop being silently
refused.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from fieldlog.store.database import Database

if TYPE_CHECKING:  # the import dialog brings openpyxl: loaded when a file is dropped
    from fieldlog.ui.dialogs.import_dialog import ImportDialog

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
PACKAGE_SUFFIXES = (".fieldsync",)
#: How far each further dialog of one drop is moved, so that none hides another completely.
CASCADE_PX = 32


def _local_paths(mime: QMimeData | None, suffixes: tuple[str, ...]) -> list[Path]:
    if mime is None or not mime.hasUrls():
        return []
    paths = []
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in suffixes:
                paths.append(path)
    return paths


def excel_paths(mime: QMimeData | None) -> list[Path]:
    """The local Excel files among what is dragged, in the order given."""
    return _local_paths(mime, EXCEL_SUFFIXES)


def package_paths(mime: QMimeData | None) -> list[Path]:
    """The local sync packages among what is dragged, in the order given."""
    return _local_paths(mime, PACKAGE_SUFFIXES)


def local_files(mime: QMimeData | None) -> list[Path]:
    """Every local file among what is dragged or pasted, whatever its name (what may be
    attached is read from the bytes, not the name), in the order given; folders are left out."""
    if mime is None or not mime.hasUrls():
        return []
    found = (Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile())
    return [path for path in found if not path.is_dir()]


def open_import_dialog(db: Database, path: Path, parent: QWidget | None) -> ImportDialog:
    """Show a (non-blocking) import dialog for `path`; it deletes itself when closed."""
    from fieldlog.ui.dialogs.import_dialog import ImportDialog

    dialog = ImportDialog(db, path, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


class XlsxDropFilter(QObject):
    """Event filter that accepts dragged Excel files on a widget and opens an import for each;
    with `receive`, dragged sync packages are handed to it, all of them in one call."""

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        open_dialog: Callable[[Database, Path, QWidget | None], QWidget] = open_import_dialog,
        receive: Callable[[list[Path]], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._open_dialog = open_dialog
        self._receive = receive

    def _wanted(self, mime: QMimeData | None) -> tuple[list[Path], list[Path]]:
        """(Excel files, sync packages) of a drag; packages only when they can be received."""
        packages = package_paths(mime) if self._receive is not None else []
        return excel_paths(mime), packages

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, (QDragEnterEvent, QDragMoveEvent))
            if any(self._wanted(event.mimeData())):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                return True
            return False
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            sheets, packages = self._wanted(event.mimeData())
            if not sheets and not packages:
                return False
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            if sheets:
                self.open_all(sheets, watched if isinstance(watched, QWidget) else None)
            if packages and self._receive is not None:
                # After the drop returns: the file manager that dragged must not wait on us.
                receive = self._receive
                QTimer.singleShot(0, lambda: receive(packages))
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


def install_xlsx_drop(
    widget: QWidget, db: Database, receive: Callable[[list[Path]], object] | None = None
) -> XlsxDropFilter:
    """Let `widget` (the main window) take dropped Excel files, and sync packages when given
    `receive`; returns the installed filter."""
    widget.setAcceptDrops(True)
    drop_filter = XlsxDropFilter(db, widget, receive=receive)
    widget.installEventFilter(drop_filter)
    return drop_filter
