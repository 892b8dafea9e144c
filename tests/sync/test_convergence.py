"""Property test: 3–24 laptops work offline with bad clocks and swap packages at random.

Every laptop makes random creates, edits, deletes, stage moves and tranches, some with clocks
days ahead or behind (jumping backwards too); packages are exchanged in any order, some twice,
some never (lost). Then a final round goes through the team leader. Afterwards:

- every laptop has the same digest;
- importing any package again changes nothing (skipped, and even when forced);
- no tracked write vanished: it is the current value, or a later edit replaced it knowingly, or
  it is in some laptop's conflict log;
- nothing deleted came back;
- duplicates by credit code ended merged the same way everywhere, and the look-alike review
  lists are the same.

Seeded (derandomized); FIELDLOG_SYNC_EXAMPLES=200 runs a longer search.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from fieldlog.domain.credit_code import make_credit_code
from fieldlog.domain.stages import ALL_STAGES, Stage
from fieldlog.services.exchange import sync_review
from fieldlog.services.orgs import orgs
from fieldlog.services.projects import projects
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.models import (
    AppliedPackage,
    Organization,
    Project,
    Replicated,
    SyncConflict,
    Visit,
)
from fieldlog.sync.errors import PackageError
from tests.sync.conftest import Laptop, team_of

EXAMPLES = int(os.environ.get("FIELDLOG_SYNC_EXAMPLES", "15"))
pytestmark = pytest.mark.timeout(max(600, 40 * EXAMPLES))  # about 4 s an example, alone
DAY, HOUR = 86_400_000, 3_600_000
CODES = ("91350100M000100Y43", make_credit_code("91440300MA5D00001"), None, None)
NAMES = ("深圳市德润物流有限公司", "深圳市 德润物流有限公司", "深圳市铜仁商会", "华为技术有限公司")
CLOCKS = (-5 * DAY, -HOUR, 0, 0, 2 * HOUR, 3 * DAY)
TRACKED = {"organization": Organization, "visit": Visit, "project": Project}


@dataclass(frozen=True)
class Write:
    """A value a laptop wrote into a field, with the stamp it got."""

    table: str
    row_id: uuid.UUID
    field: str
    stamp: tuple[int, str]


@dataclass
class World:
    """The laptops, the packages in circulation and what the test must find again."""

    laptops: list[Laptop]
    members: dict[str, uuid.UUID]
    packages: list[Path] = field(default_factory=list)
    writes: list[Write] = field(default_factory=list)
    replaced: set[tuple[str, uuid.UUID, str, tuple[int, str]]] = field(default_factory=set)
    deleted: set[tuple[str, uuid.UUID]] = field(default_factory=set)
    counter: int = 0

    def unique(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}-{self.counter}"


def _live(laptop: Laptop, model: type[Replicated]) -> list[uuid.UUID]:
    with laptop.db.read() as session:
        query = select(model.id).where(model.deleted.is_(False)).order_by(model.id)
        return list(session.execute(query).scalars())


def _stamp(laptop: Laptop, model: type[Replicated], row_id: uuid.UUID, name: str) -> Any:
    with laptop.db.read() as session:
        row = session.get(model, row_id)
        assert row is not None
        stamp = row.field_stamps.get(name)
        return (stamp[0], stamp[1]) if stamp else None


def _track(
    world: World, laptop: Laptop, model: type[Replicated], row_id: uuid.UUID, name: str, before: Any
) -> None:
    table = model.__tablename__  # type: ignore[attr-defined]
    after = _stamp(laptop, model, row_id, name)
    world.writes.append(Write(table, row_id, name, after))
    if before is not None:
        world.replaced.add((table, row_id, name, before))


def _pick(data: st.DataObject, ids: list[uuid.UUID]) -> uuid.UUID | None:
    return data.draw(st.sampled_from(ids)) if ids else None


def _edit(
    world: World, laptop: Laptop, data: st.DataObject, model: type[Replicated], name: str
) -> None:
    row_id = _pick(data, _live(laptop, model))
    if row_id is None:
        return
    before = _stamp(laptop, model, row_id, name)
    with laptop.db.begin() as session:
        setattr(session.get(model, row_id), name, world.unique(name))
    _track(world, laptop, model, row_id, name, before)


def _delete(world: World, laptop: Laptop, data: st.DataObject, model: type[Replicated]) -> None:
    row_id = _pick(data, _live(laptop, model))
    if row_id is not None:
        with laptop.db.begin() as session:
            session.get(model, row_id).deleted = True  # type: ignore[union-attr]
        world.deleted.add((model.__tablename__, row_id))  # type: ignore[attr-defined]


def _create_org(world: World, laptop: Laptop, data: st.DataObject) -> None:
    name, code = data.draw(st.sampled_from(NAMES)), data.draw(st.sampled_from(CODES))
    orgs.save_org(laptop.db, orgs.OrgInput(name, credit_code=code))


def _create_visit(world: World, laptop: Laptop, data: st.DataObject) -> None:
    org = _pick(data, _live(laptop, Organization))
    if org is None:
        return
    member = world.members[laptop.name]
    summary = world.unique("summary")
    visit = visits.save_visit(
        laptop.db, visits.VisitInput(date(2020, 4, 1), org, [member], summary=summary)
    )
    _track(world, laptop, Visit, visit, "summary", None)


def _open_project(world: World, laptop: Laptop, data: st.DataObject) -> None:
    investor = _pick(data, _live(laptop, Organization))
    name = world.unique("项目")
    data_in = projects.ProjectInput(name, investor_id=investor)
    projects.open_project(laptop.db, data_in, on=date(2020, 4, 1))


def _move_stage(world: World, laptop: Laptop, data: st.DataObject) -> None:
    project = _pick(data, _live(laptop, Project))
    if project is None:
        return
    target = data.draw(st.sampled_from(ALL_STAGES))
    on = date(2020, 4, 1) + timedelta(days=data.draw(st.integers(0, 40)))
    signing = projects.Signing(on, 10_000_000, "框架协议") if target == Stage.SIGNED else None
    with contextlib.suppress(ValueError):  # a move the rules refuse (same stage, earlier date…)
        projects.move_stage(laptop.db, project, target, on=on, signing=signing)


def _tranche(world: World, laptop: Laptop, data: st.DataObject) -> None:
    project = _pick(data, _live(laptop, Project))
    if project is None:
        return
    on = date(2020, 5, 15) + timedelta(days=data.draw(st.integers(0, 30)))
    with contextlib.suppress(ValueError):  # not signed (here) yet
        projects.add_tranche(laptop.db, project, received_on=on, amount_yuan=1_000_000)


def _export(world: World, laptop: Laptop, data: st.DataObject) -> None:
    world.packages.append(laptop.export(full=data.draw(st.integers(0, 9)) == 0))


def _import(world: World, laptop: Laptop, data: st.DataObject) -> None:
    if not world.packages:
        return
    chosen = data.draw(st.lists(st.sampled_from(world.packages), min_size=1, max_size=3))
    try:
        laptop.receive(*chosen)
    except PackageError as refusal:
        assert "not received yet" in str(refusal)  # an earlier package was lost


def _clock(world: World, laptop: Laptop, data: st.DataObject) -> None:
    laptop.offset_ms = data.draw(st.sampled_from(CLOCKS))


OPERATIONS = {
    "create org": _create_org,
    "edit org": lambda w, lap, d: _edit(w, lap, d, Organization, "notes"),
    "delete org": lambda w, lap, d: _delete(w, lap, d, Organization),
    "create visit": _create_visit,
    "edit visit": lambda w, lap, d: _edit(w, lap, d, Visit, "summary"),
    "delete visit": lambda w, lap, d: _delete(w, lap, d, Visit),
    "open project": _open_project,
    "edit project": lambda w, lap, d: _edit(w, lap, d, Project, "progress"),
    "delete project": lambda w, lap, d: _delete(w, lap, d, Project),
    "move stage": _move_stage,
    "tranche": _tranche,
    "clock": _clock,
    "export": _export,
    "import": _import,
}
WEIGHTED = [*sorted(OPERATIONS), "export", "import", "import", "create visit", "edit org"]


def _final_round(world: World, data: st.DataObject) -> None:
    leader, *others = world.laptops
    finals = [laptop.export(full=True) for laptop in others]
    leader.receive(*data.draw(st.permutations(finals)))
    last = leader.export(full=True)
    for laptop in others:
        laptop.receive(last)
    world.packages += [*finals, last]


def _conflict_losers(world: World) -> set[tuple[str, uuid.UUID, str, tuple[int, str]]]:
    losers = set()
    for laptop in world.laptops:
        with laptop.db.read() as session:
            for c in session.execute(select(SyncConflict)).scalars():
                losers.add((c.table_name, c.row_id, c.field, (c.loser_hlc, c.loser_node)))
    return losers


def _check_writes(world: World) -> None:
    leader = world.laptops[0]
    losers = _conflict_losers(world)
    for write in world.writes:
        model = TRACKED[write.table]
        final = _stamp(leader, model, write.row_id, write.field)
        key = (write.table, write.row_id, write.field, write.stamp)
        assert final == write.stamp or key in world.replaced or key in losers, write


def _check_reimport(world: World, data: st.DataObject) -> None:
    laptop = world.laptops[data.draw(st.integers(0, len(world.laptops) - 1))]
    before = laptop.digest()
    sample = data.draw(st.lists(st.sampled_from(world.packages), max_size=3, unique=True))
    if sample:
        laptop.receive(*sample)  # skipped where applied before; stale everywhere
        assert laptop.digest() == before
        with laptop.db.begin() as session:
            session.execute(delete(AppliedPackage))  # forget them: apply them for real
        again = laptop.receive(*sample)
        assert not any(p.skipped for p in again.packages)
        assert again.total("new") == again.total("updated") == 0
        assert laptop.receive(*sample).total("updated") == 0
    assert laptop.digest() == before


def _check_dedupe(world: World) -> None:
    for laptop in world.laptops:
        with laptop.db.read() as session:
            codes = session.execute(
                select(Organization.credit_code).where(
                    Organization.deleted.is_(False), Organization.credit_code.is_not(None)
                )
            ).scalars()
            codes = list(codes)
            assert len(codes) == len(set(codes)), laptop.name
    pairs = [
        sorted((v.first.id, v.second.id) for v in sync_review.duplicate_candidates(laptop.db))
        for laptop in world.laptops
    ]
    assert all(p == pairs[0] for p in pairs)


def _check_tombstones(world: World) -> None:
    leader = world.laptops[0]
    models = {**TRACKED}
    with leader.db.read() as session:
        for table, row_id in world.deleted:
            assert session.get(models[table], row_id).deleted, (table, row_id)


def _run(template: Path, folder: Path, data: st.DataObject) -> None:
    count = data.draw(st.integers(3, 24), label="laptops")
    laptops = team_of(template, folder, [f"l{i}" for i in range(count)])
    try:
        members = {
            lap.name: team.save_member(lap.db, team.MemberInput(f"队员{lap.name}"))
            for lap in laptops
        }
        world = World(laptops, members)
        for _ in range(data.draw(st.integers(10, 60), label="steps")):
            laptop = laptops[data.draw(st.integers(0, count - 1))]
            operation = data.draw(st.sampled_from(WEIGHTED))
            OPERATIONS[operation](world, laptop, data)
        _final_round(world, data)
        digests = {laptop.digest() for laptop in laptops}
        assert len(digests) == 1
        _check_writes(world)
        _check_tombstones(world)
        _check_dedupe(world)
        _check_reimport(world, data)
    finally:
        for laptop in laptops:
            laptop.db.close()


@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_laptops_converge_whatever_happens(template_db: Path, data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory(prefix="fieldlog-sync-") as folder:
        _run(template_db, Path(folder), data)
