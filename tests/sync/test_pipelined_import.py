"""An import applies each package while the next ones are still being verified.

Each package is verified whole before any of its rows is written, and the import is still one
transaction: a package refused after earlier ones were merged rolls everything back, and the
backup taken before the first merge goes with it. These tests import real packages, on worker
processes and without them, and follow the stages the import reports.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from fieldlog.services.exchange import sync
from fieldlog.store.backup import backup_folder
from fieldlog.sync import verifying, workers
from fieldlog.sync.errors import PackageError
from tests.sync.bulk import add_visits
from tests.sync.conftest import Laptop
from tests.sync.test_bulk_apply import _rows
from tests.sync.test_parallel_verify import _altered

Make = Callable[[str], Laptop]


def _senders(laptops: Make) -> list[Path]:
    paths = []
    for name, who, visits in (("a", "甲", 60), ("b", "乙", 40), ("c", "丙", 30)):
        sender = laptops(name)
        add_visits(sender.db, visits, who=who, organizations=3)
        paths.append(sender.export())
    return paths


def _backups(laptop: Laptop) -> list[str]:
    """The automatic backups beside a laptop's database file (a server database has none)."""
    if laptop.db.path is None:
        return []
    folder = backup_folder(laptop.db.path)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("on_workers", [False, True])
def test_a_package_refused_after_others_were_merged_changes_nothing(
    laptops: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, on_workers: bool
) -> None:
    first, second, third = _senders(laptops)
    receiver = laptops("r")
    monkeypatch.setattr(verifying, "PARALLEL_BYTES", 0 if on_workers else 10**12)
    before = receiver.digest(), _rows(receiver), _backups(receiver)
    seen: list[tuple[str, int]] = []
    with pytest.raises(PackageError) as refusal:
        sync.import_packages(
            receiver.db,
            [first, second, _altered(third, tmp_path)],
            progress=lambda stage, done, _total: seen.append((stage, done)),
        )
    assert "altered-" + third.name in str(refusal.value) and "damaged" in str(refusal.value)
    # The first two were merged before the third was verified, then all of it rolled back.
    stages = [stage for stage, _done in seen]
    assert stages.index("apply") < stages.index("verify", stages.index("apply"))
    assert ("verify", 2) in seen and "dedupe" not in stages
    assert (receiver.digest(), _rows(receiver), _backups(receiver)) == before
    # Nothing of the first two was remembered as applied: taken again, all three merge.
    report = receiver.receive(first, second, third)
    assert [p.skipped for p in report.packages] == [False, False, False]
    assert report.as_dict()["new"] > 0
    assert len(_backups(receiver)) == len(before[2]) + (receiver.db.path is not None)
    if on_workers and workers.cores() >= 2:
        assert verifying.worker_count([first, second, third]) >= 2


def test_packages_already_applied_are_skipped_before_and_between_merges(laptops: Make) -> None:
    first, second, third = _senders(laptops)
    receiver = laptops("r")
    receiver.receive(first)
    stages: list[str] = []
    report = sync.import_packages(
        receiver.db,
        [first, second, first, third],
        progress=lambda stage, _done, _total: stages.append(stage),
    )
    assert [p.skipped for p in report.packages] == [True, False, True, False]
    # The backup comes once, after the package already applied and before the first merge.
    assert stages[:3] == ["verify", "verify", "backup"] and stages.count("backup") == 1
    assert report.as_dict()["new"] > 0
    again = receiver.receive(first, second, third)
    assert all(p.skipped for p in again.packages) and again.backup is None


def test_an_import_of_packages_all_applied_takes_no_backup(laptops: Make) -> None:
    first, second, _third = _senders(laptops)
    receiver = laptops("r")
    receiver.receive(first, second)
    before = receiver.digest(), _backups(receiver)
    report = receiver.receive(second, first)
    assert all(p.skipped for p in report.packages) and report.backup is None
    assert (receiver.digest(), _backups(receiver)) == before
