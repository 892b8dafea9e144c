"""The names FieldLog gives files carry no personal data (a member's or a company's name, a
phone): a package is named by laptop and time; a report by the team (not a person) and period."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from fieldlog.domain.period import IsoWeek, Period
from fieldlog.services.exchange import sync
from fieldlog.services.orgs.org_directory import list_orgs
from fieldlog.services.reports.report_sheets import default_file_name
from fieldlog.services.team import identity, team
from fieldlog.store.database import Database
from fieldlog.store.repositories.org_list import OrgFilter
from fieldlog.sync.crypto import KdfParams

FAST_KDF = KdfParams(n=2**10)


def _personal(db: Database) -> set[str]:
    """Names and phones a file name must not show: the members', the team's signers'."""
    found = team.current_team(db)
    assert found is not None
    words = {m.name for m in team.members(db)}
    words |= {found.return_preparer, found.return_reviewer, found.return_phone}
    return {w for w in words if w}


def test_a_package_is_named_by_laptop_and_time_never_by_member(demo_copy: Database) -> None:
    db = demo_copy
    me = team.members(db)[0]
    identity.set_me(db, me.id)
    sync.set_passphrase(db, "a team passphrase")
    name = sync.suggested_file_name(db)
    assert re.fullmatch(r"fieldlog-[0-9a-f]{8}-\d{8}-\d{6}\.fieldsync", name), name
    assert name.startswith(f"fieldlog-{db.node_id[:8]}-")
    assert not any(word in name for word in _personal(db) | {me.name})
    found = team.current_team(db)
    assert found is not None and found.name not in name  # README: not even the team's name


def test_two_packages_in_one_folder_never_replace_each_other(
    demo_copy: Database, tmp_path: Path
) -> None:
    db = demo_copy
    sync.set_passphrase(db, "a team passphrase")
    folder = tmp_path / "usb"
    folder.mkdir()
    first = sync.export_package(db, folder, full=True, kdf=FAST_KDF)
    second = sync.export_package(db, folder, full=True, kdf=FAST_KDF)
    third = sync.export_package(db, folder, full=True, kdf=FAST_KDF)
    assert len({first.path, second.path, third.path}) == 3
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        p.path.name for p in (first, second, third)
    )
    for report in (first, second, third):
        assert not any(word in report.path.name for word in _personal(db))


def test_report_names_carry_the_team_and_period_only(demo_copy: Database) -> None:
    db = demo_copy
    found = team.current_team(db)
    assert found is not None
    orgs = {row.name for row in list_orgs(db, OrgFilter(), limit=50)}
    today, week = date(2020, 4, 20), IsoWeek.parse("2020-W16")
    for what in ("weekly", "ledger", "orgs", "visits"):
        name = default_file_name(
            what, found.name, today=today, week=week, period=Period.between("2020-03-23", None)
        )
        assert name.startswith(found.name) and name.endswith(".xlsx")
        assert not any(word in name for word in _personal(db) | orgs), name
