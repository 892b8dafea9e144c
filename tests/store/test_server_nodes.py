"""Several installations (laptops, an office PC) using one server database at once: each keeps a
node id of its own across openings, its edits carry that node, and the conflict log and the
change history say which installation made each change, as they do for another laptop's
changes that sync brings in.

Each installation is a `tests.installations.Installation` (a per-user configuration folder of
its own, so an installation id of its own); one test runs each opening in a process of its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from fieldlog.services.admin import history
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.exchange import sync, sync_review
from fieldlog.services.orgs import org_directory, orgs
from fieldlog.services.orgs.org_edits import OrgEdit
from fieldlog.services.team import team
from fieldlog.store.database import Database
from fieldlog.store.location import describe
from fieldlog.store.models import Organization, SyncConflict
from fieldlog.store.stamping import use_clock
from tests.conftest import reopen, sqlite_only
from tests.installations import Installation, installations
from tests.records import fetch
from tests.store.test_postgresql import node_state
from tests.sync.conftest import FAST_KDF, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def _form(db: Database, org_id: uuid.UUID) -> Any:
    saved = org_directory.org_form(db, org_id)
    assert saved is not None
    return saved[0]


def _save(who: Installation, db: Database, org_id: uuid.UUID, before: Any, **changes: Any) -> None:
    """Save the organization's form as `who` does: loaded as `before`, with `changes` typed."""
    with who:
        OrgEdit(replace(before, **changes), before, org_id).apply(db)


def _edit(who: Installation, location: str, org_id: uuid.UUID, **changes: Any) -> str:
    """Open the database as `who`, edit the organization, close; the node the edit was made by."""
    db = who.open(location)
    try:
        _save(who, db, org_id, _form(db, org_id), **changes)
        return db.node_id
    finally:
        db.close()


def _stamps(location: str, org_id: uuid.UUID) -> dict[str, Any]:
    db = Installation(Path(os.environ["XDG_CONFIG_HOME"])).open(location)
    try:
        return dict(fetch(db, Organization, org_id).field_stamps)
    finally:
        db.close()


@pytest.fixture
def office(pg_url: str, tmp_path: Path) -> tuple[Installation, Installation, uuid.UUID]:
    """Two installations of one server database, and an organization the first one made."""
    first, second = installations(tmp_path, 2)
    db = first.open(pg_url)
    try:
        with first:
            org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    finally:
        db.close()
    return first, second, org


def test_each_installation_keeps_its_node_across_openings(pg_url: str, office: Any) -> None:
    first, second, org = office
    nodes = {"first": _edit(first, pg_url, org, phone="0755-86001234")}
    nodes["second"] = _edit(second, pg_url, org, address="深圳市南山区科技园")
    assert nodes["first"] != nodes["second"]
    for turn in range(2):  # each opens again, after the other wrote
        assert _edit(first, pg_url, org, notes=f"第{turn}次") == nodes["first"]
        assert _edit(second, pg_url, org, region=f"南山{turn}") == nodes["second"]
    stamps = _stamps(pg_url, org)
    assert (stamps["notes"][1], stamps["phone"][1]) == (nodes["first"], nodes["first"])
    assert (stamps["region"][1], stamps["address"][1]) == (nodes["second"], nodes["second"])
    # Each field's stamp names only the two installations, never a node of one opening.
    seen = {node for stamp in stamps.values() for node in [stamp[1], *(stamp[2:] or [{}])[0]]}
    assert seen <= {nodes["first"], nodes["second"]}


def test_an_earlier_versions_server_node_stays_with_its_installation(
    pg_url: str, office: Any
) -> None:
    # An earlier version kept one node under the plain keys, the home of whichever installation
    # wrote last: that installation keeps the node, another takes a node of its own.
    first, second, org = office
    node = _edit(first, pg_url, org, notes="一")
    db = first.open(pg_url)
    try:
        with db.engine.begin() as conn:
            keys = {"node": f"node_id {first.id}", "home": f"node_home {first.id}"}
            conn.execute(text("UPDATE local_state SET key = 'node_id' WHERE key = :node"), keys)
            conn.execute(text("UPDATE local_state SET key = 'node_home' WHERE key = :home"), keys)
        old = node_state(db)
    finally:
        db.close()
    assert set(old) == {"node_id", "node_home"}
    other = _edit(second, pg_url, org, notes="二")
    assert other != node
    db = first.open(pg_url)
    try:
        assert db.node_id == node  # known at opening, before any write
        assert node_state(db) == {
            **old,
            f"node_id {second.id}": other,
            f"node_home {second.id}": f"{second.id} {describe(pg_url)}",
        }
    finally:
        db.close()
    assert _edit(first, pg_url, org, notes="三") == node
    assert _edit(second, pg_url, org, notes="四") == other
    db = first.open(pg_url)
    try:
        assert node_state(db) == {
            f"node_id {first.id}": node,
            f"node_home {first.id}": f"{first.id} {describe(pg_url)}",
            f"node_id {second.id}": other,
            f"node_home {second.id}": f"{second.id} {describe(pg_url)}",
        }
    finally:
        db.close()


def test_two_programs_of_one_installation_share_its_node(pg_url: str, office: Any) -> None:
    # The window and a command line of one installation, both opened before either wrote: the
    # second to write takes the node the first stored, as on a laptop's file.
    _first, second, org = office
    window, command_line = second.open(pg_url), second.open(pg_url)
    try:
        _save(second, window, org, _form(window, org), notes="窗口")
        _save(second, command_line, org, _form(command_line, org), phone="0755-86001234")
        assert command_line.node_id == window.node_id
        stamps = fetch(window, Organization, org).field_stamps
        assert stamps["notes"][1] == stamps["phone"][1] == window.node_id
    finally:
        command_line.close()
        window.close()
    assert _edit(second, pg_url, org, region="南山") == window.node_id


@sqlite_only("a file's one node, kept under the plain keys")
def test_a_file_keeps_one_node_under_the_plain_keys(tmp_path: Path) -> None:
    # Unchanged on SQLite: the file is the installation's that writes it; a file that another
    # installation writes to (a copy on another laptop) takes a node of its own.
    first, second = installations(tmp_path, 2)
    path = str(tmp_path / "laptop.db")
    db = first.open(path)
    try:
        with first:
            org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
        node = db.node_id
        assert node_state(db) == {"node_id": node, "node_home": f"{first.id} {path}"}
    finally:
        db.close()
    assert _edit(first, path, org, notes="一") == node
    other = _edit(second, path, org, notes="二")
    assert other != node
    db = second.open(path)
    try:
        assert node_state(db) == {"node_id": other, "node_home": f"{second.id} {path}"}
    finally:
        db.close()


def _clash(first: Installation, second: Installation, location: str, org: uuid.UUID) -> None:
    """Both open the form; the second saves a phone number, then the first saves another one."""
    mine = first.open(location)
    theirs = second.open(location)
    try:
        loaded = _form(mine, org)
        _save(second, theirs, org, _form(theirs, org), phone="0755-86001234")
        _save(first, mine, org, loaded, phone="0755-26009999")
    finally:
        theirs.close()
        mine.close()


def _conflict(who: Installation, location: str) -> tuple[str, sync_review.ConflictView]:
    db = who.open(location)
    try:
        [conflict] = sync_review.conflicts(db)
        return db.node_id, conflict
    finally:
        db.close()


def test_a_concurrent_edit_logs_a_conflict_naming_the_other_installation(
    pg_url: str, office: Any
) -> None:
    first, second, org = office
    node = {"first": _edit(first, pg_url, org, notes="一"), "second": _edit(second, pg_url, org)}
    _clash(first, second, pg_url, org)
    mine, seen_here = _conflict(first, pg_url)
    theirs, seen_there = _conflict(second, pg_url)
    assert (mine, theirs) == (node["first"], node["second"])  # opened again: the same nodes
    assert (seen_here.winner_value, seen_here.loser_value) == ("0755-26009999", "0755-86001234")
    assert seen_here.winner_who == history.THIS_LAPTOP
    assert seen_here.loser_who == f"laptop {node['second'][:8]}"
    assert seen_there.winner_who == f"laptop {node['first'][:8]}"
    assert seen_there.loser_who == history.THIS_LAPTOP


def test_the_history_says_which_installation_made_each_change(pg_url: str, office: Any) -> None:
    first, second, org = office
    nodes = [_edit(first, pg_url, org, phone="0755-86001234")]
    nodes.append(_edit(second, pg_url, org, phone="0755-26009999"))
    for who, me in ((first, nodes[0]), (second, nodes[1])):
        db = who.open(pg_url)
        try:
            entries = history.record_history(db, "organization", org)
        finally:
            db.close()
        names = {n: history.THIS_LAPTOP if n == me else f"laptop {n[:8]}" for n in nodes}
        assert [(e.new, e.who) for e in entries if e.field == "phone"] == [
            ("0755-26009999", names[nodes[1]]),
            ("0755-86001234", names[nodes[0]]),
        ]


def test_edits_in_one_millisecond_are_ordered_by_the_shared_clock(pg_url: str, office: Any) -> None:
    # Two installations whose clocks read the same millisecond: the server's one clock (drawn
    # under its write lock) still orders their writes, so the later save wins whichever node is
    # which, and the earlier value is the logged loser.
    first, second, org = office
    mine, theirs = first.open(pg_url), second.open(pg_url)
    try:
        for db in (mine, theirs):
            use_clock(db.sessions, lambda: 1_800_000_000_000)
        loaded = _form(mine, org)
        _save(second, theirs, org, _form(theirs, org), phone="0755-86001234")
        _save(first, mine, org, loaded, phone="0755-26009999")
        assert fetch(theirs, Organization, org).phone == "0755-26009999"
        with theirs.read() as session:
            row = session.execute(select(SyncConflict)).scalar_one()
            stamp = fetch(theirs, Organization, org).field_stamps["phone"]
        assert (row.winner_node, row.loser_node) == (mine.node_id, theirs.node_id)
        assert row.loser_hlc < row.winner_hlc
        assert (row.winner_value, row.loser_value) == ("0755-26009999", "0755-86001234")
        assert stamp[:2] == [row.winner_hlc, mine.node_id]
        assert stamp[2][theirs.node_id] == row.loser_hlc  # the winner had not seen it
    finally:
        theirs.close()
        mine.close()


OPEN_AND_EDIT = """
import sys, uuid
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.orgs import org_directory
from fieldlog.services.orgs.org_edits import OrgEdit
from fieldlog.services.team import team
from dataclasses import replace
db = open_workspace(sys.argv[1])
org = uuid.UUID(sys.argv[2])
before = org_directory.org_form(db, org)[0]
OrgEdit(replace(before, notes=sys.argv[3]), before, org).apply(db)
print(db.node_id)
db.close()
"""


def test_each_installation_keeps_its_node_in_processes_of_its_own(pg_url: str, office: Any) -> None:
    # As on two computers: each opening is a new process whose user has a configuration folder
    # (so an installation id) of their own.
    first, second, org = office

    def run(who: Installation, note: str) -> str:
        env = {**os.environ, "XDG_CONFIG_HOME": str(who.folder), "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", OPEN_AND_EDIT, pg_url, str(org), note],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    nodes = [run(first, "一"), run(second, "二"), run(first, "三"), run(second, "四")]
    assert nodes[0] == nodes[2] and nodes[1] == nodes[3] and nodes[0] != nodes[1]


def test_a_package_from_the_server_carries_every_installations_changes(
    pg_url: str, office: Any, tmp_path: Path
) -> None:
    # What a package carries is chosen by the server's one change counter, not by node: the
    # second installation's package brings the first's edit too, each with its own node.
    first, second, org = office
    db = first.open(pg_url)
    try:
        with first:
            team.save_team(db, team.TeamInput("驻深工作队"))
            founder = tmp_path / "founder.fieldsync"
            sync.export_package(db, founder, full=True, kdf=FAST_KDF, passphrase=PASSPHRASE)
    finally:
        db.close()
    receiver = reopen(tmp_path / "receiver.db")
    try:
        sync.import_packages(receiver, [founder], passphrase=PASSPHRASE)
        nodes = [_edit(first, pg_url, org, address="深圳市南山区科技园")]
        nodes.append(_edit(second, pg_url, org, phone="0755-86001234"))
        db = second.open(pg_url)
        try:
            with second:
                package = tmp_path / "later.fieldsync"
                sync.export_package(db, package, kdf=FAST_KDF, passphrase=PASSPHRASE)
                assert sync.unsent_count(db) == 0
            server_digest = digest(db)
        finally:
            db.close()
        sync.import_packages(receiver, [package], passphrase=PASSPHRASE)
        assert digest(receiver) == server_digest
        stamps = fetch(receiver, Organization, org).field_stamps
        assert (stamps["address"][1], stamps["phone"][1]) == (nodes[0], nodes[1])
        senders = {peer.node_id for peer in sync.peers(receiver)}
        assert senders == set(nodes)  # the founder package came from the first installation
    finally:
        receiver.close()


def test_a_node_home_with_a_password_parameter_keeps_its_node_and_loses_the_password(
    pg_url: str, office: Any
) -> None:
    # The driver takes the password as a `password` parameter too, which earlier versions left
    # in: a node home written so keeps its node, and is rewritten without it at the next write;
    # the location shown in messages and titles never shows it.
    first, _second, org = office
    parts = make_url(pg_url)
    url = (
        parts.set(password=None)
        .update_query_dict({"password": str(parts.password)})
        .render_as_string(hide_password=False)
    )
    node = _edit(first, url, org, notes="一")
    earlier = f"{first.id} {make_url(url).render_as_string(hide_password=True)}"
    assert f"password={parts.password}" in earlier
    assert "password=" not in describe(url)
    db = first.open(url)
    try:
        with db.engine.begin() as conn:
            conn.execute(
                text("UPDATE local_state SET value = :home WHERE key = :key"),
                {"home": earlier, "key": f"node_home {first.id}"},
            )
    finally:
        db.close()
    assert _edit(first, url, org, notes="二") == node
    db = first.open(url)
    try:
        home = node_state(db)[f"node_home {first.id}"]
    finally:
        db.close()
    assert f"password={parts.password}" not in home and home != earlier


def test_the_location_shown_hides_a_password_in_either_place() -> None:
    for url in (
        "postgresql+psycopg://bureau@db.example/fieldlog?password=s3cret-word",
        "postgresql+psycopg://bureau:s3cret-word@db.example/fieldlog",
    ):
        shown = describe(url)
        assert "s3cret-word" not in shown and shown.startswith("postgresql+psycopg://bureau")
