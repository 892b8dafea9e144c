"""Measure FieldLog over one database against the plain way; print one JSON object.

    python bench/run.py --db FILE [--password-env NAME] [--json] [--repeat K] [--naive-repeat N]
                        [--scroll-cap-s S]
                        [--import-rows N --import-seed DB --import-work DIR]
                        [--sync-packages DIR] [--upgrade-from DB --upgrade-work DIR]

open_ms and baseline_open_ms are timed from outside: from spawning bench/probe_open.py (FieldLog
as main.py starts it) or bench/baseline_window.py (a bare window with an empty table) to the line
each prints once its table is painted. Everything else is timed inside one more probe, on the
window it opened (see probe_open.py), and naive_load_ms in a process of its own. Every child runs
offscreen with fresh XDG folders, so no user setting is read or written. Medians of K runs
(search: p50/p95 over 20 fragments; the naive load: N runs, it takes ~40 s at a million visits).
The JSON goes to stdout; a table against the targets, with the ratios, to stderr.

The imports and the upgrade are measured when asked, each by its own script in a child process
(their figures under "import_visits", "sync_import" and "upgrade"): --import-rows imports a
generated visit-log workbook of N rows into a copy of --import-seed (bench/import_visits.py; the
workbook is made once in --import-work), --sync-packages imports a team's 24 packages kept in DIR
into a fresh database (bench/sync_import.py --keep DIR, built there the first time), and
--upgrade-from opens a copy of an older database in --upgrade-work, upgrading it
(bench/upgrade.py).

An encrypted database (SQLCipher) is measured with --password-env NAME: the password is read from
the environment variable NAME, which the measured processes inherit (never a command-line
argument, which any process list shows); they are told only the variable's name.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
KEYS = (
    "open_ms",
    "window_ms",
    "baseline_open_ms",
    "first_page_ms",
    "scroll_ms",
    "search_ms",
    "search3_ms",
    "filter_ms",
    "naive_load_ms",
    "stats_ms",
    "weekly_export_ms",
    "ledger_export_ms",
    "rss_mb",
)


def child_env(home: Path) -> dict[str, str]:
    """The environment of a measured process: offscreen, and user folders of its own."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="zh_CN.UTF-8")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(home / var.lower())
    env.pop("FIELDLOG_DB", None)
    # The FieldLog of this checkout, not whichever one is installed.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE.parent), env.get("PYTHONPATH")]))
    return env


def spawn(
    args: list[str], lines: int = 1, timeout_s: float = 1800, at: list[float] | None = None
) -> tuple[float, list[str]]:
    """Run a script of this folder; seconds from the spawn to its `ready` line, and its lines
    (`at` gets the seconds from the spawn to each line read)."""
    with tempfile.TemporaryDirectory(prefix="fieldlog-bench-home-") as home:
        command = [sys.executable, str(HERE / args[0]), *args[1:]]
        started = time.perf_counter()
        child = subprocess.Popen(
            command, stdout=subprocess.PIPE, env=child_env(Path(home)), text=True, cwd=home
        )
        assert child.stdout is not None
        out, ready = [], None
        while len(out) < lines:
            line = child.stdout.readline()
            if not line:
                break
            if ready is None:
                ready = time.perf_counter() - started
            if at is not None:
                at.append(time.perf_counter() - started)
            out.append(line.strip())
        child.wait(timeout_s)
        if child.returncode != 0 or ready is None or len(out) < lines:
            raise SystemExit(f"{args[0]} failed (exit {child.returncode}): {out}")
        return ready, out


def keyed(variable: str | None) -> list[str]:
    """The option that tells a measured process where the database password is."""
    return [] if variable is None else ["--password-env", variable]


def opens(db: str, repeat: int, password_env: str | None) -> dict[str, Any]:
    """open_ms (the log's first page painted), window_ms (the main window's log painted),
    baseline_open_ms and the probe's RSS, alternating the probe and the bare window after one
    warm-up each."""
    probe = ["probe_open.py", "--db", db, *keyed(password_env)]
    spawn(probe, lines=2)
    spawn(["baseline_window.py"])
    app, whole, bare, rss = [], [], [], []
    for _ in range(repeat):
        at: list[float] = []
        seconds, out = spawn(probe, lines=2, at=at)
        app.append(seconds)
        whole.append(at[1])
        rss.append(float(out[1].split()[1]))
        bare.append(spawn(["baseline_window.py"])[0])
    return {
        "open_ms": round(statistics.median(app) * 1000, 1),
        "window_ms": round(statistics.median(whole) * 1000, 1),
        "window_runs_ms": [round(s * 1000) for s in whole],
        "baseline_open_ms": round(statistics.median(bare) * 1000, 1),
        "rss_mb": round(statistics.median(rss), 1),
        "open_runs_ms": [round(s * 1000) for s in app],
        "baseline_runs_ms": [round(s * 1000) for s in bare],
    }


def naive(db: str, repeat: int, password_env: str | None) -> dict[str, Any]:
    """naive_load_ms: the median of `repeat` plain loads, and the memory the last one took;
    None for each with `repeat` 0 (the plain load skipped: it takes ~40 s at a million)."""
    if repeat <= 0:
        return {"naive_load_ms": None, "naive_rss_mb": None, "naive_rows": None}
    load = ["baseline_window.py", "--naive", db, *keyed(password_env)]
    runs = [json.loads(spawn(load)[1][0]) for _ in range(repeat)]
    return {
        "naive_load_ms": round(statistics.median(r["naive_load_ms"] for r in runs), 1),
        "naive_rss_mb": runs[-1]["rss_mb"],
        "naive_rows": runs[-1]["rows"],
    }


def inside(db: str, repeat: int, cap_s: float, password_env: str | None) -> dict[str, Any]:
    """The in-process figures, from a probe that opened the window first."""
    args = ["probe_open.py", "--db", db, *keyed(password_env), "--measure", "--repeat", str(repeat)]
    _, out = spawn([*args, "--scroll-cap-s", str(cap_s)], lines=3)
    return json.loads(out[2])


def imports(args: argparse.Namespace) -> dict[str, Any]:
    """The figures of the imports and the upgrade the command line asked for."""
    found: dict[str, Any] = {}
    if args.import_rows:
        if args.import_seed is None or args.import_work is None:
            raise SystemExit("--import-rows needs --import-seed and --import-work")
        script = ["import_visits.py", "--rows", str(args.import_rows)]
        script += ["--seed-db", str(args.import_seed.resolve())]
        script += ["--work", str(args.import_work.resolve())]
        found["import_visits"] = json.loads(spawn(script, timeout_s=7200)[1][0])
    if args.sync_packages is not None:
        folder = args.sync_packages.resolve()
        script = ["sync_import.py", "--keep", str(folder), "--reuse"]  # built the first time
        script += ["--laptops", str(args.sync_laptops), "--visits", str(args.sync_visits)]
        found["sync_import"] = json.loads(spawn(script, timeout_s=3600)[1][0])
    if args.upgrade_from is not None:
        if args.upgrade_work is None:
            raise SystemExit("--upgrade-from needs --upgrade-work")
        script = ["upgrade.py", "--from", str(args.upgrade_from.resolve())]
        script += ["--work", str(args.upgrade_work.resolve())]
        found["upgrade"] = json.loads(spawn(script, timeout_s=7200)[1][0])
    return found


def imports_table(found: dict[str, Any]) -> list[str]:
    """Lines of the table for the imports and the upgrade measured, if any."""
    rows = []
    if "import_visits" in found:
        run = found["import_visits"]
        rows.append(("import_visits_s", run["wall_s"], f"≤ 120 ({run['rows']:,} rows; wall)"))
        rows.append(("import_visits_cpu_s", run["cpu_s"], f"peak {run['peak_rss_mb']:.0f} MB"))
    if "sync_import" in found:
        run = found["sync_import"]
        rows.append(("sync_import_s", run["import_seconds"], f"{run['rows']:,} rows; wall"))
        rows.append(("sync_import_cpu_s", run["import_cpu_seconds"], f"digest {run['digest']}"))
    if "upgrade" in found:
        run = found["upgrade"]["upgrade"]
        rows.append(("upgrade_s", run["total_s"], "failed" if run.get("failed") else ""))
    return [f"{name:<20}{value:>12,.1f}  {note}" for name, value, note in rows]


def table(result: dict[str, Any], extra: dict[str, Any]) -> str:
    """The figures against the targets of the 1,000,000-visit database, for people."""
    floor = result["baseline_open_ms"]
    rows = [
        ("open_ms", result["open_ms"], f"≤ {2 * floor:.0f} (2 × baseline)"),
        ("window_ms", result["window_ms"], "the main window's log painted"),
        ("baseline_open_ms", floor, "the floor"),
        ("first_page_ms", result["first_page_ms"], "≤ 100"),
        ("scroll_ms", result["scroll_ms"], "" if extra["scroll_reached_end"] else "capped"),
        ("search_ms p50", result["search_ms"]["p50"], ""),
        ("search_ms p95", result["search_ms"]["p95"], "≤ 50 (2 characters)"),
        ("search3_ms p50", result["search3_ms"]["p50"], ""),
        ("search3_ms p95", result["search3_ms"]["p95"], "≤ 50 (3 characters)"),
        ("filter_ms", result["filter_ms"], "≤ 100"),
        ("stats_ms dispatch", result["stats_ms"]["dispatch"], ""),
        ("stats_ms all_time", result["stats_ms"]["all_time"], "≤ 300"),
        ("weekly_export_ms", result["weekly_export_ms"], f"week {extra['weekly_week']}"),
        ("ledger_export_ms", result["ledger_export_ms"], ""),
        ("rss_mb", result["rss_mb"], "≤ 300"),
    ]
    naive_ms = result["naive_load_ms"]
    if naive_ms is not None:
        rows.insert(-1, ("naive_load_ms", naive_ms, f"{extra['naive_rss_mb']:.0f} MB peak"))
    lines = [f"{name:<20}{value:>12,.1f}  {note}" for name, value, note in rows]
    lines.append(f"{'open / baseline':<20}{result['open_ms'] / floor:>12.2f}  target ≤ 2")
    if naive_ms is None:
        lines.append(f"{'naive_load_ms':<20}{'skipped':>12}  --naive-repeat 0")
    else:
        speedup = naive_ms / result["open_ms"]
        lines.append(f"{'naive / open':<20}{speedup:>12.1f}  speed-up over the plain way")
    lines.append(f"open runs ms: {extra['open_runs_ms']}  baseline: {extra['baseline_runs_ms']}")
    lines.append(f"search fragments: {' '.join(extra['search_fragments'])}")
    slowest = sorted(extra["search_each_ms"].items(), key=lambda item: -item[1])[:6]
    lines.append("slowest searches ms: " + ", ".join(f"{w} {ms:g}" for w, ms in slowest))
    if not extra["scroll_reached_end"]:
        cap = result["scroll_ms"]
        lines.append(f"scroll: the end of {extra['scroll_rows']:,} rows not reached in {cap} ms")
    lines += imports_table(extra)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument(
        "--password-env",
        metavar="NAME",
        help="the environment variable holding the password of an encrypted database",
    )
    parser.add_argument("--json", action="store_true", help="one line of JSON (else indented)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--naive-repeat", type=int, default=1)
    parser.add_argument("--scroll-cap-s", type=float, default=60.0)
    parser.add_argument("--import-rows", type=int, default=0, metavar="N")
    parser.add_argument("--import-seed", type=Path, metavar="DB")
    parser.add_argument("--import-work", type=Path, metavar="DIR")
    parser.add_argument("--sync-packages", type=Path, metavar="DIR")
    parser.add_argument("--sync-laptops", type=int, default=24, help=argparse.SUPPRESS)
    parser.add_argument("--sync-visits", type=int, default=5_000, help=argparse.SUPPRESS)
    parser.add_argument("--upgrade-from", type=Path, metavar="DB")
    parser.add_argument("--upgrade-work", type=Path, metavar="DIR")
    args = parser.parse_args()
    db = str(args.db.resolve())
    secret = args.password_env
    if secret is not None and not os.environ.get(secret):
        parser.error(f"--password-env {secret}: that environment variable is not set")
    measured: dict[str, Any] = {}
    for step, call in (
        ("open", lambda: opens(db, args.repeat, secret)),
        ("inside", lambda: inside(db, args.repeat, args.scroll_cap_s, secret)),
        ("naive", lambda: naive(db, args.naive_repeat, secret)),
        ("imports", lambda: imports(args)),
    ):
        started = time.perf_counter()
        measured.update(call())
        print(f"  {step}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    result = {key: measured[key] for key in KEYS}
    result.update(
        {
            key: measured[key]
            for key in ("import_visits", "sync_import", "upgrade")
            if key in measured
        }
    )
    print(table(result, measured), file=sys.stderr)
    print(json.dumps(result, ensure_ascii=False, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
