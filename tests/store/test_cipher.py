"""The database encrypted at rest (issue 18): real files, in a folder whose path has Chinese,
spaces, # and %, converted both ways and read through the encrypted engine."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy.exc
import sqlcipher3
from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from fieldlog.store import driver
from fieldlog.store.cipher import (
    WrongKey,
    check_key,
    decrypt,
    encrypt,
    is_encrypted,
    make_encrypted_engine,
)
from fieldlog.store.dump import digest
from fieldlog.store.engine import APPLICATION_ID, held_here, make_engine
from fieldlog.store.search_index import matching_rowids
from tests.conftest import plain_copy

#: Quotes of both kinds, a backslash, Chinese, spaces, # and %: each must reach SQLCipher intact.
KEY = '走访 口令 it\'s "quoted" back\\slash #1 100%'
KEYS = ["it's", 'say "hi"', "back\\slash\\", "中文 口令 有空格", "'; DROP TABLE visit; --", KEY]


@pytest.fixture(autouse=True)
def _nothing_held_after(tmp_path: Path) -> Iterator[None]:
    """Every engine a test made is disposed of: no connection of this process holds a file of
    this test (another test's leftovers in the same process are not this file's to judge)."""
    yield
    held = [name for name, count in driver._held.items() if count]
    assert not [name for name in held if Path(name).is_relative_to(tmp_path)]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    place = tmp_path / "加密 数据 #1 %20"
    place.mkdir()
    return place


@pytest.fixture
def plain(folder: Path, demo_database_file: Path) -> Path:
    """A copy of the demo (a closed file), plain."""
    return plain_copy(demo_database_file, folder / "走访 日志 #%.db")


@pytest.fixture
def small(folder: Path, empty_database_file: Path) -> Path:
    return plain_copy(empty_database_file, folder / "空 库 #%.db")


def secrets_of(path: Path) -> list[str]:
    """Texts of the demo a thief must not read: organization names, a phone, a summary."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        names = [r[0] for r in connection.execute("SELECT name FROM organization LIMIT 5")]
        phones = [r[0] for r in connection.execute("SELECT phone FROM contact WHERE phone != ''")]
        summaries = [
            r[0] for r in connection.execute("SELECT summary FROM visit WHERE summary != ''")
        ]
    finally:
        connection.close()
    assert names and phones and summaries
    return [*names, phones[0], summaries[0][:12]]


def digest_of(engine: Engine) -> str:
    try:
        with Session(engine) as session:
            return digest(session)
    finally:
        engine.dispose()


def plain_digest(path: Path) -> str:
    return digest_of(make_engine(URL.create("sqlite", database=str(path))))


def state(folder: Path) -> dict[str, str]:
    """Every file of the folder and its SHA-256 (only files no connection holds)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()
    }


def search_count(engine: Engine, fragment: str) -> int:
    try:
        with engine.connect() as connection:
            query = select(func.count()).select_from(matching_rowids(fragment).subquery())
            return int(connection.execute(query).scalar_one())
    finally:
        engine.dispose()


def test_encrypted_demo_hides_its_texts_and_keeps_every_value(plain: Path, folder: Path) -> None:
    secrets = secrets_of(plain)
    before = plain_digest(plain)
    fragment = secrets[0][:2]
    plain_hits = search_count(make_engine(URL.create("sqlite", database=str(plain))), fragment)
    assert plain_hits > 0
    raw = plain.read_bytes()
    assert all(s.encode() in raw for s in secrets)  # the scan below can fail

    encrypted = folder / "加密 #%.db"
    encrypt(plain, encrypted, KEY)

    assert not held_here(encrypted)
    scrambled = encrypted.read_bytes()
    assert [s for s in secrets if s.encode() in scrambled] == []
    assert not scrambled.startswith(b"SQLite format 3")
    assert is_encrypted(encrypted) and not is_encrypted(plain)
    assert check_key(encrypted, KEY)
    assert not check_key(encrypted, KEY + " ")
    assert not check_key(plain, KEY)
    if os.name == "posix":
        assert stat.S_IMODE(encrypted.stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == sorted([plain.name, encrypted.name])

    assert digest_of(make_encrypted_engine(encrypted, KEY)) == before
    assert search_count(make_encrypted_engine(encrypted, KEY), fragment) == plain_hits
    engine = make_encrypted_engine(encrypted, KEY)
    try:
        with engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA integrity_check").scalar_one() == "ok"
            assert pragma("PRAGMA journal_mode").scalar_one() == "wal"
            assert pragma("PRAGMA application_id").scalar_one() == APPLICATION_ID
            assert pragma("PRAGMA foreign_keys").scalar_one() == 1
            assert pragma("PRAGMA synchronous").scalar_one() == 2  # FULL
            assert held_here(encrypted)
    finally:
        engine.dispose()
    assert not held_here(encrypted)

    back = folder / "解密 #%.db"
    decrypt(encrypted, back, KEY)
    assert not is_encrypted(back)
    assert plain_digest(back) == before
    assert all(s.encode() in back.read_bytes() for s in secrets)
    assert user_version(back) == user_version(plain)
    connection = sqlite3.connect(f"{back.as_uri()}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        connection.close()


def user_version(path: Path, key: str | None = None) -> int:
    connection = sqlcipher3.connect(str(path))
    try:
        if key is not None:
            connection.execute("PRAGMA key = '" + key.replace("'", "''") + "'")
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()


@pytest.mark.parametrize("key", KEYS)
def test_keys_with_quotes_backslashes_and_chinese(small: Path, folder: Path, key: str) -> None:
    before = plain_digest(small)
    version = user_version(small)
    encrypted = folder / "e.db"
    encrypt(small, encrypted, key)
    assert check_key(encrypted, key)
    assert not check_key(encrypted, key[:-1] or "x")
    assert user_version(encrypted, key) == version
    assert digest_of(make_encrypted_engine(encrypted, key)) == before
    back = folder / "p.db"
    decrypt(encrypted, back, key)
    assert plain_digest(back) == before
    assert user_version(back) == version


def test_a_wrong_key_decrypts_nothing(small: Path, folder: Path) -> None:
    encrypted = folder / "e.db"
    encrypt(small, encrypted, KEY)
    kept = state(folder)
    with pytest.raises(WrongKey, match=r"^The password does not open .*e\.db\.$"):
        decrypt(encrypted, folder / "p.db", "not the key")
    assert state(folder) == kept


def test_a_wrong_key_fails_the_engine_loudly(small: Path, folder: Path) -> None:
    encrypted = folder / "e.db"
    encrypt(small, encrypted, KEY)
    engine = make_encrypted_engine(encrypted, "not the key")
    with pytest.raises(sqlalchemy.exc.DatabaseError, match="file is not a database"):
        engine.connect()
    engine.dispose()
    assert check_key(encrypted, KEY)


@pytest.mark.parametrize("convert", ["encrypt", "decrypt"])
def test_an_existing_target_is_never_overwritten(small: Path, folder: Path, convert: str) -> None:
    encrypted = folder / "e.db"
    encrypt(small, encrypted, KEY)
    target = folder / "已有 #%.db"
    target.write_bytes(b"someone else's file")
    kept = state(folder)
    source = small if convert == "encrypt" else encrypted
    with pytest.raises(FileExistsError, match=r"already exists; a conversion never overwrites"):
        (encrypt if convert == "encrypt" else decrypt)(source, target, KEY)
    assert state(folder) == kept


@pytest.mark.parametrize("convert", [encrypt, decrypt])
def test_a_missing_source_creates_nothing(folder: Path, convert) -> None:
    with pytest.raises(FileNotFoundError, match=r"^There is no database file at "):
        convert(folder / "无.db", folder / "out.db", KEY)
    assert list(folder.iterdir()) == []
    with pytest.raises(FileNotFoundError):
        is_encrypted(folder / "无.db")
    with pytest.raises(FileNotFoundError):
        check_key(folder / "无.db", KEY)


def test_a_source_still_open_here_is_refused(small: Path, folder: Path) -> None:
    engine = make_engine(URL.create("sqlite", database=str(small)))
    refused = pytest.raises(
        RuntimeError, match=r"is open or was not closed cleanly; close it before converting"
    )
    try:
        with engine.connect(), refused:
            encrypt(small, folder / "e.db", KEY)
    finally:
        engine.dispose()
    assert not (folder / "e.db").exists()
    assert sorted(p.name for p in folder.iterdir()) == [small.name]


def test_refused_keys_and_sources(small: Path, folder: Path) -> None:
    kept = state(folder)
    with pytest.raises(ValueError, match="empty password would leave the database unencrypted"):
        encrypt(small, folder / "e.db", "")
    with pytest.raises(ValueError, match="NUL"):
        encrypt(small, folder / "e.db", "a\x00b")
    assert state(folder) == kept
    encrypted = folder / "e.db"
    encrypt(small, encrypted, KEY)
    kept = state(folder)
    with pytest.raises(ValueError, match="is not a plain database"):
        encrypt(encrypted, folder / "twice.db", KEY)
    with pytest.raises(WrongKey):
        decrypt(small, folder / "p.db", KEY)  # a plain file: no key opens it
    assert state(folder) == kept


def test_what_the_checks_say_of_other_files(folder: Path) -> None:
    junk = folder / "junk.db"
    junk.write_bytes(b"not SQLite at all " * 300)
    empty = folder / "empty.db"
    empty.write_bytes(b"")
    assert is_encrypted(junk)  # without a key it looks like an encrypted file
    assert not check_key(junk, KEY)  # and no key opens it
    assert not is_encrypted(empty)
    assert not check_key(empty, KEY)


def test_the_backup_api_copies_encrypted_to_encrypted(small: Path, folder: Path) -> None:
    before = plain_digest(small)
    encrypted = folder / "e.db"
    encrypt(small, encrypted, KEY)
    quoted = "'" + KEY.replace("'", "''") + "'"
    source = sqlcipher3.connect(str(encrypted))
    source.execute(f"PRAGMA key = {quoted}")
    try:
        copy = sqlcipher3.connect(str(folder / "copy.db"))
        copy.execute(f"PRAGMA key = {quoted}")
        source.backup(copy)
        copy.close()
        unkeyed = sqlcipher3.connect(str(folder / "plain-copy.db"))
        with pytest.raises(sqlcipher3.OperationalError):
            source.backup(unkeyed)  # never into a plain file by accident
        unkeyed.close()
    finally:
        source.close()
    assert check_key(folder / "copy.db", KEY)
    assert digest_of(make_encrypted_engine(folder / "copy.db", KEY)) == before


def test_what_the_encrypted_engine_writes_is_encrypted_too(small: Path, folder: Path) -> None:
    encrypted = folder / "e.db"
    encrypt(small, encrypted, KEY)
    engine = make_encrypted_engine(encrypted, KEY)
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE scratch (x TEXT)"))
            connection.execute(text("INSERT INTO scratch VALUES ('秘密 13800000000')"))
    finally:
        engine.dispose()
    assert b"13800000000" not in encrypted.read_bytes()
    assert not encrypted.with_name("e.db-wal").exists()


def test_a_file_held_here_is_never_probed(small: Path, folder: Path) -> None:
    """sqlcipher3 and sqlite3 keep separate records of a file's POSIX locks: a probe of one
    closing its descriptor would drop the locks of the other's connections."""
    encrypted = folder / "e.db"
    encrypt(small, encrypted, KEY)
    plain_engine = make_engine(URL.create("sqlite", database=str(small)))
    encrypted_engine = make_encrypted_engine(encrypted, KEY)
    try:
        with plain_engine.connect(), encrypted_engine.connect():
            for path in (small, encrypted):
                with pytest.raises(RuntimeError, match=r"is open in FieldLog; ask the connection"):
                    is_encrypted(path)
                with pytest.raises(RuntimeError, match=r"is open in FieldLog; ask the connection"):
                    check_key(path, KEY)
    finally:
        plain_engine.dispose()
        encrypted_engine.dispose()
    assert is_encrypted(encrypted) and check_key(encrypted, KEY)


def test_a_conversion_that_fails_midway_leaves_nothing(plain: Path, folder: Path) -> None:
    broken = folder / "断 #%.db"
    whole = bytearray(plain.read_bytes())
    middle = len(whole) // 2 // 4096 * 4096
    whole[middle : middle + 16 * 4096] = b"\xff" * (16 * 4096)  # the schema intact, data pages not
    broken.write_bytes(bytes(whole))
    assert not is_encrypted(broken)  # so the conversion begins
    kept = state(folder)
    with pytest.raises(sqlcipher3.DatabaseError):
        encrypt(broken, folder / "e.db", KEY)
    assert state(folder) == kept
