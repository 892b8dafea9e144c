"""The main window's pages after the visit log, each built the first time it is shown.

A page imports its view only then, so the window opens as soon as the visit log is filled,
whatever the size of the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from fieldlog.ui.main_window import MainWindow


def make_page(window: MainWindow, index: int) -> QWidget:
    """The page at `index` (1 to 6: organizations … sync), connected to the window."""
    makers = [
        _orgs_view,
        _pipeline,
        _chain_map,
        _dashboard,
        _follow_ups,
        _sync_view,
    ]
    return makers[index - 1](window)


def _orgs_view(window: MainWindow) -> QWidget:
    from fieldlog.ui.views.orgs_view import OrgsView

    view = OrgsView(window.db)
    view.detail.open_project_requested.connect(window.open_project)
    return view


def _pipeline(window: MainWindow) -> QWidget:
    from fieldlog.ui.views.pipeline_board import PipelineBoard

    board = PipelineBoard(window.db)
    board.open_project_requested.connect(window.open_project)
    return board


def _chain_map(window: MainWindow) -> QWidget:
    from fieldlog.ui.views.chain_map_view import ChainMapView

    view = ChainMapView(window.db)
    view.open_project_requested.connect(window.open_project)
    view.open_org_requested.connect(window.show_org)
    return view


def _dashboard(window: MainWindow) -> QWidget:
    from fieldlog.ui.views.dashboard_page import DashboardPage

    return DashboardPage(window.db)


def _follow_ups(window: MainWindow) -> QWidget:
    from fieldlog.ui.views.follow_ups_view import FollowUpsView

    view = FollowUpsView(window.db)
    view.open_visit_requested.connect(window.edit_visit)
    view.open_project_requested.connect(window.open_project)
    return view


def _sync_view(window: MainWindow) -> QWidget:
    from fieldlog.ui.views.sync_view import SyncView

    view = SyncView(window.db)
    view.send_requested.connect(window.sync_flow.send)
    view.receive_requested.connect(window.sync_flow.receive)
    view.passphrase_requested.connect(window.sync_flow.change_passphrase)
    return view
