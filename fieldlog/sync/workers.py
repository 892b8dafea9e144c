"""Worker processes for the CPU-bound parts of an import, run beside the importing process.

A worker is this Python started as `python -m fieldlog.sync.workers`, never a fork of the
importing process (a window's threads and database connections must not be copied) nor a
`multiprocessing` child (which would run the program's main script again); a frozen
application does everything in its own process (`possible`). Requests and replies are pickles
on the worker's standard input and output, each preceded by its length; a worker answers one
request at a time until its input ends. Two kinds of request: verifying a package
(`verifying.prepare`) and finding the look-alike pairs (`candidates.proposed_pairs`). A worker
touches no database. Every failure (an exception, a worker that ended, a reply that cannot be
read) comes back as None, and the caller does the work itself.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import subprocess
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

import fieldlog

#: What this Python runs as a worker.
WORKER_MODULE = ("-m", "fieldlog.sync.workers")
WORKER = WORKER_MODULE


def cores() -> int:
    """The processor cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def possible() -> bool:
    """Whether work can go to worker processes here: several cores, not a frozen application."""
    return cores() >= 2 and bool(sys.executable) and not getattr(sys, "frozen", False)


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


class Workers:
    """A few worker processes, each answering one request at a time for one helper thread of
    this process (the helper waits for the reply and unpickles it)."""

    def __init__(self, count: int) -> None:
        """Start `count` workers; OSError when one cannot start (none is left running)."""
        root = str(Path(fieldlog.__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        self._idle: queue.SimpleQueue[subprocess.Popen[bytes]] = queue.SimpleQueue()
        self._all: list[subprocess.Popen[bytes]] = []
        self._threads = ThreadPoolExecutor(count, thread_name_prefix="fieldlog-worker")
        try:
            for _ in range(count):
                process = subprocess.Popen(
                    [sys.executable, *WORKER],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    env=env,
                    creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # Windows: no console
                )
                self._all.append(process)
                self._idle.put(process)
        except (OSError, ValueError):
            self.close()
            raise OSError("a worker process could not start") from None

    def submit(self, request: tuple[Any, ...]) -> Future[Any]:
        """The reply to `request` (kind, arguments…) to come; None when it failed."""
        return self._threads.submit(self._run, request)

    def _run(self, request: tuple[Any, ...]) -> Any:
        process = self._idle.get()
        try:
            assert process.stdin is not None and process.stdout is not None
            _send(process.stdin, request)
            return _receive(process.stdout)
        except Exception:  # a worker that ended or failed: the caller does the work itself
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


def _answer(request: tuple[Any, ...]) -> Any:
    kind, *arguments = request
    if kind == "verify":
        from fieldlog.sync.verifying import prepare

        path, passphrase = arguments
        return prepare(Path(path), passphrase)
    if kind == "pairs":
        from fieldlog.sync.candidates import proposed_pairs

        return proposed_pairs(*arguments)
    return None


def main() -> None:
    """A worker: requests on standard input, a reply (None for a failure) for each on standard
    output, until standard input ends."""
    replies = os.fdopen(os.dup(1), "wb")
    try:
        os.dup2(2, 1)  # anything else printed goes to standard error, not into the replies
    except OSError:  # no standard error (a window program): then nowhere
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
    requests = sys.stdin.buffer
    while True:
        try:
            request = _receive(requests)
        except EOFError:
            return
        try:
            reply = _answer(request)
        except Exception:  # the importing process does it again and says what is wrong
            reply = None
        _send(replies, reply)


if __name__ == "__main__":
    main()
