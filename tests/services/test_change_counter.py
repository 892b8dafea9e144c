"""The change counter a window reads to notice what other users of its database changed: it
moves with every write of the data (an edit, a sync import), and tells which tables changed."""

from __future__ import annotations

from pathlib import Path

from fieldlog.services.admin.change_counter import change_number, tables_changed_after
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange import sync
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.services.visits.drafts import save_draft
from tests.conftest import reopen
from tests.sync.conftest import FAST_KDF, PASSPHRASE


def _open(location: str):  # type: ignore[no-untyped-def]
    return open_workspace(location) if "://" in location else reopen(location)


def test_another_users_edit_moves_the_counter_and_names_its_table(any_location: str) -> None:
    window, other = _open(any_location), _open(any_location)
    try:
        team.save_team(window, team.TeamInput("测试工作队"))
        seen = change_number(window)
        assert tables_changed_after(window, seen) == set()
        save_draft(other, "visit-new", {"summary": "未保存"})  # local, not data: no move
        assert change_number(window) == seen
        orgs.save_org(other, orgs.OrgInput("深圳市新来物流有限公司", tags=["上市公司"]))
        assert change_number(window) > seen
        assert tables_changed_after(window, seen) == {"organization", "org_tag"}
    finally:
        other.close()
        window.close()


def test_a_sync_import_moves_the_counter(any_location: str, tmp_path: Path) -> None:
    sender = reopen(tmp_path / "sender.db")
    shared = _open(any_location)
    try:
        sync.set_passphrase(sender, PASSPHRASE)
        team.save_team(sender, team.TeamInput("测试工作队"))
        orgs.save_org(sender, orgs.OrgInput("深圳市新来物流有限公司"))
        package = tmp_path / "first.fieldsync"
        sync.export_package(sender, package, full=True, kdf=FAST_KDF)
        sync.set_passphrase(shared, PASSPHRASE)
        seen = change_number(shared)
        sync.import_packages(shared, [package])
        assert change_number(shared) > seen
        assert {"team", "organization"} <= tables_changed_after(shared, seen)
    finally:
        shared.close()
        sender.close()
