"""Measure the built standalone app against issue 17's targets; print one JSON object.

    python packaging/build.py && python bench/bundle.py [--runs 3]

size_mb: the bundle folder on disk (du's count: allocated blocks, links counted once), target
≤ 250 MB. self_test_s: the wall time of each `FieldLog --self-test`, run as a user would run it
(Linux, macOS): from a new empty folder outside the checkout, with only PATH=/usr/bin:/bin and
HOME in the environment; target ≤ 10 s each. self_test_cpu_s: the CPU time of each run (the
machine is shared: the wall time grows with the load, the CPU time much less). Windows: run
`dist\\FieldLog\\FieldLog.exe --self-test` by hand (a windowed program).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "FieldLog"
EXECUTABLE = BUNDLE / "FieldLog"
SIZE_TARGET_MB, TIME_TARGET_S = 250, 10


def size_mb(folder: Path) -> float:
    """Megabytes (10^6 bytes) the folder's files take on disk, each file counted once."""
    seen, total = set(), 0
    for path in folder.rglob("*"):
        info = path.lstat()
        if (info.st_dev, info.st_ino) not in seen:
            seen.add((info.st_dev, info.st_ino))
            total += info.st_blocks * 512
    return round(total / 1_000_000, 1)


def self_test() -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, the line printed) of one self-test from outside the checkout."""
    with tempfile.TemporaryDirectory(prefix="fieldlog-bench-") as outside:
        env = {"PATH": "/usr/bin:/bin", "HOME": outside}
        before = os.times()
        started = time.perf_counter()
        result = subprocess.run(
            [str(EXECUTABLE), "--self-test"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=outside,
            env=env,
            timeout=300,
        )
        wall = time.perf_counter() - started
        after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    if result.returncode != 0:
        raise SystemExit(f"self-test failed: {result.stdout.strip()} {result.stderr.strip()}")
    return round(wall, 2), round(cpu, 2), result.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="self-tests to time (default 3)")
    args = parser.parse_args()
    if not EXECUTABLE.is_file():
        raise SystemExit(f"no bundle at {EXECUTABLE}: run python packaging/build.py first")
    runs = [self_test() for _ in range(args.runs)]
    report = {
        "size_mb": size_mb(BUNDLE),
        "self_test_s": [wall for wall, _, _ in runs],
        "self_test_cpu_s": [cpu for _, cpu, _ in runs],
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "last_line": runs[-1][2],
    }
    print(json.dumps(report, ensure_ascii=False))
    worst = max(report["self_test_s"])
    print(
        f"size {report['size_mb']} MB (target ≤ {SIZE_TARGET_MB}); self-test "
        f"{', '.join(f'{s} s' for s in report['self_test_s'])} (target ≤ {TIME_TARGET_S} s each)"
        + ("" if worst <= TIME_TARGET_S else "  OVER"),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
