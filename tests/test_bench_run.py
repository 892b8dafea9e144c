"""`bench/run.py --naive-repeat 0` skips the plain-way load: no figure, and a table without it."""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _bench_run() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_run", module)
    spec.loader.exec_module(module)
    return module


def test_no_naive_load_gives_no_figure_and_a_table_that_says_so(tmp_path: Path) -> None:
    run = _bench_run()
    skipped = run.naive(str(tmp_path / "never-opened.db"), 0, None)
    assert skipped == {"naive_load_ms": None, "naive_rss_mb": None, "naive_rows": None}
    inside = {
        "first_page_ms": 10.0,
        "scroll_ms": 5.0,
        "search_ms": {"p50": 1.0, "p95": 2.0},
        "search3_ms": {"p50": 1.5, "p95": 2.5},
        "filter_ms": 3.0,
        "stats_ms": {"dispatch": 4.0, "all_time": 6.0},
        "weekly_export_ms": 7.0,
        "ledger_export_ms": 8.0,
    }
    opened = {"open_ms": 300.0, "window_ms": 900.0, "baseline_open_ms": 150.0, "rss_mb": 120.0}
    measured = {
        **opened,
        **inside,
        **skipped,
        "open_runs_ms": [300],
        "baseline_runs_ms": [150],
        "scroll_reached_end": True,
        "weekly_week": "2024-W27",
        "search_fragments": ["华为"],
        "search_each_ms": {"华为": 2.0},
    }
    result = {key: measured[key] for key in run.KEYS}
    lines = run.table(result, measured).splitlines()
    assert any(line.split()[:2] == ["naive_load_ms", "skipped"] for line in lines)
    assert not any(line.startswith("naive / open") for line in lines)


def test_the_imports_are_measured_by_their_scripts_and_tabled(tmp_path: Path) -> None:
    """The three scripts' figures reach the table under the names it reads (small sizes)."""
    run = _bench_run()
    seed = tmp_path / "seed.db"
    made = [sys.executable, str(ROOT / "bench" / "make_db.py"), "--visits", "300"]
    subprocess.run([*made, "--orgs", "100", "--out", str(seed)], check=True, capture_output=True)
    args = argparse.Namespace(
        import_rows=200,
        import_seed=seed,
        import_work=tmp_path / "import",
        sync_packages=tmp_path / "sync",
        sync_laptops=2,
        sync_visits=20,
        upgrade_from=seed,
        upgrade_work=tmp_path / "upgrade",
    )
    found = run.imports(args)
    assert found["import_visits"]["rows"] == 200
    assert found["import_visits"]["created"] > 0
    assert found["sync_import"]["laptops"] == 2
    assert found["upgrade"]["upgrade"]["total_s"] >= 0  # already at the newest schema
    lines = run.imports_table(found)
    names = [line.split()[0] for line in lines]
    assert names == [
        "import_visits_s",
        "import_visits_cpu_s",
        "sync_import_s",
        "sync_import_cpu_s",
        "upgrade_s",
    ]
    assert run.imports_table({}) == []
