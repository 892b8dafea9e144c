"""The main window's actions, menus and toolbar, with their standard shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from fieldlog.ui.undo import undo_stack

if TYPE_CHECKING:
    from fieldlog.ui.main_window import MainWindow


def _action(
    window: MainWindow, name: str, text: str, slot: Callable[[], object], keys: object = None
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if keys is not None:
        action.setShortcut(QKeySequence(keys))  # type: ignore[call-overload]
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work whichever page has the focus
    return action


def _file_menu(window: MainWindow) -> None:
    tr = window.tr
    menu = window.menuBar().addMenu(tr("&File"))
    window.new_visit_action = _action(
        window, "actionNewVisit", tr("&New visit…"), window.new_visit, QKeySequence.StandardKey.New
    )
    window.import_action = _action(
        window, "actionImport", tr("&Import…"), window.import_file, "Ctrl+I"
    )
    menu.addAction(window.new_visit_action)
    menu.addAction(window.import_action)
    export = QMenu(tr("&Export"), menu)
    for what, text, keys in (
        ("weekly", tr("&Weekly return…"), "Ctrl+E"),
        ("ledger", tr("Project &ledger…"), None),
        ("orgs", tr("&Organization directory…"), None),
        ("visits", tr("&Visit log…"), None),
    ):
        name = f"actionExport{what.capitalize()}"
        export.addAction(_action(window, name, text, lambda w=what: window.export(w), keys))
    menu.addMenu(export)
    menu.addSeparator()
    window.load_demo_action = _action(
        window, "loadDemoAction", tr("Load &demo data…"), window.confirm_load_demo
    )
    menu.addAction(window.load_demo_action)
    menu.addSeparator()
    menu.addAction(
        _action(window, "quitAction", tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)
    )


def _edit_menu(window: MainWindow) -> None:
    menu = window.menuBar().addMenu(window.tr("&Edit"))
    undo = undo_stack().createUndoAction(window, window.tr("&Undo"))
    undo.setObjectName("actionUndo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = undo_stack().createRedoAction(window, window.tr("&Redo"))
    redo.setObjectName("actionRedo")
    redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
    menu.addAction(undo)
    menu.addAction(redo)


def _view_menu(window: MainWindow, pages: list[tuple[str, str]]) -> None:
    menu = window.menuBar().addMenu(window.tr("&View"))
    for index, (name, text) in enumerate(pages):
        action = _action(window, f"actionShow_{name}", text, lambda i=index: window.show_page(i))
        action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        menu.addAction(action)
    menu.addSeparator()
    language = menu.addMenu(window.tr("&Language"))
    group = QActionGroup(window)
    for code, text in (("zh_CN", "中文"), ("en", "English")):
        action = QAction(text, window, checkable=True, objectName=f"actionLanguage_{code}")
        action.setChecked(window.language == code)
        action.triggered.connect(lambda _checked=False, c=code: window.language_requested.emit(c))
        group.addAction(action)
        language.addAction(action)


def _help_menu(window: MainWindow) -> None:
    menu = window.menuBar().addMenu(window.tr("&Help"))
    menu.addAction(_action(window, "aboutAction", window.tr("&About FieldLog"), window.show_about))


def build(window: MainWindow, pages: list[tuple[str, str]]) -> None:
    """Menus and the toolbar of `window`; `pages` are (objectName, title) of its pages."""
    _file_menu(window)
    _edit_menu(window)
    _view_menu(window, pages)
    _help_menu(window)
    toolbar = QToolBar(window.tr("Main"), window, objectName="mainToolBar")
    toolbar.setMovable(False)
    toolbar.addAction(window.new_visit_action)
    toolbar.addAction(window.import_action)
    toolbar.addAction(window.findChild(QAction, "actionExportWeekly"))
    window.addToolBar(toolbar)
