"""The demo's assessment and lead details: kinds, fund origins, milestones, progress dates, lead
details and coordination matters, drawn after everything else so the reference case is intact."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldlog.domain.assessment import AssessmentFigures
from fieldlog.services.admin.demo import DEMO_AS_OF, DEMO_PERIOD, load_demo
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.projects import coordination
from fieldlog.services.reports import stats
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Contact, CoordinationMatter, Project
from tests.conftest import new_database, open_copy
from tests.services.admin.demo_fingerprint import fingerprint

pytestmark = pytest.mark.slow

#: What the demo drew before these details existed (computed on the code without them).
FINGERPRINTS = {
    20200323: "6f7c32233ea1a22a73d2338a4e089557a30f4e95ece7e6498f6ad1a2f8593bee",
    1: "15335e9b7bf7a047d2198bb78a90a45ec6f4f5e837ab8a8f16825a15b33c7272",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path):
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("demo_details"))
    yield database
    database.close()


@pytest.fixture(scope="module")
def seed_one(tmp_path_factory: pytest.TempPathFactory):
    database = open_workspace(new_database(tmp_path_factory.mktemp("seed_one"), "one.db"))
    load_demo(database, seed=1)
    yield database
    database.close()


def _projects(db: Database) -> list[tuple]:
    query = (
        select(
            Project.kind,
            CatalogItem.name,
            Project.signed_on,
            Project.stats_on,
            Project.above_scale_on,
            Project.progress_on,
            Project.content,
            Project.demands,
            Project.contact_id,
            Project.investor_id,
        )
        .outerjoin(CatalogItem, CatalogItem.id == Project.origin_id)
        .where(Project.deleted.is_(False))
    )
    with db.read() as session:
        return list(session.execute(query).all())


def test_the_earlier_draws_are_untouched(demo: Database, seed_one: Database) -> None:
    assert fingerprint(demo) == FINGERPRINTS[20200323]
    assert fingerprint(seed_one) == FINGERPRINTS[1]


def test_the_assessment_figures_differ_from_the_plain_ones(demo: Database) -> None:
    figures = stats.compute(demo, DEMO_PERIOD)
    assert (figures.projects_signed, figures.contract_amount_yuan) == (22, 2_914_000_000)
    assert figures.funds_in_place_yuan == 438_900_000
    # 10 contracts of 1亿 or more, less two local and one fiscal origin, plus one phase two of
    # 5000万 (its own minimum); the funds of those 8.
    assert figures.assessment == AssessmentFigures(8, 1_970_000_000, 293_900_000)


@pytest.mark.parametrize("which", ["reference", "seed 1"])
def test_kinds_and_origins(demo: Database, seed_one: Database, which: str) -> None:
    rows = _projects(demo if which == "reference" else seed_one)
    kinds = Counter(kind for kind, *_ in rows)
    assert kinds == {"new": 50, "phase_two": 3, "capital_increase": 1}
    origins = Counter(origin for _, origin, *_ in rows)
    assert (origins["本地企业投资"], origins["财政资金"], origins[None]) == (3, 1, 0)
    assert origins["省外"] > len(rows) / 2
    signed = [r for r in rows if r[2] is not None]
    assert sum(1 for r in signed if r[1] in ("本地企业投资", "财政资金")) == 3


def test_dates_lie_inside_the_dispatch_and_after_signing(demo: Database) -> None:
    rows = _projects(demo)
    start, end = DEMO_PERIOD.start, DEMO_PERIOD.end
    assert all(start <= r[5] <= end for r in rows)  # every project has a progress date
    milestones = [r for r in rows if r[3] is not None]
    assert 2 <= len(milestones) < 10
    assert all(r[2] <= r[3] <= end for r in milestones)
    assert all(r[3] <= r[4] <= end for r in milestones if r[4] is not None)
    assert any(r[4] is not None for r in milestones)
    assert all(r[3] is None and r[4] is None for r in rows if r[2] is None)


def test_most_leads_are_complete(demo: Database) -> None:
    leads = [r for r in _projects(demo) if r[2] is None]
    incomplete = [r for r in leads if not (r[6] and r[7] and r[8])]
    assert len(incomplete) == 5 and len(leads) == 32
    with demo.read() as session:
        owners = dict(session.execute(select(Contact.id, Contact.org_id)).all())
    assert all(owners[r[8]] == r[9] for r in _projects(demo) if r[8] is not None)


@pytest.mark.parametrize("which", ["reference", "seed 1"])
def test_coordination_matters(demo: Database, seed_one: Database, which: str) -> None:
    db = demo if which == "reference" else seed_one
    with db.read() as session:
        matters = list(session.execute(select(CoordinationMatter)).scalars())
    assert 6 <= len(matters) <= 10
    resolved = [m for m in matters if m.status == "resolved"]
    assert len(resolved) == 3 and all(m.resolved_on <= DEMO_AS_OF for m in resolved)
    found = coordination.open_matters(db, as_of=DEMO_AS_OF)
    assert len(found) == 5 and [m.due_on for m in found] == sorted(m.due_on for m in found)
    overdue = [m for m in found if m.days_overdue]
    assert len(overdue) >= 2 and all(m.project and m.owner for m in found)
    assert any(m.due_on > date(2020, 4, 30) for m in found)
