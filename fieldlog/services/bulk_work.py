"""Large imports run with Python's cycle collector asked less often.

An import of a few hundred thousand rows makes tens of millions of short-lived objects (cells,
row values, parameters), almost none of them in reference cycles. Python's default collector
runs its youngest generation every 700 allocations and walks every object that survived it,
which took 7 % of a 200,000-row visit-log import (110.3 s against 118.8 s in one process). While
one runs, the youngest generation is collected every `YOUNG` allocations instead; the
thresholds are put back when the last import running ends, however it ends. Nothing is left
uncollected: the collector still runs, only less often.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: Allocations between two collections of the youngest generation during a large import.
YOUNG = 50_000
#: Collections of a generation between two of the next (the default is 10, 10).
OLDER = (20, 100)

_lock = threading.Lock()
_running = 0
_kept: tuple[int, int, int] | None = None


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect cycles less often inside the block (see the module); blocks may overlap, on any
    threads: the thresholds go back when the last of them ends."""
    global _running, _kept
    with _lock:
        if _running == 0:
            _kept = gc.get_threshold()
            gc.set_threshold(YOUNG, *OLDER)
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _kept is not None:
                gc.set_threshold(*_kept)
                _kept = None
