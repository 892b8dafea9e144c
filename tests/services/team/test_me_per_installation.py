"""Who uses this computer, on a server database several computers use at once: each installation
keeps the member it chose, and the history, the conflict log and the packages exported from the
server name another installation's changes by the member it chose. On a file, unchanged.

Each installation is a `tests.installations.Installation` (a configuration folder of its own, so
an installation id of its own).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from fieldlog.services.admin import history
from fieldlog.services.exchange import sync, sync_review
from fieldlog.services.orgs import orgs
from fieldlog.services.team import identity, team
from fieldlog.store.database import Database
from tests.conftest import reopen, sqlite_only
from tests.installations import Installation, installations
from tests.store.test_server_nodes import _clash, _edit
from tests.sync.conftest import FAST_KDF, PASSPHRASE

ZHANG, LI = "张伟", "李娜"


def _me_state(db: Database) -> dict[str, str]:
    """The "who uses this computer" values stored in `db`'s local_state, by key."""
    query = "SELECT key, value FROM local_state WHERE key LIKE 'me_member_id%'"
    with db.engine.connect() as conn:
        return {key: value for key, value in conn.execute(text(query)).all()}


def _me(who: Installation, location: str) -> uuid.UUID | None:
    db = who.open(location)
    try:
        with who:  # the installation reads its own choice
            return identity.get_me(db)
    finally:
        db.close()


def _choose(who: Installation, location: str, member: uuid.UUID) -> None:
    db = who.open(location)
    try:
        with who:
            identity.set_me(db, member)
    finally:
        db.close()


@pytest.fixture
def office(pg_url: str, tmp_path: Path) -> tuple[Installation, Installation, dict[str, Any]]:
    """Two installations of one server database with a team of two members and an
    organization, all made by the first; neither has chosen its member yet."""
    first, second = installations(tmp_path, 2)
    db = first.open(pg_url)
    try:
        with first:
            team_id = team.save_team(db, team.TeamInput("驻深工作队"))
            made = {
                name: team.save_member(db, team.MemberInput(name), team_id=team_id)
                for name in (ZHANG, LI)
            }
            made["org"] = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    finally:
        db.close()
    return first, second, made


def test_each_installation_keeps_the_member_it_chose(pg_url: str, office: Any) -> None:
    first, second, made = office
    assert (_me(first, pg_url), _me(second, pg_url)) == (None, None)
    _choose(first, pg_url, made[ZHANG])
    _choose(second, pg_url, made[LI])  # chosen last: it once became everyone's
    assert _me(first, pg_url) == made[ZHANG]
    assert _me(second, pg_url) == made[LI]
    db = first.open(pg_url)
    try:
        assert _me_state(db) == {
            f"me_member_id {first.id}": str(made[ZHANG]),
            f"me_member_id {second.id}": str(made[LI]),
        }
    finally:
        db.close()


def test_another_installation_is_named_by_the_member_it_chose(pg_url: str, office: Any) -> None:
    first, second, made = office
    _choose(first, pg_url, made[ZHANG])
    _choose(second, pg_url, made[LI])
    org = made["org"]
    _edit(first, pg_url, org, notes="一")
    _edit(second, pg_url, org, notes="二")
    _clash(first, second, pg_url, org)  # the second saves first, then the first over it
    for who, other in ((first, LI), (second, ZHANG)):
        db = who.open(pg_url)
        try:
            [conflict] = sync_review.conflicts(db)
            entries = history.record_history(db, "organization", org)
        finally:
            db.close()
        sides = {conflict.winner_who, conflict.loser_who}
        assert sides == {history.THIS_LAPTOP, other}
        notes = {e.new: e.who for e in entries if e.field == "notes"}
        mine, theirs = ("一", "二") if who is first else ("二", "一")
        assert (notes[mine], notes[theirs]) == (history.THIS_LAPTOP, other)


def test_a_package_from_the_server_names_each_installations_member(
    pg_url: str, office: Any, tmp_path: Path
) -> None:
    # The second exports: its own changes are signed with its member, the first's are relayed
    # with the first's member, as a laptop relays the names of the laptops it has heard of.
    first, second, made = office
    _choose(first, pg_url, made[ZHANG])
    _choose(second, pg_url, made[LI])
    org = made["org"]
    receiver = reopen(tmp_path / "receiver.db")
    try:
        full = _export(second, pg_url, tmp_path / "full.fieldsync")
        sync.import_packages(receiver, [full], passphrase=PASSPHRASE)
        _edit(first, pg_url, org, phone="0755-86001234")
        _edit(second, pg_url, org, address="深圳市南山区科技园")
        later = _export(second, pg_url, tmp_path / "later.fieldsync", full=False)
        sync.import_packages(receiver, [later], passphrase=PASSPHRASE)
        entries = history.record_history(receiver, "organization", org)
    finally:
        receiver.close()
    who = {e.field: e.who for e in entries if e.field in ("phone", "address")}
    assert who == {"phone": ZHANG, "address": LI}


def _export(who: Installation, location: str, package: Path, *, full: bool = True) -> Path:
    db = who.open(location)
    try:
        with who:
            sync.export_package(db, package, full=full, kdf=FAST_KDF, passphrase=PASSPHRASE)
        return package
    finally:
        db.close()


def _as_an_earlier_version(db: Database, owner: Installation) -> None:
    """Put `owner`'s node and member under the plain keys, as an earlier version kept them."""
    with db.engine.begin() as conn:
        for key in ("node_id", "node_home", "me_member_id"):
            conn.execute(
                text("UPDATE local_state SET key = :plain WHERE key = :own"),
                {"plain": key, "own": f"{key} {owner.id}"},
            )


def test_an_earlier_versions_member_stays_with_the_installation_of_the_earlier_node(
    pg_url: str, office: Any
) -> None:
    # An earlier version kept one member for the whole server: whose it was is known only from
    # the earlier node home (the installation that wrote last). That one keeps it; another
    # chooses its own, and never logs as someone else's member meanwhile.
    first, second, made = office
    _choose(first, pg_url, made[ZHANG])
    db = first.open(pg_url)
    try:
        _as_an_earlier_version(db, first)
        assert set(_me_state(db)) == {"me_member_id"}
    finally:
        db.close()
    assert _me(second, pg_url) is None
    _edit(second, pg_url, made["org"], notes="二")  # its first write: the plain keys stay
    assert _me(second, pg_url) is None
    assert _me(first, pg_url) == made[ZHANG]  # before any write: read where it was
    _edit(first, pg_url, made["org"], notes="一")  # its first write takes the node and member
    db = first.open(pg_url)
    try:
        assert _me_state(db) == {f"me_member_id {first.id}": str(made[ZHANG])}
    finally:
        db.close()
    assert (_me(first, pg_url), _me(second, pg_url)) == (made[ZHANG], None)


def test_a_member_chosen_before_the_earlier_one_moves_stays(pg_url: str, office: Any) -> None:
    # The installation of the earlier node chose again before its first write: its new choice
    # stays, and the earlier one goes.
    first, _second, made = office
    _choose(first, pg_url, made[ZHANG])
    db = first.open(pg_url)
    try:
        _as_an_earlier_version(db, first)
    finally:
        db.close()
    db = first.open(pg_url)
    try:
        with first:
            identity.set_me(db, made[LI])
            assert identity.get_me(db) == made[LI]
        assert _me_state(db) == {f"me_member_id {first.id}": str(made[LI])}
    finally:
        db.close()


@sqlite_only("a file's one member, kept under the plain key")
def test_a_file_keeps_its_member_under_the_plain_key(tmp_path: Path) -> None:
    # Unchanged on a file: one key, read by whichever installation opens the file.
    first, second = installations(tmp_path, 2)
    path = str(tmp_path / "laptop.db")
    db = first.open(path)
    try:
        with first:
            team_id = team.save_team(db, team.TeamInput("驻深工作队"))
            member = team.save_member(db, team.MemberInput(ZHANG), team_id=team_id)
            identity.set_me(db, member)
        assert _me_state(db) == {"me_member_id": str(member)}
    finally:
        db.close()
    assert _me(second, path) == member
