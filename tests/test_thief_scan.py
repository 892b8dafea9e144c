"""A lost laptop leaks nothing: the disk read the way a thief reads it (issue 18, item 4).

Here an unencrypted laptop, on which the scan must find the records (the proof that it can fail),
and the scan itself on files made for it; tests/test_thief_scan_encrypted.py is the encrypted
laptop, on which it finds nothing. The scenario and the scan: tests/thief_scan.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import thief_scan as scan


@pytest.fixture(scope="module")
def needles(demo_database_file: Path) -> scan.Needles:
    return scan.demo_needles(demo_database_file)


@pytest.fixture(scope="module")
def plain_laptop(
    tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path
) -> scan.Scenario:
    return scan.scenario(tmp_path_factory, demo_database_file, None)


def test_the_scan_finds_text_in_each_encoding_and_in_file_names(tmp_path: Path) -> None:
    needles = scan.Needles(
        {"organization": ["深圳市窃读防护科技有限公司"], "secret": [scan.PASSPHRASE]}
    )
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "qt.ini").write_bytes(
        b"\xff\xfe" + scan.PASSPHRASE.encode("utf-16-le")
    )
    (tmp_path / "log.txt").write_bytes(b"x" * 5000 + "深圳市窃读防护科技有限公司".encode())
    (tmp_path / "深圳市窃读防护科技有限公司.tmp").write_bytes(b"")
    (tmp_path / "clean.bin").write_bytes(scan.PASSPHRASE.encode("utf-16-be"))
    found = {(h.path.name, h.text, h.how) for h in scan.scan_files(tmp_path, needles)}
    assert found == {
        ("qt.ini", scan.PASSPHRASE, "utf-16-le"),
        ("log.txt", "深圳市窃读防护科技有限公司", "utf-8"),
        ("深圳市窃读防护科技有限公司.tmp", "深圳市窃读防护科技有限公司", "file name"),
    }


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_an_unencrypted_laptop_gives_the_records_away(
    plain_laptop: scan.Scenario, needles: scan.Needles
) -> None:
    disk = plain_laptop.laptop.disk
    hits = scan.scan_files(disk, needles)
    found = {(h.kind, h.text) for h in hits}
    assert set(needles.records()) <= found, "the scan missed records in a plain database"
    holding = {h.path for h in hits}
    backups = {p for p in holding if p.parent.name == "fieldlog-backups"}
    assert {plain_laptop.first, plain_laptop.second, plain_laptop.usb_copy} <= holding
    assert {h.path for h in hits if h.text == scan.UNSAVED_ORG} == {plain_laptop.wal}
    assert backups, "no backup in the backup folder holds the records"
    # The secrets live in the password store, never in a file, even unencrypted.
    assert not [h for h in hits if h.kind == "secret"], scan.described(hits, disk)


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_the_commands_print_no_secret_and_no_record(
    plain_laptop: scan.Scenario, needles: scan.Needles
) -> None:
    assert scan.scan_text(plain_laptop.laptop.printed, needles) == []
