"""The bigram search index finds exactly what LIKE finds, whichever way the data was written."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, literal_column, select, text, update

from fieldlog.services.visits import visit_log
from fieldlog.services.visits.visit_log import VisitFilter, VisitSort
from fieldlog.store import search_index
from fieldlog.store.database import Database, open_database
from fieldlog.store.models import Organization, Visit
from fieldlog.store.repositories import visit_list
from fieldlog.store.repositories.bulk_rows import insert_rows
from tests.conftest import password

# Chinese, both cases of ASCII, digits, LIKE's wildcards and escape, FTS5 syntax characters.
ALPHABET = "华为科技园区签约深圳物流协会AaBbZz09 %_\\\"*^:.,，（）-'"
texts = st.text(alphabet=ALPHABET, max_size=12) | st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=6
)
fragments = st.text(alphabet=ALPHABET, min_size=1, max_size=5)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(str(tmp_path_factory.mktemp("search") / "s.db"), password=password())
    yield database
    database.close()


def _org(name: str, initials: str = "", code: str | None = None) -> dict[str, Any]:
    org_id = uuid.uuid4()
    return dict(
        id=org_id,
        name=name,
        name_key=name,
        name_initials=initials,
        kind="enterprise",
        credit_code=code,
    )


def _visit(org_id: uuid.UUID, summary: str, day: int = 1) -> dict[str, Any]:
    return dict(id=uuid.uuid4(), org_id=org_id, summary=summary, visited_on=date(2024, 1, day))


def _clear(db: Database) -> None:
    with db.begin() as session:
        session.execute(delete(Visit))
        session.execute(delete(Organization))


def _indexed(db: Database, fragment: str) -> set[int]:
    """Visit rowids the index holds for `fragment` (every visit, live or not)."""
    with db.read() as session:
        return set(session.execute(search_index.matching_rowids(fragment)).scalars())


def _liked(db: Database, fragment: str) -> set[int]:
    """Visit rowids LIKE finds for `fragment`: the plain way the index must agree with."""
    query = (
        select(literal_column("visit.rowid"))
        .select_from(Visit)
        .outerjoin(Organization, Organization.id == Visit.org_id)
        .where(visit_list._like_condition(fragment))
    )
    with db.read() as session:
        return set(session.execute(query).scalars())


def _agree(db: Database, found: list[str]) -> None:
    for fragment in found:
        assert _indexed(db, fragment) == _liked(db, fragment), fragment


def _orm_insert(db: Database, orgs: list[dict[str, Any]], visits: list[dict[str, Any]]) -> None:
    with db.begin() as session:
        session.add_all(Organization(**org) for org in orgs)
        session.flush()
        session.add_all(Visit(**visit) for visit in visits)


def _fragments_of(values: list[str], extra: list[str]) -> list[str]:
    """Fragments cut out of the texts (so that most are found) and random ones."""
    found = {value[i : i + n] for value in values for n in (1, 2, 3) for i in range(len(value))}
    return sorted({f for f in found if f.strip()})[:40] + extra


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(st.tuples(texts, texts, texts), min_size=1, max_size=4),
    summaries=st.lists(st.tuples(st.integers(0, 3), texts), max_size=8),
    edits=st.lists(st.tuples(st.integers(0, 7), texts), max_size=3),
    renames=st.lists(st.tuples(st.integers(0, 3), texts), max_size=2),
    extra=st.lists(fragments, max_size=5),
)
def test_the_index_finds_what_like_finds_after_every_kind_of_write(
    shared: Database,
    names: list[tuple[str, str, str]],
    summaries: list[tuple[int, str]],
    edits: list[tuple[int, str]],
    renames: list[tuple[int, str]],
    extra: list[str],
) -> None:
    _clear(shared)
    orgs = [_org(name, initials, code or None) for name, initials, code in names]
    half = len(summaries) // 2
    visits = [_visit(orgs[n % len(orgs)]["id"], summary) for n, summary in summaries]
    _orm_insert(shared, orgs, visits[:half])
    with shared.begin() as session:  # Core, as bulk inserts and sync merges write
        insert_rows(session, Visit.__table__, [_full_visit(v) for v in visits[half:]])
    with shared.begin() as session:
        for n, summary in edits:
            if visits:
                session.get_one(Visit, visits[n % len(visits)]["id"]).summary = summary
        for n, name in renames:
            org_id = orgs[n % len(orgs)]["id"]
            session.execute(update(Organization).where(Organization.id == org_id).values(name=name))
        if visits:
            session.execute(delete(Visit).where(Visit.id == visits[0]["id"]))
    values = [v for org in orgs for v in (org["name"], org["name_initials"])]
    values += [summary for _, summary in summaries + edits] + [name for _, name in renames]
    _agree(shared, _fragments_of(values, extra))


def _full_visit(visit: dict[str, Any]) -> dict[str, Any]:
    now = datetime(2024, 1, 1, tzinfo=UTC)
    return {
        **visit,
        "created_at": now,
        "updated_at": now,
        "node_id": "",
        "hlc": 0,
        "deleted": False,
        "field_stamps": {},
        "local_seq": 0,
        "intent": "",
    }


def test_a_visit_written_before_its_organization_is_found_by_the_name(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "order.db"))
    org = _org("深圳市华为技术有限公司", "szshwjsyxgs", "91440300MA5ABCDE1X")
    visit = _visit(org["id"], "洽谈")
    with db.begin() as session:  # a sync package may carry the visit first
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        insert_rows(session, Visit.__table__, [_full_visit(visit)])
        session.add(Organization(**org))
    _agree(db, ["华为", "华", "技术有限", "hw", "91440", "9", "ABCDE", "洽谈"])
    assert _indexed(db, "华为") and _indexed(db, "91440") and not _indexed(db, "ABCDE")
    with db.begin() as session:  # an organization removed for good takes its name away
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        session.execute(delete(Organization))
        _agree(db, ["华为", "洽谈", "hw"])
        assert not _indexed(db, "华为") and _indexed(db, "洽谈")
        session.execute(delete(Visit))
    assert not _indexed(db, "洽") and not _indexed(db, "谈")
    db.close()


def test_a_rebuilt_index_is_the_same_index(shared: Database) -> None:
    _clear(shared)
    org = _org("铜仁物流园区", "trwlyq", "52060000A")
    _orm_insert(shared, [org], [_visit(org["id"], "签约 50% A_b"), _visit(org["id"], "")])
    before = {f: _indexed(shared, f) for f in ("物流", "签约", "%", "_b", "a_", "trw", "520")}
    with shared.begin() as session:
        search_index.rebuild(session.connection())
    assert {f: _indexed(shared, f) for f in before} == before
    _agree(shared, list(before))


@pytest.mark.parametrize("common_hits", [1, 10**9], ids=["walk-in-order", "sort-the-hits"])
def test_search_pages_equal_the_like_search_in_order(
    shared: Database, monkeypatch: pytest.MonkeyPatch, common_hits: int
) -> None:
    monkeypatch.setattr(visit_list, "COMMON_HITS", common_hits)
    _clear(shared)
    orgs = [_org("深圳华为科技"), _org("铜仁物流园区"), _org("Acme 50%_co", "acme", "9144A")]
    words = ["华为签约", "园区考察", "", "科技 物流", "acme", "50%"]
    visits = [_visit(orgs[n % 3]["id"], words[n % 6], 1 + n % 5) for n in range(30)]
    _orm_insert(shared, orgs, visits)
    for fragment in ["华为", "华", "园区考", "物流", "%", "ACME", "9144", "o", "无此"]:
        for sort in (VisitSort(), VisitSort("organization", False), VisitSort("date", False)):
            wanted = VisitFilter(text=fragment)
            found = [row.id for row in visit_log.visit_page(shared, wanted, sort, 0, 1000)]
            expected = _like_page(shared, fragment, sort)
            assert found == expected, (fragment, sort)
            assert visit_log.count_matching_visits(shared, wanted) == len(expected)


def _like_page(db: Database, fragment: str, sort: VisitSort) -> list[uuid.UUID]:
    from fieldlog.store.repositories import visit_keyset

    order = visit_keyset.terms(sort.key, sort.descending)
    query = (
        select(Visit.id)
        .join(Organization, Organization.id == Visit.org_id)
        .where(Visit.deleted.is_(False), Organization.deleted.is_(False))
        .where(visit_list._like_condition(fragment))
        .order_by(*visit_keyset.order_by(order))
    )
    with db.read() as session:
        return list(session.execute(query).scalars())


def test_text_beyond_the_indexed_start_of_a_long_summary_is_found(shared: Database) -> None:
    _clear(shared)
    org = _org("深圳华为科技")
    long_note = "调研" * search_index.INDEXED_CHARS + "末尾提到冷链仓储"  # past what is split
    visits = [_visit(org["id"], long_note), _visit(org["id"], "冷链仓储在前面")]
    _orm_insert(shared, [org], visits)
    for fragment in ("冷链", "仓储", "末尾提到", "调研", "尾"):
        wanted = VisitFilter(text=fragment)
        found = {row.id for row in visit_log.visit_page(shared, wanted, VisitSort(), 0, 100)}
        assert found == set(_like_page(shared, fragment, VisitSort())), fragment
    assert visit_log.count_matching_visits(shared, VisitFilter(text="冷链")) == 2


def test_a_ten_megabyte_summary_is_written_at_once(shared: Database) -> None:
    _clear(shared)
    org = _org("深圳华为科技")
    _orm_insert(shared, [org], [_visit(org["id"], "长" * 10_000_000 + "尾声")])
    assert visit_log.count_matching_visits(shared, VisitFilter(text="尾声")) == 1


# -- whatever a user can paste ---------------------------------------------------------------

#: Any text: every code point (lone surrogates and NUL included), LIKE's and FTS5's special
#: characters, quotes, and fragments far longer than a LIKE pattern may be (50,000 bytes).
queries = st.one_of(
    st.text(max_size=8),
    st.text(alphabet=ALPHABET + "\x00\ud83d\udc4d\U0001f44d\t\n", min_size=1, max_size=8),
    st.builds(
        lambda piece, times: piece * times,
        st.sampled_from(["华", "a", "%", "_", "\\", "'", '"', "\ud83d", "\x00", "调研"]),
        st.integers(1, 30_000),
    ),
)
#: Stored summaries, a few of them longer than the index covers (read by the fallback).
summaries_ = texts | st.builds(
    lambda t: ("调研" + t) * (search_index.INDEXED_CHARS // 2 + 1), texts
)


def _folded(value: str | None) -> str:
    return search_index.fold(value or "")


def reference_visit_search(orgs: list[dict[str, Any]], visits: list[dict[str, Any]], query: str):
    """The plain reference of the log's text search, as LIKE reads it: the summary or the
    organization's name contain the query, for ASCII also the pinyin initials contain it or the
    credit code starts with it; ASCII letters in either case; a blank query matches all."""
    text = _folded(query.strip())
    by_id = {org["id"]: org for org in orgs}
    found = set()
    for visit in visits:
        org = by_id[visit["org_id"]]
        if (
            not text
            or text in _folded(visit["summary"])
            or text in _folded(org["name"])
            or (text.isascii() and text in _folded(org["name_initials"]))
            or (text.isascii() and _folded(org["credit_code"]).startswith(text))
        ):
            found.add(visit["id"])
    return found


def reference_org_search(orgs: list[dict[str, Any]], query: str) -> set[uuid.UUID]:
    """The plain reference of the organization search: the same rule over the organizations."""
    text = _folded(query.strip())
    return {
        org["id"]
        for org in orgs
        if not text
        or text in _folded(org["name"])
        or (text.isascii() and text in _folded(org["name_initials"]))
        or (text.isascii() and _folded(org["credit_code"]).startswith(text))
    }


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(st.tuples(texts, texts, texts), min_size=1, max_size=3),
    summaries=st.lists(st.tuples(st.integers(0, 2), summaries_), max_size=5),
    query=queries,
)
def test_any_query_gives_what_the_plain_reference_gives(
    shared: Database,
    names: list[tuple[str, str, str]],
    summaries: list[tuple[int, str]],
    query: str,
) -> None:
    from fieldlog.services.orgs import org_directory
    from fieldlog.services.orgs.org_search import search_orgs

    _clear(shared)
    orgs = [_org(name, initials, code or None) for name, initials, code in names]
    visits = [_visit(orgs[n % len(orgs)]["id"], summary) for n, summary in summaries]
    _orm_insert(shared, orgs, visits)
    wanted = VisitFilter(text=query)
    expected = reference_visit_search(orgs, visits, query)
    page = visit_log.visit_page(shared, wanted, VisitSort(), 0, 1000)
    assert {row.id for row in page} == expected
    assert visit_log.count_matching_visits(shared, wanted) == len(expected)
    expected_orgs = reference_org_search(orgs, query)
    assert {hit.id for hit in search_orgs(shared, query, limit=1000)} == expected_orgs
    where = org_directory.OrgFilter(query)
    assert {row.id for row in org_directory.list_orgs(shared, where)} == expected_orgs
    assert org_directory.count_orgs(shared, where) == len(expected_orgs)


@pytest.mark.parametrize(
    "query",
    ["\ud83d", "华为\ud83d", "\udc4d", "\x00", "华为\x00", "\x00%", "华" * 20_000, "%" * 30_000],
    ids=[
        "lone-high",
        "name-then-lone",
        "lone-low",
        "nul",
        "name-then-nul",
        "nul-percent",
        "long-chinese",
        "long-percent",
    ],
)
def test_a_query_no_stored_text_can_hold_matches_nothing(shared: Database, query: str) -> None:
    from fieldlog.services.orgs import org_directory
    from fieldlog.services.orgs.org_search import search_orgs

    _clear(shared)
    org = _org("深圳华为科技", "szhwkj", "9144A")
    visits = [_visit(org["id"], "华为签约"), _visit(org["id"], "调研" * search_index.INDEXED_CHARS)]
    _orm_insert(shared, [org], visits)
    wanted = VisitFilter(text=query)
    assert visit_log.visit_page(shared, wanted, VisitSort(), 0, 100) == []
    assert visit_log.count_matching_visits(shared, wanted) == 0
    assert search_orgs(shared, query) == []
    assert org_directory.count_orgs(shared, org_directory.OrgFilter(query)) == 0


# -- a common fragment's page looked for at the head of the log --------------------------------


def _paged(db: Database, wanted: VisitFilter, sort: VisitSort, size: int) -> list[uuid.UUID]:
    """Every matching visit, read page after page of `size` as the log scrolls (keyset)."""
    found: list[uuid.UUID] = []
    after = None
    while True:
        rows = visit_log.visit_page(db, wanted, sort, 0, size, after=after)
        found += [row.id for row in rows]
        if len(rows) < size:
            return found
        after = rows[-1]


@pytest.fixture()
def probe_always(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every text search with a hit tries the probe; returns the count of pages it filled."""
    monkeypatch.setattr(visit_list, "COMMON_HITS", 1)
    monkeypatch.setattr(visit_list, "PROBE_ROWS", 10**9)
    filled: list[int] = []
    probed = visit_list._probed_keys

    def counting(*args: Any, **kwargs: Any) -> Any:
        keys = probed(*args, **kwargs)
        filled.extend([1] if keys is not None else [])
        return keys

    monkeypatch.setattr(visit_list, "_probed_keys", counting)
    return filled


def test_pages_found_by_the_probe_equal_the_like_search(
    shared: Database, probe_always: list[int]
) -> None:
    _clear(shared)
    orgs = [_org("深圳华为科技"), _org("铜仁物流园区"), _org("Acme 50%_co", "acme", "9144A")]
    words = ["华为签约", "园区考察", "", "科技 物流", "acme", "50%"]
    visits = [_visit(orgs[n % 3]["id"], words[n % 6], 1 + n % 5) for n in range(60)]
    _orm_insert(shared, orgs, visits)
    sorts = (VisitSort(), VisitSort("organization", False), VisitSort("date", False))
    for fragment in ["华为", "华", "园区考", "物流", "%", "ACME", "9144", "o", "无此"]:
        for sort in sorts:
            expected = _like_page(shared, fragment, sort)
            for size in (1, 4, 7):
                found = _paged(shared, VisitFilter(text=fragment), sort, size)
                assert found == expected, (fragment, sort, size)
            page = visit_log.visit_page(shared, VisitFilter(text=fragment), sort, 3, 4)
            assert [row.id for row in page] == expected[3:7], (fragment, sort)
            tail = visit_log.visit_page(
                shared, VisitFilter(text=fragment), sort, 0, 4, from_end=True
            )
            assert [row.id for row in tail] == expected[-4:], (fragment, sort)
    assert len(probe_always) > 100  # the probe, not the index, found most of those pages


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    summaries=st.lists(st.tuples(st.integers(0, 2), texts, st.integers(1, 9)), max_size=25),
    names=st.lists(texts, min_size=3, max_size=3),
    extra=st.lists(fragments, max_size=4),
    size=st.integers(1, 5),
)
def test_the_probe_pages_like_the_like_search_for_any_text(
    shared: Database,
    probe_always: list[int],
    summaries: list[tuple[int, str, int]],
    names: list[str],
    extra: list[str],
    size: int,
) -> None:
    _clear(shared)
    orgs = [_org(name or "无名") for name in names]
    visits = [_visit(orgs[n]["id"], summary, day) for n, summary, day in summaries]
    _orm_insert(shared, orgs, visits)
    values = [summary for _, summary, _ in summaries] + names
    for fragment in _fragments_of(values, extra)[:12]:
        # The log searches for the text as typed, less the spaces around it.
        expected = _like_page(shared, fragment.strip(), VisitSort())
        assert _paged(shared, VisitFilter(text=fragment), VisitSort(), size) == expected, fragment
