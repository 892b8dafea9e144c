"""Verifying an import's packages, on other processes when there is much to verify.

Verifying a package — scrypt, decrypting, unpacking, parsing and checking every line — touches
no database, so an import of many packages on a computer of several cores verifies them all at
once, each on one of a few worker processes (`sync/workers.py`, started for the import and
ended once its packages are verified). A worker also converts each line into the parameters of
its table's INSERT (`merge.make_ready`), so the import's transaction is left the lookups and the
writes. The packages still come back in their order, and the caller admits and applies them as
before; any failure of a worker (a refusal, a crash, a reply that cannot be read) has that
package verified again here, in this process, which then says what is wrong exactly as without
workers. The passphrase goes to the workers through their standard input, never a file or an
argument.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from typing import Any

from fieldlog.sync import workers
from fieldlog.sync.changes import check_and_keep
from fieldlog.sync.importer import KEEP_ROWS, Verified, collector_paused, verify
from fieldlog.sync.merge import make_ready
from fieldlog.sync.package import open_package

#: Packages weighing this many bytes together are verified on worker processes (a worker takes
#: about a third of a second of CPU to start; 24 packages of 5,000 visits weigh 12.9 MB).
PARALLEL_BYTES = 4_000_000
#: Most worker processes (each holds one package's lines at a time).
MAX_WORKERS = 4
#: Lines made ready kept for the apply across one import's packages (a visit's line takes
#: about 1 kB made ready); past it a package's lines are parsed again when applied.
READY_ROWS = 1_000_000


def worker_count(paths: Sequence[Path]) -> int:
    """How many worker processes to verify these packages on (0: verify them here)."""
    count = min(workers.cores(), MAX_WORKERS, len(paths))
    if not workers.possible() or count < 2:
        return 0
    try:
        weight = sum(Path(path).stat().st_size for path in paths)
    except OSError:
        return 0  # verifying here says what is wrong with the file
    return count if weight >= PARALLEL_BYTES else 0


class Verifier:
    """Verifies `paths` in their order: `verify(path)` for each in turn, inside `with`.

    Verified here, each package keeps its parsed lines for the apply while they fit in
    `keep_rows` (`importer.KEEP_ROWS`); verified by a worker, its lines made ready while they
    fit in `READY_ROWS`.
    """

    def __init__(self, paths: Sequence[Path], passphrase: str, keep_rows: int = KEEP_ROWS) -> None:
        self._paths = [Path(path) for path in paths]
        self._passphrase = passphrase
        self._keep = keep_rows
        self._ready = READY_ROWS
        self._workers: workers.Workers | None = None
        self._pending: deque[tuple[Path, Future[Any]]] = deque()

    def __enter__(self) -> Verifier:
        count = worker_count(self._paths)
        if count:
            try:
                self._workers = workers.Workers(count)
            except OSError:  # no worker could start: every package is verified here
                return self
            for path in self._paths:
                request = ("verify", str(path), self._passphrase)
                self._pending.append((path, self._workers.submit(request)))
        return self

    def __exit__(self, *_exc: object) -> None:
        self._pending.clear()
        if self._workers is not None:
            self._workers.close()
            self._workers = None

    def verify(self, path: Path) -> Verified:
        """The next package verified: PackageError (one sentence) when anything is wrong."""
        path = Path(path)
        if self._pending and self._pending[0][0] == path:
            _path, future = self._pending.popleft()
            package = future.result()
            if isinstance(package, Verified) and package.path == path:
                rows = package.contents.rows
                if rows > self._ready:
                    package = replace(package, ready=None)
                else:
                    self._ready -= rows
                return package
        package = verify(path, self._passphrase, self._keep)
        if package.records is not None:
            self._keep -= package.contents.rows
        return package


def prepare(path: Path, passphrase: str) -> Verified:
    """What a worker does with one package: verify it and make its lines ready."""
    from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

    opened = open_package(path, passphrase)
    with collector_paused():
        contents, records = check_and_keep(opened.plaintext, opened.manifest, path.name)
        ready = make_ready(records, SQLiteDialect_pysqlite())
    return Verified(path, opened.manifest, contents, opened.packed, opened.keys, None, ready)
