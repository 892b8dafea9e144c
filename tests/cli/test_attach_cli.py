"""`fieldlog attach` and `fieldlog attachments` as a user runs them on the demo: three photos
and a PDF attached to a visit, listed with their SHA-256; then the same files through a package
to another laptop (`sync export`, `sync import`), byte for byte; every bad file refused with one
line, exit code 1, and the data unchanged."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.services.attachments import files

PASSPHRASE = "铜仁驻深 team 2020\n"


@pytest.fixture
def demo_db(tmp_path: Path, demo_database_file: Path) -> str:
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_database_file, path)
    return str(path)


def _digest(db: str) -> str:
    return run("--db", db, "digest").stdout


def _a_visit(db: str) -> str:
    with sqlite3.connect(db) as connection:  # read before any FieldLog process opens it
        row = connection.execute(
            "SELECT id FROM visit WHERE deleted = 0 ORDER BY visited_on DESC, id LIMIT 1"
        ).fetchone()
    return str(row[0])


def _camera(folder: Path) -> list[Path]:
    folder.mkdir()
    return [
        *(files.photo(folder / f"IMG_00{i}.jpg", i) for i in range(3)),
        files.pdf(folder / "合作协议.pdf"),
    ]


def test_attach_lists_and_travels_byte_for_byte(demo_db: str, tmp_path: Path) -> None:
    visit = _a_visit(demo_db)
    paths = _camera(tmp_path / "camera")
    result = run("--db", demo_db, "attach", "visit", visit[-8:], *map(str, paths), "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(run("--db", demo_db, "attachments", "visit", visit, "--json").stdout)
    expected = [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]
    assert [row["sha256"] for row in listed] == expected
    assert [row["name"] for row in listed] == [p.name for p in paths]
    assert json.loads(result.stdout) == listed

    assert run("--db", demo_db, "team", "passphrase", stdin=PASSPHRASE).returncode == 0
    package = tmp_path / "a.fieldsync"
    sent = run("--db", demo_db, "sync", "export", "--full", "-o", str(package), stdin=PASSPHRASE)
    assert sent.returncode == 0, sent.stderr
    assert "4" in sent.stdout.splitlines()[1]  # "with 4 attached file(s), … MB"
    other = str(tmp_path / "other.db")
    assert run("--db", other, "init").returncode == 0
    assert run("--db", other, "team", "passphrase", stdin=PASSPHRASE).returncode == 0
    got = run("--db", other, "sync", "import", str(package), "--json", stdin=PASSPHRASE)
    assert got.returncode == 0, got.stderr
    assert json.loads(got.stdout)["files_stored"] == 4
    there = json.loads(run("--db", other, "attachments", "visit", visit, "--json").stdout)
    assert [row["sha256"] for row in there] == expected
    assert _digest(other) == _digest(demo_db)
    check = run("--db", other, "check")
    assert check.returncode == 0 and "4 attachment(s) hold 4 distinct file(s)" in check.stdout


def test_bad_files_are_refused_in_one_line_and_nothing_changes(
    demo_db: str, tmp_path: Path
) -> None:
    visit = _a_visit(demo_db)
    good = files.photo(tmp_path / "good.jpg")
    bad = [
        files.sparse_video(tmp_path / "会议录像.mp4"),
        files.video_named_jpg(tmp_path / "照片.jpg"),
        files.pdf_bomb(tmp_path / "协议.pdf"),
        files.heic(tmp_path / "IMG_0001.HEIC"),
        files.cut_photo(tmp_path / "IMG_0002.jpg"),
    ]
    before = _digest(demo_db)
    for path in bad:
        result = run(
            "--db", demo_db, "--lang", "en", "attach", "visit", visit, str(good), str(path)
        )
        assert result.returncode == 1
        [line] = result.stderr.strip().splitlines()
        assert path.name in line
    for args in (("visit", "nothing1"), ("project", visit)):
        result = run("--db", demo_db, "attach", *args, str(good))
        assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert _digest(demo_db) == before
    listed = run("--db", demo_db, "attachments", "visit", visit, "--json")
    assert json.loads(listed.stdout) == []
