"""The assessment scope (考核口径): which signed projects, contract amounts and funds earn a team
assessment credit, and the team's warning thresholds. Rules, not storage: the team's settings are
read by `store/repositories/rules.py`; `counting.stats_with_visit_counts` counts both scopes.

A signed project earns credit (计入考核) unless, in this order:
1. its kind is one this version does not know (a newer FieldLog's): it counts as nothing new;
2. its fund origin is one the team excludes (本地企业投资, 财政资金 by default);
3. it is a new project whose contract amount is below the minimum (1亿元 by default);
4. it is a phase-two or capital-increase project (its contract amount is the new investment)
   and the team counts no such project, or its amount is below their own minimum (5000万元).
A project is counted once, at its first signing, like the plain figures (SPEC §3.5). Its funds in
place earn credit when the project does, except tranches whose own origin is excluded (a tranche
without an origin takes the project's).
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from fieldlog.domain.catalogs import display_name
from fieldlog.domain.messages import Message, msg
from fieldlog.domain.money import format_yi
from fieldlog.domain.vocabulary import unknown_label


class ProjectKind(enum.StrEnum):
    """项目类型; the value is the code stored in the database."""

    NEW = "new"
    PHASE_TWO = "phase_two"
    CAPITAL_INCREASE = "capital_increase"


KIND_LABELS_ZH: dict[ProjectKind, str] = {
    ProjectKind.NEW: "新建",
    ProjectKind.PHASE_TWO: "二期",
    ProjectKind.CAPITAL_INCREASE: "增资",
}
KIND_LABELS_EN: dict[ProjectKind, str] = {
    ProjectKind.NEW: "New",
    ProjectKind.PHASE_TWO: "Phase two",
    ProjectKind.CAPITAL_INCREASE: "Capital increase",
}
KIND_NAMES: dict[ProjectKind, Message] = {
    ProjectKind.NEW: msg("kind.new", "new"),
    ProjectKind.PHASE_TWO: msg("kind.phase_two", "phase-two"),
    ProjectKind.CAPITAL_INCREASE: msg("kind.capital_increase", "capital-increase"),
}
KINDS_BY_CODE: dict[str, ProjectKind] = {kind.value: kind for kind in ProjectKind}
#: Kinds counted by their own minimum, on the new investment.
FOLLOW_ON_KINDS: frozenset[ProjectKind] = frozenset(
    {ProjectKind.PHASE_TWO, ProjectKind.CAPITAL_INCREASE}
)


def kind_label_zh(code: str | None) -> str:
    """The Chinese name of a stored kind code: 二期, 未知（code）, or 新建 for none."""
    kind = KINDS_BY_CODE.get(code or ProjectKind.NEW.value)
    return KIND_LABELS_ZH[kind] if kind is not None else unknown_label(code or "")


DEFAULT_MIN_CONTRACT_YUAN = 100_000_000
DEFAULT_FOLLOW_ON_MIN_YUAN = 50_000_000


@dataclass(frozen=True)
class AssessmentRules:
    """A team's assessment scope.

    `follow_on_min_yuan` None: phase-two and capital-increase projects never earn credit.
    `excluded_origins`: fund-origin catalog ids whose money earns none, with their names.
    """

    min_contract_yuan: int = DEFAULT_MIN_CONTRACT_YUAN
    follow_on_min_yuan: int | None = DEFAULT_FOLLOW_ON_MIN_YUAN
    excluded_origins: Mapping[uuid.UUID, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class WarningRules:
    """A team's warning thresholds (三色预警) and weekly lead quota, in days and leads."""

    yellow_days: int = 60
    red_days: int = 90
    retire_days: int = 180
    lead_reply_days: int = 3
    weekly_lead_quota: int = 1


@dataclass(frozen=True)
class TeamRules:
    """Everything a team decides about how its work is judged."""

    assessment: AssessmentRules = field(default_factory=AssessmentRules)
    warnings: WarningRules = field(default_factory=WarningRules)


@dataclass(frozen=True)
class Verdict:
    """Whether a project earns assessment credit (计入考核), and why or why not."""

    counts: bool
    reason: Message


@dataclass(frozen=True)
class AssessmentFigures:
    """The signed figures of a period under the assessment scope, named as in `stats --json`."""

    projects_signed: int = 0
    contract_amount_yuan: int = 0
    funds_in_place_yuan: int = 0


COUNTED = msg("assess.counted", "counted in the assessment")
NOT_SIGNED = msg("assess.not_signed", "not signed")


def verdict(
    *,
    signed_on: date | None,
    contract_yuan: int | None,
    kind: str | None,
    origin_id: uuid.UUID | None,
    rules: AssessmentRules,
) -> Verdict:
    """The assessment verdict of one project (the rules in this module's docstring)."""
    if signed_on is None:
        return Verdict(False, NOT_SIGNED)
    known = KINDS_BY_CODE.get(kind or ProjectKind.NEW.value)
    if known is None:
        return Verdict(
            False,
            msg("assess.unknown_kind", "project kind {kind} is unknown", kind=unknown_label(kind)),
        )
    if origin_id is not None and origin_id in rules.excluded_origins:
        return Verdict(
            False,
            msg(
                "assess.excluded_origin",
                "funds from {origin} are not counted",
                origin=OriginName(origin_id, rules.excluded_origins[origin_id]),
            ),
        )
    amount = contract_yuan or 0
    if known not in FOLLOW_ON_KINDS:
        if amount < rules.min_contract_yuan:
            return Verdict(False, _below(amount, rules.min_contract_yuan))
        return Verdict(True, COUNTED)
    if rules.follow_on_min_yuan is None:
        return Verdict(
            False,
            msg(
                "assess.follow_on_excluded",
                "{kind} projects are not counted",
                kind=KIND_NAMES[known],
            ),
        )
    if amount < rules.follow_on_min_yuan:
        return Verdict(
            False,
            msg(
                "assess.follow_on_below",
                "new investment {amount} is below the {kind} minimum of {minimum}",
                amount=_yi(amount),
                kind=KIND_NAMES[known],
                minimum=_yi(rules.follow_on_min_yuan),
            ),
        )
    return Verdict(True, COUNTED)


def _below(amount: int, minimum: int) -> Message:
    return msg(
        "assess.below_minimum",
        "contract amount {amount} is below the minimum of {minimum}",
        amount=_yi(amount),
        minimum=_yi(minimum),
    )


def tranche_counts(
    tranche_origin: uuid.UUID | None,
    project_origin: uuid.UUID | None,
    project_counts: bool,
    rules: AssessmentRules,
) -> bool:
    """Whether a funds tranche earns credit: its project does, and its origin (the project's
    when it has none) is not excluded."""
    origin = tranche_origin if tranche_origin is not None else project_origin
    return project_counts and (origin is None or origin not in rules.excluded_origins)


def _yi(yuan: int) -> str:
    # Every digit: 99,999,999 元 is 0.99999999 亿元, which rounding would show as the minimum.
    return f"{format_yi(yuan, exact=True)} 亿元"


@dataclass(frozen=True)
class OriginName:
    """A fund origin named in a message: a shipped one under its shipped name reads in English
    in an English window."""

    id: uuid.UUID
    name: str

    def render(self, language: str) -> str:
        return display_name(self.id, self.name, language)

    def __str__(self) -> str:
        return self.name
