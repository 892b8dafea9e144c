"""Receive in the window: packages from senders with clocks far off, and another team's package.

Each is one message or a clean import (with the report's clock warning where the clock is far
ahead), never a crash; a refusal leaves the data as it was.
"""

# ruff: noqa: F811  (fixture arguments share the names of the imported fixtures)
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.team import team
from fieldlog.store.stamping import system_clock_ms, use_clock
from fieldlog.ui.actions import MainAction
from fieldlog.ui.dialogs.sync_report_dialog import SyncReportDialog
from tests.ui.test_sync_laptops import (  # noqa: F401
    leader_and_cadre,
    make_laptop,
    open_files,
    sync_template,
    warnings,
)
from tests.ui.test_sync_send_receive import report_dialog, window_of


def _lead_to(year: int) -> int:
    return int(datetime(year, 6, 1, tzinfo=UTC).timestamp() * 1000) - system_clock_ms()


@pytest.mark.parametrize("year", [1975, 2099, 2150, 2300])
def test_a_package_from_a_clock_far_off(
    qtbot, leader_and_cadre, open_files, warnings, year: int
) -> None:
    leader, cadre = leader_and_cadre
    lead = _lead_to(year)
    use_clock(cadre.db.sessions, lambda: system_clock_ms() + lead)
    cadre.org("深圳市德润物流有限公司")
    open_files([cadre.export(f"from-{year}")])
    before = digest(leader.db)
    win = window_of(qtbot, leader)
    win.main_actions[MainAction.RECEIVE].trigger()
    if year == 2300:
        [message] = warnings
        assert "unchanged" in message and "the year 2300: the sender's clock is wrong" in message
        assert win.findChildren(SyncReportDialog) == []
        assert digest(leader.db) == before
        return
    assert warnings == []
    details = report_dialog(win).details.text()
    assert (f"says {year}-06-01" in details) == (year != 1975)
    assert leader.digest() == cadre.digest()


def test_another_teams_package_is_one_message_naming_both_teams(
    qtbot, leader_and_cadre, make_laptop, open_files, warnings
) -> None:
    leader, _cadre = leader_and_cadre
    stranger = make_laptop("stranger")  # the same passphrase, another team
    team.save_team(stranger.db, team.TeamInput("黔东南州驻深招商工作队"))
    stranger.org("陌生公司")
    open_files([stranger.export("stranger-1")])
    before = digest(leader.db)
    win = window_of(qtbot, leader)
    win.main_actions[MainAction.RECEIVE].trigger()
    [message] = warnings
    assert "unchanged" in message
    assert "another team, 黔东南州驻深招商工作队" in message and "铜仁市驻深招商工作队" in message
    assert win.findChildren(SyncReportDialog) == []
    assert digest(leader.db) == before
