"""Recording visits: validation, visitors and contacts, edits and tombstones."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from fieldlog.domain.period import Period
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import orgs
from fieldlog.services.reports import stats
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.store.models import VisitVisitor
from tests.services.conftest import Small

DAY = date(2020, 4, 1)


def test_a_visit_counts_and_its_delete_hides_it(db: Database, small: Small) -> None:
    visit = visits.save_visit(db, visits.VisitInput(DAY, small.org, [small.alice], intent="强"))
    assert stats.compute(db, Period(DAY, DAY)).visits == 1
    visits.delete_visit(db, visit)
    assert stats.compute(db, Period(DAY, DAY)).visits == 0
    visits.restore_visit(db, visit)
    assert stats.compute(db, Period(DAY, DAY)).enterprises_visited == 1


def test_editing_visitors_tombstones_the_removed_one(db: Database, small: Small) -> None:
    visit = visits.save_visit(db, visits.VisitInput(DAY, small.org, [small.alice, small.bob]))
    visits.save_visit(db, visits.VisitInput(DAY, small.org, [small.bob]), visit_id=visit)
    with db.read() as session:
        rows = session.execute(select(VisitVisitor).where(VisitVisitor.visit_id == visit)).scalars()
        state = {row.member_id: row.deleted for row in rows}
    assert state == {small.alice: True, small.bob: False}


def _input(small: Small, **changes: object) -> visits.VisitInput:
    data = visits.VisitInput(DAY, small.org, [small.alice])
    for key, value in changes.items():
        setattr(data, key, value)
    return data


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"visitor_ids": []}, "at least one visitor"),
        ({"visited_on": date(1900, 1, 1)}, "out of range"),
        ({"visited_on": date(2200, 1, 1)}, "out of range"),
        ({"next_follow_up": date(2020, 3, 1)}, "before the visit"),
        ({"kind": "飞鸽传书"}, "no visit kind"),
        ({"intent": "很强"}, "unknown intent"),
        ({"summary": "长" * 10_000_000}, "too long"),
        ({"org_id": None}, "organization None does not exist"),
    ],
    ids=["no-visitor", "1900", "2200", "follow-up", "kind", "intent", "10MB", "no-org"],
)
def test_bad_visits_are_refused_and_nothing_changes(
    db: Database, small: Small, changes: dict[str, object], message: str
) -> None:
    before = digest(db)
    with pytest.raises(InvalidInput, match=message):
        visits.save_visit(db, _input(small, **changes))
    assert digest(db) == before


def test_contacts_met_must_belong_to_the_visited_organization(db: Database, small: Small) -> None:
    stranger = orgs.save_contact(db, small.association, orgs.ContactInput("刘秘书长"))
    before = digest(db)
    with pytest.raises(InvalidInput, match="does not belong"):
        visits.save_visit(db, _input(small, contact_ids=[stranger]))
    assert digest(db) == before


def test_visit_to_a_deleted_organization_is_refused(db: Database, small: Small) -> None:
    orgs.delete_org(db, small.org)
    with pytest.raises(InvalidInput, match="has been deleted"):
        visits.save_visit(db, _input(small))


def test_restoring_what_never_existed_is_refused(db: Database) -> None:
    import uuid

    from fieldlog.services.orgs import org_edits

    before = digest(db)
    for restore in (visits.restore_visit, org_edits.restore_contact, org_edits.restore_org):
        with pytest.raises(InvalidInput, match="does not exist"):
            restore(db, uuid.uuid4())
    assert digest(db) == before
