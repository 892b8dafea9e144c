"""The demo's projects: the 22 signed ones of the reference case, then leads at every stage."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from fieldlog.domain.stages import MAIN_LINE, Stage
from fieldlog.services.admin.demo import texts
from fieldlog.services.admin.demo.state import LAST_DAY, Built, DemoOrg, LoadState, Planned
from fieldlog.services.projects.projects import (
    ProjectInput,
    Signing,
    add_tranche,
    move_stage,
    open_project,
)

_UNSIGNED: tuple[str, ...] = (
    ("lead",) * 9 + ("negotiating",) * 11 + ("inspected",) * 6 + ("paused",) * 3 + ("dropped",) * 3
)
_WAN = 10_000
_VISIT_STAGES = frozenset({Stage.LEAD, Stage.NEGOTIATING, Stage.PAUSED, Stage.DROPPED})


@dataclass(frozen=True)
class ProjectSpec:
    """A project to build: its chain, what it is, where it stands now and its money (万元)."""

    chain: int
    title: str
    stage: str
    role: str
    county: str
    contract: int = 0
    form: str = ""
    tranches: tuple[int, ...] = ()


def build_specs(st: LoadState) -> list[ProjectSpec]:
    """The 22 signed projects of the reference case, then leads at every other stage."""
    by_name = st.chain_index()
    specs = []
    for line in texts.SIGNED.strip().splitlines():
        chain, title, role, contract, form, county, stage, tranches = line.split("|")
        money = tuple(int(t) for t in tranches.split())
        specs.append(
            ProjectSpec(by_name[chain], title, stage, role, county, int(contract), form, money)
        )
    stages = list(_UNSIGNED)
    st.rng.shuffle(stages)
    roles = ("build", "strengthen", "fill", "extend")
    for k, stage in enumerate(stages):
        title = texts.LEAD_PROJECTS[st.chains[k % 12].name][k // 12 % 2]
        county = st.rng.choice(st.counties)
        specs.append(ProjectSpec(k % 12, title, stage, st.rng.choice(roles), county))
    return specs


def build_project(st: LoadState, spec: ProjectSpec, org: DemoOrg) -> None:
    """Open the project, take it to its stage now and plan the visits that went with it."""
    path = _path(st.rng, Stage(spec.stage))
    picks = sorted(st.rng.sample(range(len(st.days)), len(path)))
    dates = [st.days[i] for i in picks]
    owner = st.rng.choice(st.pairs[spec.chain])
    data = _project_input(st, spec, org, owner, dates[-1])
    project = open_project(
        st.db, data, on=dates[0], member_id=owner, note_text=_note(Stage.LEAD, spec)
    )
    for stage, day in zip(path[1:], dates[1:], strict=True):
        signing = Signing(day, spec.contract * _WAN, spec.form) if stage == Stage.SIGNED else None
        note = _note(stage, spec)
        move_stage(st.db, project, stage, on=day, member_id=owner, note_text=note, signing=signing)
    if spec.tranches:
        _tranches(st, project, spec, picks[path.index(Stage.SIGNED)])
    org.visits += [
        Planned(day, project, stage, data.name, spec.county)
        for stage, day in zip(path, dates, strict=True)
        if stage in _VISIT_STAGES
    ]
    st.built.append(Built(project, spec, org, path, dates))
    st.counts["projects"] += 1


def _path(rng: random.Random, final: Stage) -> list[Stage]:
    """The stages a project went through to reach `final`."""
    lead, talks, inspected = Stage.LEAD, Stage.NEGOTIATING, Stage.INSPECTED
    maybe_talks = [talks] if rng.random() < 0.7 else []
    if final in (lead, talks):
        return list(MAIN_LINE[: MAIN_LINE.index(final) + 1])
    if final == Stage.PAUSED:
        return [lead, talks, final]
    if final in (Stage.DROPPED, inspected):
        return [lead, *maybe_talks, final]
    maybe_inspected = [inspected] if rng.random() < 0.75 else []
    signed = MAIN_LINE.index(Stage.SIGNED)
    return [lead, talks, *maybe_inspected, *MAIN_LINE[signed : MAIN_LINE.index(final) + 1]]


def _project_input(
    st: LoadState, spec: ProjectSpec, org: DemoOrg, owner: uuid.UUID, last: date
) -> ProjectInput:
    """What the project records; `last` is the day it reached its stage now."""
    rng, final = st.rng, Stage(spec.stage)
    words = [t.format(county=spec.county, form=spec.form) for t in texts.PROJECT_TEXT[final]]
    follow = last + timedelta(rng.randint(3, 25))
    planned = (spec.contract or rng.choice((3000, 5000, 8000, 10000, 20000, 30000))) * _WAN
    progress, problems, next_step = words
    return ProjectInput(
        name=f"{org.short}{spec.title}项目",
        investor_id=org.id,
        chain_id=st.chains[spec.chain].id,
        link_id=org.link.id if org.link else None,
        chain_role=spec.role,
        planned_yuan=planned * rng.choice((10, 12, 15)) // 10,
        landing_county=spec.county,
        owner_id=owner,
        group_id=st.groups[spec.chain],
        progress=progress,
        problems=problems,
        next_step=next_step,
        next_follow_up=None if final == Stage.DROPPED else min(follow, LAST_DAY),
    )


def _note(stage: Stage, spec: ProjectSpec) -> str:
    return texts.STAGE_NOTES[stage.value].format(county=spec.county, form=spec.form)


def _tranches(st: LoadState, project: uuid.UUID, spec: ProjectSpec, signed: int) -> None:
    """The funds in place, received on working days from the signing on."""
    days = sorted(st.rng.choices(range(signed, len(st.days)), k=len(spec.tranches)))
    for amount, day in zip(spec.tranches, days, strict=True):
        add_tranche(
            st.db,
            project,
            received_on=st.days[day],
            amount_yuan=amount * _WAN,
            origin=st.rng.choices(("省外", "省内市外", "市内"), (7, 2, 1))[0],
            evidence=st.rng.choice(texts.EVIDENCE),
        )
        st.counts["tranches"] += 1
