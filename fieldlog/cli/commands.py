"""What each command does with the open database; each returns the exit code."""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Callable

from fieldlog.cli.attach_commands import ATTACH_HANDLERS
from fieldlog.cli.bureau_commands import BUREAU_HANDLERS
from fieldlog.cli.card_command import CARD_HANDLERS
from fieldlog.cli.excel_commands import EXCEL_HANDLERS
from fieldlog.cli.maintenance_commands import MAINTENANCE_HANDLERS
from fieldlog.cli.sync_commands import SYNC_HANDLERS
from fieldlog.cli.warnings_command import WARNINGS_HANDLERS
from fieldlog.domain.assessment import TeamRules
from fieldlog.domain.counting import Stats
from fieldlog.domain.indicators import EXTRA_BY_KEY, METRICS, find, label
from fieldlog.domain.messages import current_language, msg
from fieldlog.domain.money import format_yi
from fieldlog.store.database import Database

Handler = Callable[[Database, argparse.Namespace], int]


def _display_width(text: str) -> int:
    # A CJK character takes two columns in a terminal.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_stats(stats: Stats, lang: str) -> str:
    """The figures as an aligned two-column table in the chosen language: the plain ones, then
    the assessment scope's (考核口径) and the milestones (入库, 入规), as the weekly return."""
    keys = (*METRICS, *EXTRA_BY_KEY)
    labels = {key: label(key, lang) for key in keys}
    if stats.period.start or stats.period.end:
        span: object = str(stats.period)
    else:
        span = msg("cli.stats.all_time", "all time")
    lines = [msg("cli.stats.period", "Period: {span}", span=span).render(lang)]
    width = max(_display_width(text) for text in labels.values())
    for key in keys:
        value = stats.figure(key)
        shown = format_yi(value) if find(key).amount else str(value)
        text = labels[key]
        lines.append(f"{text}{' ' * (width - _display_width(text))}  {shown:>12}")
    return "\n".join(lines)


def _say_encrypted(db: Database) -> None:
    if db.encrypted:
        print(
            msg(
                "cli.init.encrypted",
                "The database is encrypted: without its password nobody can read it, FieldLog "
                "included, so keep the password safe.",
            )
        )


def _init(db: Database, _args: argparse.Namespace) -> int:
    print(msg("cli.init.ready", "FieldLog database ready: {name}", name=db.name))
    _say_encrypted(db)
    return 0


def _demo(db: Database, _args: argparse.Namespace) -> int:
    from fieldlog.services.admin.demo import load_demo

    summary = load_demo(db)
    print(
        msg(
            "cli.demo.loaded",
            "Demo dispatch loaded into {name}: {members} members, {organizations} organizations, "
            "{visits} visits, {projects} projects.",
            name=db.name,
            members=summary.members,
            organizations=summary.organizations,
            visits=summary.visits,
            projects=summary.projects,
        )
    )
    _say_encrypted(db)
    return 0


def _digest(db: Database, _args: argparse.Namespace) -> int:
    from fieldlog.services.admin.maintenance import digest

    print(digest(db))
    return 0


def _stats(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.bureau.stats_scope import stats_for

    stats = stats_for(db, args.period, args.team)
    as_json = json.dumps(stats.as_dict(), ensure_ascii=False)
    print(as_json if args.json else format_stats(stats, current_language()))
    return 0


def rules_as_dict(rules: TeamRules) -> dict[str, object]:
    """The JSON shape of `rules --json`: amounts in yuan (None: never counted), fund origins by
    name, thresholds in days."""
    scope, warnings = rules.assessment, rules.warnings
    return {
        "min_contract_yuan": scope.min_contract_yuan,
        "follow_on_min_yuan": scope.follow_on_min_yuan,
        "excluded_origins": sorted(scope.excluded_origins.values()),
        "yellow_days": warnings.yellow_days,
        "red_days": warnings.red_days,
        "retire_days": warnings.retire_days,
        "lead_reply_days": warnings.lead_reply_days,
        "weekly_lead_quota": warnings.weekly_lead_quota,
    }


def format_rules(rules: TeamRules) -> str:
    """The rules as a few lines in the current language."""
    scope, warnings = rules.assessment, rules.warnings
    follow_on = (
        msg("cli.rules.follow_on_never", "Phase-two and capital-increase projects: not counted")
        if scope.follow_on_min_yuan is None
        else msg(
            "cli.rules.follow_on_min",
            "Phase-two and capital-increase minimum: {amount} (100M yuan)",
            amount=format_yi(scope.follow_on_min_yuan),
        )
    )
    origins = "、".join(sorted(scope.excluded_origins.values()))
    lines = [
        msg(
            "cli.rules.min_contract",
            "Minimum contract amount: {amount} (100M yuan)",
            amount=format_yi(scope.min_contract_yuan),
        ),
        follow_on,
        msg(
            "cli.rules.excluded",
            "Fund origins not counted: {origins}",
            origins=origins or msg("cli.rules.no_origins", "none"),
        ),
        msg(
            "cli.rules.warnings",
            "Warnings: yellow after {yellow} days, red after {red}, "
            "suggest retiring after {retire}",
            yellow=warnings.yellow_days,
            red=warnings.red_days,
            retire=warnings.retire_days,
        ),
        msg(
            "cli.rules.leads",
            "Leads: answered within {days} days; {quota} complete per member each week",
            days=warnings.lead_reply_days,
            quota=warnings.weekly_lead_quota,
        ),
    ]
    return "\n".join(str(line) for line in lines)


def _rules(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.team.rules import team_rules

    rules = team_rules(db)
    print(
        json.dumps(rules_as_dict(rules), ensure_ascii=False) if args.json else format_rules(rules)
    )
    return 0


HANDLERS: dict[str, Handler] = {
    "init": _init,
    "demo": _demo,
    "digest": _digest,
    "stats": _stats,
    "rules": _rules,
    **EXCEL_HANDLERS,
    **MAINTENANCE_HANDLERS,
    **SYNC_HANDLERS,
    **BUREAU_HANDLERS,
    **WARNINGS_HANDLERS,
    **CARD_HANDLERS,
    **ATTACH_HANDLERS,
}
