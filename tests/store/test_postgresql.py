"""The same schema, migrations and rules on PostgreSQL (SPEC §8).

Runs when FIELDLOG_TEST_POSTGRES_URL names a server database whose role may create databases
(`.ci/run` starts a local server and sets it); each test gets a database of its own.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import make_url

from fieldlog.services.admin.demo import DEMO_PERIOD, load_demo
from fieldlog.services.admin.maintenance import check, digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import orgs
from fieldlog.services.reports import stats
from fieldlog.store import server_search
from fieldlog.store.database import Database
from fieldlog.store.models import Base
from tests.conftest import SERVER

pytestmark = pytest.mark.skipif(not SERVER, reason="FIELDLOG_TEST_POSTGRES_URL is not set")


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    db = open_workspace(pg_url)
    yield db
    db.close()


def test_migrations_match_the_models_on_postgresql(pg_db: Database) -> None:
    with pg_db.engine.connect() as conn:
        # The search index's expression indexes are derived data no model describes.
        ours = lambda name, type_, _parent: not server_search.is_search_index(str(name))  # noqa: E731
        options = {"compare_type": True, "include_name": ours}
        context = MigrationContext.configure(conn, opts=options)
        assert compare_metadata(context, Base.metadata) == []


def test_demo_figures_and_checks_on_postgresql(pg_db: Database) -> None:
    load_demo(pg_db)
    figures = stats.compute(pg_db, DEMO_PERIOD)
    assert (figures.enterprises_visited, figures.associations_visited) == (346, 40)
    assert (figures.projects_signed, figures.contract_amount_yuan) == (22, 2_914_000_000)
    assert figures.funds_in_place_yuan == 438_900_000
    assert check(pg_db).ok
    assert digest(pg_db) == digest(pg_db)


def test_refusals_leave_postgresql_unchanged(pg_db: Database) -> None:
    orgs.save_org(pg_db, orgs.OrgInput("甲公司", credit_code="91350100M000100Y43"))
    before = digest(pg_db)
    with pytest.raises(InvalidInput, match="check character"):
        orgs.save_org(pg_db, orgs.OrgInput("乙公司", credit_code="91350100M000100Y44"))
    assert digest(pg_db) == before


def node_state(db: Database) -> dict[str, str]:
    """The node ids and homes stored in `db`'s local_state."""
    query = "SELECT key, value FROM local_state WHERE key LIKE 'node%'"
    with db.engine.connect() as conn:
        return {key: value for key, value in conn.execute(text(query)).all()}


def test_the_node_home_names_the_server_without_its_password(pg_url: str) -> None:
    from fieldlog.store.location import describe, installation_id

    password = make_url(pg_url).password
    assert password
    db = open_workspace(pg_url)
    try:
        orgs.save_org(db, orgs.OrgInput("甲公司"))  # the first write stores the node id
        node, here = db.node_id, installation_id()
        stored = node_state(db)
        # Under keys of this installation's own: the server's local_state is everyone's.
        assert stored == {
            f"node_id {here}": node,
            f"node_home {here}": f"{here} {describe(pg_url)}",
        }
        assert f":{password}@" not in str(stored)
        # An earlier version stored the server's one node under the plain keys, with the URL
        # as given, password and all.
        with db.engine.begin() as conn:
            conn.execute(text("DELETE FROM local_state WHERE key LIKE 'node%'"))
            old = "INSERT INTO local_state (key, value) VALUES ('node_id', :n), ('node_home', :h)"
            conn.execute(text(old), {"n": node, "h": f"{here} {pg_url}"})
    finally:
        db.close()
    again = open_workspace(pg_url)
    try:
        assert again.node_id == node  # still this laptop's node: no new identity
        orgs.save_org(again, orgs.OrgInput("乙公司"))
        assert again.node_id == node
        assert node_state(again) == stored  # under its own keys, without the password
    finally:
        again.close()
