"""Below the chain map: the organizations and projects of the chosen link."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from fieldlog.domain.money import MISSING, format_wan
from fieldlog.domain.stages import Stage
from fieldlog.services.reports.chain_map import LinkDetail, OrgLine, ProjectLine
from fieldlog.ui.models.org_table_model import kind_labels
from fieldlog.ui.widgets.combo_values import named
from fieldlog.ui.widgets.project_card import stage_name

#: Role holding a row's record id.
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SIGNED_COLOUR = QColor("#2e7d32")
NOT_VISITED_COLOUR = QColor("#c62828")


def _tree(name: str, accessible: str, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setAccessibleName(accessible)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.header().setStretchLastSection(False)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return tree


class ChainLinkDetail(QWidget):
    """Two lists; double-click or Enter on a row asks for the organization or the project."""

    open_org_requested = Signal(object)
    open_project_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chainLinkDetail")
        self.title = QLabel()
        self.title.setObjectName("chainLinkDetailTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.org_label = QLabel()
        self.project_label = QLabel()
        self.org_tree = _tree(
            "chainLinkOrgs",
            self.tr("Organizations of the link"),
            [self.tr("Organization"), self.tr("Kind"), self.tr("Visited"), self.tr("Last visit")],
        )
        self.project_tree = _tree(
            "chainLinkProjects",
            self.tr("Projects of the link"),
            [self.tr("Project"), self.tr("Stage"), self.tr("Amount (10k yuan)")],
        )
        self.project_tree.headerItem().setToolTip(
            2, self.tr("Contract amount for signed projects, planned investment for the others")
        )
        self.org_label.setBuddy(self.org_tree)
        self.project_label.setBuddy(self.project_tree)
        self.org_tree.itemActivated.connect(self._org_activated)
        self.project_tree.itemActivated.connect(self._project_activated)
        self._lay_out()
        self.show_detail(self.tr("Choose a link above to list its organizations and projects."))

    def _lay_out(self) -> None:
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title, 0, 0, 1, 2)
        layout.addWidget(self.org_label, 1, 0)
        layout.addWidget(self.project_label, 1, 1)
        layout.addWidget(self.org_tree, 2, 0)
        layout.addWidget(self.project_tree, 2, 1)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)

    def show_detail(self, title: str, detail: LinkDetail | None = None) -> None:
        """List a link's records under `title` (nothing but the title when `detail` is None)."""
        self.title.setText(title)
        self.org_tree.clear()
        self.project_tree.clear()
        orgs = detail.orgs if detail else []
        projects = detail.projects if detail else []
        total = detail.org_total if detail else 0
        heading = self.tr("&Organizations (%1)").replace("%1", str(total))
        if total > len(orgs):
            heading += " " + self.tr("— the first %1 shown").replace("%1", str(len(orgs)))
        self.org_label.setText(heading)
        self.project_label.setText(self.tr("&Projects (%1)").replace("%1", str(len(projects))))
        kinds = kind_labels()
        self.org_tree.addTopLevelItems([self._org_item(org, kinds) for org in orgs])
        self.project_tree.addTopLevelItems([self._project_item(p) for p in projects])
        for tree in (self.org_tree, self.project_tree):
            for column in range(1, tree.columnCount()):
                tree.resizeColumnToContents(column)

    def _org_item(self, org: OrgLine, kinds: dict[str, str]) -> QTreeWidgetItem:
        visited = self.tr("Yes") if org.visited else self.tr("No")
        last = org.last_visit.isoformat() if org.last_visit else "—"
        item = QTreeWidgetItem([org.name, named(kinds, org.kind), visited, last])
        item.setData(0, ID_ROLE, org.id)
        if not org.visited:
            item.setForeground(2, QBrush(NOT_VISITED_COLOUR))
        return item

    def _project_item(self, project: ProjectLine) -> QTreeWidgetItem:
        stage = stage_name(project.stage) if project.stage else "—"
        if project.signed and project.stage != Stage.SIGNED:
            stage = self.tr("%1 (signed)").replace("%1", stage)
        amount = MISSING if project.amount_yuan is None else format_wan(project.amount_yuan)
        item = QTreeWidgetItem([project.name, stage, amount])
        item.setData(0, ID_ROLE, project.id)
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if project.signed:
            item.setForeground(1, QBrush(SIGNED_COLOUR))
        return item

    def _org_activated(self, item: QTreeWidgetItem) -> None:
        self.open_org_requested.emit(item.data(0, ID_ROLE))

    def _project_activated(self, item: QTreeWidgetItem) -> None:
        self.open_project_requested.emit(item.data(0, ID_ROLE))
