"""Editing the team's rules (`domain/assessment.TeamRules`): the assessment scope (考核口径) and
the warning thresholds on the team record, the excluded fund origins on their catalog items.

A save merges field by field over what is stored now (`services/edits.py`), as the team form
does: a rule nobody changed in the form keeps what another user or a sync wrote meanwhile, the
excluded origins merge by element, and a form saved unchanged writes nothing. The stored result
is checked as a whole (yellow < red < retire days) before anything is written.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, fields

from sqlalchemy.orm import Session

from fieldlog.domain.assessment import TeamRules
from fieldlog.domain.messages import Message, msg
from fieldlog.domain.money import MAX_YUAN
from fieldlog.services.edits import merge_edit, save_edit
from fieldlog.services.errors import InvalidInput
from fieldlog.store.database import Database
from fieldlog.store.models import Team
from fieldlog.store.repositories.rule_rows import fund_origin_items
from fieldlog.store.repositories.rules import read_rules
from fieldlog.store.repositories.team_rows import first_team

#: Each rule of the team record: the form's field → the team's column.
COLUMNS: dict[str, str] = {
    "min_contract_yuan": "assess_min_contract_yuan",
    "follow_on_min_yuan": "assess_follow_on_min_yuan",
    "yellow_days": "stale_yellow_days",
    "red_days": "stale_red_days",
    "retire_days": "stale_retire_days",
    "lead_reply_days": "lead_reply_days",
    "weekly_lead_quota": "weekly_lead_quota",
}
#: The longest a threshold can be: ten years.
MAX_DAYS = 3650
MAX_QUOTA = 100


@dataclass(frozen=True)
class FundOrigin:
    """A fund origin the team may leave out of the assessment."""

    id: uuid.UUID
    name: str


@dataclass(frozen=True)
class TeamRuleFields:
    """The rules kept on the team record; amounts in yuan, `follow_on_min_yuan` None when
    phase-two and capital-increase projects never count."""

    min_contract_yuan: int
    follow_on_min_yuan: int | None
    yellow_days: int
    red_days: int
    retire_days: int
    lead_reply_days: int
    weekly_lead_quota: int


@dataclass(frozen=True)
class ExcludedOrigins:
    """The fund origins whose money earns no assessment credit (ids of catalog items)."""

    ids: list[uuid.UUID] = field(default_factory=list)


@dataclass(frozen=True)
class RulesSheet:
    """The rules as the form shows and saves them."""

    team: TeamRuleFields
    excluded: ExcludedOrigins


def _fields_of(team: Team) -> TeamRuleFields:
    return TeamRuleFields(**{name: getattr(team, column) for name, column in COLUMNS.items()})


def _excluded(session: Session) -> ExcludedOrigins:
    return ExcludedOrigins([item.id for item in fund_origin_items(session) if item.assess_excluded])


def rules_sheet(db: Database) -> RulesSheet | None:
    """The team's rules as they are now, or None before set-up."""
    with db.read() as session:
        team = first_team(session)
        if team is None:
            return None
        return RulesSheet(_fields_of(team), _excluded(session))


def team_rules(db: Database) -> TeamRules:
    """The rules the figures are counted by (the defaults before set-up)."""
    with db.read() as session:
        return read_rules(session)


def fund_origins(db: Database) -> list[FundOrigin]:
    """The live fund origins in display order, for the form's list."""
    with db.read() as session:
        return [FundOrigin(item.id, item.name) for item in fund_origin_items(session)]


def _whole(value: object, low: int, high: int, what: Message) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(
            msg(
                "rules.out_of_range",
                "{what} must be a whole number from {low} to {high}",
                what=what,
                low=low,
                high=high,
            )
        )


def check_rules(rules: TeamRuleFields) -> None:
    """InvalidInput, in one sentence, for rules that cannot be kept."""
    _whole(rules.min_contract_yuan, 0, MAX_YUAN, msg("rules.min_contract", "the minimum amount"))
    if rules.follow_on_min_yuan is not None:
        what = msg("rules.follow_on_min", "the phase-two and capital-increase minimum")
        _whole(rules.follow_on_min_yuan, 0, MAX_YUAN, what)
    _whole(rules.yellow_days, 1, MAX_DAYS, msg("rules.yellow_days", "the days to yellow"))
    _whole(rules.red_days, 1, MAX_DAYS, msg("rules.red_days", "the days to red"))
    _whole(rules.retire_days, 1, MAX_DAYS, msg("rules.retire_days", "the days to retirement"))
    reply = msg("rules.lead_reply_days", "the days to answer a lead")
    _whole(rules.lead_reply_days, 0, MAX_DAYS, reply)
    quota = msg("rules.weekly_lead_quota", "the weekly lead quota")
    _whole(rules.weekly_lead_quota, 0, MAX_QUOTA, quota)
    if not rules.yellow_days < rules.red_days < rules.retire_days:
        raise InvalidInput(
            msg(
                "rules.threshold_order",
                "the warning days must rise from yellow to red to retirement, but they are "
                "{yellow}, {red} and {retire}",
                yellow=rules.yellow_days,
                red=rules.red_days,
                retire=rules.retire_days,
            )
        )


def save_rules(db: Database, before: RulesSheet, after: RulesSheet) -> bool:
    """Save what differs between the rules shown and the rules edited, in one transaction;
    False when nothing was changed (then nothing is written). InvalidInput, with nothing
    written, for rules that cannot be kept, including a mix of this save and another user's."""
    check_rules(after.team)
    with db.begin() as session:
        team = first_team(session)
        if team is None:
            raise InvalidInput(msg("rules.no_team", "set up the team before its rules"))
        merged = merge_edit(before.team, after.team, _fields_of(team))
        check_rules(merged.data)

        def save(data: TeamRuleFields) -> None:
            for item in fields(data):
                column = COLUMNS[item.name]
                value = getattr(data, item.name)
                if getattr(team, column) != value:
                    setattr(team, column, value)

        changed = save_edit(session, team, merged, save, COLUMNS)
        return _save_excluded(session, before.excluded, after.excluded) or changed


def _save_excluded(session: Session, before: ExcludedOrigins, after: ExcludedOrigins) -> bool:
    """Flag the origins the merged list names, unflag the others (live origins only)."""
    merged = merge_edit(before, after, _excluded(session))
    if not merged.changed:
        return False
    wanted = set(merged.data.ids)
    for item in fund_origin_items(session):
        if item.assess_excluded != (item.id in wanted):
            item.assess_excluded = item.id in wanted
    session.flush()
    return True
