"""The check a sync import runs before it commits: SQLite's quick_check, foreign keys and
FieldLog's own checks; `fieldlog check` keeps the full integrity_check. A damaged database
refuses the import with a clear message and keeps its data as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from fieldlog.domain.credit_code import make_credit_code
from fieldlog.domain.messages import code_of
from fieldlog.services.admin.maintenance import check
from fieldlog.services.orgs import orgs
from fieldlog.store.database import Database, open_database
from fieldlog.store.health import check_health
from fieldlog.sync import deferred
from fieldlog.sync.errors import PackageError
from tests.conftest import password, plain_only, sqlite_only
from tests.sync.conftest import Laptop

pytestmark = [sqlite_only("damages the SQLite file's schema through writable_schema"), plain_only]


def _rewrite_schema(path: Path, name: str, old: str, new: str) -> None:
    """Change the stored CREATE statement of `name` (what a damaged file can hold)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA writable_schema = ON")
        (sql,) = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = ?", (name,)
        ).fetchone()
        assert old in sql
        connection.execute(
            "UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql.replace(old, new, 1), name)
        )
        connection.execute("PRAGMA writable_schema = OFF")
    finally:
        connection.close()


def _reopened(laptop: Laptop, damage: Callable[[Path], None]) -> Laptop:
    path = laptop.db.path
    assert path is not None
    laptop.db.close()
    damage(path)
    laptop.db = open_database(str(path), password=password())
    return laptop


def test_a_null_where_the_schema_forbids_it_refuses_the_import(
    laptops: Callable[[str], Laptop],
) -> None:
    leader, member = laptops("组长"), laptops("队员")
    code = make_credit_code("91440300MA5D00001")
    orgs.save_org(member.db, orgs.OrgInput(name="深圳市测试科技有限公司", credit_code=code))
    package = member.export()
    orgs.save_org(leader.db, orgs.OrgInput(name="无信用代码的商会"))  # credit_code NULL
    leader = _reopened(
        leader,
        lambda path: _rewrite_schema(
            path, "organization", "credit_code VARCHAR(18),", "credit_code VARCHAR(18) NOT NULL,"
        ),
    )
    before = leader.digest()
    with pytest.raises(PackageError) as refused:
        leader.receive(package)
    assert code_of(refused.value.args[0]) == "sync.check_failed"
    assert "the merged data fails the database check (integrity: NULL value in organization" in str(
        refused.value
    )
    assert leader.digest() == before
    with leader.db.read() as session:
        assert not check_health(session, quick=True).ok


def test_an_index_out_of_step_is_found_by_the_full_check_only(
    laptops: Callable[[str], Laptop],
) -> None:
    """What the import's quick check leaves to `fieldlog check`: an index that no longer
    matches its table (which SQLite keeps in step on every write of the import itself)."""
    leader = laptops("组长")
    orgs.save_org(leader.db, orgs.OrgInput(name="深圳市测试科技有限公司"))
    leader = _reopened(
        leader,
        lambda path: _rewrite_schema(path, "ix_organization_kind", "(kind)", "(region)"),
    )
    with leader.db.read() as session:
        assert check_health(session, quick=True).ok
    problems = [str(problem) for problem in check(leader.db).problems]
    assert problems and problems[0].startswith("integrity: ")
    assert "ix_organization_kind" in " ".join(problems)


def _cache_sizes(db: Database) -> set[int]:
    """The page cache setting of every connection the database's pool holds."""
    pool = db.engine.pool
    held = [pool.connect() for _ in range(pool.checkedin())]
    try:
        return {c.cursor().execute("PRAGMA cache_size").fetchone()[0] for c in held}
    finally:
        for connection in held:
            connection.close()


def test_a_refused_large_import_puts_the_page_cache_back(
    laptops: Callable[[str], Laptop], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deferral of a large import raises the connection's page cache, which outlives the
    transaction; a package refused while it is applied (before the deferral ends) puts it back."""
    monkeypatch.setattr(deferred, "DEFER_ROWS", 1)
    leader, member = laptops("组长"), laptops("队员")
    orgs.save_org(member.db, orgs.OrgInput(name="深圳市测试科技有限公司"))  # no credit code
    package = member.export()
    leader = _reopened(
        leader,
        lambda path: _rewrite_schema(
            path, "organization", "credit_code VARCHAR(18),", "credit_code VARCHAR(18) NOT NULL,"
        ),
    )
    before, digest = _cache_sizes(leader.db), leader.digest()
    assert before and -deferred.CACHE_KIB not in before
    raised: list[int] = []
    defer = deferred.defer

    def noted(session: Session, rows: int) -> deferred.Deferred:
        made = defer(session, rows)
        raised.append(session.connection().exec_driver_sql("PRAGMA cache_size").scalar())
        return made

    monkeypatch.setattr(deferred, "defer", noted)
    with pytest.raises(PackageError) as refused:
        leader.receive(package)
    assert code_of(refused.value.args[0]) == "package.not_merged"
    assert raised == [-deferred.CACHE_KIB]  # the import was deferred
    assert _cache_sizes(leader.db) == before
    assert leader.digest() == digest
