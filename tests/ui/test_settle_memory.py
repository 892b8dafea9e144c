"""Setting the start-up objects aside from the cycle collector loses no later garbage."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from fieldlog import app


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


@pytest.fixture()
def thawed() -> Iterator[None]:
    yield
    gc.unfreeze()  # the rest of the tests run with the collector as they found it


def test_objects_alive_at_start_are_set_aside_and_later_cycles_are_still_freed(
    thawed: None,
) -> None:
    kept = _Node()
    before = gc.get_freeze_count()
    app.settle_memory()
    assert gc.get_freeze_count() > before
    assert not gc.is_tracked(kept) or kept not in gc.get_objects(generation=2)
    later = _Node()
    gone = weakref.ref(later)
    del later
    gc.collect()
    assert gone() is None
    assert kept.me is kept
