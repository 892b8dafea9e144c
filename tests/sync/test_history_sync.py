"""Changes brought in by sync enter the receiving laptop's history, named after their author."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from fieldlog.services.admin import history
from fieldlog.services.orgs import orgs
from fieldlog.services.team import identity, team
from fieldlog.store.models import Organization
from tests.records import fetch
from tests.sync.conftest import Laptop

Make = Callable[[str], Laptop]


def _rename(laptop: Laptop, org_id: uuid.UUID, name: str) -> None:
    orgs.save_org(laptop.db, orgs.OrgInput(name), org_id=org_id)


def test_a_received_change_is_in_history_and_a_restore_travels_back(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    identity.set_me(a.db, team.save_member(a.db, team.MemberInput("李娜")))
    org = orgs.save_org(a.db, orgs.OrgInput("深圳市德润物流有限公司")).id
    b.receive(a.export())
    _rename(a, org, "德润物流集团")
    b.receive(a.export())

    [change] = [e for e in history.record_history(b.db, "organization", org) if e.field == "name"]
    assert (change.old, change.new, change.who, change.source) == (
        "深圳市德润物流有限公司",
        "德润物流集团",
        "李娜",
        "sync",
    )
    history.restore_value(b.db, change.id)
    a.receive(b.export())
    assert fetch(a.db, Organization, org).name == "深圳市德润物流有限公司"
    assert a.digest() == b.digest()
    [back] = [e for e in history.record_history(a.db, "organization", org) if e.field == "name"][:1]
    assert (back.old, back.new, back.source) == ("德润物流集团", "深圳市德润物流有限公司", "sync")
