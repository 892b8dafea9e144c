"""The Sync page: who sent what and when, conflicts to review, look-alike organizations."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.exchange import sync, sync_review
from fieldlog.services.team.identity import get_me
from fieldlog.services.team.team import current_team, members
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.changes import EVERYTHING, Changes, Kind
from fieldlog.ui.main_actions import sync_needs_a_team
from fieldlog.ui.widgets.sync_conflicts_table import SyncConflictsTable
from fieldlog.ui.widgets.sync_duplicates_table import SyncDuplicatesTable
from fieldlog.ui.widgets.sync_peers_table import SyncPeersTable, overview_rows


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text, objectName=name)
    button.setAutoDefault(False)
    return button


_SYNC = Changes.of(Kind.SYNC)


class SyncView(QWidget):
    """The team leader's overview and review after packages were received."""

    send_requested = Signal()
    receive_requested = Signal()
    passphrase_requested = Signal()

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, now: datetime | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self._now = db, now
        self._stale = True
        self.setObjectName("syncPage")
        self._build_header()
        self.peers = SyncPeersTable()
        self.conflicts = SyncConflictsTable()
        self.duplicates = SyncDuplicatesTable()
        self._build_review_buttons()
        self._lay_out()
        self.conflicts.itemSelectionChanged.connect(self._enable)
        self.duplicates.itemSelectionChanged.connect(self._enable)
        operations.changes().changes_applied.connect(self._on_changes)
        self.refresh()

    def _build_header(self) -> None:
        self.title = QLabel(self.tr("Sync"), objectName="syncTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel(objectName="syncStatus")
        self.send_button = _button(self.tr("&Send my work…"), "syncSendButton")
        self.send_button.clicked.connect(self.send_requested)
        self.receive_button = _button(self.tr("&Receive…"), "syncReceiveButton")
        self.receive_button.clicked.connect(self.receive_requested)
        self.passphrase_button = _button(self.tr("Team &passphrase…"), "syncPassphraseButton")
        self.passphrase_button.clicked.connect(self.passphrase_requested)

    def _build_review_buttons(self) -> None:
        self.restore_button = _button(self.tr("Res&tore the other value"), "restoreButton")
        self.restore_button.clicked.connect(self.restore_other_value)
        self.keep_button = _button(self.tr("&Keep"), "keepButton")
        self.keep_button.setToolTip(self.tr("Keep the value that won; the conflict is reviewed."))
        self.keep_button.clicked.connect(self.keep_value)
        self.merge_left_button = _button(self.tr("Merge, keep &left"), "mergeLeftButton")
        self.merge_left_button.clicked.connect(lambda: self.merge(left=True))
        self.merge_right_button = _button(self.tr("Merge, keep ri&ght"), "mergeRightButton")
        self.merge_right_button.clicked.connect(lambda: self.merge(left=False))
        self.not_same_button = _button(self.tr("&Not the same"), "notSameButton")
        self.not_same_button.clicked.connect(self.not_the_same)

    def _section(
        self, name: str, table: QWidget, hint: str, buttons: list[QPushButton]
    ) -> QGroupBox:
        box = QGroupBox(objectName=name)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(4)
        note = QLabel(hint)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(note)
        layout.addWidget(table, 1)
        if buttons:
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        return box

    def _build_sections(self) -> None:
        self.peers_box = self._section(
            "syncPeersBox",
            self.peers,
            self.tr(
                "Members whose laptop never sent a package, or sent nothing for a week, come first."
            ),
            [],
        )
        self.conflicts_box = self._section(
            "syncConflictsBox",
            self.conflicts,
            self.tr(
                "Edited on two laptops at once: the later edit was kept. Restoring the other "
                "value is a new edit that reaches every laptop with the next packages."
            ),
            [self.restore_button, self.keep_button],
        )
        self.duplicates_box = self._section(
            "syncDuplicatesBox",
            self.duplicates,
            self.tr("Organizations with the same name, created on different laptops."),
            [self.merge_left_button, self.merge_right_button, self.not_same_button],
        )

    def _lay_out(self) -> None:
        self._build_sections()
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addSpacing(12)
        header.addWidget(self.status, 1)
        for button in (self.send_button, self.receive_button, self.passphrase_button):
            header.addWidget(button)
        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="syncSplitter")
        for box in (self.peers_box, self.conflicts_box, self.duplicates_box):
            self.splitter.addWidget(box)
        self.splitter.setChildrenCollapsible(False)
        # The overview has a line per member; the look-alike list is usually short.
        self.splitter.setSizes([330, 270, 140])
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)
        order = [self.send_button, self.receive_button, self.passphrase_button, self.peers]
        order += [self.conflicts, self.restore_button, self.keep_button, self.duplicates]
        order += [self.merge_left_button, self.merge_right_button, self.not_same_button]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

    # -- refreshing ------------------------------------------------------------------------

    def now(self) -> datetime:
        """The moment overdue is measured from (injected in tests)."""
        return self._now or datetime.now(UTC)

    def _on_changes(self, made: Changes) -> None:
        # Every kind counts: the status line counts the records not sent yet.
        if not made.touches(*EVERYTHING.kinds):
            return
        # Hidden pages refresh when they are shown; every change would otherwise cost queries.
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Reread the overview, the conflicts, the look-alikes and the status line."""
        self._stale = False
        me = get_me(self.db)
        team = members(self.db)
        my_name = next((m.name for m in team if m.id == me), None)
        rows = overview_rows(sync.peers(self.db), [m.name for m in team], my_name, self.now())
        self.peers.show_rows(rows)
        found = sync_review.conflicts(self.db)
        self.conflicts.show_conflicts(found, my_name or "")
        pairs = sync_review.duplicate_candidates(self.db)
        self.duplicates.show_pairs(pairs)
        attention = sum(row.state in ("never", "overdue") for row in rows)
        self.peers_box.setTitle(
            self.tr("Last received (%n need attention)", "", attention)
            if attention
            else self.tr("Last received")
        )
        self.conflicts_box.setTitle(self.tr("Conflicts to review (%n)", "", len(found)))
        self.duplicates_box.setTitle(self.tr("Look-alike organizations (%n)", "", len(pairs)))
        self._show_status()
        self._enable_sending()
        self._enable()

    def _enable_sending(self) -> None:
        # Before a team exists there is nothing to send; a new laptop joins from the welcome
        # screen.
        has_team = current_team(self.db) is not None
        reason = "" if has_team else sync_needs_a_team()
        for button in (self.send_button, self.receive_button):
            button.setEnabled(has_team)
            button.setToolTip(reason)
            button.setStatusTip(reason)

    def _show_status(self) -> None:
        if not sync.has_passphrase(self.db):
            self.status.setText(
                self.tr(
                    "No team passphrase kept on this computer: it is asked when you send or "
                    "receive."
                )
            )
            return
        unsent = sync.unsent_count(self.db)
        if unsent:
            self.status.setText(self.tr("%n record(s) not sent yet.", "", unsent))
        else:
            self.status.setText(self.tr("Everything has been sent."))

    def _enable(self) -> None:
        has_conflict = self.conflicts.current_conflict() is not None
        self.restore_button.setEnabled(has_conflict)
        self.keep_button.setEnabled(has_conflict)
        has_pair = self.duplicates.current_pair() is not None
        for button in (self.merge_left_button, self.merge_right_button, self.not_same_button):
            button.setEnabled(has_pair)

    # -- review ----------------------------------------------------------------------------

    def restore_other_value(self) -> None:
        """Make the losing value of the selected conflict the current one (a new edit)."""
        conflict = self.conflicts.current_conflict()
        if conflict is not None:
            operations.run(self, EVERYTHING, sync_review.restore_losing_value, self.db, conflict.id)
            self.conflicts.setFocus()

    def keep_value(self) -> None:
        """Keep the winning value of the selected conflict."""
        conflict = self.conflicts.current_conflict()
        if conflict is not None:
            operations.run(self, _SYNC, sync_review.dismiss_conflict, self.db, conflict.id)
            self.conflicts.setFocus()

    def merge(self, *, left: bool) -> None:
        """Merge the selected look-alike pair into its left (or right) organization."""
        pair = self.duplicates.current_pair()
        if pair is None:
            return
        keep, other = (pair.first, pair.second) if left else (pair.second, pair.first)
        answer = QMessageBox.question(
            self,
            self.tr("Merge organizations"),
            self.tr(
                "Merge {other} ({other_visits} visits) into {keep} ({keep_visits} visits)?\n\n"
                "Visits, contacts and projects move to the record kept. A merge cannot be undone."
            ).format(
                other=other.name,
                other_visits=other.visits,
                keep=keep.name,
                keep_visits=keep.visits,
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            merged = Changes.of(Kind.ORG, Kind.VISIT, Kind.PROJECT, Kind.SYNC)
            operations.run(self, merged, sync_review.merge_duplicate, self.db, pair.id, keep.id)
            self.duplicates.setFocus()

    def not_the_same(self) -> None:
        """The selected pair are two different organizations: off the list for good."""
        pair = self.duplicates.current_pair()
        if pair is not None:
            operations.run(self, _SYNC, sync_review.dismiss_duplicate, self.db, pair.id)
            self.duplicates.setFocus()
