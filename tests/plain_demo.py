"""A plain copy of the demo database for tests about plain files, safe across test workers."""

from __future__ import annotations

import fcntl
from pathlib import Path

from tests.conftest import plain_copy


def plain_demo(demo_database_file: Path, dest: Path) -> Path:
    """`plain_copy` of the demo at `dest`; under `--encrypted` the decryption reads the shared
    template, so the workers take turns (two at once would find it held by the other)."""
    lock = demo_database_file.with_name(demo_database_file.name + ".plain-lock")
    with lock.open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        try:
            return plain_copy(demo_database_file, dest)
        finally:
            fcntl.flock(held, fcntl.LOCK_UN)
