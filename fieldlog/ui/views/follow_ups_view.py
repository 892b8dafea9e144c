"""Follow-ups page: overdue, today and this week, for me, my group or the whole team."""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.stages import LABELS_ZH
from fieldlog.services.follow_ups import FollowUpItem, Scope, follow_ups
from fieldlog.services.identity import get_me
from fieldlog.store.database import Database
from fieldlog.ui import operations

#: Role holding the FollowUpItem of a row (None on section headers).
ItemRole = Qt.ItemDataRole.UserRole + 1
OVERDUE_COLOR = QColor("#c62828")
SCOPES = ("me", "group", "team")


class FollowUpsView(QWidget):
    """Three sections of due follow-ups; double-click opens the visit or the project."""

    open_visit_requested = Signal(object)
    open_project_requested = Signal(object)

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._today = today
        self.setObjectName("followUps")
        self.scope_box = QComboBox()
        self.scope_box.setObjectName("followUpsScope")
        self.scope_box.setAccessibleName(self.tr("Whose follow-ups"))
        for text, scope in zip(
            (self.tr("Mine"), self.tr("My group"), self.tr("Whole team")), SCOPES, strict=True
        ):
            self.scope_box.addItem(text, scope)
        self.tree = QTreeWidget()
        self.tree.setObjectName("followUpsTree")
        self.tree.setAccessibleName(self.tr("Follow-ups"))
        self.tree.setHeaderLabels(
            [
                self.tr("Due"),
                self.tr("Kind"),
                self.tr("Organization"),
                self.tr("People"),
                self.tr("Stage"),
                self.tr("Subject"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemActivated.connect(self._activate)
        self._build_layout()
        self._setup_scopes()
        self.scope_box.currentIndexChanged.connect(self.refresh)
        operations.changes().changes_applied.connect(self.refresh)
        self.refresh()

    def _build_layout(self) -> None:
        label = QLabel(self.tr("&Show:"))
        label.setBuddy(self.scope_box)
        bar = QHBoxLayout()
        bar.addWidget(label)
        bar.addWidget(self.scope_box)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tree)
        self.setTabOrder(self.scope_box, self.tree)

    def _setup_scopes(self) -> None:
        """Mine and My group need to know who uses this laptop; otherwise only the team."""
        self.me = get_me(self.db)
        model = self.scope_box.model()
        assert isinstance(model, QStandardItemModel)
        for row in (0, 1):
            model.item(row).setEnabled(self.me is not None)
        self.scope_box.setCurrentIndex(0 if self.me is not None else 2)

    def today(self) -> date:
        """The day the sections are counted from (injected in tests)."""
        return self._today or date.today()

    def scope(self) -> str:
        """The selected scope: me, group or team."""
        return str(self.scope_box.currentData())

    def refresh(self, _result: object = None) -> None:
        """Reread the follow-ups and rebuild the three sections."""
        scope = cast(Scope, self.scope())
        member = self.me if scope != "team" else None
        found = follow_ups(self.db, today=self.today(), scope=scope, member_id=member)
        self.tree.clear()
        self.sections: dict[str, QTreeWidgetItem] = {}
        for key, title, items in (
            ("overdue", self.tr("Overdue (%n)", "", len(found.overdue)), found.overdue),
            ("today", self.tr("Today (%n)", "", len(found.today)), found.today),
            ("this_week", self.tr("This week (%n)", "", len(found.this_week)), found.this_week),
        ):
            self.sections[key] = self._section(title, items, overdue=key == "overdue")
        self.tree.expandAll()
        for column in range(self.tree.columnCount() - 1):
            self.tree.resizeColumnToContents(column)

    def _section(self, title: str, items: list[FollowUpItem], *, overdue: bool) -> QTreeWidgetItem:
        header = QTreeWidgetItem(self.tree, [title])
        header.setFirstColumnSpanned(True)
        header.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(header.font(0))
        font.setBold(True)
        header.setFont(0, font)
        if overdue:
            header.setForeground(0, QBrush(OVERDUE_COLOR))
        for item in items:
            self._row(header, item, overdue=overdue)
        return header

    def _row(self, header: QTreeWidgetItem, item: FollowUpItem, *, overdue: bool) -> None:
        kind = self.tr("Visit") if item.kind == "visit" else self.tr("Project")
        stage = LABELS_ZH[item.stage] if item.stage else ""
        people = "、".join(item.people)
        texts = [item.due.isoformat(), kind, item.org or "", people, stage, item.title]
        row = QTreeWidgetItem(header, texts)
        row.setData(0, ItemRole, item)
        row.setToolTip(5, item.title)
        if overdue:
            for column in range(len(texts)):
                row.setForeground(column, QBrush(OVERDUE_COLOR))

    def _activate(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        item = row.data(0, ItemRole)
        if not isinstance(item, FollowUpItem):
            return
        if item.kind == "visit":
            self.open_visit_requested.emit(item.id)
        else:
            self.open_project_requested.emit(item.id)
