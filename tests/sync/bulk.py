"""Many visits quickly: ORM objects in one unit of work (stamped like any change)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from fieldlog.domain.ids import new_id, pair_id
from fieldlog.domain.text import name_key
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Member, Organization, Visit, VisitVisitor


def add_visits(db: Database, count: int, *, who: str, organizations: int = 100) -> None:
    """`count` visits by a new member `who` to `organizations` new organizations."""
    with db.begin() as session:
        kind = session.execute(
            select(CatalogItem.id).where(CatalogItem.kind == "visit_kind").limit(1)
        ).scalar_one()
        member = Member(id=new_id(), name=who)
        names = [f"{who}走访的第{n}家企业有限公司" for n in range(organizations)]
        targets = [
            Organization(id=new_id(), name=name, name_key=name_key(name), kind="enterprise")
            for name in names
        ]
        session.add_all([member, *targets])
        for n in range(count):
            visit = Visit(
                id=new_id(),
                visited_on=date(2020, 3, 23) + timedelta(days=n % 30),
                org_id=targets[n % organizations].id,
                kind_id=kind,
                summary=f"{who}第{n}次走访：洽谈物流仓储合作，对方有意向来铜仁考察。",
                intent="中",
            )
            link = VisitVisitor(id=pair_id(visit.id, member.id), visit_id=visit.id)
            link.member_id = member.id
            session.add_all([visit, link])
