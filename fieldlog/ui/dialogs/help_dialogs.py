"""Help ▸ User guide (the guide shipped in resources/guide) and Help ▸ Keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.catalogs import resources_dir
from fieldlog.ui.main_actions import button_text


def guide_text(language: str) -> str:
    """The user guide in `language` (Markdown), the Chinese one when there is none."""
    folder = resources_dir() / "guide"
    path = folder / f"guide_{language}.md"
    if not path.exists():
        path = folder / "guide_zh_CN.md"
    return path.read_text(encoding="utf-8")


class GuideDialog(QDialog):
    """The user guide: a day's work from the first start to backups."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser(objectName="guideBrowser")
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(guide_text(language))
        self.browser.setAccessibleName(self.tr("User guide"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(_close_buttons(self))
        self.resize(760, 640)


def _in_page_keys() -> list[tuple[str, str]]:
    """Keys that belong to a page or a form rather than to a menu action."""
    translate = QCoreApplication.translate
    native = QKeySequence.SequenceFormat.NativeText

    def keys(*sequences: object) -> str:
        return " / ".join(QKeySequence(s).toString(native) for s in sequences)  # type: ignore[call-overload]

    return [
        (
            translate("Shortcuts", "Search the visit log or the organizations"),
            keys(QKeySequence.StandardKey.Find),
        ),
        (
            translate("Shortcuts", "Open the selected visit, organization or project"),
            keys("Return"),
        ),
        (
            translate("Shortcuts", "Delete the selected visit or organization"),
            keys(QKeySequence.StandardKey.Delete),
        ),
        (translate("Shortcuts", "History of the selected visit"), keys("Ctrl+H")),
        (translate("Shortcuts", "First / last visit of the log"), keys("Ctrl+Home", "Ctrl+End")),
        (translate("Shortcuts", "Save the visit or project form"), keys("Ctrl+Return", "Ctrl+S")),
        (translate("Shortcuts", "Close a form (asks before losing what was typed)"), keys("Esc")),
        (translate("Shortcuts", "Rename the selected chain or link (chain editor)"), keys("F2")),
    ]


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str]]:
    """(what, keys) for every action of the window with a shortcut, then the in-page keys."""
    native = QKeySequence.SequenceFormat.NativeText
    rows = []
    for action in window.findChildren(QAction):
        if action.parent() is not window or not action.shortcuts():
            continue
        keys = " / ".join(k.toString(native) for k in action.shortcuts())
        rows.append((button_text(action.text()), keys))
    return rows + _in_page_keys()


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut, read from the window's actions so the list is never stale."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2, self, objectName="shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        for row, (what, keys) in enumerate(rows):
            for column, text in enumerate((what, keys)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(_close_buttons(self))
        self.resize(560, 520)


def _close_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    return buttons
