"""store.driver: one library per file, and encrypted connections keyed with the key derived once
per process (SQLCipher's raw-key form) — which must open exactly what the password opens."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlcipher3

from fieldlog.store import driver

PASSWORD = '测试 pass\'word "x"'


def _make(path: Path, password: str, *pragmas: str) -> None:
    connection = sqlcipher3.connect(str(path))
    connection.execute(f"PRAGMA key = {driver.key_literal(password)}")
    for pragma in pragmas:
        connection.execute(pragma)
    connection.execute("CREATE TABLE t (name TEXT)")
    connection.execute("INSERT INTO t VALUES (?)", (path.name,))
    connection.commit()
    connection.close()


def _read(path: Path, password: str | None, **options: object) -> list[str]:
    connection = driver.connect(path, password, **options)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM t")]
    finally:
        connection.close()


def test_each_file_opens_with_its_own_salt_and_the_key_is_derived_once(tmp_path: Path) -> None:
    one, other = tmp_path / "one.db", tmp_path / "other.db"
    _make(one, PASSWORD)
    _make(other, PASSWORD)
    driver._derived.clear()
    assert _read(one, PASSWORD) == ["one.db"] and _read(other, PASSWORD) == ["other.db"]
    assert len(driver._derived) == 2  # two salts, one derivation each
    assert _read(one, PASSWORD) == ["one.db"]
    assert len(driver._derived) == 2  # the second connection derived nothing


def test_a_file_replaced_at_the_same_path_is_read_with_its_new_salt(tmp_path: Path) -> None:
    path, newer = tmp_path / "x.db", tmp_path / "newer.db"
    _make(path, PASSWORD)
    assert _read(path, PASSWORD) == ["x.db"]
    _make(newer, PASSWORD)
    os.replace(newer, path)
    assert _read(path, PASSWORD) == ["newer.db"]


def test_a_uri_with_quoted_characters_names_the_same_file(tmp_path: Path) -> None:
    folder = tmp_path / "走访 #1 ?%"
    folder.mkdir()
    path = folder / "x.db"
    _make(path, PASSWORD)
    assert _read(path.as_uri() + "?mode=ro", PASSWORD, uri=True) == ["x.db"]  # type: ignore[arg-type]


def test_a_derivation_that_does_not_match_falls_back_to_the_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A later SQLCipher whose default derivation differed from the one computed here: the
    # derived key opens nothing, and the password itself, handed to SQLCipher, still does.
    path = tmp_path / "x.db"
    _make(path, PASSWORD)
    driver._derived.clear()
    monkeypatch.setattr(driver, "_KDF_ROUNDS", 1_000)
    assert _read(path, PASSWORD) == ["x.db"]


def test_a_wrong_password_opens_nothing(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    _make(path, PASSWORD)
    with pytest.raises(sqlcipher3.DatabaseError, match="not a database"):
        _read(path, "another password")
    assert _read(path, PASSWORD) == ["x.db"]


def test_a_plain_file_opens_without_a_password_only(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "plain.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (name TEXT)")
        connection.execute("INSERT INTO t VALUES ('plain.db')")
    connection.close()
    assert _read(path, None) == ["plain.db"]
    with pytest.raises(sqlcipher3.DatabaseError):
        _read(path, PASSWORD)


def test_a_connection_made_here_counts_as_holding_its_file(tmp_path: Path) -> None:
    from fieldlog.store.engine import held_encrypted, held_here
    from fieldlog.store.files import first_bytes

    path = tmp_path / "x.db"
    _make(path, PASSWORD)
    connection = driver.connect(path.as_uri() + "?mode=ro", PASSWORD, uri=True)
    try:
        assert held_here(path) and held_encrypted(path)
        assert first_bytes(path, 16) is None  # Python must not open it now: ask SQLCipher
    finally:
        connection.close()
    assert not held_here(path)
    assert first_bytes(path, 16) is not None
    forgotten = driver.connect(path, PASSWORD)
    assert held_here(path)
    del forgotten  # collected without close(): no longer held
    assert not held_here(path)


def test_the_other_library_never_touches_a_file_held_here(tmp_path: Path) -> None:
    import sqlite3

    plain, encrypted = tmp_path / "plain.db", tmp_path / "encrypted.db"
    with sqlite3.connect(plain) as made:
        made.execute("CREATE TABLE t (name TEXT)")
    made.close()
    _make(encrypted, PASSWORD)
    holding_plain = driver.connect(plain)
    holding_encrypted = driver.connect(encrypted, PASSWORD)
    try:
        with pytest.raises(sqlcipher3.DatabaseError) as keyed:
            driver.connect(plain, PASSWORD)  # a key opens no plain file: said without a probe
        with pytest.raises(sqlite3.DatabaseError) as unkeyed:
            driver.connect(encrypted)
        assert keyed.value.sqlite_errorname == unkeyed.value.sqlite_errorname == "SQLITE_NOTADB"
        assert driver.held_by(plain) == driver.PLAIN
        assert driver.held_by(encrypted) == driver.CIPHER
    finally:
        holding_plain.close()
        holding_encrypted.close()


def test_an_engine_over_an_encrypted_file_holds_it_through_sqlcipher(tmp_path: Path) -> None:
    from fieldlog.store.cipher import make_encrypted_engine
    from fieldlog.store.engine import held_encrypted

    path = tmp_path / "x.db"
    _make(path, PASSWORD)
    engine = make_encrypted_engine(path, PASSWORD)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM t").fetchone()
            assert held_encrypted(path)
        assert held_encrypted(path)  # pooled, still open
    finally:
        engine.dispose()
    assert driver.held_by(path) is None
