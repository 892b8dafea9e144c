"""The visit log over a generated database (bench/make_db.py, 20,000 visits): the first page is
the same rows the log always showed, and the count that arrives from its worker thread is exact
(every page read to the end gives as many visits), for filters and searches; a search typed
while a count runs gets its own count."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from fieldlog.domain.period import Period
from fieldlog.services.visits import visit_log
from fieldlog.services.visits.visit_log import VisitFilter
from fieldlog.store.database import Database, open_database
from fieldlog.ui.models.visit_table_model import PAGE_SIZE, RowRole, VisitTableModel
from fieldlog.ui.views.visit_log_view import VisitLogView
from tests.conftest import sqlite_only

pytestmark = sqlite_only("the generated database is an SQLite file")

ROOT = Path(__file__).resolve().parents[2]
VISITS = 20_000


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    out = tmp_path_factory.mktemp("generated") / "20k.db"
    size = ["--visits", str(VISITS), "--orgs", "4000"]
    subprocess.run(
        [sys.executable, "bench/make_db.py", *size, "--out", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    database = open_database(str(out))
    yield database
    database.close()


def every_id(db: Database, wanted: VisitFilter) -> list[object]:
    """Every matching visit, page after page to the end of the log (the count's check)."""
    found: list[object] = []
    page = visit_log.visit_page(db, wanted, limit=visit_log.MAX_PAGE)
    while page:
        found += [row.id for row in page]
        if len(page) < visit_log.MAX_PAGE:
            break
        page = visit_log.visit_page(db, wanted, limit=visit_log.MAX_PAGE, after=page[-1])
    return found


def shown(model: VisitTableModel) -> list[object]:
    return [model.index(row, 0).data(RowRole).id for row in range(model.rowCount())]


def label(total: int) -> str:
    return {0: "No visits", 1: "1 visit"}.get(total, f"{total:,} visits")


def filters(db: Database) -> list[VisitFilter]:
    member = visit_log.filter_choices(db).members[0].id
    june = Period(date(2024, 6, 1), date(2024, 6, 30))
    return [
        VisitFilter(),
        VisitFilter(text="物流"),  # common: thousands of matches
        VisitFilter(text="深圳市"),
        VisitFilter(text="协会"),
        VisitFilter(text="没有这种"),  # nothing
        VisitFilter(member_id=member),
        VisitFilter(period=june),
        VisitFilter(text="公司", member_id=member, period=june),
    ]


def test_first_page_and_exact_count_for_filters_and_searches(qtbot, generated: Database) -> None:
    view = VisitLogView(generated)
    qtbot.addWidget(view)
    for wanted in filters(generated):
        view.model.set_filter(wanted)
        first = [row.id for row in visit_log.visit_page(generated, wanted, limit=PAGE_SIZE)]
        assert shown(view.model)[:PAGE_SIZE] == first
        qtbot.waitUntil(lambda: not view.model.counting, timeout=30_000)
        everything = every_id(generated, wanted)
        assert view.model.total == len(everything) == len(set(everything))
        assert view.model.total == visit_log.count_matching_visits(generated, wanted)
        # Under the old cap of 1,000 the figure was the same wherever it was exact.
        capped = visit_log.count_matching_visits(generated, wanted, 1001)
        assert capped == min(view.model.total, 1001)
        assert not view.model.total_is_lower_bound
        assert view.count_label.text() == label(len(everything))
    assert view.model.visit_filter() == filters(generated)[-1]


def test_the_unfiltered_count_arrives_in_the_label(qtbot, generated: Database) -> None:
    view = VisitLogView(generated)
    qtbot.addWidget(view)
    view.show()
    assert view.count_label.text() == "Counting visits…"
    assert view.model.rowCount() >= PAGE_SIZE  # the first page is there before the count
    qtbot.waitUntil(lambda: view.count_label.text() == f"{VISITS:,} visits", timeout=30_000)


def test_a_search_typed_while_counting_gets_its_own_count(qtbot, generated: Database) -> None:
    view = VisitLogView(generated)
    qtbot.addWidget(view)
    view.show()
    counts: list[int] = []
    view.model.total_known.connect(lambda: counts.append(view.model.total))
    assert view.model.counting  # the whole log is being counted
    view.search_edit.setText("物流")
    view.apply_filter()
    assert view.model.counting and view.count_label.text() == "Counting visits…"
    view.search_edit.setText("公司")
    view.apply_filter()
    expected = visit_log.count_matching_visits(generated, VisitFilter(text="公司"))
    qtbot.waitUntil(lambda: not view.model.counting, timeout=30_000)
    qtbot.wait(100)  # a stale count still arriving would be dropped, not shown
    assert view.count_label.text() == label(expected)
    assert counts == [expected]  # only the count of the search in force was taken
    wanted = replace(view.current_filter(), text="物流")
    view.model.set_filter(wanted)
    qtbot.waitUntil(lambda: not view.model.counting, timeout=30_000)
    assert view.model.total == visit_log.count_matching_visits(generated, wanted)


def test_a_count_answers_exactly_or_not_at_all(generated: Database) -> None:
    from fieldlog.store.visit_count import VisitCount

    wanted = VisitFilter(text="公司")
    assert VisitCount(generated, wanted).run() == len(every_id(generated, wanted))
    stopped = VisitCount(generated, wanted)
    stopped.cancel()
    assert stopped.run() is None and stopped.cancelled
    other = open_database(str(generated.path))
    counting = VisitCount(other, VisitFilter())
    other.close()  # the database closed first: nothing is read
    assert counting.run() is None
