"""Merging two records that are the same organization: pick the other one, pick which to keep."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.orgs import org_merge
from fieldlog.services.orgs.org_search import search_orgs
from fieldlog.store.database import Database
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.operations import Operation

CANDIDATES = 30


class MergeDialog(QDialog):
    """ "These two records are the same organization": moves everything to the kept one."""

    def __init__(self, db: Database, org_id: uuid.UUID, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge organizations"))
        self.db, self.org_id, self.org_name = db, org_id, name
        self.kept_id: uuid.UUID | None = None
        intro = QLabel(
            self.tr(
                "Find the other record of {name}; everything of one moves to the other."
            ).format(name=name)
        )
        intro.setWordWrap(True)
        self.search_edit = QLineEdit(objectName="mergeSearch")
        self.search_edit.setPlaceholderText(self.tr("Name, pinyin initials or credit code"))
        self.search_edit.setAccessibleName(self.tr("Find the other record"))
        self.search_edit.installEventFilter(self)
        self.candidates = QListWidget(objectName="mergeCandidates")
        self.candidates.setAccessibleName(self.tr("Matching organizations"))
        self.keep_current = QRadioButton(self.tr("&Keep {name}").format(name=name))
        self.keep_current.setObjectName("mergeKeepCurrent")
        self.keep_current.setChecked(True)
        self.keep_other = QRadioButton(self.tr("Keep the &other record"))
        self.keep_other.setObjectName("mergeKeepOther")
        self.summary = QLabel(objectName="mergeSummary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(
            self.tr("&Merge…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setObjectName("mergeButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.search_edit, self.candidates, self.keep_current):
            layout.addWidget(widget)
        for widget in (self.keep_other, self.summary, self.buttons):
            layout.addWidget(widget)
        self.search_edit.textChanged.connect(self._search)
        self.candidates.currentItemChanged.connect(self._update)
        self.keep_current.toggled.connect(self._update)
        self.resize(560, 480)
        self._update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up and Down in the search box move through the matches, as in any type-ahead.
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                QApplication.sendEvent(self.candidates, event)
                return True
        return super().eventFilter(watched, event)

    def _search(self, text: str) -> None:
        self.candidates.clear()
        if not text.strip():
            return
        for hit in search_orgs(self.db, text, limit=CANDIDATES + 1):
            if hit.id == self.org_id:
                continue
            label = " · ".join(t for t in (hit.name, hit.credit_code or "", hit.region) if t)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, (hit.id, hit.name))
            self.candidates.addItem(item)
        if self.candidates.count():
            self.candidates.setCurrentRow(0)

    def other(self) -> tuple[uuid.UUID, str] | None:
        """(id, name) of the chosen other record."""
        item = self.candidates.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def choice(self) -> tuple[tuple[uuid.UUID, str], tuple[uuid.UUID, str]] | None:
        """((kept id, name), (merged id, name)), once the other record is chosen."""
        other = self.other()
        if other is None:
            return None
        current = (self.org_id, self.org_name)
        return (current, other) if self.keep_current.isChecked() else (other, current)

    def _update(self) -> None:
        choice = self.choice()
        if choice is None:
            self.summary.setText(self.tr("Choose the other record in the list."))
            self.merge_button.setEnabled(False)
            return
        (keep_id, keep), (merge_id, merged) = choice
        preview = org_merge.merge_preview(self.db, keep_id, merge_id)
        if preview.problem is not None:
            self.summary.setText(
                self.tr("These records cannot be merged: {why}.").format(why=preview.problem)
            )
            self.merge_button.setEnabled(False)
            return
        n = preview.counts
        text = self.tr(
            "Moving from {merged} to {keep}: visits {visits}, projects {projects}, contacts "
            "{contacts}. Empty fields of {keep} are filled from {merged}, then {merged} is deleted."
        )
        self.summary.setText(
            text.format(
                merged=merged,
                keep=keep,
                visits=n.visits,
                projects=n.projects,
                contacts=n.contacts,
            )
        )
        self.merge_button.setEnabled(True)

    def accept(self) -> None:
        choice = self.choice()
        if choice is None:
            return
        (keep_id, keep), (merge_id, merged) = choice
        answer = QMessageBox.question(
            self,
            self.tr("Merge organizations"),
            self.tr("Merge {merged} into {keep}?\n\n{summary}\n\nA merge cannot be undone.").format(
                merged=merged, keep=keep, summary=self.summary.text()
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        # The visits, contacts and projects move to the organization kept.
        moved = Changes.of(Kind.ORG, Kind.VISIT, Kind.PROJECT)
        merge = Operation(
            self, lambda: org_merge.merge_orgs(self.db, keep_id, merge_id), changes=moved
        )
        if merge.run().ok:
            self.kept_id = keep_id
            super().accept()
