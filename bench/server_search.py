"""Time the visit log's text search on a PostgreSQL database, for each candidate index.

    python bench/server_search.py --db postgresql+psycopg://u:p@host/db [--repeat 3]

Candidates, each answering the log's first page (200 visits, newest first) through the real
`visit_page`, with only the text condition swapped:
  grams  GIN over characters and bigrams (fieldlog.store.server_search, what FieldLog uses);
  trgm   pg_trgm GIN over the folded texts, LIKE '%…%' (needs CREATE EXTENSION pg_trgm);
  table  a bigram side table (gram, visit) as SQLite's FTS5 index keeps, intersected;
  like   plain LIKE, what PostgreSQL did before (case-sensitive: not even the same result).
Fragments: 20 two-character and 20 three-character Chinese ones cut from names and notes.
Builds what a candidate needs once (the trgm indexes, the side table) and keeps it. Prints
p50/p95 in milliseconds per candidate and length, and each candidate's plan for one fragment.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, func, select, text

from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.visits import visit_log
from fieldlog.services.visits.visit_log import VisitFilter, VisitSort
from fieldlog.store import search_index, server_search
from fieldlog.store.database import Database
from fieldlog.store.models import Organization, Visit
from fieldlog.store.repositories import visit_list
from fieldlog.store.repositories.common import LIKE_ESCAPE, escape_like

SET_UP = {
    "trgm": [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE INDEX IF NOT EXISTS bench_visit_trgm ON visit"
        " USING gin (fieldlog_fold(summary) gin_trgm_ops)",
        "CREATE INDEX IF NOT EXISTS bench_org_trgm ON organization"
        " USING gin (fieldlog_fold(name) gin_trgm_ops)",
    ],
    "table": [
        "DROP TABLE IF EXISTS bench_visit_gram",
        "CREATE TABLE bench_visit_gram AS SELECT g AS gram, id AS visit_id FROM visit,"
        " unnest(ARRAY(SELECT DISTINCT unnest(fieldlog_grams(left(summary, 2000))))) AS g",
        "ALTER TABLE bench_visit_gram ADD PRIMARY KEY (gram, visit_id)",
        "DROP TABLE IF EXISTS bench_org_gram",
        "CREATE TABLE bench_org_gram AS SELECT g AS gram, id AS org_id FROM organization,"
        " unnest(ARRAY(SELECT DISTINCT unnest(fieldlog_grams(name)))) AS g",
        "ALTER TABLE bench_org_gram ADD PRIMARY KEY (gram, org_id)",
        "ANALYZE bench_visit_gram",
        "ANALYZE bench_org_gram",
    ],
}


def _trgm(fragment: str) -> ColumnElement[bool]:
    pattern = f"%{escape_like(search_index.fold(fragment))}%"
    summary = func.fieldlog_fold(Visit.summary).like(pattern, escape=LIKE_ESCAPE)
    name = func.fieldlog_fold(Organization.name).like(pattern, escape=LIKE_ESCAPE)
    orgs = select(Organization.id).where(name)
    found = select(Visit.id).where(summary).union(select(Visit.id).where(Visit.org_id.in_(orgs)))
    return Visit.id.in_(found)


def _table(fragment: str) -> ColumnElement[bool]:
    folded = search_index.fold(fragment)
    grams = server_search.grams(folded)
    params = ", ".join(f"'{g}'" for g in grams)  # bench fragments are Chinese: no quoting
    visits = text(
        f"SELECT visit_id FROM bench_visit_gram WHERE gram IN ({params})"
        f" GROUP BY visit_id HAVING count(*) = {len(grams)}"
    ).columns(visit_id=Visit.id.type)
    orgs = text(
        f"SELECT org_id FROM bench_org_gram WHERE gram IN ({params})"
        f" GROUP BY org_id HAVING count(*) = {len(grams)}"
    ).columns(org_id=Visit.id.type)
    exact = func.strpos(func.fieldlog_fold(Visit.summary), folded) > 0
    by_summary = select(Visit.id).where(Visit.id.in_(visits.subquery().select()), exact)
    by_org = select(Visit.id).where(Visit.org_id.in_(orgs.subquery().select()))
    return Visit.id.in_(by_summary.union(by_org))


CANDIDATES: dict[str, Callable[..., Any]] = {
    "grams": server_search.condition,
    "trgm": lambda _session, fragment, *_: _trgm(fragment),
    "table": lambda _session, fragment, *_: _table(fragment),
    "like": lambda _session, fragment, *_: visit_list._like_condition(fragment),
}


def fragments(db: Database, length: int, count: int = 20) -> list[str]:
    """Chinese fragments of `length` characters: half from names, half from notes."""
    rng = random.Random(20 + length)
    with db.read() as session:
        names = session.execute(select(Organization.name).limit(3000)).scalars().all()
        notes = session.execute(select(Visit.summary).limit(3000)).scalars().all()
    found: list[str] = []
    for texts in (names, notes):
        cut = sorted({t[i : i + length] for t in texts for i in range(len(t) - length + 1)})
        cut = [p for p in cut if re.fullmatch(rf"[\u4e00-\u9fff]{{{length}}}", p)]
        found += rng.sample(cut, count // 2)
    return found


def _page(db: Database, fragment: str) -> list[Any]:
    return visit_log.visit_page(db, VisitFilter(text=fragment), VisitSort(), 0, 200)


def measure(db: Database, name: str, words: list[str], repeat: int) -> dict[str, float]:
    visit_list.server_search.condition = CANDIDATES[name]  # type: ignore[attr-defined]
    times = []
    for word in words:
        _page(db, word)  # warm: the first plan and the pages read
        for _ in range(repeat):
            started = time.perf_counter()
            _page(db, word)
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "p50": round(statistics.median(times), 1),
        "p95": round(times[int(len(times) * 0.95) - 1], 1),
    }


def set_up(db: Database, names: list[str]) -> None:
    for name, statements in SET_UP.items():
        if name not in names:
            continue
        started = time.perf_counter()
        with db.engine.begin() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement)
        print(f"set up {name}: {time.perf_counter() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=list(CANDIDATES), choices=list(CANDIDATES))
    args = parser.parse_args()
    db = open_workspace(args.db)
    original = server_search.condition
    try:
        set_up(db, args.only)
        words = {n: fragments(db, n) for n in (2, 3)}
        print("fragments:", " ".join(words[2] + words[3]))
        for name in args.only:
            figures = {n: measure(db, name, words[n], args.repeat) for n in (2, 3)}
            print(name, figures, flush=True)
    finally:
        visit_list.server_search.condition = original  # type: ignore[attr-defined]
        db.close()


if __name__ == "__main__":
    main()
