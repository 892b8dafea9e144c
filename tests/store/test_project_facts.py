"""`project_facts` reads the projects and their events in two reads and joins them in Python:
the same facts, in the same order, as one SQL join of the two gave (which `project_facts_by`
still runs), for the whole team and every scope, with deleted projects and events."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import null, select, text
from sqlalchemy.orm import Session

from fieldlog.domain.counting import ProjectFact
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Member, WorkGroup
from fieldlog.store.repositories import facts
from fieldlog.store.repositories.facts import Scope, project_facts
from tests.conftest import open_copy, sqlite_only

pytestmark = sqlite_only("rows read without ORDER BY come in SQLite's stored order")


@pytest.fixture
def demo(tmp_path: Path, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path)
    yield database
    database.close()


def _joined(session: Session, scope: Scope | None) -> list[ProjectFact]:
    """The facts as one join of projects and events gave them."""
    query = facts._projects_with_events().add_columns(null()).where(*facts._project_filter(scope))
    return facts._fold(session.connection().execute(query).all()).get(None, [])


def test_two_reads_give_the_facts_one_join_gave(demo: Database) -> None:
    with demo.begin() as session:
        # A deleted project (its events stay live), deleted events, an event of a stage this
        # version does not know, a project without events.
        session.execute(
            text(
                "UPDATE project SET deleted = 1 WHERE id = (SELECT project_id FROM stage_event"
                " GROUP BY project_id ORDER BY count(*) DESC LIMIT 1)"
            )
        )
        session.execute(text("UPDATE stage_event SET deleted = 1 WHERE rowid % 7 = 0"))
        session.execute(text("UPDATE stage_event SET stage = 'future_stage' WHERE rowid % 11 = 0"))
        session.execute(
            text(
                "UPDATE stage_event SET deleted = 1 WHERE project_id ="
                " (SELECT id FROM project WHERE deleted = 0 ORDER BY id LIMIT 1)"
            )
        )
    with demo.read() as session:
        scopes: list[Scope | None] = [None]
        scopes += [Scope("group", g) for g in session.scalars(select(WorkGroup.id))]
        scopes += [Scope("member", m) for m in session.scalars(select(Member.id))]
        counties = select(CatalogItem.id).where(CatalogItem.kind == "county")
        scopes += [Scope("county", c) for c in session.scalars(counties)]
        for scope in scopes:
            assert project_facts(session, scope) == _joined(session, scope), scope
        every = project_facts(session)
        assert len(every) > 10 and any(not p.events for p in every)
        assert any(e.stage == "future_stage" for p in every for e in p.events)
