"""The demo's assessment and lead details: project kinds, fund origins, 入库/入规 dates, progress
dates, 项目内容, 投资方诉求, investor contacts, and the matters for the government to coordinate.

Drawn last, from a generator of their own (`details_rng`), so that every draw before them — and
with them the reference figures of SPEC §3.7 — is exactly what it was before these details
existed. The plain figures do not depend on them; the assessment scope does: a few 二期/增资
projects, some local and one fiscal fund origin, beside the contracts below 1亿元.
"""

from __future__ import annotations

import dataclasses
import random
import uuid
from datetime import date, timedelta

from fieldlog.domain.assessment import ProjectKind
from fieldlog.domain.money import format_wan, format_yi
from fieldlog.domain.stages import Stage
from fieldlog.services.admin.demo import lead_texts
from fieldlog.services.admin.demo.state import DISPATCH_END, Built, LoadState
from fieldlog.services.projects import coordination as coord
from fieldlog.services.projects.project_detail import fund_origin_choices
from fieldlog.services.projects.project_edits import project_form
from fieldlog.services.projects.projects import save_project

#: Signed projects that are a second phase or a capital increase of an earlier investment.
_FOLLOW_ON = (ProjectKind.PHASE_TWO, ProjectKind.PHASE_TWO, ProjectKind.CAPITAL_INCREASE)
_OTHER_ORIGINS, _ORIGIN_WEIGHTS = ("省外", "省内市外", "市内"), (8, 1, 1)
#: Leads that lack one of the details a complete lead has.
_INCOMPLETE = 5
#: Matters: overdue and open, resolved, open and due after the dispatch.
_OVERDUE, _RESOLVED, _LATER = 3, 3, 2


def details_rng(seed: int) -> random.Random:
    """The generator of these details, derived from the demo's seed."""
    return random.Random(f"fieldlog-demo-details-{seed}")


def build_details(st: LoadState, rng: random.Random) -> None:
    """Every project's details, then the coordination matters."""
    origins = dict(fund_origin_choices(st.db))
    signed = [b for b in st.built if b.spec.contract]
    leads = [b for b in st.built if not b.spec.contract]
    # Six different signed projects: three follow-ons, then two local and one fiscal origin.
    picked, (lead_kind, lead_origin) = rng.sample(signed, 6), rng.sample(leads, 2)
    kinds = {b.id: kind for b, kind in zip(picked, _FOLLOW_ON, strict=False)}
    kinds[lead_kind.id] = ProjectKind.PHASE_TWO
    special = [*picked[3:], lead_origin]
    named = ("本地企业投资", "本地企业投资", "财政资金", "本地企业投资")
    chosen = {b.id: name for b, name in zip(special, named, strict=True)}
    gaps = {
        b.id: rng.choice(("content", "demands", "contact")) for b in rng.sample(leads, _INCOMPLETE)
    }
    for built in st.built:
        origin = chosen.get(built.id) or rng.choices(_OTHER_ORIGINS, _ORIGIN_WEIGHTS)[0]
        kind = kinds.get(built.id, ProjectKind.NEW)
        _details(st, rng, built, kind.value, origins[origin], gaps.get(built.id))
    _matters(st, rng, signed + [b for b in leads if b.spec.stage in ("negotiating", "inspected")])


def _days_from(st: LoadState, first: date) -> list[date]:
    return [d for d in st.days if d >= first] or [st.days[-1]]


def _details(
    st: LoadState,
    rng: random.Random,
    built: Built,
    kind: str,
    origin: uuid.UUID,
    gap: str | None,
) -> None:
    data = project_form(st.db, built.id)
    progress_on = rng.choice(_days_from(st, built.dates[-1]))
    content = rng.choice(lead_texts.CONTENT).format(
        title=built.spec.title,
        county=built.spec.county,
        amount=_amount(data.planned_yuan or 0),
    )
    demands = rng.choice(lead_texts.DEMANDS).format(
        acres=rng.choice((50, 80, 100, 150)), workers=rng.choice((100, 200, 300))
    )
    contact = rng.choice(built.org.contacts)[0] if built.org.contacts else None
    stats_on, above_scale_on = _milestones(st, rng, built)
    changed = dataclasses.replace(
        data,
        kind=kind,
        origin_id=origin,
        progress_on=progress_on,
        content="" if gap == "content" else content,
        demands="" if gap == "demands" else demands,
        contact_id=None if gap == "contact" else contact,
        stats_on=stats_on,
        above_scale_on=above_scale_on,
    )
    save_project(st.db, changed, built.id, today=progress_on)


def _amount(yuan: int) -> str:
    """An investment as a ledger writes it: 5000万元, 1.2亿元."""
    return (
        f"{format_yi(yuan)}亿元"
        if yuan >= 100_000_000
        else f"{format_wan(yuan).replace(',', '')}万元"
    )


def _milestones(st: LoadState, rng: random.Random, built: Built) -> tuple[date | None, date | None]:
    """入库 for most started and producing projects, 入规 for some producing ones."""
    started = built.on(Stage.STARTED)
    if started is None or rng.random() < 0.25:
        return None, None
    stats_on = rng.choice(_days_from(st, started))
    above = None
    if built.on(Stage.PRODUCING) is not None and rng.random() < 0.6:
        above = rng.choice(_days_from(st, stats_on))
    return stats_on, above


def _matters(st: LoadState, rng: random.Random, candidates: list[Built]) -> None:
    count = _OVERDUE + _RESOLVED + _LATER
    texts = rng.sample(lead_texts.MATTERS, count)
    for n, (built, (matter, owner)) in enumerate(
        zip(rng.sample(candidates, count), texts, strict=True)
    ):
        days = _days_from(st, built.dates[0])
        if n < _OVERDUE + _RESOLVED:
            due = rng.choice(days[:-1] or days)
        else:
            due = DISPATCH_END + timedelta(rng.randint(8, 39))
        resolved = _OVERDUE <= n < _OVERDUE + _RESOLVED
        note = rng.choice(lead_texts.RESOLVED_NOTES) if resolved else ""
        data = coord.MatterInput(matter, owner.format(county=built.spec.county), due, note)
        matter_id = coord.add_matter(st.db, built.id, data)
        if resolved:
            coord.resolve_matter(st.db, matter_id, on=rng.choice(days))
