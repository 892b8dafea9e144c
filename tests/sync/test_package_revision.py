"""A revision that adds only local tables (0016, the visit tally) does not make packages
unreadable to a FieldLog that does not know it: a package says the newest revision that changed
replicated data, and a FieldLog at 0015 imports it."""

from __future__ import annotations

import json
import uuid
import zipfile
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from fieldlog.domain.period import Period
from fieldlog.services.orgs import orgs
from fieldlog.services.reports import stats
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store import migrate, visit_tally
from fieldlog.store.database import Database
from fieldlog.sync.changes import Header, build_payload, changed_rows
from fieldlog.sync.errors import PackageError
from fieldlog.sync.package import new_package_fields, write_package
from fieldlog.sync.team_check import own_team
from tests.conftest import sqlite_only
from tests.sync.conftest import FAST_KDF, PASSPHRASE, Laptop

pytestmark = sqlite_only("the downgrade to 0015 is SQLite's here")


def _as_at_0015(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process as a FieldLog at 0015: it knows every revision but 0016."""
    chain, local = migrate._revisions()
    older = {key: down for key, down in chain.items() if key != "0016"}
    monkeypatch.setattr(migrate, "_revisions", lambda: (older, local - {"0016"}))


def _handmade(db: Database, out: Path, revision: str) -> Path:
    """A correctly made package of `db`'s records whose manifest names `revision`."""
    with db.read() as session:
        payload, counts = build_payload(Header("", None, {}), changed_rows(session, None))
        own = own_team(session)
    fields = new_package_fields(
        package_id=uuid.uuid4(),
        team_id=own.id if own else None,
        sender_node=db.node_id,
        full=True,
        counts=counts,
    )
    fields["schema_revision"] = revision
    write_package(out, package=fields, plaintext=payload, passphrase=PASSPHRASE, kdf=FAST_KDF)
    return out


def _manifest_revision(path) -> str:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json"))["package"]["schema_revision"]


def test_a_package_made_at_0016_is_imported_by_a_fieldlog_at_0015(
    laptops, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    sender: Laptop = laptops("sender")
    receiver: Laptop = laptops("receiver")
    member = team.save_member(sender.db, team.MemberInput("李娜"))
    org = orgs.save_org(sender.db, orgs.OrgInput("深圳市德润物流有限公司")).id
    visits.save_visit(sender.db, visits.VisitInput(date(2020, 4, 1), org, [member]))
    package = sender.export()
    assert _manifest_revision(package) == "0015" != migrate.head_revision()

    with receiver.db.begin() as session:  # the receiver's database at 0015: no tally
        command.downgrade(migrate.alembic_config(session.connection()), "0015")
    _as_at_0015(monkeypatch)
    assert migrate.head_revision() == "0015"
    report = receiver.receive(package)
    assert not report.packages[0].skipped
    with receiver.db.read() as session:
        assert not visit_tally.present(session.connection())
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0015"
    assert receiver.digest() == sender.digest()
    all_time = Period(None, None)
    assert stats.compute(receiver.db, all_time) == stats.compute(sender.db, all_time)


def test_a_package_naming_a_revision_it_does_not_know_is_still_refused(
    laptops, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    # What the FieldLog at 0015 would have said had the package named 0016 (the head).
    sender: Laptop = laptops("sender")
    receiver: Laptop = laptops("receiver")
    package = _handmade(sender.db, sender.folder / "0016.fieldsync", "0016")
    _as_at_0015(monkeypatch)
    before = receiver.digest()
    with pytest.raises(PackageError) as refused:
        receiver.receive(package)
    assert "was made by a newer FieldLog (schema 0016)" in str(refused.value)
    assert receiver.digest() == before
