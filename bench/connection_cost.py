"""What one connection and one open cost, plain against encrypted: 6 rounds per file, the first
(a cold file, and for an encrypted one the key's derivation) apart, medians of the rest.

    FL_BENCH_PW=… python bench/connection_cost.py --plain 1m-plain.db --encrypted 1m-enc.db \\
        --password-env FL_BENCH_PW
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from fieldlog.services.admin.workspace import open_workspace
from fieldlog.store import driver

ROUNDS = 6


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def measure(path: Path, password: str | None) -> dict[str, float]:
    connects, opens = [], []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        connection = driver.connect(path, password)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        connection.close()
        connects.append(_ms(started))
        started = time.perf_counter()
        open_workspace(str(path), password=password, create=False).close()
        opens.append(_ms(started))
    return {
        "first_connect_ms": round(connects[0], 1),
        "connect_ms": round(statistics.median(connects[1:]), 2),
        "open_workspace_ms": round(statistics.median(opens[1:]), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plain", required=True, type=Path)
    parser.add_argument("--encrypted", required=True, type=Path)
    parser.add_argument("--password-env", required=True, metavar="NAME")
    args = parser.parse_args()
    password = os.environ[args.password_env]
    plain, encrypted = measure(args.plain, None), measure(args.encrypted, password)
    for name in plain:
        ratio = encrypted[name] / plain[name] if plain[name] else float("nan")
        figures = f"plain {plain[name]:9.2f}  encrypted {encrypted[name]:9.2f}"
        print(f"{name:20} {figures}  {ratio:5.2f} ×")


if __name__ == "__main__":
    main()
