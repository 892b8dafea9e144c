"""Time the upgrade of a database at an older schema, step by step; print one JSON object.

    python bench/upgrade.py --from OLD.db --work DIR [--copies] [--steps]

The file at the older schema is never changed: each run upgrades a fresh copy of it in DIR
(copied first, not timed). What is timed:

- `--copies`: the ways to copy the database that an upgrade's backup could take, on the copy:
  SQLite's backup API in one step (what FieldLog did before), in steps of `STEP_PAGES` pages
  (what a watched upgrade does: it reports between steps), and `VACUUM INTO`;
- by default: `open_workspace` as the window and the command line call it, with a watcher that
  notes when each step begins and ends (the backup, then each revision), and the total;
- `--steps`: the older way to see the steps, for code that cannot be watched: the backup
  (`automatic_backup`), then `alembic upgrade <revision>` one revision at a time in one
  transaction, each timed, then the commit.

The text of each step is on stderr as it goes. Run it niced; the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import fieldlog


def fresh_copy(source: Path, work: Path, name: str) -> Path:
    """A copy of `source` in `work` (its backups folder emptied first)."""
    work.mkdir(parents=True, exist_ok=True)
    dest = work / name
    for stale in (dest, Path(f"{dest}-wal"), Path(f"{dest}-shm")):
        stale.unlink(missing_ok=True)
    shutil.rmtree(work / f"{dest.stem}-backups", ignore_errors=True)
    shutil.copyfile(source, dest)
    return dest


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def time_copies(path: Path, work: Path) -> dict[str, float]:
    """Seconds for each way to copy `path` (each into a new file, synced, then removed)."""
    from fieldlog.store.backup import STEP_PAGES
    from fieldlog.store.durable import fsync_file

    timings: dict[str, float] = {}

    def backup(dest: Path, pages: int) -> None:
        source, target = sqlite3.connect(path), sqlite3.connect(dest)
        try:
            source.backup(target, pages=pages)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
            source.close()

    def vacuum_into(dest: Path) -> None:
        source = sqlite3.connect(path)
        try:
            source.execute("VACUUM INTO ?", (str(dest),))
        finally:
            source.close()

    ways = {
        "backup_api_one_step": lambda dest: backup(dest, -1),
        f"backup_api_steps_of_{STEP_PAGES}": lambda dest: backup(dest, STEP_PAGES),
        "vacuum_into": vacuum_into,
    }
    for name, copy in ways.items():
        dest = work / f"copy-{name}.db"
        dest.unlink(missing_ok=True)
        started = time.perf_counter()
        copy(dest)
        fsync_file(dest)
        timings[name] = round(time.perf_counter() - started, 1)
        say(f"  {name}: {timings[name]} s ({dest.stat().st_size:,} bytes)")
        dest.unlink()
    return timings


def watched_open(path: Path) -> dict[str, Any]:
    """`open_workspace` with a watcher: each step's seconds, the total, and the last fractions."""
    from fieldlog.services.admin.workspace import open_workspace

    began: dict[str, float] = {}
    took: dict[str, float] = {}
    reports: dict[str, int] = {}

    def watch(step: Any, fraction: float | None) -> None:
        now = time.perf_counter()
        reports[step.key] = reports.get(step.key, 0) + 1
        if fraction == 0.0 and step.key not in began:
            began[step.key] = now
            say(f"  {step.key}: {step.name}")
        elif fraction == 1.0:
            took[step.key] = round(now - began[step.key], 1)
            say(f"  {step.key}: {took[step.key]} s")

    started = time.perf_counter()
    db = open_workspace(str(path), progress=watch)
    total = time.perf_counter() - started
    db.close()
    return {"total_s": round(total, 1), "steps_s": took, "reports": reports}


def stepped_upgrade(path: Path) -> dict[str, Any]:
    """The backup, then each revision on its own in one transaction, timed (any version)."""
    from alembic import command
    from sqlalchemy import text

    from fieldlog.store import migrate
    from fieldlog.store.backup import automatic_backup
    from fieldlog.store.engine import make_engine
    from fieldlog.store.location import to_url

    took: dict[str, float] = {}
    started = time.perf_counter()
    automatic_backup(path, "before-upgrade")
    took["backup"] = round(time.perf_counter() - started, 1)
    say(f"  backup: {took['backup']} s")
    engine = make_engine(to_url(str(path)))
    failed = None
    # The upgrade's own transaction where the code has one (this work's: foreign keys checked
    # at the end), else a plain one, as the code before it upgraded.
    transaction = getattr(migrate, "upgrade_transaction", None)
    try:
        with engine.begin() if transaction is None else transaction(engine) as conn:
            revision = migrate.current_revision(conn)
            chain = []
            at = migrate.head_revision()
            while at is not None and at != revision:
                chain.append(at)
                at = migrate._chain()[at]
            for key in reversed(chain):
                begun = time.perf_counter()
                command.upgrade(migrate.alembic_config(conn), key)
                took[key] = round(time.perf_counter() - begun, 1)
                say(f"  {key}: {took[key]} s")
            begun = time.perf_counter()
            conn.execute(text("SELECT 1"))
        took["commit"] = round(time.perf_counter() - begun, 1)
    except Exception as exc:  # the code before this work could not commit some upgrades
        failed = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
        say(f"  failed: {failed}")
    engine.dispose()
    total = round(time.perf_counter() - started, 1)
    return {"total_s": total, "steps_s": took, "failed": failed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--copies", action="store_true", help="time the ways to copy the file")
    parser.add_argument("--steps", action="store_true", help="alembic one revision at a time")
    args = parser.parse_args()
    source = args.source.resolve()
    result: dict[str, Any] = {
        "fieldlog": str(Path(fieldlog.__file__).parent),
        "from": str(source),
        "bytes": source.stat().st_size,
    }
    say(f"copying {source} into {args.work} …")
    path = fresh_copy(source, args.work, "upgrading.db")
    if args.copies:
        result["copies_s"] = time_copies(path, args.work)
    elif args.steps:
        result["upgrade"] = stepped_upgrade(path)
    else:
        result["upgrade"] = watched_open(path)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
