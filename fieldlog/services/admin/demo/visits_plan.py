"""The demo's visits: who went, how, what was said and when to follow up."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

from fieldlog.domain.stages import Stage
from fieldlog.domain.vocabulary import OrgKind
from fieldlog.services.admin.demo import texts
from fieldlog.services.admin.demo.state import LAST_DAY, DemoOrg, LoadState, Planned
from fieldlog.services.visits.visits import VisitInput, save_visit

_FIRST_KINDS = ("上门走访", "来访接待", "视频会议", "座谈会", "展会活动")
_FIRST_WEIGHTS = (70, 8, 10, 7, 5)
_LATER_KINDS = ("上门走访", "电话联系", "视频会议", "来访接待")
_LATER_WEIGHTS = (35, 35, 20, 10)
_REVISIT_CHANCE = {OrgKind.ENTERPRISE: 0.2, OrgKind.ASSOCIATION: 0.35}


def build_visits(st: LoadState, org: DemoOrg) -> None:
    """The organization's visits: those its projects went through, or else a planned few."""
    plan = org.visits or _visit_plan(st, org)
    for n, planned in enumerate(plan):
        later = plan[n + 1].day if n + 1 < len(plan) else None
        _visit(st, org, n, planned, later)


def _visit_plan(st: LoadState, org: DemoOrg) -> list[Planned]:
    """A first visit on any working day; a fifth of organizations are visited again."""
    rng, last = st.rng, len(st.days)
    first = rng.randrange(5) if org.key else rng.randrange(last)
    extra = 0
    if org.key:
        extra = 3
    elif rng.random() < _REVISIT_CHANCE.get(org.kind, 0.25):
        extra = rng.choice((1, 1, 1, 2, 2, 3))
    picks = sorted(rng.sample(range(first + 1, last), min(extra, last - first - 1)))
    return [Planned(st.days[i]) for i in (first, *picks)]


def _visit(st: LoadState, org: DemoOrg, n: int, planned: Planned, later: date | None) -> None:
    kind = _visit_kind(st.rng, n, planned.stage)
    intent = _intent(st.rng, n, planned.stage)
    phoned = kind == "电话联系"
    contacts = org.contacts if not phoned and st.rng.random() < 0.4 else org.contacts[:1]
    note = _note(st, org, n, planned, kind, intent, contacts[0][1])
    visit = VisitInput(
        planned.day,
        org.id,
        _visitors(st, org.group, kind),
        kind,
        note,
        intent,
        _follow_up(st.rng, planned.day, intent, later),
        [c for c, _ in contacts],
        planned.project,
        None if org.kind in (OrgKind.PARK, OrgKind.GOVERNMENT) else st.chains[org.group].id,
    )
    save_visit(st.db, visit)
    st.counts["visits"] += 1


def _note(
    st: LoadState, org: DemoOrg, n: int, planned: Planned, kind: str, intent: str, who: str
) -> str:
    """The visit's note; `who` is the first contact met, with title."""
    rng, chain = st.rng, st.chains[org.group]
    return texts.visit_note(
        rng,
        org.kind.value,
        kind,
        who,
        intent,
        chain=chain.name,
        link=(org.link or rng.choice(chain.links)).name,
        county=planned.county or rng.choice(st.counties),
        project=planned.project_name,
        first="" if n else "1",
    )


def _visit_kind(rng: random.Random, n: int, stage: Stage | None) -> str:
    if stage in (Stage.PAUSED, Stage.DROPPED):
        return "电话联系"
    if stage == Stage.NEGOTIATING:
        return rng.choice(("来访接待", "上门走访", "视频会议"))
    if n == 0:
        return rng.choices(_FIRST_KINDS, _FIRST_WEIGHTS)[0]
    return rng.choices(_LATER_KINDS, _LATER_WEIGHTS)[0]


def _intent(rng: random.Random, n: int, stage: Stage | None) -> str:
    fixed = {Stage.NEGOTIATING: "strong", Stage.PAUSED: "weak", Stage.DROPPED: "none"}
    if stage in fixed:
        return fixed[stage]
    if stage == Stage.LEAD:
        return rng.choice(("strong", "strong", "medium"))
    weights = (1, 3, 4, 2) if n == 0 else (2, 4, 2, 1)
    return rng.choices(("strong", "medium", "weak", "none"), weights)[0]


def _follow_up(rng: random.Random, day: date, intent: str, later: date | None) -> date | None:
    """The next visit when there is one; otherwise a date set by the intent, maybe overdue."""
    if intent == "none":
        return None
    if later is not None:
        return later
    if intent == "weak" and rng.random() < 0.5:
        return None
    span = rng.randint(14, 30) if intent == "weak" else rng.randint(3, 21)
    return min(day + timedelta(span), LAST_DAY)


def _visitors(st: LoadState, group: int, kind: str) -> list[uuid.UUID]:
    """Mostly both members of the group; sometimes one, sometimes with a third cadre."""
    pair, roll = list(st.pairs[group]), st.rng.random()
    if kind == "电话联系" or roll < 0.3:
        return [st.rng.choice(pair)]
    if roll < 0.88:
        return pair
    other = st.pairs[st.rng.randrange(1, len(st.pairs))]
    third = st.leader if group and st.leader else st.rng.choice(other)
    return [*pair, third]
