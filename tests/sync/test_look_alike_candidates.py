"""The review list after sync: names a person would call one organization, not only equal ones."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import select

from fieldlog.domain.credit_code import make_credit_code
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange import sync_review
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.store.models import DuplicateCandidate, Organization
from fieldlog.sync.candidates import refresh_candidates
from tests.conftest import reopen
from tests.records import fetch
from tests.sync.conftest import Laptop

Make = Callable[[str], Laptop]
HUAWEI = ("深圳市华为技术有限公司", "华为技术有限公司（深圳）", "华为技术（深圳）有限公司")
CODES = (make_credit_code("91440300MA5D00001"), make_credit_code("91440300MA5D00002"))


def _org(laptop: Laptop, name: str, code: str | None = None) -> uuid.UUID:
    return orgs.save_org(laptop.db, orgs.OrgInput(name, credit_code=code)).id


def _listed(laptop: Laptop) -> list[tuple[uuid.UUID, uuid.UUID, str]]:
    return [
        (v.first.id, v.second.id, v.reason) for v in sync_review.duplicate_candidates(laptop.db)
    ]


def _stored(laptop: Laptop) -> list[tuple[uuid.UUID, uuid.UUID, str, str]]:
    with laptop.db.read() as session:
        rows = session.execute(select(DuplicateCandidate)).scalars()
        return sorted((r.first_org_id, r.second_org_id, r.reason, r.status) for r in rows)


def test_the_huawei_triple_meets_on_the_review_list(laptops: Make) -> None:
    a, b, c = laptops("a"), laptops("b"), laptops("c")
    ids = [_org(a, HUAWEI[0]), _org(b, HUAWEI[1]), _org(c, HUAWEI[2])]
    _org(a, "华为终端有限公司")  # same brand, another company: never proposed
    report = a.receive(b.export(), c.export())
    assert report.duplicate_candidates == 2
    earliest, *others = sorted(ids)
    assert _listed(a) == [(earliest, other, "similar") for other in others]
    [view] = [v for v in sync_review.duplicate_candidates(a.db) if v.second.id == others[0]]
    assert view.score == 100.0


def test_two_laptops_get_the_same_review_list(laptops: Make) -> None:
    a, b, c = laptops("a"), laptops("b"), laptops("c")
    _org(a, HUAWEI[0])
    _org(a, "深圳市贵州商会")
    _org(b, HUAWEI[1])
    _org(b, "贵州商会")
    _org(b, "上海市贵州商会")
    _org(c, HUAWEI[2])
    _org(c, "深圳市 贵州商会")
    pa, pb, pc = a.export(), b.export(), c.export()
    a.receive(pb)  # a and b receive in different orders and in different rounds
    a.receive(pc)
    b.receive(pc, pa)
    c.receive(pa, pb)
    assert a.digest() == b.digest() == c.digest()
    listed = _listed(a)
    assert listed and listed == _listed(b) == _listed(c)
    assert _stored(a) == _stored(b) == _stored(c)
    assert {reason for *_, reason in listed} == {"name", "similar"}


def test_different_credit_codes_keep_look_alikes_off_the_list(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    _org(a, HUAWEI[0], CODES[0])
    _org(b, HUAWEI[1], CODES[1])
    report = a.receive(b.export())
    assert report.duplicate_candidates == 0 and _listed(a) == []


def test_codes_typed_after_the_list_was_made_take_the_pair_off(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    first, second = _org(a, HUAWEI[0]), _org(b, HUAWEI[1])
    a.receive(b.export())
    assert len(_listed(a)) == 1
    orgs.save_org(a.db, orgs.OrgInput(HUAWEI[0], credit_code=CODES[0]), org_id=first)
    assert len(_listed(a)) == 1  # one code does not tell them apart
    orgs.save_org(a.db, orgs.OrgInput(HUAWEI[1], credit_code=CODES[1]), org_id=second)
    assert _listed(a) == []


def test_a_dismissed_similar_pair_stays_dismissed(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    first = _org(a, HUAWEI[0])
    second = _org(b, HUAWEI[1])
    a.receive(b.export())
    [pair] = sync_review.duplicate_candidates(a.db)
    sync_review.dismiss_duplicate(a.db, pair.id)
    third = _org(b, HUAWEI[2])  # b logs it a third time
    a.receive(b.export())
    listed = _listed(a)
    assert (min(first, second), max(first, second), "similar") not in listed
    assert [second_id for _, second_id, _ in listed] == [third]
    with a.db.read() as session:
        assert session.get(DuplicateCandidate, pair.id).status == "dismissed"


def test_a_pair_renamed_apart_leaves_the_list(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    _org(a, HUAWEI[0])
    renamed = _org(b, HUAWEI[1])
    a.receive(b.export())
    assert len(_listed(a)) == 1
    orgs.save_org(b.db, orgs.OrgInput("华为终端有限公司"), org_id=renamed)
    a.receive(b.export())
    assert fetch(a.db, Organization, renamed).name == "华为终端有限公司"
    assert _listed(a) == [] and _stored(a) == []


def test_a_merge_of_a_similar_pair_travels(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    first = _org(a, HUAWEI[0])
    second = _org(b, HUAWEI[2])
    a.receive(b.export())
    [pair] = sync_review.duplicate_candidates(a.db)
    keep, gone = sorted((first, second))
    sync_review.merge_duplicate(a.db, pair.id, keep)
    assert fetch(a.db, Organization, gone).deleted and _listed(a) == []
    b.receive(a.export())
    assert fetch(b.db, Organization, gone).deleted and _listed(b) == []


def test_after_a_dismissal_the_next_import_pairs_the_next_earliest(laptops: Make) -> None:
    a, b, c = laptops("a"), laptops("b"), laptops("c")
    x, y, z = _org(a, HUAWEI[0]), _org(b, HUAWEI[1]), _org(c, HUAWEI[2])
    a.receive(b.export(), c.export())
    assert _listed(a) == [(x, y, "similar"), (x, z, "similar")]  # created in that order
    [pair_xz] = [v for v in sync_review.duplicate_candidates(a.db) if v.second.id == z]
    sync_review.dismiss_duplicate(a.db, pair_xz.id)
    team.save_member(b.db, team.MemberInput("队员乙"))  # a package without any organization
    report = a.receive(b.export())
    assert report.duplicate_candidates == 1
    assert _listed(a) == [(x, y, "similar"), (y, z, "similar")]
    assert a.receive(c.export()).duplicate_candidates == 0  # nothing new: the list stands
    assert _listed(a) == [(x, y, "similar"), (y, z, "similar")]


def test_the_list_is_the_same_on_sqlite_and_postgresql(any_location: str) -> None:
    db = open_workspace(any_location) if "://" in any_location else reopen(any_location)
    try:
        for name in (*HUAWEI, "华为终端有限公司", "深圳市贵州商会", "贵州商会", "上海市贵州商会"):
            orgs.save_org(db, orgs.OrgInput(name))
        with db.begin() as session:
            assert refresh_candidates(session, datetime.now(UTC)) == 4
            assert refresh_candidates(session, datetime.now(UTC)) == 0  # nothing changed
        listed = [
            (v.first.name, v.second.name, v.reason) for v in sync_review.duplicate_candidates(db)
        ]
    finally:
        db.close()
    # Ids are UUIDv7: the order of creation.
    assert listed == [
        (HUAWEI[0], HUAWEI[1], "similar"),
        (HUAWEI[0], HUAWEI[2], "similar"),
        ("深圳市贵州商会", "贵州商会", "similar"),
        ("贵州商会", "上海市贵州商会", "similar"),
    ]
