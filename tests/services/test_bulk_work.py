"""A large import collects cycles less often, and the collector's thresholds always go back."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldlog.services import bulk_work
from fieldlog.services.bulk_work import fewer_collections
from fieldlog.services.imports import imports
from fieldlog.store.database import Database
from tests.services.imports.test_import_batches import build_large_log, seed


@pytest.fixture(autouse=True)
def _thresholds_kept() -> Iterator[None]:
    kept = gc.get_threshold()
    yield
    gc.set_threshold(*kept)


def test_the_thresholds_are_raised_inside_and_put_back_however_the_block_ends() -> None:
    gc.set_threshold(700, 10, 10)
    with fewer_collections():
        assert gc.get_threshold() == (bulk_work.YOUNG, *bulk_work.OLDER)
    assert gc.get_threshold() == (700, 10, 10)
    with pytest.raises(KeyboardInterrupt), fewer_collections():
        raise KeyboardInterrupt
    assert gc.get_threshold() == (700, 10, 10)


def test_overlapping_blocks_on_two_threads_put_them_back_once_the_last_ends() -> None:
    gc.set_threshold(700, 10, 10)
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with fewer_collections():
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=other)
    with fewer_collections():
        thread.start()
        assert inside.wait(10)
    assert gc.get_threshold() == (bulk_work.YOUNG, *bulk_work.OLDER)  # the other still runs
    release.set()
    thread.join(10)
    assert gc.get_threshold() == (700, 10, 10)


def test_an_import_runs_with_fewer_collections_and_puts_them_back(
    db: Database, tmp_path: Path
) -> None:
    seed(db)
    path = build_large_log(tmp_path / "走访.xlsx", 60)
    gc.set_threshold(700, 10, 10)
    seen: list[tuple[int, int, int]] = []
    report = imports.import_visits(
        db, path, progress=lambda *_: seen.append(gc.get_threshold()) or None
    )
    assert report.created > 0
    assert set(seen) == {(bulk_work.YOUNG, *bulk_work.OLDER)}
    assert gc.get_threshold() == (700, 10, 10)
    with pytest.raises(imports.ImportCancelled):
        imports.import_visits(db, path, progress=lambda *_: False)
    assert gc.get_threshold() == (700, 10, 10)
