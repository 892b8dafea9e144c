"""The floors and the plain way FieldLog is compared with.

    python bench/baseline_window.py                 a bare PySide6 window with one empty table
    python bench/baseline_window.py --naive FILE [--password-env NAME]
                                                    every visit of FILE in a QStandardItemModel

The bare window prints ``ready <peak RSS in MB>`` once its empty table has been painted, like
bench/probe_open.py does for FieldLog (bench/run.py times both lines from the spawn). --naive
loads the visit log the way many apps do it — one query for every visit with its organization,
kind, visitors and chain, then one QStandardItem per cell, row by row — shows it, and prints
``{"naive_load_ms": …, "rows": …, "rss_mb": …}``. An encrypted FILE is opened with the password
held in the environment variable named by --password-env.
"""

from __future__ import annotations

import argparse
import json
import time

from probe_open import log_painted, password_from, peak_rss_mb, wait_until


def bare_window() -> None:
    """Show an empty table in a main window; say when it is painted."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(["baseline"])
    app.setApplicationName("baseline")
    window = QMainWindow()
    table = QTableView()
    table.setModel(QStandardItemModel(0, 8))
    window.setCentralWidget(table)
    window.resize(1240, 780)
    window.show()
    wait_until(log_painted(table, need_rows=False), 30)
    print(f"ready {peak_rss_mb()}", flush=True)
    window.close()


def _all_visits(path: str, password: str | None) -> list[tuple]:
    """Every live visit, newest first, with the columns the log shows."""
    from sqlalchemy import and_, func, select

    from fieldlog.store.database import open_database
    from fieldlog.store.models import CatalogItem, Chain, Member, Organization, Visit, VisitVisitor

    visitors = (
        select(func.group_concat(Member.name, "、"))
        .join(VisitVisitor, VisitVisitor.member_id == Member.id)
        .where(VisitVisitor.visit_id == Visit.id, VisitVisitor.deleted.is_(False))
        .scalar_subquery()
    )
    query = (
        select(
            Visit.visited_on,
            Organization.name,
            CatalogItem.name,
            visitors,
            Chain.name,
            Visit.intent,
            Visit.summary,
            Visit.next_follow_up,
        )
        .join(Organization, Organization.id == Visit.org_id)
        .outerjoin(CatalogItem, and_(CatalogItem.id == Visit.kind_id))
        .outerjoin(Chain, Chain.id == Visit.chain_id)
        .where(Visit.deleted.is_(False), Organization.deleted.is_(False))
        .order_by(Visit.visited_on.desc(), Visit.id.desc())
    )
    db = open_database(path, password=password)
    try:
        with db.read() as session:
            return [tuple(row) for row in session.execute(query)]
    finally:
        db.close()


def naive_load(path: str, password: str | None = None) -> None:
    """Query every visit, fill a QStandardItemModel cell by cell, show it; print the time."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(["naive"])
    window = QMainWindow()
    table = QTableView()
    window.setCentralWidget(table)
    window.resize(1240, 780)
    started = time.perf_counter()
    model = QStandardItemModel(0, 8)
    rows = _all_visits(path, password)
    for row in rows:
        model.appendRow([QStandardItem("" if value is None else str(value)) for value in row])
    table.setModel(model)
    window.show()
    painted = log_painted(table)
    wait_until(painted, 600)
    seconds = time.perf_counter() - started
    result = {"naive_load_ms": round(seconds * 1000, 1), "rows": len(rows), "rss_mb": peak_rss_mb()}
    print(json.dumps(result), flush=True)
    app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--naive", metavar="FILE", help="load every visit of FILE the plain way")
    parser.add_argument("--password-env", metavar="NAME", help="the database password's variable")
    args = parser.parse_args()
    if args.naive:
        naive_load(args.naive, password_from(args.password_env))
    else:
        bare_window()


if __name__ == "__main__":
    main()
