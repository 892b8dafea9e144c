"""The team selector at the top of a bureau's window: all teams (an enterprise counted once),
then each registered team."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from fieldlog.ui.bureau.scope import BureauScope
from fieldlog.ui.widgets.combo_values import select_value


def all_teams_text() -> str:
    """The first item: all teams, counted with an enterprise once (the total's label)."""
    return QCoreApplication.translate(
        "TeamSelector", "All teams (an enterprise several teams visited counts once)"
    )


class TeamSelector(QComboBox):
    """Chooses whose records every page shows; follows the scope's teams."""

    def __init__(self, scope: BureauScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope = scope
        self.setObjectName("teamSelector")
        self.setAccessibleName(self.tr("Team shown"))
        self.setToolTip(self.tr("Whose records every page shows"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.fill()
        scope.teams_changed.connect(self.fill)
        self.currentIndexChanged.connect(self._chosen)

    def fill(self) -> None:
        """(Re)list the teams, keeping the one shown."""
        with QSignalBlocker(self):
            self.clear()
            self.addItem(all_teams_text(), None)
            for team in self.scope.teams:
                self.addItem(team.name, team.id)
            select_value(self, self.scope.team_id, keep_unknown=False)

    def _chosen(self, index: int) -> None:
        if index >= 0:
            self.scope.choose(self.itemData(index))
