"""The change announcement is typed: each view (and a record's history) refreshes only when the
announced kinds include one it shows; a saved visit reaches the visit log, a target does not."""

# ruff: noqa: F811  (fixture arguments share the names of the imported fixtures)
from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

import pytest

from fieldlog.services.team import identity
from fieldlog.services.visits import visit_log, visits
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.changes import EVERYTHING, Changes, Kind
from fieldlog.ui.views.visit_log_view import VisitLogView

# The shared fixture and helper: imported here, pytest finds the fixture by name.
from tests.ui.test_operations import ORG, VISIT, counted, office  # noqa: F401

DAY = date(2020, 4, 1)


def queries_of(monkeypatch: pytest.MonkeyPatch, db: Database) -> list[int]:
    """Count the visit-log page queries asked of `db` (views of earlier tests may still listen,
    over their own databases)."""
    calls: list[int] = []
    real = visit_log.visit_page

    def wrapper(*args: object, **kwargs: object) -> object:
        if args and args[0] is db:
            calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(visit_log, "visit_page", wrapper)
    return calls


@pytest.fixture
def log_view(qtbot, db: Database, office: uuid.UUID) -> VisitLogView:
    view = VisitLogView(db)
    qtbot.addWidget(view)
    return view


def test_the_visit_log_queries_again_for_visits_not_for_targets(
    qtbot, db: Database, log_view: VisitLogView, monkeypatch
) -> None:
    queries = queries_of(monkeypatch, db)
    for kinds in (Kind.TARGET, Kind.SYNC, Kind.PROJECT):
        operations.announce(Changes.of(kinds))
    assert queries == []
    operations.announce(VISIT)
    assert len(queries) == 1
    operations.announce(EVERYTHING)
    assert len(queries) == 2


def test_a_saved_visit_reaches_the_log_and_a_target_does_not(
    qtbot, db: Database, log_view: VisitLogView, office: uuid.UUID, monkeypatch
) -> None:
    from fieldlog.domain.period import Period
    from fieldlog.services.reports import targets

    queries = queries_of(monkeypatch, db)
    me = identity.get_me(db)
    assert me is not None
    month = Period(date(2020, 4, 1), date(2020, 4, 30))
    target = Changes.of(Kind.TARGET)
    assert operations.run(None, target, targets.set_target, db, "member", me, "visits", month, 9)
    assert queries == [] and log_view.model.total == 0
    operations.run(None, VISIT, visits.save_visit, db, visits.VisitInput(DAY, office, [me]))
    assert queries and log_view.model.total == 1


def view_refreshes(monkeypatch: pytest.MonkeyPatch, view: object) -> list[int]:
    """Count the refreshes of `view` (its own method, wrapped on the instance)."""
    name = "_reload" if hasattr(view, "_reload") else "refresh"
    return counted(monkeypatch, view, name)


@pytest.mark.parametrize(
    ("make", "shown", "not_shown"),
    [
        ("orgs", Kind.ORG, Kind.TARGET),
        ("pipeline", Kind.PROJECT, Kind.TARGET),
        ("chain_map", Kind.CATALOG, Kind.TARGET),
        ("dashboard", Kind.TARGET, Kind.SYNC),
        ("follow_ups", Kind.PROJECT, Kind.CATALOG),
    ],
)
def test_each_page_refreshes_only_for_what_it_shows(
    qtbot, db: Database, office: uuid.UUID, monkeypatch, make: str, shown: Kind, not_shown: Kind
) -> None:
    view = PAGES[make](db)
    qtbot.addWidget(view)
    refreshes = view_refreshes(monkeypatch, view)
    operations.announce(Changes.of(not_shown))
    assert refreshes == []
    operations.announce(Changes.of(shown))
    assert len(refreshes) == 1


def _orgs(db: Database) -> object:
    from fieldlog.ui.views.orgs_view import OrgsView

    return OrgsView(db)


def _pipeline(db: Database) -> object:
    from fieldlog.ui.views.pipeline_board import PipelineBoard

    return PipelineBoard(db)


def _chain_map(db: Database) -> object:
    from fieldlog.ui.views.chain_map_view import ChainMapView

    return ChainMapView(db)


def _dashboard(db: Database) -> object:
    from fieldlog.ui.views.dashboard_page import DashboardPage

    return DashboardPage(db)


def _follow_ups(db: Database) -> object:
    from fieldlog.ui.views.follow_ups_view import FollowUpsView

    return FollowUpsView(db)


PAGES: dict[str, Callable[[Database], object]] = {
    "orgs": _orgs,
    "pipeline": _pipeline,
    "chain_map": _chain_map,
    "dashboard": _dashboard,
    "follow_ups": _follow_ups,
}


def test_a_record_history_answers_for_its_own_kind_and_the_members(
    qtbot, db: Database, office: uuid.UUID, monkeypatch
) -> None:
    from fieldlog.ui.widgets.history_panel import HistoryPanel

    panel = HistoryPanel(db, "organization", office)
    qtbot.addWidget(panel)
    refreshes = counted(monkeypatch, panel, "refresh")
    operations.announce(Changes.of(Kind.VISIT, Kind.TARGET, Kind.SYNC))
    assert refreshes == []
    operations.announce(Changes.of(Kind.TEAM))  # a member renamed: the Who column
    operations.announce(ORG)
    assert len(refreshes) == 2
