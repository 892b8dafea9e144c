"""A laptop running a newer FieldLog: it writes codes this version does not know into every coded
column, then sends an ordinary sync package (the real format, made by the real export).

The newer laptop starts as a copy of a database (a copy takes a node id of its own), writes its
records through the ORM as any change is written (stamped, so they travel), and exports.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldlog.domain.ids import new_id, pair_id
from fieldlog.domain.text import name_key, pinyin_initials
from fieldlog.services.exchange import sync
from fieldlog.store.database import Database, open_database
from fieldlog.store.models import (
    CatalogItem,
    Chain,
    ChainLink,
    FundsTranche,
    Member,
    Organization,
    Project,
    StageEvent,
    Target,
    Team,
    Visit,
    VisitVisitor,
)
from fieldlog.sync.crypto import KdfParams
from tests.conftest import password

PASSPHRASE = "铜仁驻深 team 2020"
FAST_KDF = KdfParams(n=2**10, r=8, p=1)

#: The codes a newer release writes, by column.
UNKNOWN = {
    "stage": "evaluating",
    "intent": "tentative",
    "org_kind": "cooperative",
    "chain_role": "relocate",
    "member_role": "liaison",
    "target_scope": "province",
    "target_metric": "jobs_created",
    "link_position": "offshore",
    "catalog_kind": "visit_channel",
}
#: Names of new catalog entries (visit kind, sign form, fund origin): names, shown as they are.
NEW_NAMES = {"visit_kind": "云端路演", "sign_form": "电子合同", "fund_origin": "境外"}
NEW_ORG = "未来版本合作社"
NEW_PROJECT = "未来版本评估项目"
NEW_MEMBER = "未来版本联络员"
VISIT_DAY = date(2020, 4, 10)


@dataclass(frozen=True)
class NewerPackage:
    """The package, and how many counted records it adds (visits dated `VISIT_DAY`)."""

    path: Path
    visits_added: int
    unknown_events: int


def make_newer_package(source: Path, folder: Path) -> NewerPackage:
    """A package from a newer laptop that copied `source`, holding unknown codes everywhere."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / "newer.db"
    shutil.copy(source, copy)
    db = open_database(str(copy), password=password())
    try:
        sync.set_passphrase(db, PASSPHRASE)
        events = _write_unknown_codes(db)
        path = folder / "newer.fieldsync"
        sync.export_package(db, path, full=True, kdf=FAST_KDF)
    finally:
        db.close()
    return NewerPackage(path, visits_added=1, unknown_events=events)


def _catalog(kind: str, name: str) -> CatalogItem:
    return CatalogItem(id=new_id(), kind=kind, name=name, sort_order=99)


def _write_unknown_codes(db: Database) -> int:
    with db.begin() as s:
        entries = {kind: _catalog(kind, name) for kind, name in NEW_NAMES.items()}
        odd_catalog = _catalog(UNKNOWN["catalog_kind"], "直播带货")
        chain = s.scalars(select(Chain).where(Chain.deleted.is_(False)).limit(1)).one()
        link = ChainLink(
            id=new_id(), chain_id=chain.id, name="离岸服务", position=UNKNOWN["link_position"]
        )
        member = Member(id=new_id(), name=NEW_MEMBER, role=UNKNOWN["member_role"])
        org = Organization(
            id=new_id(),
            name=NEW_ORG,
            name_key=name_key(NEW_ORG),
            name_initials=pinyin_initials(NEW_ORG),
            kind=UNKNOWN["org_kind"],
            chain_id=chain.id,
            link_id=link.id,
        )
        s.add_all([*entries.values(), odd_catalog, link, member, org])
        s.flush()
        project = Project(
            id=new_id(),
            name=NEW_PROJECT,
            investor_id=org.id,
            chain_id=chain.id,
            link_id=link.id,
            chain_role=UNKNOWN["chain_role"],
            sign_form_id=entries["sign_form"].id,
            owner_id=member.id,
            next_follow_up=VISIT_DAY,
        )
        visit = Visit(
            id=new_id(),
            visited_on=VISIT_DAY,
            org_id=org.id,
            kind_id=entries["visit_kind"].id,
            chain_id=chain.id,
            project_id=project.id,
            summary="新版本记录的走访：对方评估中。",
            intent=UNKNOWN["intent"],
            next_follow_up=VISIT_DAY + timedelta(days=3),
        )
        s.add_all([project, visit])
        s.flush()
        s.add(VisitVisitor(id=pair_id(visit.id, member.id), visit_id=visit.id, member_id=member.id))
        s.add(_event(project.id, VISIT_DAY))
        count = 1 + _unknown_events_on_every_project(s)
        _retag_a_signed_project(s, entries["fund_origin"].id, entries["sign_form"].id)
        team = s.scalars(select(Team.id).where(Team.deleted.is_(False)).limit(1)).first()
        s.add_all(_targets(team, member.id))
    return count


def _event(project_id: uuid.UUID, on: date) -> StageEvent:
    return StageEvent(
        id=new_id(), project_id=project_id, stage=UNKNOWN["stage"], occurred_on=on, note="评估中"
    )


def _unknown_events_on_every_project(s: Session) -> int:
    """An unknown stage event on every project: the latest one (same day or later), or one
    before its first known event (so a lead would move week if it counted)."""
    rows = s.execute(
        select(StageEvent.project_id, StageEvent.occurred_on).where(
            StageEvent.deleted.is_(False), StageEvent.stage != UNKNOWN["stage"]
        )
    ).all()
    spans: dict[uuid.UUID, tuple[date, date]] = {}
    for pid, on in rows:
        first, last = spans.get(pid, (on, on))
        spans[pid] = (min(first, on), max(last, on))
    for n, (pid, (first, last)) in enumerate(sorted(spans.items())):
        on = first - timedelta(days=3) if n % 4 == 0 else last + timedelta(days=n % 3)
        s.add(_event(pid, on))
    return len(spans)


def _retag_a_signed_project(s: Session, origin_id: uuid.UUID, form_id: uuid.UUID) -> None:
    """A funded (so signed) project gets the new fund origin, sign form and an unknown role."""
    tranche = s.scalars(
        select(FundsTranche).where(FundsTranche.deleted.is_(False)).order_by(FundsTranche.id)
    ).first()
    tranche.origin_id = origin_id
    project = s.get(Project, tranche.project_id)
    assert project.signed_on is not None
    project.chain_role = UNKNOWN["chain_role"]
    project.sign_form_id = form_id


def _targets(team_id: uuid.UUID | None, member_id: uuid.UUID) -> list[Target]:
    start, end = date(2020, 3, 23), date(2020, 4, 22)
    return [
        Target(
            id=new_id(),
            scope=scope,
            scope_id=scope_id,
            metric=metric,
            period_start=start,
            period_end=end,
            value=100,
        )
        for scope, scope_id, metric in (
            (UNKNOWN["target_scope"], team_id, "visits"),
            ("team", team_id, UNKNOWN["target_metric"]),
            ("member", member_id, UNKNOWN["target_metric"]),
        )
    ]
