"""The team leader's "last received" overview: one line per member or laptop, problems first.

Members of the team whose laptop has never sent a package are listed too, and a laptop that
has sent nothing for more than a week says so in words (and in red), so a missing one stands out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from fieldlog.services.exchange.sync import PeerView
from fieldlog.ui.dialogs.sync_report_dialog import local_time

OVERDUE_AFTER = timedelta(days=7)
ATTENTION = QColor("#b3261e")
#: Sort order of the states: what needs the team leader's attention comes first.
ORDER = {"never": 0, "overdue": 1, "relayed": 2, "ok": 3}


@dataclass(frozen=True)
class OverviewRow:
    """One line of the overview: a member (and their laptop, once it has sent something)."""

    name: str
    state: str  # never | overdue | relayed | ok
    days: int  # days since the last package was received (overdue, ok)
    peer: PeerView | None


def _state(peer: PeerView, now: datetime) -> tuple[str, int]:
    if not peer.packages or peer.last_received_at is None:
        return "relayed", 0
    age = now - peer.last_received_at
    return ("overdue" if age > OVERDUE_AFTER else "ok"), max(age.days, 0)


def overview_rows(
    peers: list[PeerView], members: list[str], me: str | None, now: datetime
) -> list[OverviewRow]:
    """Laptops heard of, and members of the team no laptop of which has sent anything."""
    rows, named = [], set()
    for peer in peers:
        state, days = _state(peer, now)
        if state != "relayed":
            named.add(peer.member_name)
        name = peer.member_name or QCoreApplication.translate(
            "SyncPeersTable", "laptop {node}"
        ).format(node=peer.node_id[:8])
        rows.append(OverviewRow(name, state, days, peer))
    relayed = {row.name for row in rows if row.state == "relayed"}
    for member in members:
        if member != me and member not in named and member not in relayed:
            rows.append(OverviewRow(member, "never", 0, None))
    return sorted(rows, key=lambda r: (ORDER[r.state], -r.days if r.state == "overdue" else 0))


class SyncPeersTable(QTableWidget):
    """Member, state, last package made, received, records, packages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("syncPeersTable")
        self.setAccessibleName(self.tr("Last received from each member"))
        self.setHorizontalHeaderLabels(
            [
                self.tr("Member"),
                self.tr("State"),
                self.tr("Last package made"),
                self.tr("Received"),
                self.tr("Records"),
                self.tr("Packages"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the state, in words
        self.rows: list[OverviewRow] = []

    def state_text(self, row: OverviewRow) -> str:
        """The state in words (never only in colour)."""
        if row.state == "never":
            return self.tr("Never sent anything")
        if row.state == "relayed":
            return self.tr("Nothing received directly (known from others)")
        if row.state == "overdue":
            return self.tr("Overdue: nothing for %n day(s)", "", row.days)
        if row.days == 0:
            return self.tr("Received today")
        return self.tr("Received %n day(s) ago", "", row.days)

    def show_rows(self, rows: list[OverviewRow]) -> None:
        """Replace the lines."""
        self.rows = rows
        self.setRowCount(len(rows))
        for number, row in enumerate(rows):
            peer = row.peer
            cells = [row.name, self.state_text(row), "", "", "", ""]
            if peer is not None and row.state != "relayed":
                cells[2:] = [
                    local_time(peer.last_made_at),
                    local_time(peer.last_received_at),
                    str(peer.last_rows),
                    str(peer.packages),
                ]
            for column, text in enumerate(cells):
                self.setItem(number, column, self._item(text, column, row.state))

    def _item(self, text: str, column: int, state: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if column >= 4:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if state in ("never", "overdue"):
            item.setForeground(QBrush(ATTENTION))
            if column <= 1:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
        return item
