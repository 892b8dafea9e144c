"""Verifying an import's packages, on other processes when there is much to verify.

Verifying a package — scrypt, decrypting, unpacking, parsing and checking every line — touches
no database, so an import of many packages on a computer of several cores verifies them all at
once, each on one of a few worker processes (`python -m fieldlog.sync.verifying`, started for
the import and ended with it). A worker also converts each line into the parameters of its
table's INSERT (`merge.make_ready`), so the import's transaction is left the lookups and the
writes. The packages still come back in their order, and the caller admits and applies them as
before; any failure of a worker (a refusal, a crash, a reply that cannot be read) has that
package verified again here, in this process, which then says what is wrong exactly as without
workers. The passphrase goes to the workers through their standard input, never a file or an
argument.

Workers are started with this Python (`sys.executable -m`), never by forking this process (a
window's threads and database connections must not be copied) nor by `multiprocessing` (which
would run the program's main script again in each); a frozen application verifies here.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import subprocess
import sys
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

import fieldlog
from fieldlog.sync.changes import check_and_keep
from fieldlog.sync.importer import KEEP_ROWS, Verified, collector_paused, verify
from fieldlog.sync.merge import make_ready
from fieldlog.sync.package import open_package

#: Packages weighing this many bytes together are verified on worker processes (a worker takes
#: about a third of a second of CPU to start; 24 packages of 5,000 visits weigh 12.9 MB).
PARALLEL_BYTES = 4_000_000
#: Most worker processes (each holds one package's lines at a time).
MAX_WORKERS = 4
#: What this Python runs as a worker.
WORKER_MODULE = ("-m", "fieldlog.sync.verifying")
WORKER = WORKER_MODULE
#: Lines made ready kept for the apply across one import's packages (a visit's line takes
#: about 1 kB made ready); past it a package's lines are parsed again when applied.
READY_ROWS = 1_000_000


def worker_count(paths: Sequence[Path]) -> int:
    """How many worker processes to verify these packages on (0: verify them here)."""
    count = min(cores(), MAX_WORKERS, len(paths))
    if getattr(sys, "frozen", False) or count < 2:
        return 0
    try:
        weight = sum(Path(path).stat().st_size for path in paths)
    except OSError:
        return 0  # verifying here says what is wrong with the file
    return count if weight >= PARALLEL_BYTES else 0


def cores() -> int:
    """The processor cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


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
        self._workers: _Workers | None = None
        self._pending: deque[tuple[Path, Future[Verified | None]]] = deque()

    def __enter__(self) -> Verifier:
        count = worker_count(self._paths)
        if count:
            self._workers = _Workers(count)
            for path in self._paths:
                self._pending.append((path, self._workers.submit(path, self._passphrase)))
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
            if package is not None:
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


def _send(stream: IO[bytes], value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(8, "little") + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    """The next value on the stream; EOFError when it ended."""
    size = stream.read(8)
    if len(size) < 8:
        raise EOFError
    length = int.from_bytes(size, "little")
    data = stream.read(length)
    if len(data) < length:
        raise EOFError
    return pickle.loads(data)


class _Workers:
    """A few worker processes, each verifying one package at a time for one helper thread."""

    def __init__(self, count: int) -> None:
        root = str(Path(fieldlog.__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        self._idle: queue.SimpleQueue[subprocess.Popen[bytes]] = queue.SimpleQueue()
        self._all: list[subprocess.Popen[bytes]] = []
        for _ in range(count):
            process = subprocess.Popen(
                [sys.executable, *WORKER],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
            )
            self._all.append(process)
            self._idle.put(process)
        self._threads = ThreadPoolExecutor(count, thread_name_prefix="fieldlog-verify")

    def submit(self, path: Path, passphrase: str) -> Future[Verified | None]:
        return self._threads.submit(self._run, path, passphrase)

    def _run(self, path: Path, passphrase: str) -> Verified | None:
        process = self._idle.get()
        try:
            assert process.stdin is not None and process.stdout is not None
            _send(process.stdin, (str(path), passphrase))
            reply = _receive(process.stdout)
            return reply if isinstance(reply, Verified) and reply.path == path else None
        except Exception:  # a worker that ended or failed: this package is verified here
            return None
        finally:
            self._idle.put(process)

    def close(self) -> None:
        """End the workers (at once: a reply nobody will read is not waited for)."""
        for process in self._all:
            process.kill()
        self._threads.shutdown(wait=True, cancel_futures=True)
        for process in self._all:
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    with contextlib.suppress(OSError):  # a request to a worker that ended
                        stream.close()
            process.wait()


def _prepare(path: Path, passphrase: str) -> Verified:
    """What a worker does with one package: verify it and make its lines ready."""
    from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

    opened = open_package(path, passphrase)
    with collector_paused():
        contents, records = check_and_keep(opened.plaintext, opened.manifest, path.name)
        ready = make_ready(records, SQLiteDialect_pysqlite())
    return Verified(path, opened.manifest, contents, opened.packed, opened.keys, None, ready)


def main() -> None:
    """A worker: (path, passphrase) requests on standard input, a Verified or None for each
    on standard output, until standard input ends."""
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything else printed goes to standard error, not into the replies
    requests = sys.stdin.buffer
    while True:
        try:
            path, passphrase = _receive(requests)
        except EOFError:
            return
        try:
            reply: Verified | None = _prepare(Path(path), passphrase)
        except Exception:  # the importing process verifies it again and says what is wrong
            reply = None
        _send(replies, reply)


if __name__ == "__main__":
    main()
