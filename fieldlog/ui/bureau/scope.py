"""Whose records the window shows on a bureau database: one team's (its team view) or all teams'
(the bureau database itself), always read only; the choice is kept per bureau for the next start.

Exactly one view is open at a time: choosing another opens the new one, tells the window (which
rebuilds its pages on it) and then closes the old one, so no connection of it stays open.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QObject, QSettings, Signal

from fieldlog.domain.counting import Stats
from fieldlog.domain.period import Period
from fieldlog.services.bureau.bureau import TeamEntry, teams
from fieldlog.services.bureau.window_support import (
    BureauIdentity,
    RankedTeam,
    open_all_teams_view,
    team_ranking,
)
from fieldlog.store.database import Database
from fieldlog.store.team_view import open_team_view
from fieldlog.ui import operations
from fieldlog.ui.changes import Changes, Kind

#: The setting value of "all teams".
ALL_TEAMS = "all"


def setting_key(bureau: BureauIdentity) -> str:
    """Where the team shown is kept for this bureau database (its id, not its path: the same
    bureau moved or reached by another URL keeps its choice)."""
    return f"bureau/{bureau.id or bureau.name}/team"


class BureauScope(QObject):
    """The registered teams, the one shown (None: all teams) and the open view of it."""

    #: The pages must now show this database (a read-only view).
    view_changed = Signal(object)
    #: The registered teams changed (a team registered, renamed by its package).
    teams_changed = Signal()

    def __init__(self, db: Database, bureau: BureauIdentity, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db, self.bureau = db, bureau
        self.teams: list[TeamEntry] = teams(db)
        self.team_id: uuid.UUID | None = self._remembered()
        self.view = self._open(self.team_id)
        # Each team is counted on a view of its own, whose statements compile afresh: kept
        # until the data changes, so going back to all teams or another period is instant.
        self._rankings: dict[tuple[Period, date], tuple[list[RankedTeam], Stats]] = {}
        operations.changes().changes_applied.connect(self._on_changes)

    def _remembered(self) -> uuid.UUID | None:
        value = QSettings().value(setting_key(self.bureau))
        try:
            chosen = uuid.UUID(str(value)) if value and value != ALL_TEAMS else None
        except ValueError:
            return None
        return chosen if any(t.id == chosen for t in self.teams) else None

    def _open(self, team_id: uuid.UUID | None) -> Database:
        if team_id is None:
            return open_all_teams_view(self.db)
        return open_team_view(self.db, team_id)

    def team(self) -> TeamEntry | None:
        """The team shown, or None for all teams."""
        return next((t for t in self.teams if t.id == self.team_id), None)

    def choose(self, team_id: uuid.UUID | None) -> None:
        """Show `team_id`'s records (None: all teams'); the previous view is closed."""
        if team_id == self.team_id:
            return
        old = self.view
        self.view, self.team_id = self._open(team_id), team_id
        QSettings().setValue(setting_key(self.bureau), team_id.hex if team_id else ALL_TEAMS)
        self.view_changed.emit(self.view)
        old.close()

    def refresh_teams(self) -> None:
        """Read the registered teams again; says so when they changed."""
        now = teams(self.db)
        if now != self.teams:
            self.teams = now
            self.teams_changed.emit()

    def ranking(self, period: Period, day: date) -> tuple[list[RankedTeam], Stats]:
        """The teams ranked for `period` against their targets on `day`, and their total."""
        key = (period, day)
        if key not in self._rankings:
            self._rankings[key] = team_ranking(self.db, period, day)
        return self._rankings[key]

    def _on_changes(self, made: Changes) -> None:
        # Connected before any page of the window: the pages recount from fresh rankings.
        self._rankings.clear()
        if made.touches(Kind.TEAM, Kind.SYNC):
            self.refresh_teams()

    def close(self) -> None:
        """Release the open view (the window is closing)."""
        self.view.close()
