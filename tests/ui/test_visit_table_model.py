"""The visit log's table model: keyset pages as the view scrolls, and a count that stops early."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex

from fieldlog.services import orgs, team, visit_log, visits
from fieldlog.services.visit_log import VisitFilter
from fieldlog.store.database import Database
from fieldlog.ui.models import visit_table_model
from fieldlog.ui.models.visit_table_model import VisitTableModel


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
    monkeypatch.setattr(visit_table_model, "COUNT_CAP", 6)
    _log(db, 15)
    model = VisitTableModel(db)
    assert (model.total, model.total_is_lower_bound, model.rowCount()) == (6, True, 4)
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
