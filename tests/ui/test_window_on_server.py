"""The window on a PostgreSQL server with the demo dispatch: every page builds and shows what it
shows on SQLite; every kind of edit dialog opened on real records and saved unchanged changes
nothing; the figures of the dashboard are the demo's reference figures."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from fieldlog.services.admin.demo import DEMO_PERIOD, load_demo
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.reports import stats
from fieldlog.store.database import Database
from fieldlog.store.models import Organization, Project, Visit
from fieldlog.ui.dialogs.org_dialog import OrgDialog
from fieldlog.ui.dialogs.project_dialog import ProjectDialog
from fieldlog.ui.dialogs.visit_dialog import VisitDialog
from fieldlog.ui.main_window import MainWindow
from tests.field_dump import db_digest, field_diff, field_dump, history_count
from tests.ui.edit_driver import dispose, live_ids, press, save_button
from tests.ui.test_forward_compat_pages import PAGES, shown_texts

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def server_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Database]]:
    """The demo on a server database and, beside it, on a SQLite file (the same load)."""
    from tests.conftest import SERVER, _server_copy

    if not SERVER:
        pytest.skip("FIELDLOG_TEST_POSTGRES_URL is not set")
    url = _server_copy(None)  # dropped after the session
    server = open_workspace(url)
    load_demo(server)
    folder = tmp_path_factory.mktemp("server_demo")
    local = open_workspace(str(folder / "demo.db"))
    load_demo(local)
    try:
        yield server, local
    finally:
        server.close()
        local.close()
        shutil.rmtree(folder, ignore_errors=True)


def _window(qtbot, db: Database) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    return window


def _pages(window: MainWindow) -> list[set[str]]:
    shown = []
    for index in range(PAGES):
        window.show_page(index)
        QApplication.processEvents()
        assert window.pages is not None
        shown.append(shown_texts(window.pages.currentWidget()))
    return shown


def test_every_page_shows_on_the_server_what_it_shows_on_a_file(
    qtbot, server_demo: tuple[Database, Database], modal_boxes
) -> None:
    server, local = server_demo
    assert stats.compute(server, DEMO_PERIOD) == stats.compute(local, DEMO_PERIOD)
    with qtbot.capture_exceptions() as exceptions:
        on_server = _pages(_window(qtbot, server))
        on_file = _pages(_window(qtbot, local))
    assert exceptions == []
    for index, (there, here) in enumerate(zip(on_server, on_file, strict=True)):
        # Ids, clocks and "today"-relative texts aside, the two loads show the same names.
        assert len(there) > 3, index
        names = {t for t in here if any("\u4e00" <= ch <= "\u9fff" for ch in t) and len(t) < 40}
        assert len(names & there) >= 0.9 * len(names), index


@pytest.mark.parametrize(
    ("model", "dialog", "sample"),
    [(Organization, OrgDialog, 40), (Visit, VisitDialog, 40), (Project, ProjectDialog, 54)],
)
def test_dialogs_saved_unchanged_change_nothing_on_the_server(
    qtbot, server_demo: tuple[Database, Database], model, dialog, sample
) -> None:
    server, _local = server_demo
    before, digest, history = field_dump(server), db_digest(server), history_count(server)
    for record_id in live_ids(server, model)[:sample]:
        opened = (
            dialog(server, visit_id=record_id)
            if dialog is VisitDialog
            else dialog(server, record_id)
        )
        press(qtbot, save_button(opened))
        assert not opened.isVisible()
        dispose(opened)
    assert field_diff(before, field_dump(server)) == {}
    assert db_digest(server) == digest
    assert history_count(server) == history
