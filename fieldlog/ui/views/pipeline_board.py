"""The Projects page: the pipeline board (a column per stage, a card per project; drag or menu to
move a stage) or, at the user's choice, the same projects as a sortable list."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.catalogs import display_kind_name, display_name
from fieldlog.domain.stages import ALL_STAGES, Stage, needs_signing
from fieldlog.domain.warnings import StaleColour
from fieldlog.services.projects import pipeline
from fieldlog.services.projects.pipeline import PipelineFilter, ProjectCard, Signing, StageColumn
from fieldlog.services.reports import warnings
from fieldlog.services.team import identity
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.amounts import wan
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.dialogs.signing_dialog import SigningDialog
from fieldlog.ui.operations import Operation
from fieldlog.ui.views.project_list_view import ProjectListView
from fieldlog.ui.views.shown_refresh import RefreshWhenShown
from fieldlog.ui.widgets.project_card import (
    PROJECT_MIME,
    ProjectCardWidget,
    stage_name,
)

COLUMN_WIDTH = 220
#: Cards a column builds at most (the most urgent); the rest are a click away in the list.
CARD_LIMIT = 50
COLUMN_COLOR, LINK_COLOR = QColor("#eef1f5"), QColor("#1e6fd9")
BOARD, LIST = 0, 1
#: The mode last chosen, for this session only: a new board (after a language switch) keeps it,
#: the next start shows the board again.
_session_mode = BOARD

#: What the board and the list show: projects, their organizations, owners, groups, chains.
SHOWN = (Kind.PROJECT, Kind.ORG, Kind.TEAM, Kind.CATALOG)


class StageColumnWidget(QFrame):
    """One stage: a header with count and sums, its cards, and a drop target."""

    def __init__(self, board: PipelineBoard, stage: Stage) -> None:
        super().__init__()
        self.board, self.stage = board, stage
        self.setObjectName(f"stageColumn_{stage.value}")
        self.setAcceptDrops(True)
        self.setFixedWidth(COLUMN_WIDTH)
        # A palette, not a style sheet: a sheet here would restyle every card (slow).
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, COLUMN_COLOR)
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.header = QLabel()
        self.header.setObjectName("stageHeader")
        self.header.setWordWrap(True)
        self.card_area = QScrollArea()
        self.card_area.setWidgetResizable(True)
        self.card_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.card_area.setFrameShape(QFrame.Shape.NoFrame)
        self.more_button = self._more_button()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.card_area, 1)

    def _more_button(self) -> QPushButton:
        button = QPushButton()
        button.setObjectName("stageMore")
        button.setFlat(True)
        button.setAutoDefault(False)
        palette = button.palette()
        palette.setColor(QPalette.ColorRole.ButtonText, LINK_COLOR)
        button.setPalette(palette)
        button.clicked.connect(lambda: self.board.set_mode(LIST))
        return button

    def show_column(self, column: StageColumn) -> None:
        """Replace the header and cards with those of `column`."""
        sums = self.tr("Planned %1 · contract %2")
        sums = sums.replace("%1", wan(column.planned_yuan)).replace("%2", wan(column.contract_yuan))
        self.header.setText(f"<b>{stage_name(self.stage)} ({column.count})</b><br>{sums}")
        self.header.setAccessibleName(f"{stage_name(self.stage)} {column.count}")
        hidden = column.count - len(column.cards)
        text = self.tr("+%1 more — see the list (Alt+L)").replace("%1", str(hidden))
        self.more_button.setText(text)
        self.more_button.setAccessibleName(text)
        self.more_button.setVisible(hidden > 0)
        self._replace_cards(column.cards)

    def _replace_cards(self, cards: list[ProjectCard]) -> None:
        """Build the cards off screen and swap them in at once: one layout pass, not one a card."""
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for card in cards:
            widget = ProjectCardWidget(card, self.stage, inner, self.board.stale.get(card.id))
            widget.move_requested.connect(self.board.move_card)
            widget.open_requested.connect(self.board.open_project_requested)
            layout.addWidget(widget)
        old = self.card_area.takeWidget()
        if old is not None:
            # Kept alive until the event loop runs again: a drag or menu may still be on a card.
            self.more_button.setParent(None)
            old.hide()
            old.deleteLater()
        layout.addWidget(self.more_button)
        layout.addStretch(1)
        self.card_area.setWidget(inner)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(PROJECT_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.board.drop_mime(event.mimeData(), self.stage):
            event.acceptProposedAction()


class PipelineBoard(RefreshWhenShown, QWidget):
    """Where every project stands; `open_project_requested(id)` on a card's double-click."""

    open_project_requested = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.setObjectName("pipelineBoard")
        self.db, self._today = db, today
        self.signing_dialog: SigningDialog | None = None
        self.columns: dict[Stage, StageColumnWidget] = {}
        self._cards: dict[uuid.UUID, tuple[Stage, ProjectCard]] = {}
        # Stale projects' colours and days idle on the board's today (三色预警).
        self.stale: dict[uuid.UUID, tuple[StaleColour, int]] = {}
        self._build_filters()
        self._build_switch()
        self._build_columns()
        self.list_view.open_project_requested.connect(self.open_project_requested)
        operations.changes().changes_applied.connect(self._on_changes)
        self.set_mode(_session_mode)

    def today(self) -> date:
        """The board's today (fixed in tests, the real date otherwise)."""
        return self._today or date.today()

    def _combo(self, name: str, accessible: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.addItem(everything, None)
        combo.currentIndexChanged.connect(self.refresh)
        return combo

    def _build_filters(self) -> None:
        choices = pipeline.choices(self.db)
        self.group_combo = self._combo(
            "pipelineGroup", self.tr("Work group"), self.tr("All groups")
        )
        self.owner_combo = self._combo("pipelineOwner", self.tr("Owner"), self.tr("All owners"))
        self.chain_combo = self._combo("pipelineChain", self.tr("Chain"), self.tr("All chains"))
        self.county_combo = self._combo(
            "pipelineCounty", self.tr("County"), self.tr("All counties")
        )
        for combo, items in (
            (self.group_combo, choices.groups),
            (self.owner_combo, choices.owners),
            (self.chain_combo, choices.chains),
        ):
            for choice in items:
                combo.addItem(display_name(choice.id, choice.name), choice.id)
        for county in choices.counties:
            self.county_combo.addItem(display_kind_name("county", county), county)
        self.sign_forms = choices.sign_forms
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("pipelineText")
        self.text_edit.setAccessibleName(self.tr("Search projects"))
        self.text_edit.setPlaceholderText(self.tr("Search project or investor"))
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.textChanged.connect(self.refresh)

    def _build_switch(self) -> None:
        self.board_button = QPushButton(self.tr("&Board"), objectName="boardModeButton")
        self.list_button = QPushButton(self.tr("&List"), objectName="listModeButton")
        self.board_button.setToolTip(self.tr("Projects as cards in a column per stage (Alt+B)"))
        self.list_button.setToolTip(self.tr("Projects as a sortable table (Alt+L)"))
        self.mode_group = QButtonGroup(self)
        for mode, button in ((BOARD, self.board_button), (LIST, self.list_button)):
            button.setCheckable(True)
            button.setAutoDefault(False)
            self.mode_group.addButton(button, mode)
        self.mode_group.idClicked.connect(self.set_mode)

    def _build_columns(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.text_edit, 1)
        for widget in (self.group_combo, self.owner_combo, self.chain_combo, self.county_combo):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.board_button)
        bar.addWidget(self.list_button)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        for stage in ALL_STAGES:
            self.columns[stage] = StageColumnWidget(self, stage)
            row_layout.addWidget(self.columns[stage])
        scroll = QScrollArea(objectName="boardArea")
        scroll.setWidgetResizable(True)
        scroll.setWidget(row)
        self.list_view = ProjectListView(self.db, today=self._today)
        self.modes = QStackedWidget(objectName="pipelineModes")
        self.modes.addWidget(scroll)
        self.modes.addWidget(self.list_view)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.modes, 1)

    def mode(self) -> int:
        """BOARD or LIST: what the page shows."""
        return self.modes.currentIndex()

    def set_mode(self, mode: int) -> None:
        """Show the board or the list (remembered for the session) and bring it up to date."""
        global _session_mode
        _session_mode = LIST if mode == LIST else BOARD
        self.modes.setCurrentIndex(_session_mode)
        self.mode_group.button(_session_mode).setChecked(True)
        self.refresh()

    def current_filter(self) -> PipelineFilter:
        """The filter the bar shows."""
        return PipelineFilter(
            group_id=self.group_combo.currentData(),
            owner_id=self.owner_combo.currentData(),
            chain_id=self.chain_combo.currentData(),
            county=self.county_combo.currentData(),
            text=self.text_edit.text(),
        )

    def _on_changes(self, made: Changes) -> None:
        if made.touches(*SHOWN):
            self.refresh_when_shown()

    def refresh(self, *_: object) -> None:
        """Reload what the page shows (the columns, or the list) from the database."""
        if self.mode() == LIST:
            # The hidden board is read again when it is shown.
            self.list_view.set_filter(self.current_filter())
            return
        columns = pipeline.pipeline(
            self.db, today=self.today(), filter=self.current_filter(), limit=CARD_LIMIT
        )
        self._cards = {card.id: (col.stage, card) for col in columns for card in col.cards}
        self.stale = warnings.project_colours(self.db, self.today())
        for column in columns:
            self.columns[column.stage].show_column(column)

    def current_project_id(self) -> uuid.UUID | None:
        """The project of the current list row, or of the card that last had the focus."""
        if self.mode() == LIST:
            return self.list_view.current_project_id()
        widget = self.focusWidget()
        while widget is not None and not isinstance(widget, ProjectCardWidget):
            widget = widget.parentWidget()
        return widget.card.id if widget is not None else None

    def stage_of(self, project_id: uuid.UUID) -> Stage | None:
        """The column a project's card is in, None when not shown."""
        found = self._cards.get(project_id)
        return found[0] if found else None

    def drop_mime(self, mime: QMimeData, stage: Stage) -> bool:
        """Move the project a dropped card names to `stage` (what a column's drop does)."""
        if not mime.hasFormat(PROJECT_MIME):
            return False
        try:
            project_id = uuid.UUID(bytes(mime.data(PROJECT_MIME).data()).decode())
        except ValueError:
            return False
        return self.move_card(project_id, stage)

    def move_card(self, project_id: uuid.UUID, stage: Stage) -> bool:
        """Move a project (drag, menu or keyboard); a signing first asks for its data.

        Returns whether the move was made now (False when refused or waiting for the dialog).
        """
        found = self._cards.get(project_id)
        if found is None or found[0] == stage:
            return False
        if needs_signing(stage, already_signed=found[1].signed):
            self._ask_signing(found[1], stage)
            return False
        return self._commit(project_id, stage, None)

    def _ask_signing(self, card: ProjectCard, stage: Stage) -> None:
        dialog = SigningDialog(card.name, self.sign_forms, self.today(), self)
        dialog.accepted.connect(lambda: self._commit(card.id, stage, dialog.signing()))
        self.signing_dialog = dialog
        dialog.open()

    def _commit(self, project_id: uuid.UUID, stage: Stage, signing: Signing | None) -> bool:
        # Stage events are append-only (SPEC §3.4), so a move cannot be undone by deleting it:
        # it is not an undoable operation; a wrong move is moved back.
        db, today = self.db, self.today()
        move = Operation(
            self,
            lambda: pipeline.move_project(
                db, project_id, stage, on=today, member_id=identity.get_me(db), signing=signing
            ),
            changes=Changes.of(Kind.PROJECT),
        )
        return move.run().ok
