"""The window over a database that received a newer FieldLog's codes: every page and the affected
records' dialogs build and show 未知（code）, without an exception; an unchanged save keeps them.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLabel, QWidget
from sqlalchemy import select

from fieldlog import app
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange import sync
from fieldlog.store.database import Database, open_database
from fieldlog.store.models import ChainLink, Organization, Project, Visit
from fieldlog.ui.main_window import MainWindow
from fieldlog.ui.views.chain_map_view import ID_ROLE
from tests.field_dump import field_diff, field_dump
from tests.newer_laptop import (
    NEW_NAMES,
    NEW_ORG,
    NEW_PROJECT,
    PASSPHRASE,
    UNKNOWN,
    make_newer_package,
)

pytestmark = pytest.mark.slow

PAGES = 7  # visit log, organizations, projects, chain map, dashboard, follow-ups, sync


def unknown(code: str) -> str:
    return f"未知（{code}）"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    """The demo after receiving a newer laptop's package."""
    folder = tmp_path_factory.mktemp("forward_pages")
    path = folder / "home.db"
    shutil.copyfile(demo_database_file, path)
    db = open_workspace(str(path))
    sync.set_passphrase(db, PASSPHRASE)
    db.close()
    package = make_newer_package(Path(path), folder / "newer")
    db = open_database(str(path))
    sync.import_packages(db, [package.path])
    yield db
    db.close()


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    app.use_language(qapp, "zh_CN")  # as the Chinese window does: Qt's texts and the core's
    yield
    app.install_translators(qapp, "en")  # the suite's fixture puts the core's language back


def _model_texts(model: QAbstractItemModel, parent: QModelIndex, found: set[str]) -> None:
    flat = (QAbstractTableModel, QAbstractListModel, QSortFilterProxyModel)
    tree = not isinstance(model, flat)
    while model.canFetchMore(parent):
        model.fetchMore(parent)
    # A list model's columnCount is not callable from Python; it has one column.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            value = index.data(Qt.ItemDataRole.DisplayRole)
            if value is not None:
                found.add(str(value))
            if column == 0 and tree and model.rowCount(index):
                _model_texts(model, index, found)


def shown_texts(root: QWidget) -> set[str]:
    """Every text the widget shows: labels, table and tree cells (all pages fetched), combos."""
    found: set[str] = set()
    for label in root.findChildren(QLabel):
        found.add(label.text())
    for view in root.findChildren(QAbstractItemView):
        if view.model() is not None:
            _model_texts(view.model(), QModelIndex(), found)
    for combo in root.findChildren(QComboBox):
        found.update(combo.itemText(i) for i in range(combo.count()))
    return found


def contains(texts: set[str], fragment: str) -> bool:
    return any(fragment in text for text in texts)


def _id(db: Database, model: type, column, value: str):
    with db.read() as s:
        return s.scalars(select(model.id).where(column == value)).one()


@pytest.fixture
def window(qtbot, home: Database, chinese, modal_boxes) -> Iterator[MainWindow]:
    win = MainWindow(home)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win


def test_every_page_builds_and_shows_unknown_codes(qtbot, window: MainWindow, home) -> None:
    with qtbot.capture_exceptions() as exceptions:
        shown: dict[int, set[str]] = {}
        for index in range(PAGES):
            window.show_page(index)
            QApplication.processEvents()
            assert window.pages is not None
            page = window.pages.currentWidget()
            assert page.isVisible()
            shown[index] = shown_texts(page)
        board = window.pages.widget(2)
        board.set_mode(1)  # the project list
        QApplication.processEvents()
        projects_list = shown_texts(board)
        chain_map = window.pages.widget(3)
        chain_id = _chain_of_new_link(home)
        rows = range(chain_map.chain_list.count())
        row = next(r for r in rows if chain_map.chain_list.item(r).data(ID_ROLE) == chain_id)
        chain_map.chain_list.setCurrentRow(row)
        QApplication.processEvents()
        tiles = shown_texts(chain_map)
    assert exceptions == []
    assert contains(shown[0], unknown(UNKNOWN["intent"]))  # the visit log
    assert NEW_NAMES["visit_kind"] in shown[0]
    assert unknown(UNKNOWN["org_kind"]) in shown[1]  # organizations
    assert unknown(UNKNOWN["stage"]) in projects_list
    assert contains(tiles, unknown(UNKNOWN["link_position"]))
    assert unknown(UNKNOWN["stage"]) in shown[5]  # the follow-ups of the new project
    assert not contains(shown[4], UNKNOWN["target_metric"])  # the dashboard skips it


def _chain_of_new_link(db: Database):
    with db.read() as s:
        return s.scalars(select(ChainLink.chain_id).where(ChainLink.name == "离岸服务")).one()


def test_the_new_organization_dialog_shows_and_keeps_its_unknown_kind(
    qtbot, home: Database, chinese
) -> None:
    from fieldlog.ui.dialogs.org_dialog import OrgDialog

    before = field_dump(home)
    with qtbot.capture_exceptions() as exceptions:
        dialog = OrgDialog(home, _id(home, Organization, Organization.name, NEW_ORG))
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.kind_combo.currentText() == unknown(UNKNOWN["org_kind"])
        dialog.accept()
    assert exceptions == []
    assert field_diff(before, field_dump(home)) == {}


def test_a_project_dialog_shows_unknown_codes_and_keeps_them(
    qtbot, home: Database, chinese
) -> None:
    from fieldlog.ui.dialogs.project_dialog import ProjectDialog

    before = field_dump(home)
    with qtbot.capture_exceptions() as exceptions:
        for name in (NEW_PROJECT, _retagged_project(home)):
            dialog = ProjectDialog(home, _id(home, Project, Project.name, name))
            qtbot.addWidget(dialog)
            dialog.show()
            texts = shown_texts(dialog)
            assert contains(texts, unknown(UNKNOWN["stage"]))  # in the stage history
            assert dialog.role.currentText() == unknown(UNKNOWN["chain_role"])
            assert dialog.save()
            if name != NEW_PROJECT:  # signed once, still signed: the facts line says so
                assert "签约" in dialog.facts.text()
                assert contains(texts, NEW_NAMES["fund_origin"])
    assert exceptions == []
    assert field_diff(before, field_dump(home)) == {}


def _retagged_project(db: Database) -> str:
    with db.read() as s:
        names = s.scalars(
            select(Project.name).where(
                Project.chain_role == UNKNOWN["chain_role"], Project.name != NEW_PROJECT
            )
        )
        return names.one()


def test_the_new_visit_dialog_shows_and_keeps_its_unknown_intent(
    qtbot, home: Database, chinese
) -> None:
    from fieldlog.ui.dialogs.visit_dialog import VisitDialog

    before = field_dump(home)
    org_id = _id(home, Organization, Organization.name, NEW_ORG)
    with qtbot.capture_exceptions() as exceptions:
        dialog = VisitDialog(home, visit_id=_id(home, Visit, Visit.org_id, org_id))
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.form.intent_combo.currentText() == unknown(UNKNOWN["intent"])
        assert dialog.form.kind_combo.currentText() == NEW_NAMES["visit_kind"]
        dialog.save()
    assert exceptions == []
    assert field_diff(before, field_dump(home)) == {}


def test_the_chain_editor_and_targets_dialog_build_over_unknown_codes(
    qtbot, home: Database, chinese
) -> None:
    from fieldlog.ui.dialogs.chain_edit_dialog import ChainEditDialog
    from fieldlog.ui.dialogs.targets_dialog import TargetsDialog

    with qtbot.capture_exceptions() as exceptions:
        editor = ChainEditDialog(home, chain_id=_chain_of_new_link(home))
        qtbot.addWidget(editor)
        editor.show()
        QApplication.processEvents()
        links = shown_texts(editor)
        targets = TargetsDialog(home, today=date(2020, 4, 22))
        qtbot.addWidget(targets)
        targets.show()
        QApplication.processEvents()
    assert exceptions == []
    assert unknown(UNKNOWN["link_position"]) in links
    assert not contains(shown_texts(targets), UNKNOWN["target_metric"])
