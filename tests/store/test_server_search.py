"""On PostgreSQL the visit log's search finds exactly what it finds on SQLite, through its index.

The demo is copied row for row (same ids) from a SQLite file into a server database, and the same
queries run on both: the same visits, in the same order, and the same counts.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, delete, insert, select, text, update
from sqlalchemy.engine import make_url

from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.visits import visit_log
from fieldlog.services.visits.visit_log import VisitFilter, VisitSort
from fieldlog.store import search_index, server_search
from fieldlog.store.database import Database
from fieldlog.store.models import Base, Organization, Visit
from fieldlog.store.repositories import visit_list
from tests.conftest import SERVER, open_copy
from tests.store.test_visit_search import (
    _full_visit,
    _org,
    _visit,
    reference_visit_search,
    summaries_,
    texts,
)

pytestmark = pytest.mark.skipif(not SERVER, reason="FIELDLOG_TEST_POSTGRES_URL is not set")

SORTS = (
    VisitSort(),
    VisitSort("date", False),
    VisitSort("organization", False),
    VisitSort("intent", True),
)
#: 1, 2 and 3+ Chinese characters, Latin in both cases, mixed, digits, codes, initials, LIKE's
#: wildcards, spaces, and words nowhere in the demo.
QUERIES = [
    "华", "圳", "深圳", "物流", "协会", "商会", "新能源", "深圳市", "有限公司", "产业园",
    "a", "A", "s", "sz", "SZ", "Sz", "gs", "9144", "91440300", "914403", "9", "X",
    "AI", "ai", "5G", "TCL", "科技 ", " 科技", "华为AI", "%", "_", "\\", "'", "无此词语",
    "zzzzzz", "考察", "签约", "对接",
]  # fmt: skip


def _new_server_database() -> tuple[str, Any]:
    assert SERVER is not None
    name = f"fieldlog_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return make_url(SERVER).set(database=name).render_as_string(hide_password=False), admin


def copy_rows(source: Database, target: Database) -> None:
    """Every replicated and local row of `source` into `target` as stored (same ids)."""
    tables = [t for t in Base.metadata.sorted_tables if t.name != "local_state"]
    with source.read() as reading:
        rows = {t.name: [dict(r._mapping) for r in reading.execute(select(t))] for t in tables}
    with target.begin() as session:
        for table in reversed(tables):
            session.execute(delete(table))
        for table in tables:
            if rows[table.name]:
                session.execute(insert(table), rows[table.name])


@pytest.fixture(scope="module")
def engines(
    tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path
) -> Iterator[tuple[Database, Database]]:
    """The demo on SQLite and the same rows on a server database of this module."""
    lite = open_copy(demo_database_file, tmp_path_factory.mktemp("lite"))
    url, admin = _new_server_database()
    server = open_workspace(url)
    try:
        copy_rows(lite, server)
        yield lite, server
    finally:
        lite.close()
        server.close()
        name = make_url(url).database
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _page(db: Database, query: str, sort: VisitSort = SORTS[0]) -> list[uuid.UUID]:
    return [row.id for row in visit_log.visit_page(db, VisitFilter(text=query), sort, 0, 5000)]


def _same_on_both(engines: tuple[Database, Database], query: str, sort: VisitSort) -> int:
    lite, server = engines
    found = _page(server, query, sort)
    assert found == _page(lite, query, sort), (query, sort)
    wanted = VisitFilter(text=query)
    assert visit_log.count_matching_visits(server, wanted) == len(found), query
    capped = visit_log.count_matching_visits(server, wanted, cap=50)
    assert capped == visit_log.count_matching_visits(lite, wanted, cap=50) == min(len(found), 50)
    return len(found)


@pytest.mark.parametrize("sort", SORTS, ids=lambda sort: f"{sort.key}-{sort.descending}")
def test_the_demo_gives_the_same_visits_in_the_same_order_on_both_engines(
    engines: tuple[Database, Database], sort: VisitSort
) -> None:
    found = {query: _same_on_both(engines, query, sort) for query in QUERIES}
    # The queries reach: most find something, some find nothing, none finds everything.
    assert sum(1 for n in found.values() if n) >= len(QUERIES) // 2
    assert found["无此词语"] == 0 and found["深圳"] > 0 and found["sz"] == found["SZ"]


@pytest.mark.parametrize("sort", SORTS[:3], ids=lambda sort: f"{sort.key}-{sort.descending}")
def test_walking_the_log_for_a_common_word_gives_the_same_pages(
    engines: tuple[Database, Database], sort: VisitSort, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every query taken as a common one: the server walks the log in order and checks each
    visit, instead of listing the index's hits (what a word in many visits does)."""
    monkeypatch.setattr(visit_list, "COMMON_HITS", 1)
    for query in QUERIES[::2]:
        _same_on_both(engines, query, sort)


def _demo_texts(db: Database) -> list[str]:
    with db.read() as session:
        names = session.execute(select(Organization.name, Organization.name_initials)).all()
        codes = session.execute(select(Organization.credit_code)).scalars().all()
        notes = session.execute(select(Visit.summary).limit(400)).scalars().all()
    return [v for pair in names for v in pair if v] + [c for c in codes if c] + list(notes)


@st.composite
def _demo_fragments(draw: st.DrawFn, texts_: list[str]) -> str:
    """A piece of real demo text (1 to 6 characters), its ASCII letters in a random case."""
    source = draw(st.sampled_from(texts_))
    start = draw(st.integers(0, max(len(source) - 1, 0)))
    piece = source[start : start + draw(st.integers(1, 6))]
    return "".join(c.swapcase() if draw(st.booleans()) else c for c in piece)


@pytest.fixture(scope="module")
def demo_texts(engines: tuple[Database, Database]) -> list[str]:
    return _demo_texts(engines[0])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_fragments_of_demo_text_agree_on_both_engines(
    engines: tuple[Database, Database], demo_texts: list[str], data: st.DataObject
) -> None:
    query = data.draw(_demo_fragments(demo_texts))
    _same_on_both(engines, query, data.draw(st.sampled_from(SORTS)))


def test_the_search_reads_its_indexes(engines: tuple[Database, Database]) -> None:
    """Whenever a full scan is not cheaper (here: forbidden), the plan reads the GIN indexes."""
    _, server = engines
    for query, used in (
        ("深圳", ("ix_visit_summary_grams", "ix_organization_name_grams")),
        ("华", ("ix_visit_summary_grams", "ix_organization_name_grams")),
        ("sz", ("ix_organization_initials_grams", "ix_organization_code_folded")),
    ):
        statement = select(Visit.id).where(Visit.id.in_(server_search.matching_visits(query)))
        with server.read() as session:
            session.execute(text("SET LOCAL enable_seqscan = off"))
            sql = str(statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
            plan = "\n".join(session.execute(text(f"EXPLAIN {sql}")).scalars())
        for index in used:
            assert index in plan, (query, plan)
        assert "Seq Scan on visit" not in plan


# -- arbitrary text, written every way, against the plain reference ----------------------------


@pytest.fixture(scope="module")
def scratch() -> Iterator[Database]:
    url, admin = _new_server_database()
    database = open_workspace(url)
    yield database
    database.close()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


def _write(db: Database, orgs: list[dict[str, Any]], visits: list[dict[str, Any]]) -> None:
    with db.begin() as session:
        session.execute(delete(Visit))
        session.execute(delete(Organization))
    half = len(visits) // 2
    with db.begin() as session:  # the ORM, then Core, as bulk inserts and sync merges write
        session.add_all(Organization(**org) for org in orgs)
        session.flush()
        session.add_all(Visit(**visit) for visit in visits[:half])
    with db.begin() as session:
        if visits[half:]:
            session.execute(insert(Visit), [_full_visit(v) for v in visits[half:]])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(st.tuples(texts, texts, texts), min_size=1, max_size=3),
    summaries=st.lists(st.tuples(st.integers(0, 2), summaries_), max_size=5),
    renamed=texts,
    query=st.text(alphabet="华为科技园区深圳AaBbZz09 %_\\'", min_size=1, max_size=4),
)
def test_any_text_gives_what_the_plain_reference_gives_on_the_server(
    scratch: Database,
    names: list[tuple[str, str, str]],
    summaries: list[tuple[int, str]],
    renamed: str,
    query: str,
) -> None:
    orgs = [_org(name, initials, code or None) for name, initials, code in names]
    visits = [_visit(orgs[n % len(orgs)]["id"], summary) for n, summary in summaries]
    _write(scratch, orgs, visits)
    with scratch.begin() as session:  # a rename reaches its visits
        session.execute(
            update(Organization).where(Organization.id == orgs[0]["id"]).values(name=renamed)
        )
    orgs[0]["name"] = renamed
    expected = reference_visit_search(orgs, visits, query)
    assert set(_page(scratch, query)) == expected
    assert visit_log.count_matching_visits(scratch, VisitFilter(text=query)) == len(expected)


def test_text_past_the_indexed_start_of_a_long_summary_is_found(scratch: Database) -> None:
    org = _org("深圳华为科技")
    long_note = "调研" * search_index.INDEXED_CHARS + "末尾提到冷链仓储"
    visits = [_visit(org["id"], long_note), _visit(org["id"], "冷链仓储在前面")]
    _write(scratch, [org], visits)
    for query, count in (("冷链", 2), ("末尾提到", 1), ("调研", 1), ("尾", 1), ("无此", 0)):
        assert len(_page(scratch, query)) == count, query


def test_the_migration_indexes_visits_already_there(tmp_path: Path) -> None:
    """Upgrading a server database that has visits makes them findable (and a downgrade
    removes every trace)."""
    from fieldlog.store import migrate

    url, admin = _new_server_database()
    try:
        db = open_workspace(url)
        org = _org("铜仁物流园区", "trwlyq")
        _write(db, [org], [_visit(org["id"], "冷链签约")])
        with db.engine.begin() as conn:
            from alembic import command

            command.downgrade(migrate.alembic_config(conn), "0011")
            names = conn.execute(text("SELECT indexname FROM pg_indexes")).scalars().all()
            assert not any(server_search.is_search_index(n) for n in names)
            migrate.upgrade(conn)
        assert len(_page(db, "冷链")) == len(_page(db, "trw")) == 1
        db.close()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
        admin.dispose()
    shutil.rmtree(tmp_path, ignore_errors=True)
