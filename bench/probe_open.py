"""Start FieldLog over a database the way main.py does, and say when the visit log is on screen.

    python bench/probe_open.py --db FILE [--password-env NAME]
                               [--measure [--repeat K] [--scroll-cap-s S]]

Prints ``ready <peak RSS in MB>`` as soon as the visit log has been painted with rows in it — the
first page FieldLog paints before its database layer loads (`ui.first_paint`), or the main
window's log where that does not apply — then ``window <peak RSS in MB>`` once the main window
itself has painted its log (bench/run.py times both lines from outside, from the spawn). With
--measure it then times, on that same window, what a user does in the log (the real view and
model, the real filter path) and the figures and exports, and prints them as one JSON line. Run
it with QT_QPA_PLATFORM and XDG folders set (bench/run.py does), so that no user settings are
read or touched.

An encrypted database (SQLCipher) is opened with the password held in the environment variable
named by --password-env (never a command-line argument: a process list shows those).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def wait_until(check: Callable[[], bool], timeout_s: float = 60.0) -> bool:
    """Run the event loop until `check()` holds; False on timeout."""
    from PySide6.QtCore import QCoreApplication

    deadline = time.perf_counter() + timeout_s
    while not check():
        if time.perf_counter() > deadline:
            return False
        QCoreApplication.processEvents()
    return True


def log_painted(table: Any, *, need_rows: bool = True) -> Callable[[], bool]:
    """A check that the table's viewport has been painted (while its model held rows)."""
    from PySide6.QtCore import QEvent, QObject

    class PaintWatch(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and (
                table.model().rowCount() > 0 or not need_rows
            ):
                PaintWatch.seen = True
            return False

    watch = PaintWatch(table)
    table.viewport().installEventFilter(watch)
    table.viewport().update()
    return lambda: PaintWatch.seen


def password_from(variable: str | None) -> str | None:
    """The database password held in the environment variable `variable` (None: a plain
    database); refused when the variable is named but unset or empty."""
    if variable is None:
        return None
    password = os.environ.get(variable, "")
    if not password:
        raise SystemExit(f"--password-env {variable}: that environment variable is not set")
    return password


def hand_password(password: str) -> None:
    """Give the database password to every opening of the database main() makes: the window
    does not ask for it yet. The window's own open (`open_workspace`) and the start-up check of
    a large file on a worker thread (`quick_check_in_background`) get it; nothing else changes
    in the path main() takes, so the figures compare with a plain database's."""
    from fieldlog.services.admin import workspace
    from fieldlog.ui import background_check

    opener = workspace.open_workspace
    checker = background_check.quick_check_in_background

    def open_keyed(location: str, **options: Any) -> Any:
        if options.get("password") is None:
            options["password"] = password
        return opener(location, **options)

    def check_keyed(path: Path, given: str | None = None) -> list[str]:
        return checker(path, given or password)

    workspace.open_workspace = open_keyed  # type: ignore[assignment]
    background_check.quick_check_in_background = check_keyed  # type: ignore[assignment]


#: The tables that show the visit log: the main window's, and the first page painted before it.
LOG_TABLES = ("visitsTable", "firstPageTable")


def say_when_log_painted() -> Any:
    """Print the ``ready`` line when any window first paints the visit log with rows (from
    inside main(), which paints the first page before it builds the main window)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject
    from PySide6.QtWidgets import QTableView

    class FirstPaintWatch(QObject):
        said = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.said and event.type() == QEvent.Type.Paint:
                table = watched.parent()
                if (
                    isinstance(table, QTableView)
                    and table.objectName() in LOG_TABLES
                    and table.viewport() is watched
                    and table.model().rowCount() > 0
                ):
                    self.said = True
                    print(f"ready {peak_rss_mb()}", flush=True)
            return False

    watch = FirstPaintWatch()
    QCoreApplication.instance().installEventFilter(watch)
    return watch


def open_window(db_path: str, password: str | None = None) -> Any:
    """main(["--db", path]) over a QApplication made as main() makes it; the window."""
    from fieldlog import app

    if password is not None:
        hand_password(password)
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    # Made here so main() reuses it and returns once the window is shown, instead of running
    # its own event loop; the names are the ones main() gives the application it makes.
    QCoreApplication.setApplicationName(app.APP_NAME)
    QCoreApplication.setOrganizationName(app.APP_NAME)
    qt_app = QApplication([app.APP_NAME])
    qt_app._bench_watch = say_when_log_painted()
    if app.main(["--db", db_path, "--lang", "zh_CN"]) != 0:
        raise SystemExit("the main window did not open (recovery screen or error)")
    window = app.last_window()
    window._bench_app = qt_app  # keep the application alive as long as the window
    return window


def first_row(view: Any) -> Any:
    """The snapshot of the log's first row, or None while it has none."""
    model = view.model
    if model.rowCount() == 0:
        return None
    from fieldlog.ui.models.visit_table_model import RowRole

    return model.index(0, 0).data(RowRole)


def timed(action: Callable[[], None], done: Callable[[], bool], timeout_s: float = 60) -> float:
    """Seconds from `action` until `done()` holds (the event loop running meanwhile)."""
    started = time.perf_counter()
    action()
    if not wait_until(done, timeout_s):
        raise SystemExit(f"no answer within {timeout_s} s")
    return time.perf_counter() - started


def _search(view: Any, text: str) -> None:
    # As typed, then Enter: the search box's own path without the typing delay.
    view.search_edit.setText(text)
    view.apply_filter()


def _matches(text: str) -> Callable[[], bool]:
    def check() -> bool:
        row = first_row(view_of_check[0])
        return row is not None and (text in row.org_name or text in row.full_summary)

    return check


view_of_check: list[Any] = [None]


def fragments(view: Any, count: int = 20, length: int = 2) -> list[str]:
    """Chinese fragments of `length` characters from the data: half from names, half from
    notes."""
    from sqlalchemy import select

    from fieldlog.store.models import Organization, Visit

    rng = random.Random(20)
    with view.db.read() as session:
        org_names = session.execute(select(Organization.name).limit(3000)).scalars().all()
        notes = session.execute(select(Visit.summary).limit(3000)).scalars().all()
    found: list[str] = []
    for texts in (org_names, notes):
        pairs = sorted({t[i : i + length] for t in texts for i in range(len(t) - length + 1)})
        pairs = [p for p in pairs if re.fullmatch(f"[\u4e00-\u9fff]{{{length}}}", p)]
        found += rng.sample(pairs, count // 2)
    return found


def measure_log(view: Any, repeat: int) -> dict[str, Any]:
    """first_page_ms, search_ms and filter_ms on the real visit log."""
    from _common import median_ms, percentile_ms

    from fieldlog.domain.period import Period

    view_of_check[0] = view
    newest = first_row(view).id
    unfiltered = lambda: (row := first_row(view)) is not None and row.id == newest  # noqa: E731
    first_page = []
    for _ in range(repeat):
        timed(lambda: _search(view, "天"), _matches("天"))
        first_page.append(timed(lambda: _search(view, ""), unfiltered))
    # Each search timed to its first page of matches on screen; the count follows on a worker.
    search, search3 = [], []
    words, words3 = fragments(view), fragments(view, 20, 3)
    for word in words + words3:
        took = timed(lambda w=word: _search(view, w), _matches(word))
        (search if len(word) == 2 else search3).append(took)
        timed(lambda: _search(view, ""), unfiltered)
    from fieldlog.services.visits.visit_log import filter_choices

    member = filter_choices(view.db).members[0].id
    month = Period(date(2024, 6, 1), date(2024, 6, 30))
    wanted = replace(view.current_filter(), member_id=member, period=month)
    in_month = lambda: (row := first_row(view)) is not None and row.visited_on.month == 6  # noqa: E731
    filtered = []
    for _ in range(repeat):
        filtered.append(timed(lambda: view.model.set_filter(wanted), in_month))
        timed(lambda: _search(view, "") or view.model.set_filter(view.current_filter()), unfiltered)
    return {
        "first_page_ms": median_ms(first_page),
        "search_ms": {"p50": percentile_ms(search, 0.5), "p95": percentile_ms(search, 0.95)},
        "search3_ms": {"p50": percentile_ms(search3, 0.5), "p95": percentile_ms(search3, 0.95)},
        "search_each_ms": {
            w: round(t * 1000, 1) for w, t in zip(words + words3, search + search3, strict=True)
        },
        "filter_ms": median_ms(filtered),
        "search_fragments": words + words3,
    }


def measure_scroll(view: Any, repeat: int, cap_s: float) -> dict[str, Any]:
    """scroll_ms: from the top of the unfiltered log, Ctrl+End, to the log's last visit on screen
    (the oldest, bottom row)."""
    from _common import median_ms
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from fieldlog.services.visits.visit_log import VisitFilter, count_matching_visits, visit_page

    total = count_matching_visits(view.db, VisitFilter())
    oldest = visit_page(view.db, VisitFilter(), limit=1, from_end=True)[-1].id
    model, table = view.model, view.table

    def at_end() -> bool:
        last = model.rowCount() - 1
        row = model.row_snapshot(last) if last >= 0 else None
        return (
            row is not None
            and row.id == oldest
            and table.rowAt(table.viewport().height() - 2) in (last, -1)
        )

    times, reached = [], True
    for _ in range(max(1, repeat)):
        view.show_start()
        table.setFocus()
        started = time.perf_counter()
        QTest.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        reached = wait_until(at_end, cap_s)
        times.append(time.perf_counter() - started)
        if not reached:
            break
    return {"scroll_ms": median_ms(times), "scroll_reached_end": reached, "scroll_rows": total}


def measure_core(db: Any, repeat: int) -> dict[str, Any]:
    """stats_ms over the dispatch and all time; the weekly return and the ledger (as the CLI)."""
    from _common import median_ms

    from fieldlog.domain.period import IsoWeek, Period
    from fieldlog.services.reports.exports import export_ledger
    from fieldlog.services.reports.stats import compute
    from fieldlog.services.reports.weekly import export_weekly
    from fieldlog.services.team.team import current_team

    team = current_team(db)
    dispatch = Period(team.dispatch_start, team.dispatch_end)
    week = IsoWeek.of(team.dispatch_end - timedelta(days=7))
    runs: dict[str, list[float]] = {"dispatch": [], "all_time": [], "weekly": [], "ledger": []}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(repeat):
            for key, call in (
                ("dispatch", lambda: compute(db, dispatch)),
                ("all_time", lambda: compute(db, Period.all_time())),
                ("weekly", lambda: export_weekly(db, week, out=Path(folder) / "w.xlsx")),
                ("ledger", lambda: export_ledger(db, out=Path(folder) / "l.xlsx")),
            ):
                started = time.perf_counter()
                call()
                runs[key].append(time.perf_counter() - started)
    return {
        "stats_ms": {
            "dispatch": median_ms(runs["dispatch"]),
            "all_time": median_ms(runs["all_time"]),
        },
        "weekly_export_ms": median_ms(runs["weekly"]),
        "ledger_export_ms": median_ms(runs["ledger"]),
        "weekly_week": str(week),
    }


def measure_all(window: Any, repeat: int, scroll_cap_s: float) -> dict[str, Any]:
    """Every in-process figure, on the window's own visit log and database."""
    from fieldlog import app

    view = window.visit_log
    result = {"rss_mb": peak_rss_mb()}
    # What a FieldLog owning its application does a second after its window opens.
    app.settle_memory()
    result.update(measure_log(view, repeat))
    result.update(measure_core(window.db, repeat))
    result.update(measure_scroll(view, repeat, scroll_cap_s))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--password-env", metavar="NAME", help="the database password's variable")
    parser.add_argument("--measure", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scroll-cap-s", type=float, default=60.0)
    args = parser.parse_args()
    window = open_window(args.db, password_from(args.password_env))
    from PySide6.QtWidgets import QTableView

    table = window.findChild(QTableView, "visitsTable")
    if table is None:
        raise SystemExit("no visit log in the main window (welcome panel?)")
    if not wait_until(log_painted(table), 120):
        raise SystemExit("the visit log was not painted with rows within 120 s")
    watch = window._bench_app._bench_watch
    if not watch.said:  # cannot be: the main window's log was painted
        raise SystemExit("the first paint was not seen")
    window._bench_app.removeEventFilter(watch)
    print(f"window {peak_rss_mb()}", flush=True)
    if args.measure:
        print(json.dumps(measure_all(window, args.repeat, args.scroll_cap_s)), flush=True)
    window.close()
    window.db.close()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
