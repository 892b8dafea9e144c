"""Packages verified on worker processes (`sync/verifying.py`) import exactly as without them.

The workers verify each package and make its lines ready for the INSERTs (`merge.make_ready`);
the import then applies them (`merge.apply_ready`). The receivers here take the same imports as
`test_bulk_apply` (edits on both sides, conflicts, a delete against an edit, three organizations
with one credit code, an attachment, a few hundred visits): one the reference way
(`importer.ROW_BY_ROW`), one with every import verified on workers (`PARALLEL_BYTES` lowered so
these small imports use them), one with workers that die at once (each package verified again
in the importing process). All must hold the same rows, local tables, search index entries and
digest; a refusal says the same sentence every way and changes nothing.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from fieldlog.services.exchange import sync
from fieldlog.store.models import Visit
from fieldlog.sync import candidates, deferred, importer, merge, verifying, workers
from fieldlog.sync.errors import PackageError
from tests.sync.bulk import add_visits
from tests.sync.conftest import Laptop
from tests.sync.test_bulk_apply import _derived, _imports, _local, _report, _rows

Make = Callable[[str], Laptop]


def _count_ready(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the packages applied from lines made ready on a worker."""
    applied: list[int] = []
    real = importer.apply_ready

    def counting(*args: Any, **kwargs: Any) -> merge.MergeResult:
        applied.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(importer, "apply_ready", counting)
    return applied


def test_packages_verified_on_workers_import_as_row_by_row(
    laptops: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, c = laptops("a"), laptops("b"), laptops("c")
    old, new, alone = laptops("old"), laptops("new"), laptops("alone")
    imports = _imports(a, b, c, tmp_path)
    applied = _count_ready(monkeypatch)
    monkeypatch.setattr(deferred, "DEFER_ROWS", 1)
    on_workers = 0
    for paths in imports:
        if len(paths) > 1:
            assert verifying.worker_count(paths) == 0  # these small imports: not by default
        monkeypatch.setattr(importer, "ROW_BY_ROW", True)
        before = old.receive(*paths)
        monkeypatch.setattr(importer, "ROW_BY_ROW", False)
        monkeypatch.setattr(verifying, "PARALLEL_BYTES", 0)
        after = new.receive(*paths)
        # Workers that end at once: every package is verified here instead.
        monkeypatch.setattr(workers, "WORKER", ("-c", "raise SystemExit(3)"))
        without = alone.receive(*paths)
        monkeypatch.setattr(workers, "WORKER", workers.WORKER_MODULE)
        monkeypatch.setattr(verifying, "PARALLEL_BYTES", 10**12)
        assert _report(after) == _report(before) == _report(without)
        if len(paths) > 1:
            on_workers += sum(not p.skipped for p in after.packages)
    assert _rows(new) == _rows(old) == _rows(alone)
    assert _local(new) == _local(old) == _local(alone)
    assert _derived(new) == _derived(old) == _derived(alone)
    assert new.digest() == old.digest() == alone.digest()
    assert _local(old)["conflicts"] and _local(old)["files"]
    if workers.cores() >= 2:  # the workers did verify the packages of several at once
        assert len(applied) == on_workers == 6


def test_the_workers_really_verify(laptops: Make, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, receiver = laptops("a"), laptops("b"), laptops("r")
    add_visits(a.db, 120, who="甲", organizations=4)
    add_visits(b.db, 80, who="乙", organizations=3)
    paths = [a.export(), b.export()]
    applied = _count_ready(monkeypatch)
    monkeypatch.setattr(verifying, "PARALLEL_BYTES", 0)
    if workers.cores() < 2:
        assert verifying.worker_count(paths) == 0
        pytest.skip("one core: packages are verified in the importing process")
    assert verifying.worker_count(paths) == 2
    report = receiver.receive(*paths)
    assert len(applied) == 2  # both packages applied from lines made ready on a worker
    assert report.as_dict()["new"] == 2 * 1 + 120 * 2 + 80 * 2 + 4 + 3


def _altered(path: Path, folder: Path) -> Path:
    """A copy of a package with one byte of its encrypted changes flipped."""
    copy = folder / ("altered-" + path.name)
    shutil.copy(path, copy)
    data = bytearray(copy.read_bytes())
    at = data.index(b"changes.jsonl.enc") + 200  # inside the stored member
    data[at] ^= 0x01
    copy.write_bytes(bytes(data))
    return copy


@pytest.mark.parametrize("trouble", ["bad value", "altered", "wrong passphrase"])
def test_a_refusal_reads_the_same_with_workers(
    laptops: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, trouble: str
) -> None:
    a, b = laptops("a"), laptops("b")
    plain, parallel = laptops("plain"), laptops("parallel")
    add_visits(a.db, 60, who="甲", organizations=3)
    add_visits(b.db, 40, who="乙", organizations=2)
    if trouble == "bad value":  # a text no decoder takes, written past the services
        with b.db.begin() as session:
            last = session.execute(select(Visit.id).order_by(Visit.id.desc()).limit(1)).scalar()
            session.execute(
                Visit.__table__.update().where(Visit.id == last).values(summary="长" * 100_001)
            )
    good, second = a.export(), b.export()
    if trouble == "altered":
        second = _altered(second, tmp_path)
    problems = []
    for laptop, threshold in ((plain, 10**12), (parallel, 0)):
        monkeypatch.setattr(verifying, "PARALLEL_BYTES", threshold)
        if trouble == "wrong passphrase":
            sync.set_passphrase(laptop.db, "another team passphrase")
        before = laptop.digest(), _rows(laptop)
        with pytest.raises(PackageError) as refusal:
            laptop.receive(good, second)
        problems.append(str(refusal.value))
        assert (laptop.digest(), _rows(laptop)) == before
    assert problems[0] == problems[1]
    expected = {
        "bad value": "visit.summary",
        "altered": "damaged",
        "wrong passphrase": "passphrase",
    }
    assert expected[trouble] in problems[0]


def test_small_imports_and_single_packages_are_verified_here(tmp_path: Path) -> None:
    paths = []
    for n in range(3):
        path = tmp_path / f"p{n}.fieldsync"
        path.write_bytes(b"x" * 1000)
        paths.append(path)
    assert verifying.worker_count(paths) == 0  # 3 kB: not worth starting a process
    assert verifying.worker_count(paths[:1]) == 0
    assert verifying.worker_count([tmp_path / "missing.fieldsync", *paths]) == 0


def test_workers_that_cannot_start_leave_the_import_to_this_process(
    laptops: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, plain, started = laptops("a"), laptops("b"), laptops("plain"), laptops("started")
    add_visits(a.db, 60, who="甲", organizations=3)
    add_visits(b.db, 40, who="乙", organizations=2)
    paths = [a.export(), b.export()]
    plain.receive(*paths)
    monkeypatch.setattr(verifying, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(candidates, "EARLY_ORGS", 0)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-such-python"))
    with pytest.raises(OSError):
        workers.Workers(2)
    report = started.receive(*paths)
    assert report.as_dict()["new"] == 2 + 60 * 2 + 40 * 2 + 3 + 2
    assert started.digest() == plain.digest() and _rows(started) == _rows(plain)
