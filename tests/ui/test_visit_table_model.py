"""The visit log's table model: keyset pages as the view scrolls, a count that stops early, and a
window read from the end of the log."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from fieldlog.services.orgs import orgs
from fieldlog.services.team import chains, team
from fieldlog.services.visits import visit_log, visits
from fieldlog.services.visits.visit_log import SORT_KEYS, VisitFilter, VisitSort
from fieldlog.store.database import Database
from fieldlog.ui.models import visit_table_model
from fieldlog.ui.models.visit_table_model import SORT_KEY_OF_COLUMN, VisitIdRole, VisitTableModel


def _log(db: Database, n: int) -> None:
    org = orgs.save_org(db, orgs.OrgInput("铜仁物流园区有限公司")).id
    team_id = team.save_team(db, team.TeamInput("测试工作队"))
    who = [team.save_member(db, team.MemberInput("李娜"), team_id=team_id)]
    with db.begin():
        for k in range(n):
            day = date(2024, 1, 1) + timedelta(days=k % 5)
            visits.save_visit(db, visits.VisitInput(day, org, who, summary=f"第{k}次 签约"))


def test_scrolling_fetches_every_visit_once_in_order(
    qtmodeltester, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(visit_table_model, "PAGE_SIZE", 4)
    _log(db, 15)
    model = VisitTableModel(db)
    # The count comes later, from a worker thread: until then the rows loaded, and "more".
    assert (model.total, model.total_is_lower_bound, model.rowCount()) == (4, True, 4)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    expected = [row.id for row in visit_log.visit_page(db, VisitFilter(), limit=100)]
    assert [model.row_snapshot(n).id for n in range(model.rowCount())] == expected  # type: ignore[union-attr]
    assert (model.total, model.total_is_lower_bound) == (15, False)
    qtmodeltester.check(model)


def test_a_search_counts_exactly_under_the_cap(db: Database) -> None:
    _log(db, 7)
    model = VisitTableModel(db)
    model.set_filter(VisitFilter(text="签约"))
    assert (model.total, model.total_is_lower_bound, model.rowCount()) == (7, False, 7)
    model.set_filter(VisitFilter(text="第3次"))
    assert (model.total, model.rowCount()) == (1, 1)
    assert not model.canFetchMore(QModelIndex())


@pytest.fixture(scope="module")
def varied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """About a thousand visits with every sortable column varied, blanks included."""
    from fieldlog.services.admin.workspace import open_workspace
    from fieldlog.store.repositories.common import catalog_names

    database = open_workspace(str(tmp_path_factory.mktemp("tail") / "log.db"))
    with database.read() as session:
        kinds = catalog_names(session, "visit_kind")
    chain_ids = [
        None,
        chains.add_chain(database, "新能源汽车"),
        chains.add_chain(database, "大数据"),
    ]
    names = ["铜仁物流园区有限公司", "深圳市铜仁商会", "华为技术有限公司", "贵州茅台酒厂"]
    org_ids = [orgs.save_org(database, orgs.OrgInput(name)).id for name in names]
    member = [team.save_member(database, team.MemberInput("李娜"))]
    with database.begin():
        for k in range(VARIED):
            day = date(2023, 1, 1) + timedelta(days=k % 97)
            follow_up = day + timedelta(days=k % 11) if k % 3 else None
            visit = visits.VisitInput(
                day,
                org_ids[k % len(org_ids)],
                member,
                kind=kinds[k % len(kinds)],
                intent=("", "strong", "medium", "weak", "none")[k % 5],
                next_follow_up=follow_up,
                chain_id=chain_ids[k % len(chain_ids)],
                summary=f"第{k}次",
            )
            visits.save_visit(database, visit)
    yield database
    database.close()


VARIED = 1000


def _ids(model: VisitTableModel) -> list[object]:
    return [model.index(row, 0).data(VisitIdRole) for row in range(model.rowCount())]


@pytest.mark.parametrize("key", SORT_KEYS)
@pytest.mark.parametrize("descending", [True, False])
def test_the_tail_window_reads_back_to_the_head_in_every_order(
    varied: Database, key: str, descending: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(visit_table_model, "PAGE_SIZE", 150)  # the head: a short last page
    sort = VisitSort(key, descending)
    everything = [row.id for row in visit_log.visit_page(varied, VisitFilter(), sort, limit=VARIED)]
    model = VisitTableModel(varied)
    model.sort(
        model_column(key),
        Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
    )
    model.show_tail()
    assert model.is_tail and not model.canFetchMore(QModelIndex())
    assert _ids(model) == everything[-visit_table_model.PAGE_SIZE :]  # the last row at the bottom
    while model.can_fetch_earlier():
        model.fetch_earlier()
    assert _ids(model) == everything  # each visit once, in the log's order, no gap
    assert (model.total, model.total_is_lower_bound) == (VARIED, False)


def test_the_tail_window_passes_qtmodeltester(qtmodeltester, varied: Database) -> None:
    model = VisitTableModel(varied)
    model.show_tail()
    qtmodeltester.check(model)  # and it watches every page inserted at the top from here on
    while model.can_fetch_earlier():
        model.fetch_earlier()
    assert model.rowCount() == len(set(_ids(model))) == VARIED


def test_ctrl_home_returns_to_the_head(qtmodeltester, varied: Database) -> None:
    model = VisitTableModel(varied)
    head = _ids(model)
    model.show_tail()
    model.fetch_earlier()
    model.show_head()
    assert not model.is_tail and _ids(model) == head
    qtmodeltester.check(model)  # fetches a few pages on, as a view scrolling down would
    assert len(set(_ids(model))) == model.rowCount() > len(head)


def model_column(key: str) -> int:
    return next(c for c, k in SORT_KEY_OF_COLUMN.items() if k == key)


def test_inserting_earlier_rows_keeps_the_shown_rows(qtbot, varied: Database) -> None:
    model = VisitTableModel(varied)
    model.show_tail()
    last = model.index(model.rowCount() - 1, 0)
    kept, last_id = QPersistentModelIndex(last), last.data(VisitIdRole)
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        added = model.fetch_earlier()
    assert inserted.args[1:] == [0, added - 1]  # at the top: the rows below only move down
    assert kept.row() == last.row() + added and kept.data(VisitIdRole) == last_id


def test_a_refresh_keeps_the_tail_window_and_a_new_filter_returns_to_the_head(
    varied: Database,
) -> None:
    model = VisitTableModel(varied)
    model.show_tail()
    model.fetch_earlier()
    shown = _ids(model)
    model.refresh()
    assert model.is_tail and _ids(model) == shown
    model.set_filter(VisitFilter(text="第1"))
    assert not model.is_tail
