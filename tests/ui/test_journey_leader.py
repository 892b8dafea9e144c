"""A team leader's day through two real main windows: the leader's laptop and a cadre's.

The cadre's laptop joins from the leader's full package, logs visits and sends them; the leader
receives them by dropping the file on the window, reviews the conflict of a field both edited,
backs up with the window open, checks `fieldlog stats --json` against the dashboard, exports
the weekly return and sends the day back; both laptops end with the same digest. After every
step the field-level diff says exactly what changed on each laptop.
"""

# ruff: noqa: F811  (fixture arguments share the names of the imported fixtures)
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldlog.services.orgs import orgs
from fieldlog.services.team import identity, team
from fieldlog.ui.actions import MainAction
from fieldlog.ui.main_window import MainWindow

# The shared fixtures: imported here, pytest finds them by name.
from tests.ui.test_sync_laptops import (  # noqa: F401
    CADRE,
    LEADER,
    SILENT,
    Laptop,
    make_laptop,
    sync_template,
)

from .journey_steps import Journal
from .leader_day import (
    DISPATCH,
    ORG,
    Desk,
    Office,
    cli_digest,
    laptops_converge,
    leader_backs_up,
    leader_checks_the_figures,
    leader_exports_the_week,
    leader_restores_the_other_value,
    morning,
)


def _window(qtbot, laptop: Laptop) -> MainWindow:
    win = MainWindow(laptop.db)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def office(qtbot, make_laptop: Callable[..., Laptop], tmp_path: Path, monkeypatch) -> Iterator:
    """The leader's laptop holds the team and an organization; the cadre's is new and empty."""
    monkeypatch.setattr(QMessageBox, "warning", _unexpected_warning)
    leader, cadre = make_laptop("leader"), make_laptop("cadre")
    team_id = team.save_team(
        leader.db,
        team.TeamInput(
            "铜仁市驻深招商工作队", dispatch_start=DISPATCH[0], dispatch_end=DISPATCH[1]
        ),
    )
    ids = {
        name: team.save_member(leader.db, team.MemberInput(name), team_id=team_id)
        for name in (LEADER, CADRE, SILENT)
    }
    identity.set_me(leader.db, ids[LEADER])
    leader.me, cadre.me = ids[LEADER], ids[CADRE]
    org = orgs.save_org(leader.db, orgs.OrgInput(ORG, phone="0755-83330000")).id
    desks = [Desk(lap, _window(qtbot, lap), Journal(lap.db)) for lap in (leader, cadre)]
    yield Office(qtbot, desks[0], desks[1], tmp_path, org)
    for desk in desks:
        desk.win.close()


def _unexpected_warning(_parent, _title, text, *_args, **_kwargs):
    raise AssertionError(f"unexpected warning: {text}")


# --- the day as tests ----------------------------------------------------------------------------


def test_the_leader_receives_reviews_and_the_laptops_converge(office: Office, monkeypatch) -> None:
    morning(office, monkeypatch)
    leader_restores_the_other_value(office)
    leader_exports_the_week(office, monkeypatch)
    laptops_converge(office, monkeypatch)


def test_figures_of_another_process_match_the_dashboard(office: Office, monkeypatch) -> None:
    morning(office, monkeypatch)
    leader_checks_the_figures(office)


def test_backups_while_the_window_is_open(office: Office, monkeypatch) -> None:
    morning(office, monkeypatch)
    leader_backs_up(office)
    # A write after the backups reaches the file: another process reads it.
    leader_restores_the_other_value(office)
    assert cli_digest(office) == office.leader.journal.digest


def test_send_waits_for_a_team(office: Office) -> None:
    assert office.cadre.win.centralWidget().objectName() == "welcomePanel"
    assert not office.cadre.win.main_actions[MainAction.SEND_WORK].isEnabled()


def test_the_whole_day(office: Office, monkeypatch) -> None:
    morning(office, monkeypatch)
    leader_restores_the_other_value(office)
    leader_backs_up(office)
    leader_checks_the_figures(office)
    leader_exports_the_week(office, monkeypatch)
    laptops_converge(office, monkeypatch)
