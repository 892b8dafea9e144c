"""Editing the team's rules: only what the form changed is written, through the team's edit
machinery (stamps, history); bad rules are refused in one sentence and change nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from fieldlog.services.errors import InvalidInput
from fieldlog.services.team import team
from fieldlog.services.team.rules import (
    ExcludedOrigins,
    RulesSheet,
    fund_origins,
    rules_sheet,
    save_rules,
)
from fieldlog.services.team.setup import NewMember, TeamSetup, set_up_team
from fieldlog.store.database import Database
from fieldlog.store.repositories.rules import read_rules
from tests.field_dump import db_digest, field_diff, field_dump, history_count

TEAM = team.TeamInput("铜仁市驻深招商工作队", dispatch_start=date(2026, 3, 1))


@pytest.fixture
def set_up(db: Database) -> Database:
    set_up_team(db, TeamSetup(TEAM, [NewMember("李娜", "碧江区", "物流组")]))
    return db


def _sheet(db: Database) -> RulesSheet:
    sheet = rules_sheet(db)
    assert sheet is not None
    return sheet


def _origin(db: Database, name: str):
    return next(o.id for o in fund_origins(db) if o.name == name)


def test_before_set_up_there_are_no_rules_to_edit(db: Database) -> None:
    assert rules_sheet(db) is None


def test_the_shipped_rules(set_up: Database) -> None:
    sheet = _sheet(set_up)
    assert sheet.team.min_contract_yuan == 100_000_000
    assert sheet.team.follow_on_min_yuan == 50_000_000
    assert (sheet.team.yellow_days, sheet.team.red_days, sheet.team.retire_days) == (60, 90, 180)
    local, public = _origin(set_up, "本地企业投资"), _origin(set_up, "财政资金")
    assert sorted(sheet.excluded.ids) == sorted([local, public])


def test_an_unchanged_sheet_saves_nothing(set_up: Database) -> None:
    before, history = db_digest(set_up), history_count(set_up)
    assert save_rules(set_up, _sheet(set_up), _sheet(set_up)) is False
    assert (db_digest(set_up), history_count(set_up)) == (before, history)


def test_one_rule_changed_changes_exactly_that_column_with_history(set_up: Database) -> None:
    sheet = _sheet(set_up)
    dump, history = field_dump(set_up), history_count(set_up)
    edited = replace(sheet, team=replace(sheet.team, red_days=100))
    assert save_rules(set_up, sheet, edited) is True
    diff = field_diff(dump, field_dump(set_up))
    assert [(table, column) for table, _id, column in diff] == [("team", "stale_red_days")]
    assert list(diff.values()) == [(90, 100)]
    assert history_count(set_up) == history + 1
    with set_up.read() as session:
        assert read_rules(session).warnings.red_days == 100


def test_follow_on_projects_can_be_left_out_and_back(set_up: Database) -> None:
    sheet = _sheet(set_up)
    never = replace(sheet, team=replace(sheet.team, follow_on_min_yuan=None))
    save_rules(set_up, sheet, never)
    with set_up.read() as session:
        assert read_rules(session).assessment.follow_on_min_yuan is None
    save_rules(set_up, never, sheet)
    assert _sheet(set_up) == sheet


def test_an_origin_counted_again_unflags_only_its_catalog_item(set_up: Database) -> None:
    sheet = _sheet(set_up)
    local = _origin(set_up, "本地企业投资")
    dump = field_dump(set_up)
    kept = ExcludedOrigins([i for i in sheet.excluded.ids if i != local])
    assert save_rules(set_up, sheet, replace(sheet, excluded=kept)) is True
    diff = field_diff(dump, field_dump(set_up))
    assert diff == {("catalog_item", str(local), "assess_excluded"): (True, False)}
    with set_up.read() as session:
        assert local not in read_rules(session).assessment.excluded_origins


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"red_days": 60}, "must rise from yellow to red to retirement, but they are 60, 60"),
        ({"red_days": 50}, "but they are 60, 50 and 180"),
        ({"retire_days": 90}, "but they are 60, 90 and 90"),
        ({"yellow_days": 0}, "the days to yellow must be a whole number from 1 to 3650"),
        ({"weekly_lead_quota": -1}, "the weekly lead quota must be a whole number from 0 to 100"),
        ({"min_contract_yuan": -5}, "the minimum amount must be a whole number from 0 to"),
    ],
)
def test_bad_rules_are_refused_and_change_nothing(set_up: Database, change, words) -> None:
    sheet = _sheet(set_up)
    before, history = db_digest(set_up), history_count(set_up)
    bad = replace(sheet, team=replace(sheet.team, **change))
    with pytest.raises(InvalidInput) as refused:
        save_rules(set_up, sheet, bad)
    assert words in str(refused.value)
    assert (db_digest(set_up), history_count(set_up)) == (before, history)


def test_another_users_change_is_kept_and_a_clashing_mix_is_refused(set_up: Database) -> None:
    loaded = _sheet(set_up)
    # Meanwhile another user moves red to 120 days.
    save_rules(set_up, loaded, replace(loaded, team=replace(loaded.team, red_days=120)))
    # This form changes yellow only: red stays the other user's.
    save_rules(set_up, loaded, replace(loaded, team=replace(loaded.team, yellow_days=70)))
    now = _sheet(set_up).team
    assert (now.yellow_days, now.red_days) == (70, 120)
    # A form that moves yellow past the red another user set is refused as a whole.
    stale = _sheet(set_up)
    save_rules(set_up, stale, replace(stale, team=replace(stale.team, red_days=80)))
    before = db_digest(set_up)
    with pytest.raises(InvalidInput, match="but they are 100, 80 and 180"):
        save_rules(set_up, stale, replace(stale, team=replace(stale.team, yellow_days=100)))
    assert db_digest(set_up) == before
