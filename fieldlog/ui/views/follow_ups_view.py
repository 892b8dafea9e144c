"""Follow-ups page: overdue, today and this week, for me, my group or the whole team."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
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

from fieldlog.domain.stages import stage_label
from fieldlog.services.team.identity import get_me
from fieldlog.services.visits.follow_ups import (
    FollowUpCounts,
    FollowUpItem,
    Scope,
    follow_up_counts,
    follow_up_page,
    week_end,
)
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.views.shown_refresh import RefreshWhenShown

#: Role holding the FollowUpItem of a row (None on section headers).
ItemRole = Qt.ItemDataRole.UserRole + 1
#: Role holding the section key on a section's "more" row.
MoreRole = Qt.ItemDataRole.UserRole + 2
#: Follow-ups a section shows at first, and adds each time its "more" row is activated.
PAGE_SIZE = 200
OVERDUE_COLOR = QColor("#c62828")
SCOPES = ("me", "group", "team")


@dataclass
class _Section:
    """A section's days, its count, how far it is shown, and its header and "more" rows."""

    first: date | None
    last: date
    total: int
    header: QTreeWidgetItem
    shown: int = 0
    next_first: date | None = None
    more: QTreeWidgetItem | None = None


#: What is due: visits' follow-ups and projects, their organizations and the people on them.
SHOWN = (Kind.VISIT, Kind.PROJECT, Kind.ORG, Kind.TEAM)


class FollowUpsView(RefreshWhenShown, QWidget):
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
        operations.changes().changes_applied.connect(self._on_changes)
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

    def _on_changes(self, made: Changes) -> None:
        if made.touches(*SHOWN):
            self.refresh_when_shown()

    def refresh(self, _result: object = None) -> None:
        """Recount the follow-ups and show the first page of each of the three sections."""
        scope = cast(Scope, self.scope())
        self._whose = (scope, self.me if scope != "team" else None)
        today = self.today()
        counts = follow_up_counts(self.db, today=today, scope=scope, member_id=self._whose[1])
        self.tree.clear()
        self.sections: dict[str, QTreeWidgetItem] = {}
        self._sections: dict[str, _Section] = {}
        for key, first, last, total, title in self._section_specs(today, counts):
            header = self._header(title, overdue=key == "overdue")
            self.sections[key] = header
            self._sections[key] = _Section(first, last, total, header, next_first=first)
            if total:
                self.show_more(key)
        self.tree.expandAll()
        for column in range(self.tree.columnCount() - 1):
            self.tree.resizeColumnToContents(column)

    def _section_specs(
        self, today: date, counts: FollowUpCounts
    ) -> list[tuple[str, date | None, date, int, str]]:
        """Each section's key, first and last day, count and title."""
        week = week_end(today)
        return [
            ("overdue", None, today - timedelta(days=1), counts.overdue,
             self.tr("Overdue (%n)", "", counts.overdue)),
            ("today", today, today, counts.today, self.tr("Today (%n)", "", counts.today)),
            ("this_week", today + timedelta(days=1), week, counts.this_week,
             self.tr("This week (%n)", "", counts.this_week)),
        ]  # fmt: skip

    def _header(self, title: str, *, overdue: bool) -> QTreeWidgetItem:
        header = QTreeWidgetItem(self.tree, [title])
        header.setFirstColumnSpanned(True)
        header.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(header.font(0))
        font.setBold(True)
        header.setFont(0, font)
        if overdue:
            header.setForeground(0, QBrush(OVERDUE_COLOR))
        return header

    def show_more(self, key: str) -> None:
        """Add the next page of a section (what its "more" row does)."""
        section = self._sections[key]
        if section.shown and section.next_first is None:
            return
        scope, member = self._whose
        page = follow_up_page(
            self.db,
            first=section.next_first,
            last=section.last,
            limit=PAGE_SIZE,
            scope=scope,
            member_id=member,
        )
        if section.more is not None:
            section.header.removeChild(section.more)
            section.more = None
        for item in page.items:
            self._row(section.header, item, overdue=key == "overdue")
        section.shown += len(page.items)
        section.next_first = page.next_first
        if page.next_first is not None:
            section.more = self._more_row(key, max(section.total - section.shown, 0))

    def _more_row(self, key: str, left: int) -> QTreeWidgetItem:
        header = self._sections[key].header
        text = self.tr("%1 more — press Enter to show %2 more")
        row = QTreeWidgetItem(header, [text.replace("%1", str(left)).replace("%2", str(PAGE_SIZE))])
        row.setFirstColumnSpanned(True)
        row.setData(0, MoreRole, key)
        font = QFont(row.font(0))
        font.setItalic(True)
        row.setFont(0, font)
        return row

    def _row(self, header: QTreeWidgetItem, item: FollowUpItem, *, overdue: bool) -> None:
        kind = self.tr("Visit") if item.kind == "visit" else self.tr("Project")
        stage = stage_label(item.stage)  # 未知（code） for a newer FieldLog's stage
        people = "、".join(item.people)
        texts = [item.due.isoformat(), kind, item.org or "", people, stage, item.title]
        row = QTreeWidgetItem(header, texts)
        row.setData(0, ItemRole, item)
        row.setToolTip(5, item.title)
        if overdue:
            for column in range(len(texts)):
                row.setForeground(column, QBrush(OVERDUE_COLOR))

    def _activate(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        more = row.data(0, MoreRole)
        if isinstance(more, str):
            self._show_more_from(row, more)
            return
        item = row.data(0, ItemRole)
        if not isinstance(item, FollowUpItem):
            return
        if item.kind == "visit":
            self.open_visit_requested.emit(item.id)
        else:
            self.open_project_requested.emit(item.id)

    def _show_more_from(self, row: QTreeWidgetItem, key: str) -> None:
        """Show the next page and keep the keyboard where the new rows start."""
        header = self._sections[key].header
        at = header.indexOfChild(row)
        self.show_more(key)
        landing = header.child(min(at, header.childCount() - 1))
        if landing is not None:
            self.tree.setCurrentItem(landing)
