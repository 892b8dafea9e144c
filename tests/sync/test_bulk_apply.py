"""The bulk apply gives exactly what the row-by-row apply gave.

Three laptops make organizations (two with one credit code, two look-alike names), visits with
follow-ups, attachments, then edit the same records on both sides (conflicts), delete what
another edits (tombstones), rename an organization and add a few hundred visits. Two receivers
take the same packages in the same imports: one the reference way (`importer.ROW_BY_ROW`: each
row decoded and merged in turn, the derived tables kept by their triggers), the other the bulk
way with the derived tables deferred (`deferred.DEFER_ROWS` lowered so these small imports defer
too). Both must hold the same rows (every replicated table, change numbers and field stamps
included), conflict log, reports, search index entries, follow-up rows, visit tally, stored
files and digest. A bad value is refused with the same sentence both ways, the database
unchanged and the real triggers back.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from fieldlog.services.attachments import attachments as att
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store import follow_up_index, search_index, visit_tally
from fieldlog.store.models import AttachmentFile, FieldChange, Organization, SyncConflict, Visit
from fieldlog.sync import deferred, importer
from fieldlog.sync.errors import PackageError
from fieldlog.sync.rows import SPECS
from tests.services.attachments import files
from tests.sync.bulk import add_visits
from tests.sync.conftest import Laptop

Make = Callable[[str], Laptop]
CODE = "91350100M000100Y43"


def _org(laptop: Laptop, name: str, code: str | None = None) -> uuid.UUID:
    return orgs.save_org(laptop.db, orgs.OrgInput(name, credit_code=code)).id


def _visit(laptop: Laptop, org: uuid.UUID, summary: str, days: int = 0) -> uuid.UUID:
    member = team.save_member(laptop.db, team.MemberInput(f"队员{laptop.name}"))
    data = visits.VisitInput(
        date(2020, 4, 1) + timedelta(days=days),
        org,
        [member],
        summary=summary,
        next_follow_up=date(2020, 5, 1) + timedelta(days=days),
    )
    return visits.save_visit(laptop.db, data)


def _edit(laptop: Laptop, model: type, record_id: uuid.UUID, **values: object) -> None:
    with laptop.db.begin() as session:
        record = session.get(model, record_id)
        for key, value in values.items():
            setattr(record, key, value)


def _imports(a: Laptop, b: Laptop, c: Laptop, folder: Path) -> list[list[Path]]:
    """The packages of three laptops' work, grouped as the receivers import them."""
    # (Each laptop's own organization with the shared code is made before it hears of the
    # others, so all three exist everywhere and are merged in each receiver's import.)
    shared_a = _org(a, "德润物流", CODE)
    own_a = _org(a, "深圳市铜仁商会")
    visit_a = _visit(a, own_a, "首次拜访 ABC 物流", 1)
    _visit(a, shared_a, "洽谈冷链", 2)
    shared_b = orgs.save_org(
        b.db, orgs.OrgInput("深圳德润物流有限公司", credit_code=CODE, phone="13800138000")
    ).id
    # A third with the same code: the kept one takes fields from two others in turn.
    orgs.save_org(
        c.db, orgs.OrgInput("德润物流深圳分公司", credit_code=CODE, address="福田区", notes="冷链")
    )
    _org(b, "深圳市 铜仁商会")  # a look-alike of a's, without a code
    _visit(b, shared_b, "b 的拜访", 3)
    camera = folder / "camera"
    camera.mkdir()
    photo_visit = _visit(c, _org(c, "贵州梵净山茶业有限公司"), "参观茶园", 4)
    att.add_files(c.db, att.Owner("visit", photo_visit), [files.photo(camera / "IMG_1.jpg", 1)])
    first = [a.export(), b.export(), c.export()]
    b.receive(first[0])
    a.receive(first[1])
    c.receive(first[0], first[1])
    # Concurrent edits of the same records, a delete against an edit, a rename, more visits.
    orgs.save_org(a.db, orgs.OrgInput("深圳市铜仁商会", phone="0755-1"), org_id=own_a)
    orgs.save_org(b.db, orgs.OrgInput("深圳市铜仁商会", phone="0755-2"), org_id=own_a)
    _edit(a, Visit, visit_a, summary="首次拜访 ABC 物流，谈妥仓储")
    _edit(b, Visit, visit_a, deleted=True)
    orgs.save_org(c.db, orgs.OrgInput("深圳市铜仁商会（总会）"), org_id=own_a)
    _visit(c, own_a, "回访", 9)
    add_visits(a.db, 240, who="甲", organizations=12)
    add_visits(b.db, 160, who="乙", organizations=8)
    second = [b.export(), c.export(), a.export()]
    a.receive(second[0], second[1])
    third = [a.export()]  # forwards b's and c's rows: most are unchanged at the receivers
    return [first, second, third, [*second, *third]]


def _rows(laptop: Laptop) -> dict[str, list[tuple[Any, ...]]]:
    """Every replicated table's rows with every column (change numbers included), by id; on
    SQLite as stored (the text of times, ids and field stamps), elsewhere as read."""
    with laptop.db.read() as session:
        raw = session.connection().dialect.name == "sqlite"
        return {
            name: [
                tuple(row)
                for row in session.execute(
                    text(f"SELECT * FROM {name} ORDER BY id")
                    if raw
                    else select(spec.table).order_by("id")
                )
            ]
            for name, spec in SPECS.items()
        }


def _local(laptop: Laptop) -> dict[str, Any]:
    """The local tables the apply writes, without their own ids and clock times."""
    with laptop.db.read() as session:
        conflicts = sorted(
            (
                row.table_name,
                str(row.row_id),
                row.field,
                row.winner_hlc,
                row.winner_node,
                row.loser_hlc,
                row.loser_node,
                json.dumps(row.winner_value, ensure_ascii=False),
                json.dumps(row.loser_value, ensure_ascii=False),
                str(row.package_id),
            )
            for row in session.execute(select(SyncConflict)).scalars()
        )
        history = sorted(
            (
                row.table_name,
                str(row.record_id),
                row.field,
                row.old_hlc,
                row.old_node,
                json.dumps(row.old_value),
                json.dumps(row.new_value),
            )
            for row in session.execute(select(FieldChange)).scalars()
        )
        stored = sorted(
            (row.sha256, base64.b64encode(row.data).decode())
            for row in session.execute(select(AttachmentFile)).scalars()
        )
    return {"conflicts": conflicts, "history": history, "files": stored}


def _derived(laptop: Laptop) -> dict[str, Any]:
    """The search index's entries (term, column, position by visit id) and the follow-ups."""
    with laptop.db.read() as session:
        connection = session.connection()
        if connection.dialect.name != "sqlite":
            return {}
        ids = dict(connection.execute(text("SELECT rowid, id FROM visit")).all())
        connection.execute(
            text(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.entries"
                f" USING fts5vocab(main, {search_index.INDEX_TABLE}, instance)"
            )
        )
        entries = sorted(
            (ids.get(doc), term, column, offset)
            for term, doc, column, offset in connection.execute(
                text("SELECT term, doc, col, offset FROM temp.entries")
            )
        )
        connection.execute(text("DROP TABLE temp.entries"))
        follow_ups = sorted(
            tuple(row)
            for row in connection.execute(
                text(f"SELECT org_id, visit_id, due FROM {follow_up_index.TABLE}")
            )
        )
        tally = sorted(
            tuple(row)
            for row in connection.execute(text(f"SELECT org_id, visits FROM {visit_tally.TABLE}"))
        )
        triggers = sorted(
            connection.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
            ).all()
        )
    return {
        "entries": entries,
        "follow_ups": follow_ups,
        "tally": tally,
        "triggers": triggers,
    }


def _report(report: Any) -> dict[str, Any]:
    data = report.as_dict()
    data.pop("backup", None)
    return data


def test_the_bulk_apply_equals_the_row_by_row_apply(
    laptops: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, c = laptops("a"), laptops("b"), laptops("c")
    old, new = laptops("old"), laptops("new")
    imports = _imports(a, b, c, tmp_path)
    for paths in imports:
        monkeypatch.setattr(importer, "ROW_BY_ROW", True)
        before = old.receive(*paths)
        monkeypatch.setattr(importer, "ROW_BY_ROW", False)
        monkeypatch.setattr(deferred, "DEFER_ROWS", 1)
        after = new.receive(*paths)
        assert _report(after) == _report(before)
    totals = [old.receive(*paths) for paths in imports[-1:]]
    assert all(p.skipped for p in totals[0].packages)
    assert _rows(new) == _rows(old)
    assert _local(new) == _local(old)
    assert _derived(new) == _derived(old)
    assert new.digest() == old.digest()
    # What the test covers really happened.
    local = _local(old)
    assert local["conflicts"] and local["files"] and local["history"]
    with old.db.read() as session:
        live = session.execute(
            select(Organization.name).where(Organization.credit_code == CODE)
        ).all()
        assert len(live) == 3  # one kept, two merged away (tombstones)
        kept = session.execute(
            select(Organization.phone, Organization.address).where(
                Organization.credit_code == CODE, Organization.deleted.is_(False)
            )
        ).one()
        assert tuple(kept) == ("13800138000", "福田区")  # filled from both others
    derived = _derived(old)
    if derived:
        assert derived["follow_ups"] and derived["entries"] and derived["tally"]
        assert any(name.startswith(visit_tally.TABLE) for name, _sql in derived["triggers"])
        assert any(name.startswith(search_index.INDEX_TABLE) for name, _sql in derived["triggers"])


def test_the_deferred_index_equals_one_built_afresh(
    laptops: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, receiver = laptops("a"), laptops("b"), laptops("r")
    add_visits(a.db, 300, who="甲", organizations=5)
    org = _org(b, "深圳市德润物流有限公司")
    _visit(b, org, "Mixed ASCII 与中文，%_ 符号", 1)
    monkeypatch.setattr(deferred, "DEFER_ROWS", 1)
    receiver.receive(a.export(), b.export())
    indexed = _derived(receiver)
    if not indexed:
        pytest.skip("PostgreSQL keeps no index table")
    with receiver.db.begin() as session:
        search_index.rebuild(session.connection())
        follow_up_index.rebuild(session.connection())
        visit_tally.rebuild(session.connection())
    assert _derived(receiver) == indexed
    assert len({doc for doc, *_rest in indexed["entries"]}) == 301


def test_the_python_bigrams_are_the_sql_ones(laptops: Make) -> None:
    receiver = laptops("r")
    texts = ["", "a", "AbC", "华为", "中文Ab%_ x", "é́ 😀 x", "x" * 2_100, "line\u2028break"]
    with receiver.db.read() as session:
        connection = session.connection()
        if connection.dialect.name != "sqlite":
            pytest.skip("SQLite's index only")
        for value in texts:
            query = text(f"SELECT {search_index._bigrams_sql(':value')}")
            assert (
                search_index.bigrams(value) == connection.execute(query, {"value": value}).scalar()
            )


def test_a_bad_value_is_refused_the_same_way_and_the_triggers_come_back(
    laptops: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, old, new = laptops("a"), laptops("old"), laptops("new")
    add_visits(a.db, 50, who="甲", organizations=3)
    with a.db.begin() as session:  # a text no decoder takes, written past the services
        last = session.execute(select(Visit.id).order_by(Visit.id.desc()).limit(1)).scalar()
        session.execute(
            Visit.__table__.update().where(Visit.id == last).values(summary="长" * 100_001)
        )
    package = a.export()
    problems = []
    for laptop, row_by_row in ((old, True), (new, False)):
        monkeypatch.setattr(importer, "ROW_BY_ROW", row_by_row)
        monkeypatch.setattr(deferred, "DEFER_ROWS", 1)
        before = _derived(laptop), laptop.digest()
        with pytest.raises(PackageError) as refusal:
            laptop.receive(package)
        problems.append(str(refusal.value))
        assert (_derived(laptop), laptop.digest()) == before
    assert problems[0] == problems[1]
    assert "visit.summary" in problems[0]
    # The real triggers index a visit written after the refusal.
    visit = _visit(new, _org(new, "贵州梵净山茶业有限公司"), "之后的拜访")
    with new.db.read() as session:
        if session.connection().dialect.name == "sqlite":
            rowid = session.execute(
                text("SELECT rowid FROM visit WHERE id = :id"), {"id": visit.hex}
            ).scalar()
            found = session.execute(search_index.matching_rowids("之后")).scalars().all()
            assert found == [rowid]
