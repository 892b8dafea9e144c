"""A page the window is not showing does not recount on every change announced (each save
announces one): it marks itself stale and recounts once, when it is shown, with the figures as
they are then."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.views import (
    chain_map_view,
    dashboard_page,
    follow_ups_view,
    pipeline_board,
    visit_log_view,
)

TODAY = date(2020, 4, 22)


def _stack(qtbot, page: QWidget) -> QStackedWidget:
    """The page in a stack showing another page, as the window holds its pages."""
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    other = QWidget()
    stack.addWidget(other)
    stack.addWidget(page)
    stack.setCurrentWidget(other)
    stack.show()
    assert not page.isVisible()
    return stack


class Counted:
    """Counts the calls of a page's `refresh`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, cls: type) -> None:
        self.calls = 0
        original = cls.refresh

        def refresh(page, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.calls += 1
            return original(page, *args, **kwargs)

        monkeypatch.setattr(cls, "refresh", refresh)


def _visit(db: Database) -> None:
    member = team.save_member(db, team.MemberInput("李娜"))
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    visits.save_visit(db, visits.VisitInput(date(2020, 4, 1), org, [member]))


def test_a_hidden_dashboard_does_not_recount_and_shows_current_figures_when_shown(
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    team.save_team(db, team.TeamInput("测试工作队"))
    counted = Counted(monkeypatch, dashboard_page.DashboardPage)
    page = dashboard_page.DashboardPage(db, today=TODAY)
    stack = _stack(qtbot, page)
    assert counted.calls == 1  # built
    _visit(db)
    for _ in range(5):  # five saves elsewhere in the window
        operations.announce(Changes.of(Kind.VISIT))
    assert counted.calls == 1
    stack.setCurrentWidget(page)
    assert counted.calls == 2
    label = page.findChild(QLabel, "figure_visits")
    assert label is not None and label.text() == "1"
    operations.announce(Changes.of(Kind.VISIT))  # shown: it recounts at once
    assert counted.calls == 3
    stack.setCurrentIndex(0)
    stack.setCurrentWidget(page)  # shown again with nothing changed: no recount
    assert counted.calls == 3


@pytest.mark.parametrize(
    ("module", "name"),
    [
        (chain_map_view, "ChainMapView"),
        (follow_ups_view, "FollowUpsView"),
        (pipeline_board, "PipelineBoard"),
        (visit_log_view, "VisitLogView"),
    ],
)
def test_other_hidden_pages_recount_once_when_shown(
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch, module: object, name: str
) -> None:
    cls = getattr(module, name)
    counted = Counted(monkeypatch, cls)
    page = cls(db)
    stack = _stack(qtbot, page)
    built = counted.calls
    _visit(db)
    for _ in range(5):
        operations.announce(Changes.of(Kind.VISIT, Kind.ORG, Kind.PROJECT, Kind.CATALOG))
    assert counted.calls == built
    stack.setCurrentWidget(page)
    assert counted.calls == built + 1
