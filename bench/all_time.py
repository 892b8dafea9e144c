"""Time the all-time figures and their parts on one database; print one JSON object.

    python bench/all_time.py --db FILE [--repeat K]

Medians of K runs (default 7) of `stats.compute(db, Period(None, None))`, of the visit counts
(plain and by credit code), of the projects' and tranches' facts, and — where this checkout reads
the visit tally (`store/visit_tally.py`) — of the old per-organization aggregate over the visits
on the same file, with the figures each gave. Run it niced, from the checkout to measure
(`PYTHONPATH=.`), alternating with the other side; the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

from fieldlog.domain.counting import VisitCounts
from fieldlog.domain.period import Period
from fieldlog.services.reports import stats
from fieldlog.store.database import open_database
from fieldlog.store.repositories import visit_counts as counting
from fieldlog.store.repositories.facts import project_facts, tranche_facts

ALL_TIME = Period(None, None)


def median_ms(call: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1), result


def figures(counts: VisitCounts) -> list[int]:
    return [counts.visits, counts.enterprises, counts.associations]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    db = open_database(args.db)
    out: dict[str, Any] = {"fieldlog": counting.__file__}
    out["compute_ms"], computed = median_ms(lambda: stats.compute(db, ALL_TIME), args.repeat)
    out["visits"] = [
        computed.visits,
        computed.enterprises_visited,
        computed.associations_visited,
    ]
    with db.read() as session:
        for key, by_code in (("visit_counts", False), ("visit_counts_by_code", True)):
            out[f"{key}_ms"], counted = median_ms(
                lambda by_code=by_code: counting.visit_counts(session, ALL_TIME, by_code=by_code),
                args.repeat,
            )
            out[key] = figures(counted)
        if hasattr(counting, "_tallied"):

            def old() -> VisitCounts:
                per_org = counting._per_org(ALL_TIME, None).subquery()
                return counting._counts(*session.execute(counting._totals(per_org)).one())

            out["old_query_ms"], counted = median_ms(old, args.repeat)
            out["old_query"] = figures(counted)
        out["project_facts_ms"], _ = median_ms(lambda: project_facts(session), args.repeat)
        out["tranche_facts_ms"], _ = median_ms(
            lambda: tranche_facts(session, ALL_TIME), args.repeat
        )
    db.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
