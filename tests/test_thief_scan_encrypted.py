"""A lost laptop leaks nothing: an encrypted laptop's disk read the way a thief reads it (issue
18, item 4) gives nothing away, neither do the commands' printed lines. The scenario and the scan:
tests/thief_scan.py; the unencrypted laptop, where the same scan finds the records:
tests/test_thief_scan.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import thief_scan as scan


@pytest.fixture(scope="module")
def needles(demo_database_file: Path) -> scan.Needles:
    return scan.demo_needles(demo_database_file)


@pytest.fixture(scope="module")
def encrypted_laptop(
    tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path
) -> scan.Scenario:
    return scan.scenario(tmp_path_factory, demo_database_file, scan.PASSWORD)


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_an_encrypted_laptop_gives_nothing_away(
    encrypted_laptop: scan.Scenario, needles: scan.Needles
) -> None:
    from fieldlog.store.files import looks_encrypted
    from fieldlog.sync.package import open_package

    scenario = encrypted_laptop
    disk = scenario.laptop.disk
    assert scan.scan_files(disk, needles) == [], "\n".join(
        scan.described(scan.scan_files(disk, needles), disk)
    )
    # The scan covered files that hold the records: the databases, their backups, the copy.
    backups = list((scenario.first.parent / "fieldlog-backups").iterdir())
    assert len(backups) >= 4  # before each import, before the sync import, manual, before restore
    for database in [scenario.first, scenario.second, scenario.usb_copy, *backups]:
        assert looks_encrypted(database), database
    assert scenario.wal.stat().st_size > 0  # the unsaved organization is in it, encrypted
    # The packages on the disk are sealed with the team passphrase the scan looked for.
    for package in scenario.packages:
        assert open_package(package, scan.PASSPHRASE).plaintext


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_the_commands_print_no_secret_and_no_record(
    encrypted_laptop: scan.Scenario, needles: scan.Needles
) -> None:
    assert scan.scan_text(encrypted_laptop.laptop.printed, needles) == []
