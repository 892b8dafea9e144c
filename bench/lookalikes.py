"""Measure the look-alike rule on the labelled name pairs, and the review list on many orgs.

    python bench/lookalikes.py                       # precision and recall, threshold sweep
    python bench/lookalikes.py --db /tmp/bench/200k.db   # also time refresh_candidates there

Pairs come from tests/corpus/name_pairs.tsv (name_a, name_b, same, note). Every third pair
(the 3rd, 6th, …) is held out: the threshold is chosen on the other two thirds, and the held-out
figures say whether that choice carries. The old rule (equal `name_key`) is measured alongside.
`--db` copies the database, clears its review list and times one `refresh_candidates` over all
its live organizations (a database from bench/make_db.py --orgs 200000).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select

from fieldlog.domain import company_names
from fieldlog.domain.company_names import (
    group_look_alikes,
    look_alike,
    look_alike_pairs,
    similarity,
)
from fieldlog.domain.text import name_key

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "name_pairs.tsv"
Pair = tuple[str, str, bool, str]


def read_pairs(path: Path = CORPUS) -> list[Pair]:
    """The labelled pairs, in file order."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("name_a\t"):
            continue
        a, b, same, note = line.split("\t")
        rows.append((a, b, same == "1", note))
    return rows


def split(pairs: Sequence[Pair]) -> tuple[list[Pair], list[Pair]]:
    """(tuning, held out): every third pair is held out."""
    return [p for i, p in enumerate(pairs) if i % 3 != 2], [
        p for i, p in enumerate(pairs) if i % 3 == 2
    ]


def score(pairs: Sequence[Pair], rule: Callable[[str, str], bool]) -> tuple[float, float, int, int]:
    """(precision, recall, false positives, false negatives) of `rule` on the pairs."""
    said = [(rule(a, b), same) for a, b, same, _ in pairs]
    true_pos = sum(s and t for s, t in said)
    false_pos = sum(s and not t for s, t in said)
    false_neg = sum(t and not s for s, t in said)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 1.0
    return precision, recall, false_pos, false_neg


def old_rule(a: str, b: str) -> bool:
    """The rule before: equal name keys."""
    return name_key(a) == name_key(b)


def at(threshold: float) -> Callable[[str, str], bool]:
    """look_alike with another threshold (for the sweep)."""

    def rule(a: str, b: str) -> bool:
        saved = company_names.THRESHOLD
        company_names.THRESHOLD = threshold
        try:
            return look_alike(a, b)
        finally:
            company_names.THRESHOLD = saved

    return rule


def report(pairs: list[Pair]) -> None:
    tuning, held_out = split(pairs)
    positives = sum(p[2] for p in pairs)
    print(f"{len(pairs)} pairs ({positives} same, {len(pairs) - positives} different); "
          f"tuning {len(tuning)}, held out {len(held_out)}")  # fmt: skip
    print("threshold sweep on the tuning pairs (precision, recall):")
    for threshold in (60, 65, 70, 75, 80, 85, 90, 95, 100):
        precision, recall, _, _ = score(tuning, at(threshold))
        print(f"  {threshold:>3}: {precision:.3f} {recall:.3f}")
    print(f"THRESHOLD = {company_names.THRESHOLD}")
    for label, part in (("tuning", tuning), ("held out", held_out), ("all", pairs)):
        for name, rule in (("look_alike", look_alike), ("equal name_key", old_rule)):
            precision, recall, false_pos, false_neg = score(part, rule)
            print(f"  {label:<8} {name:<14} precision {precision:.3f} recall {recall:.3f} "
                  f"({false_pos} false pos, {false_neg} missed)")  # fmt: skip
    found = [(a, b) for a, b, _, _ in pairs if look_alike(a, b)]
    kept = sum(look_alike_pairs({0: a, 1: b}) == [(0, 1)] for a, b in found)
    print(f"the review list's blocking keeps {kept} of the {len(found)} pairs look_alike accepts")
    print("held-out mistakes of look_alike:")
    for a, b, same, note in held_out:
        if look_alike(a, b) != same:
            print(f"  {'missed' if same else 'wrong '} {similarity(a, b):5.1f} {a} | {b} ({note})")


def time_refresh(source: Path) -> None:
    from fieldlog.services.admin.workspace import open_workspace
    from fieldlog.store.models import DuplicateCandidate, LocalState, Organization
    from fieldlog.sync.candidates import BUILT_FROM_KEY, refresh_candidates

    def timed(session: Any) -> tuple[str, int]:
        # CPU time too: on a shared machine the wall clock also counts other people's work.
        started, cpu = time.perf_counter(), time.process_time()
        added = refresh_candidates(session, datetime.now(UTC))
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        return f"{wall:.2f} s ({cpu:.2f} s CPU)", added

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / source.name
        shutil.copyfile(source, copy)
        db = open_workspace(str(copy))
        try:
            with db.begin() as session:
                session.execute(delete(DuplicateCandidate))
                session.execute(delete(LocalState).where(LocalState.key == BUILT_FROM_KEY))
                live = Organization.deleted.is_(False)
                orgs = session.execute(select(func.count()).where(live)).scalar()
                some = dict(
                    session.execute(select(Organization.id, Organization.name).limit(5000)).all()
                )
                started = time.perf_counter()
                groups = group_look_alikes(some)
                print(f"group_look_alikes over {len(some):,} organizations (the bureau's check): "
                      f"{time.perf_counter() - started:.2f} s, {len(groups):,} groups")  # fmt: skip
                cold, added = timed(session)
                unchanged, _ = timed(session)
                session.execute(delete(LocalState).where(LocalState.key == BUILT_FROM_KEY))
                warm, again = timed(session)
            print(f"refresh_candidates over {orgs:,} live organizations: {cold} "
                  f"(names parsed in this process for the first time, {added:,} pairs "
                  f"proposed); rebuilt with the names parsed: {warm} ({again} added); "
                  f"nothing changed since: {unchanged}")  # fmt: skip
        finally:
            db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a database to time the review list on")
    args = parser.parse_args()
    report(read_pairs())
    if args.db is not None:
        if not args.db.exists():
            sys.exit(f"{args.db} does not exist")
        time_refresh(args.db)


if __name__ == "__main__":
    main()
