"""The change history of a record: who changed which field from what to what, and restoring."""

from __future__ import annotations

from datetime import date

import pytest

from fieldlog.domain.text import name_key
from fieldlog.services.admin import history
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import orgs
from fieldlog.services.team import chains
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.store.models import Organization
from tests.records import fetch
from tests.services.conftest import Small

CODE = "91350100M000100Y43"


def _rename(db: Database, org_id: object, name: str, **more: object) -> None:
    orgs.save_org(db, orgs.OrgInput(name, **more), org_id=org_id)  # type: ignore[arg-type]


def _changes(db: Database, table: str, record_id: object, field: str) -> list[history.HistoryEntry]:
    entries = history.record_history(db, table, record_id)  # type: ignore[arg-type]
    return [entry for entry in entries if entry.field == field]


def test_edits_are_listed_newest_first_with_who_and_what(db: Database, small: Small) -> None:
    _rename(db, small.org, "深圳市德润物流集团")
    _rename(db, small.org, "德润物流")
    names = [
        (e.old, e.new, e.who, e.source) for e in _changes(db, "organization", small.org, "name")
    ]
    assert names == [
        ("深圳市德润物流集团", "德润物流", "this laptop", "edit"),
        ("深圳市德润物流有限公司", "深圳市德润物流集团", "this laptop", "edit"),
    ]
    fields = {e.field for e in history.record_history(db, "organization", small.org)}
    assert "name_key" not in fields and "name_initials" not in fields
    created = _changes(db, "organization", small.org, "deleted")
    assert [(e.old, e.new, e.restorable) for e in created] == [(None, False, False)]


def test_restoring_an_earlier_value_is_a_new_change_that_can_itself_be_undone(
    db: Database, small: Small
) -> None:
    _rename(db, small.org, "德润物流")
    first = _changes(db, "organization", small.org, "name")[0]
    restored = history.restore_value(db, first.id)
    org = fetch(db, Organization, small.org)
    assert (org.name, org.name_key) == (
        "深圳市德润物流有限公司",
        name_key("深圳市德润物流有限公司"),
    )
    newest = _changes(db, "organization", small.org, "name")[0]
    assert (newest.id, newest.old, newest.new, newest.source) == (
        restored,
        "德润物流",
        "深圳市德润物流有限公司",
        "restore",
    )
    assert restored is not None
    history.restore_value(db, restored)
    assert fetch(db, Organization, small.org).name == "德润物流"
    assert history.restore_value(db, restored) is None  # already the value: nothing written


def test_visitors_and_references_show_by_name(db: Database, small: Small) -> None:
    visit_id = visits.save_visit(
        db, visits.VisitInput(date(2020, 4, 1), small.org, [small.alice], summary="初访")
    )
    visits.save_visit(
        db,
        visits.VisitInput(date(2020, 4, 1), small.org, [small.bob], summary="初访，谈用地"),
        visit_id,
    )
    entries = history.record_history(db, "visit", visit_id)
    parts = {(e.table, e.part, e.field, e.old, e.new) for e in entries}
    assert ("visit_visitor", "李娜", "deleted", False, True) in parts  # Alice taken off
    assert ("visit_visitor", "王强", "deleted", None, False) in parts  # Bob added
    assert ("visit", "", "summary", "初访", "初访，谈用地") in parts


def test_a_reference_to_a_deleted_record_is_refused_and_nothing_changes(
    db: Database, small: Small
) -> None:
    chain = chains.add_chain(db, "新能源汽车")
    _rename(db, small.org, "深圳市德润物流有限公司", chain_id=chain)
    _rename(db, small.org, "深圳市德润物流有限公司")
    chains.delete_chain(db, chain)
    change = _changes(db, "organization", small.org, "chain_id")[0]
    assert change.old == "新能源汽车"
    before = digest(db)
    with pytest.raises(InvalidInput, match="no longer exists"):
        history.restore_value(db, change.id)
    assert digest(db) == before


def test_a_credit_code_now_held_by_another_organization_is_refused(
    db: Database, small: Small
) -> None:
    _rename(db, small.org, "深圳市德润物流有限公司", credit_code=CODE)
    _rename(db, small.org, "深圳市德润物流有限公司")
    orgs.save_org(db, orgs.OrgInput("另一家公司", credit_code=CODE))
    change = _changes(db, "organization", small.org, "credit_code")[0]
    before = digest(db)
    with pytest.raises(InvalidInput, match="另一家公司 already has the credit code"):
        history.restore_value(db, change.id)
    assert digest(db) == before


@pytest.mark.parametrize("change_id", [0, 10_000])
def test_unknown_changes_and_creations_cannot_be_restored(
    db: Database, small: Small, change_id: int
) -> None:
    created = _changes(db, "organization", small.org, "deleted")[0]
    before = digest(db)
    with pytest.raises(InvalidInput, match="no earlier value"):
        history.restore_value(db, created.id)
    with pytest.raises(InvalidInput, match="not in this laptop's history"):
        history.restore_value(db, change_id)
    with pytest.raises(InvalidInput, match="no history of"):
        history.record_history(db, "local_state", small.org)
    assert digest(db) == before
