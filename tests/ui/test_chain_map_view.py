"""The chain map page: tiles per link, gaps marked in words, a link's records listed below."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldlog.domain.catalogs import display_name
from fieldlog.domain.period import Period
from fieldlog.services.orgs import orgs
from fieldlog.services.reports import chain_map, stats
from fieldlog.services.team import chains
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.views.chain_map_view import ChainMapView
from fieldlog.ui.widgets.chain_link_tile import ChainLinkTile
from tests.conftest import open_copy

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("chain_map_view"))
    yield database
    database.close()


@pytest.fixture
def view(qtbot, demo: Database) -> ChainMapView:
    widget = ChainMapView(demo)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


def tiles(view: ChainMapView) -> list[ChainLinkTile]:
    return list(view.tiles.values())


def test_every_chain_is_listed_with_its_gaps(view: ChainMapView, demo: Database) -> None:
    maps = chain_map.chain_maps(demo)
    assert view.objectName() == "chainMap"
    assert view.chain_list.count() == len(maps)
    for row, found in enumerate(maps):
        text = view.chain_list.item(row).text()
        assert text.startswith(display_name(found.id, found.name))  # English: the label
        assert (f"gaps: {found.gaps}" in text) == bool(found.gaps)


def test_tiles_show_each_link_and_gaps_in_words(view: ChainMapView) -> None:
    found = view.current_map()
    assert found is not None
    links = {t.tile.id for t in tiles(view) if t.tile.id is not None}
    assert links == {link.id for link in found.links}
    for tile in tiles(view):
        assert (tile.badge.text() == "GAP — to fill") == tile.tile.gap
        assert ("GAP" in tile.accessibleName()) == tile.tile.gap
    assert str(found.gaps) in view.stats["gaps"].text()
    assert f"{found.totals.orgs}<" in view.stats["orgs"].text()


def test_signed_tiles_add_up_to_the_dispatch_figure(view: ChainMapView, demo: Database) -> None:
    signed = 0
    for row in range(view.chain_list.count()):
        view.chain_list.setCurrentRow(row)
        signed += sum(t.tile.figures.signed_projects for t in tiles(view))
    assert signed == stats.compute(demo, Period.all_time()).projects_signed == 22


def test_the_unassigned_tile_shows_records_without_a_link(view: ChainMapView) -> None:
    found = view.current_map()
    assert found is not None and found.unassigned.figures.orgs
    tile = view.tiles[None]
    assert tile.title == "Not tied to a link"
    view.choose_link(None)
    assert view.detail.org_tree.topLevelItemCount() == found.unassigned.figures.orgs


def test_click_lists_the_link_s_records(qtbot, view: ChainMapView, qtmodeltester) -> None:
    tile = next(t for t in tiles(view) if t.tile.figures.signed_projects)
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert view.chosen == (tile.tile.id,)
    assert view.detail.org_tree.topLevelItemCount() == tile.tile.figures.orgs
    projects = view.detail.project_tree
    f = tile.tile.figures
    assert projects.topLevelItemCount() >= f.signed_projects + f.open_projects
    assert display_name(tile.tile.id, tile.tile.name) in view.detail.title.text()
    qtmodeltester.check(view.detail.org_tree.model())
    qtmodeltester.check(projects.model())


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Space])
def test_keyboard_selects_a_tile(qtbot, view: ChainMapView, key: Qt.Key) -> None:
    tile = tiles(view)[1]
    tile.setFocus()
    qtbot.keyClick(tile, key)
    assert view.chosen == (tile.tile.id,)
    assert tile.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_tab_goes_from_the_chains_to_the_tiles(qtbot, view: ChainMapView) -> None:
    view.activateWindow()
    view.chain_list.setFocus()
    qtbot.waitUntil(view.chain_list.hasFocus)
    qtbot.keyClick(view.chain_list, Qt.Key.Key_Tab)
    assert view.focusWidget() is tiles(view)[0]


def test_activating_rows_asks_to_open_them(qtbot, view: ChainMapView) -> None:
    tile = next(t for t in tiles(view) if t.tile.figures.signed_projects)
    view.choose_link(tile.tile.id)
    project = view.detail.project_tree.topLevelItem(0)
    with qtbot.waitSignal(view.open_project_requested) as opened:
        view.detail.project_tree.itemActivated.emit(project, 0)
    assert opened.args[0] == project.data(0, Qt.ItemDataRole.UserRole + 1)
    org = view.detail.org_tree.topLevelItem(0)
    with qtbot.waitSignal(view.open_org_requested) as opened:
        view.detail.org_tree.itemActivated.emit(org, 0)
    assert opened.args[0] == org.data(0, Qt.ItemDataRole.UserRole + 1)


def test_enter_on_a_project_row_opens_it(qtbot, view: ChainMapView) -> None:
    tile = next(t for t in tiles(view) if t.tile.figures.signed_projects)
    view.choose_link(tile.tile.id)
    tree = view.detail.project_tree
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(0))
    with qtbot.waitSignal(view.open_project_requested):
        qtbot.keyClick(tree, Qt.Key.Key_Return)


def test_the_dispatch_period_can_be_chosen(view: ChainMapView) -> None:
    assert view.period_combo.count() == 2
    view.period_combo.setCurrentIndex(1)
    assert view.period() == Period.between("2020-03-23", "2020-04-22")
    assert view.current_map() is not None


def test_edit_chains_opens_the_editor(qtbot, view: ChainMapView) -> None:
    dialog = view.open_editor()
    assert dialog.objectName() == "chainEditDialog" and dialog.isVisible()
    dialog.close()


def test_the_page_follows_changes(qtbot, db: Database, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    view = ChainMapView(db)
    qtbot.addWidget(view)
    chain = view.current_chain_id()
    assert chain is not None
    before = len(view.tiles)
    operations.run(
        view,
        Changes.of(Kind.CATALOG),
        chains.add_link,
        db,
        chain,
        chains.LinkInput("检测认证", "downstream"),
    )
    assert len(view.tiles) == before + 1 and view.current_chain_id() == chain
    new = next(t for t in tiles(view) if t.tile.name == "检测认证")
    assert new.tile.gap and new.status == "gap"
    view.choose_link(new.tile.id)
    orgs.save_org(db, orgs.OrgInput("深圳市检测有限公司", link_id=new.tile.id))
    operations.announce(Changes.of(Kind.ORG))
    assert view.chosen == (new.tile.id,)
    assert view.detail.org_tree.topLevelItemCount() == 1


def test_an_empty_database_says_what_to_do(qtbot, db: Database) -> None:
    for chain in chains.chain_tree(db):
        chains.delete_chain(db, chain.id)
    view = ChainMapView(db)
    qtbot.addWidget(view)
    assert "Edit chains" in view.summary.text()
    assert view.tiles == {}
