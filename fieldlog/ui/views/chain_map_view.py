"""The industry-chain map (产业链招商图谱): pick a chain, see its links upstream → downstream.

Each link is a tile with its organizations, visits and projects; links with no open and no signed
project are gaps to fill (补链), in red with the word GAP. Choosing a tile lists its records below.
"""

from __future__ import annotations

import itertools
import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.catalogs import display_name
from fieldlog.domain.period import Period
from fieldlog.services.reports import chain_map
from fieldlog.services.reports.chain_map import POSITIONS, ChainMap, Figures
from fieldlog.store.database import Database
from fieldlog.ui import amounts, operations
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.dialogs.chain_edit_dialog import ChainEditDialog
from fieldlog.ui.views.shown_refresh import RefreshWhenShown
from fieldlog.ui.widgets.chain_link_detail import ChainLinkDetail
from fieldlog.ui.widgets.chain_link_tile import (
    COLOURS,
    GAP,
    OPEN,
    SIGNED,
    ChainLinkTile,
    position_names,
    yi,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STAT_KEYS = ("gaps", "orgs", "open", "signed", "funds")
DARK = "#202124"


def _clear(layout: QVBoxLayout | QHBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()


#: What the map counts: the chains and links, and the organizations, visits, projects on them.
SHOWN = (Kind.CATALOG, Kind.ORG, Kind.VISIT, Kind.PROJECT)


class ChainMapView(RefreshWhenShown, QWidget):
    """The chain map page; asks the window to open an organization or a project."""

    open_project_requested = Signal(object)
    open_org_requested = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chainMap")
        self.db = db
        self.maps: list[ChainMap] = []
        self.tiles: dict[uuid.UUID | None, ChainLinkTile] = {}
        self.chosen: tuple[uuid.UUID | None] | None = None  # (link id or None), None: no choice
        self.edit_dialog: QWidget | None = None
        self._build_bar()
        self._build_body()
        operations.changes().changes_applied.connect(self._on_changes)
        self.refresh()

    def _build_bar(self) -> None:
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("chainMapPeriod")
        self.period_combo.setAccessibleName(self.tr("Count organizations as visited"))
        self.period_combo.currentIndexChanged.connect(self.refresh)
        self.edit_button = QPushButton(self.tr("&Edit chains…"))
        self.edit_button.setObjectName("editChains")
        self.edit_button.clicked.connect(self.open_editor)
        label = QLabel(self.tr("&Visited:"))
        label.setBuddy(self.period_combo)
        self.bar = QHBoxLayout()
        self.bar.addWidget(label)
        self.bar.addWidget(self.period_combo)
        self.bar.addStretch(1)
        self.bar.addWidget(self.edit_button)

    def _build_body(self) -> None:
        self.chain_list = QListWidget()
        self.chain_list.setObjectName("chainList")
        self.chain_list.setAccessibleName(self.tr("Industry chains"))
        self.chain_list.setMinimumWidth(170)
        self.chain_list.currentRowChanged.connect(self._chain_changed)
        self.detail = ChainLinkDetail()
        self.detail.open_org_requested.connect(self.open_org_requested)
        self.detail.open_project_requested.connect(self.open_project_requested)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self._build_map())
        right.addWidget(self.detail)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setSizes([500, 220])
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.chain_list)
        body.addWidget(right)
        body.setStretchFactor(1, 1)
        body.setSizes([180, 900])
        layout = QVBoxLayout(self)
        layout.addLayout(self.bar)
        layout.addWidget(body, 1)

    def _build_map(self) -> QWidget:
        """The chain's name, its summary figures, the legend, and the three columns of tiles."""
        self.summary = QLabel()
        self.summary.setObjectName("chainSummaryTitle")
        self.summary.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.stats = {key: self._stat_label(key) for key in STAT_KEYS}
        stats_row = QHBoxLayout()
        for key in STAT_KEYS:
            stats_row.addWidget(self.stats[key], 1)
        self.legend = QLabel(self._legend())
        self.legend.setObjectName("chainMapLegend")
        self.legend.setWordWrap(True)
        self.columns = {position: QVBoxLayout() for position in POSITIONS}
        self.headers = {position: QLabel() for position in POSITIONS}
        self.unassigned_row = QVBoxLayout()
        top = QWidget()
        layout = QVBoxLayout(top)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(stats_row)
        layout.addWidget(self.legend)
        layout.addWidget(self._map_area(), 1)
        return top

    def _stat_label(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"chainStat_{key}")
        label.setFrameShape(QFrame.Shape.StyledPanel)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("background: white; padding: 4px;")
        return label

    def _legend(self) -> str:
        items = (
            (GAP, self.tr("GAP — to fill (补链): no open and no signed project")),
            (OPEN, self.tr("In talks: open projects, none signed")),
            (SIGNED, self.tr("Signed: at least one signed project")),
        )
        return " &nbsp; ".join(
            f"<span style='color:{COLOURS[status][1]}; font-size:15px'>■</span> {text}"
            for status, text in items
        )

    def _map_area(self) -> QScrollArea:
        grid = QHBoxLayout()
        for position in POSITIONS:
            column = QVBoxLayout()
            header = self.headers[position]
            header.setObjectName(f"chainColumn_{position}")
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setStyleSheet("background: #dde3ea; font-weight: bold; padding: 4px;")
            column.addWidget(header)
            column.addLayout(self.columns[position])
            column.addStretch(1)
            grid.addLayout(column, 1)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(grid)
        inner_layout.addLayout(self.unassigned_row)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("chainMapArea")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        return scroll

    # -- data ------------------------------------------------------------------------------

    def period(self) -> Period | None:
        """The period visits are counted in (None: all time)."""
        data = self.period_combo.currentData()
        return data if isinstance(data, Period) else None

    def _fill_periods(self) -> None:
        wanted = self.period_combo.currentIndex()
        dispatch = chain_map.dispatch_period(self.db)
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        self.period_combo.addItem(self.tr("All time"), None)
        if dispatch is not None:
            text = self.tr("During the dispatch period (%1)").replace("%1", str(dispatch))
            self.period_combo.addItem(text, dispatch)
        self.period_combo.setCurrentIndex(min(max(wanted, 0), self.period_combo.count() - 1))
        self.period_combo.blockSignals(False)

    def _on_changes(self, made: Changes) -> None:
        if made.touches(*SHOWN):
            self.refresh_when_shown()

    def refresh(self, *_: object) -> None:
        """Reload every chain from the database, keeping the chosen chain and link."""
        self._fill_periods()
        chain_id = self.current_chain_id()
        self.maps = chain_map.chain_maps(self.db, self.period())
        self.chain_list.blockSignals(True)
        self.chain_list.clear()
        for chain in self.maps:
            self.chain_list.addItem(self._chain_item(chain))
        ids = [chain.id for chain in self.maps]
        row = ids.index(chain_id) if chain_id in ids else (0 if ids else -1)
        self.chain_list.setCurrentRow(row)
        self.chain_list.blockSignals(False)
        self._show_chain()

    def _chain_item(self, chain: ChainMap) -> QListWidgetItem:
        text = display_name(chain.id, chain.name)
        if chain.gaps:
            gaps = self.tr("gaps: %1").replace("%1", str(chain.gaps))
            text = f"{text}  ·  {gaps}"
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, chain.id)
        if chain.gaps:
            item.setForeground(Qt.GlobalColor.darkRed)
        return item

    def current_chain_id(self) -> uuid.UUID | None:
        """The chain the list has chosen."""
        item = self.chain_list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def current_map(self) -> ChainMap | None:
        """The chosen chain's map."""
        chain_id = self.current_chain_id()
        return next((chain for chain in self.maps if chain.id == chain_id), None)

    def _chain_changed(self, _row: int) -> None:
        self.chosen = None
        self._show_chain()

    # -- showing ---------------------------------------------------------------------------

    def _show_chain(self) -> None:
        chain = self.current_map()
        self._show_summary(chain)
        self.tiles = {}
        for position in POSITIONS:
            _clear(self.columns[position])
        _clear(self.unassigned_row)
        if chain is None:
            self._choose(None)
            return
        names = position_names()
        for position in POSITIONS:
            links = chain.column(position)
            self.headers[position].setText(f"{names[position]} ({len(links)})")
            for tile in links:
                self._add_tile(self.columns[position], tile)
        if not chain.unassigned.figures.empty:
            self._add_tile(self.unassigned_row, chain.unassigned)
        self._set_tab_order()
        if self.chosen is not None and self.chosen[0] not in self.tiles:
            self.chosen = None
        self._choose(self.chosen[0] if self.chosen is not None else None, self.chosen is not None)

    def _add_tile(self, layout: QVBoxLayout, tile: chain_map.LinkTile) -> None:
        widget = ChainLinkTile(tile)
        widget.chosen.connect(self.choose_link)
        self.tiles[tile.id] = widget
        layout.addWidget(widget)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.chain_list, *self.tiles.values(), self.detail.org_tree]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _show_summary(self, chain: ChainMap | None) -> None:
        if chain is None:
            self.summary.setText(self.tr("No chains yet: use “Edit chains…” to add one."))
            for label in self.stats.values():
                label.setText("")
            return
        self.summary.setText(display_name(chain.id, chain.name))
        self._show_stats(chain.totals, chain.gaps, len(chain.links))

    def _show_stats(self, totals: Figures, gaps: int, links: int) -> None:
        gaps_caption = self.tr("gaps to fill, of %1 links").replace("%1", str(links))
        visited = self.tr("organizations, %1 visited").replace("%1", str(totals.visited))
        planned = amounts.yi(totals.planned_yuan)
        planned = self.tr("open projects, %1 planned").replace("%1", planned)
        signed = self.tr("signed, %1 contract").replace("%1", amounts.yi(totals.contract_yuan))
        boxes = {
            "gaps": (str(gaps), gaps_caption, COLOURS[GAP][1] if gaps else DARK),
            "orgs": (str(totals.orgs), visited, DARK),
            "open": (str(totals.open_projects), planned, DARK),
            "signed": (str(totals.signed_projects), signed, DARK),
            "funds": (yi(totals.funds_yuan), self.tr("100M yuan funds in place"), DARK),
        }
        for key, (number, caption, colour) in boxes.items():
            big = f"<span style='font-size:20px; font-weight:bold; color:{colour}'>{number}</span>"
            self.stats[key].setText(f"{big}<br>{caption}")

    def choose_link(self, link_id: uuid.UUID | None) -> None:
        """Show a link's (None: the unassigned tile's) organizations and projects."""
        self._choose(link_id, True)

    def _choose(self, link_id: uuid.UUID | None, chosen: bool = False) -> None:
        chain = self.current_map()
        self.chosen = (link_id,) if chosen else None
        for key, tile in self.tiles.items():
            tile.set_current(chosen and key == link_id)
        if chain is None or not chosen or link_id not in self.tiles:
            self.detail.show_detail(
                self.tr("Choose a link to list its organizations and projects.")
            )
            return
        detail = chain_map.link_detail(self.db, chain.id, link_id, self.period())
        title = f"{display_name(chain.id, chain.name)} › {self.tiles[link_id].title}"
        self.detail.show_detail(title, detail)

    def open_editor(self) -> QWidget:
        """Open the chain editor (non-modal for the code, window-modal for the user)."""
        dialog = ChainEditDialog(self.db, self, chain_id=self.current_chain_id())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.edit_dialog = dialog
        dialog.open()
        return dialog
