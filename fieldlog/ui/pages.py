"""The window's workspace: the navigation list beside the pages.

The visit log is built at once, the other pages the first time they are shown (each imports its
view only then), so the window opens as soon as the visit log is filled, whatever the size of
the database. A page asks for a record, another page or a sync through the `Navigator` it is
given (the window), never by importing the window.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from fieldlog.ui.navigator import Navigator, Page, page_title

if TYPE_CHECKING:  # the window's first paint (ui.first_paint) borrows the navigation's look
    from fieldlog.store.database import Database

NAVIGATION_STYLE = """
#navigation { font-size: 11pt; border: none; background: palette(window); }
#navigation::item { padding: 9px 12px; border-radius: 6px; }
#navigation::item:selected { background: #d3e3fd; color: #0b57d0; }
"""
NAVIGATION_WIDTH = 150
#: Builds a page over a database, asking the navigator (the window) for what it cannot do.
Maker = Callable[["Database", Navigator], QWidget]


def navigation_list(parent: QWidget | None = None) -> QListWidget:
    """The list of pages beside them, the visit log's row chosen."""
    navigation = QListWidget(parent, objectName="navigation")
    navigation.addItems([page_title(page) for page in Page])
    navigation.setFixedWidth(NAVIGATION_WIDTH)
    navigation.setStyleSheet(NAVIGATION_STYLE)
    navigation.setCurrentRow(Page.VISITS)
    return navigation


class Workspace(QWidget):
    """The navigation list and the stack of pages, shown once the database holds work."""

    #: The row of the page now shown (a `Page`; -1 while none is).
    page_shown = Signal(int)

    def __init__(
        self,
        db: Database,
        navigator: Navigator,
        parent: QWidget | None = None,
        *,
        makers: Mapping[Page, Maker] | None = None,
        prepare: Callable[[Page, QWidget], object] | None = None,
    ) -> None:
        """`makers` replaces how some pages are built (a bureau's dashboard); `prepare(page,
        widget)` is called on each page once built (a bureau switches off its edit buttons)."""
        from fieldlog.ui.views.visit_log_view import VisitLogView

        super().__init__(parent)
        self.setObjectName("workspace")
        self._db, self._navigator = db, navigator
        self._makers = {**_MAKERS, **(makers or {})}
        self._prepare = prepare
        self.visit_log = VisitLogView(db)
        if prepare is not None:
            prepare(Page.VISITS, self.visit_log)
        self.visit_log.new_visit_requested.connect(navigator.new_visit)
        self.visit_log.edit_visit_requested.connect(navigator.edit_visit)
        self.stack = QStackedWidget(objectName="pages")
        self.stack.addWidget(self.visit_log)
        self._built: dict[Page, QWidget] = {Page.VISITS: self.visit_log}
        for _page in list(Page)[1:]:
            self.stack.addWidget(QWidget(objectName="pageNotBuiltYet"))
        self.navigation = navigation_list()
        self.navigation.currentRowChanged.connect(self._show_row)
        self._show_row(Page.VISITS)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)

    def show_page(self, page: int) -> None:
        """Switch to a page, as its row in the navigation list does."""
        self.navigation.setCurrentRow(page)

    def current_page(self) -> Page | None:
        """The page now shown."""
        row = self.navigation.currentRow()
        return Page(row) if row >= 0 else None

    def page(self, page: Page) -> QWidget:
        """The page, built now if it was not yet."""
        built = self._built.get(page)
        if built is None:
            built = self._makers[page](self._db, self._navigator)
            if self._prepare is not None:
                self._prepare(page, built)
            placeholder = self.stack.widget(page)
            with QSignalBlocker(self.stack):
                self.stack.insertWidget(page, built)
                self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[page] = built
        return built

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentWidget(self.page(Page(row)))
        self.page_shown.emit(row)


def _orgs_view(db: Database, navigator: Navigator) -> QWidget:
    from fieldlog.ui.views.orgs_view import OrgsView

    view = OrgsView(db)
    view.detail.open_project_requested.connect(navigator.open_project)
    return view


def _pipeline(db: Database, navigator: Navigator) -> QWidget:
    from fieldlog.ui.views.pipeline_board import PipelineBoard

    board = PipelineBoard(db)
    board.open_project_requested.connect(navigator.open_project)
    return board


def _chain_map(db: Database, navigator: Navigator) -> QWidget:
    from fieldlog.ui.views.chain_map_view import ChainMapView

    view = ChainMapView(db)
    view.open_project_requested.connect(navigator.open_project)
    view.open_org_requested.connect(navigator.show_org)
    return view


def _dashboard(db: Database, _navigator: Navigator) -> QWidget:
    from fieldlog.ui.views.dashboard_page import DashboardPage

    return DashboardPage(db)


def _follow_ups(db: Database, navigator: Navigator) -> QWidget:
    from fieldlog.ui.views.follow_ups_view import FollowUpsView

    view = FollowUpsView(db)
    view.open_visit_requested.connect(navigator.edit_visit)
    view.open_project_requested.connect(navigator.open_project)
    return view


def _sync_view(db: Database, navigator: Navigator) -> QWidget:
    from fieldlog.ui.views.sync_view import SyncView

    view = SyncView(db)
    view.send_requested.connect(navigator.sync_flow.send)
    view.receive_requested.connect(navigator.sync_flow.receive)
    view.passphrase_requested.connect(navigator.sync_flow.change_passphrase)
    return view


_MAKERS: dict[Page, Maker] = {
    Page.ORGS: _orgs_view,
    Page.PIPELINE: _pipeline,
    Page.CHAIN_MAP: _chain_map,
    Page.DASHBOARD: _dashboard,
    Page.FOLLOW_UPS: _follow_ups,
    Page.SYNC: _sync_view,
}
