"""Keyset pages and pages from the end give every matching visit once, in order, for every sort."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.visits import visit_log
from fieldlog.services.visits.visit_log import SORT_KEYS, VisitFilter, VisitListRow, VisitSort
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Chain, Organization, Visit
from tests.conftest import new_database

INTENTS = ["", "strong", "medium", "weak", "none"]


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_workspace(new_database(tmp_path_factory.mktemp("paging"), "p.db"))
    yield database
    database.close()


visits = st.lists(
    st.tuples(
        st.integers(0, 3),  # day: few days, so that many visits tie on the date
        st.integers(0, 2),  # organization
        st.integers(0, 3),  # kind (3: none)
        st.integers(0, 3),  # chain (3: none)
        st.sampled_from(INTENTS),
        st.one_of(st.none(), st.integers(0, 2)),  # follow-up day
        st.booleans(),  # matches the search word
    ),
    max_size=25,
)


def _fill(db: Database, rows: list[tuple[int, int, int, int, str, int | None, bool]]) -> None:
    with db.begin() as session:
        session.execute(delete(Visit))
        session.execute(delete(Organization))
        kinds = list(session.execute(select(CatalogItem.id).limit(3)).scalars())
        chains = list(session.execute(select(Chain.id).limit(3)).scalars())
        orgs = [
            Organization(name=n, name_key=n, name_initials=i, kind="enterprise")
            for n, i in (("铜仁物流", "trwl"), ("深圳电子", "szdz"), ("华为", "hw"))
        ]
        session.add_all(orgs)
        session.flush()
        day = date(2024, 3, 1)
        for d, org, kind, chain, intent, follow, hit in rows:
            session.add(
                Visit(
                    visited_on=day + timedelta(days=d),
                    org_id=orgs[org].id,
                    kind_id=kinds[kind] if kind < len(kinds) else None,
                    chain_id=chains[chain] if chain < len(chains) else None,
                    intent=intent,
                    next_follow_up=None if follow is None else day + timedelta(days=follow),
                    summary="园区签约" if hit else "座谈",
                )
            )


def _walk(db: Database, wanted: VisitFilter, sort: VisitSort, size: int) -> list[uuid.UUID]:
    seen: list[uuid.UUID] = []
    last: VisitListRow | None = None
    while True:
        page = visit_log.visit_page(db, wanted, sort, limit=size, after=last)
        seen += [row.id for row in page]
        if len(page) < size:
            return seen
        last = page[-1]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=visits, size=st.integers(1, 7), text=st.sampled_from(["", "签约", "园", "铜仁"]))
def test_every_sort_pages_every_visit_once_forwards_and_from_the_end(
    shared: Database,
    rows: list[tuple[int, int, int, int, str, int | None, bool]],
    size: int,
    text: str,
) -> None:
    _fill(shared, rows)
    wanted = VisitFilter(text=text)
    for key in SORT_KEYS:
        for descending in (True, False):
            sort = VisitSort(key, descending)
            whole = [row.id for row in visit_log.visit_page(shared, wanted, sort, 0, 1000)]
            assert len(set(whole)) == len(whole)
            assert _walk(shared, wanted, sort, size) == whole, sort
            by_offset = [
                row.id
                for offset in range(0, len(whole), size)
                for row in visit_log.visit_page(shared, wanted, sort, offset, size)
            ]
            assert by_offset == whole
            tail = visit_log.visit_page(shared, wanted, sort, limit=size, from_end=True)
            assert [row.id for row in tail] == whole[-size:]


def test_the_count_stops_at_its_cap(db: Database, tmp_path: Path) -> None:
    _fill(db, [(n % 4, 0, 0, 0, "", None, True) for n in range(12)])
    assert visit_log.count_matching_visits(db, VisitFilter()) == 12
    assert visit_log.count_matching_visits(db, VisitFilter(), cap=5) == 5
    assert visit_log.count_matching_visits(db, VisitFilter(text="签约"), cap=100) == 12


def test_a_row_without_its_sort_key_cannot_be_continued_after(db: Database) -> None:
    _fill(db, [(0, 0, 0, 0, "", None, True)])
    row = visit_log.visit_page(db, VisitFilter())[0]
    bare = VisitListRow(**{**row.__dict__, "sort_key": ()})
    with pytest.raises(ValueError, match="sort key"):
        visit_log.visit_page(db, VisitFilter(), after=bare)
