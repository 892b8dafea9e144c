"""The demo dispatch (SPEC §3.7): a month of 铜仁市驻深招商工作队 in Shenzhen, loaded in one go.

Everything goes through the services inside one unit of work, so a load stores all or nothing.
The choices are seeded, so two loads hold the same data (ids and clocks aside), and every counted
event lies inside the dispatch, so its figures are exactly those of the 2020 reference case.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from fieldlog.domain.catalogs import LinkDefault, default_chains, default_entries
from fieldlog.domain.period import Period
from fieldlog.domain.stages import MAIN_LINE, Stage
from fieldlog.domain.vocabulary import MemberRole, OrgKind
from fieldlog.services import demo_names as names
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import ContactInput, OrgInput, save_contact, save_org
from fieldlog.services.projects import ProjectInput, Signing, add_tranche, move_stage, open_project
from fieldlog.services.targets import set_target
from fieldlog.services.team import MemberInput, TeamInput, save_group, save_member, save_team
from fieldlog.services.visits import VisitInput, save_visit
from fieldlog.store.database import Database
from fieldlog.store.models import Project, Team, Visit
from fieldlog.store.repositories.common import count_live

DEMO_PERIOD = Period(date(2020, 3, 23), date(2020, 4, 22))
DEMO_AS_OF = date(2020, 4, 22)
SEED = 20200323

_LAST_DAY = date(2020, 5, 31)
_HOLIDAYS = frozenset({date(2020, 4, 6)})  # 清明节, 4–6 April 2020
_ENTERPRISES, _ASSOCIATIONS, _UNVISITED_TARGETS = 346, 40, 28
_UNSIGNED = ("lead",) * 9 + ("negotiating",) * 11 + ("inspected",) * 6
_UNSIGNED += ("paused",) * 3 + ("dropped",) * 3
_TEAM_TARGETS = {
    "enterprises_visited": 300,
    "associations_visited": 30,
    "projects_signed": 20,
    "contract_amount_yuan": 2_500_000_000,
    "funds_in_place_yuan": 400_000_000,
}
_GROUP_TARGETS = {"enterprises_visited": 25, "projects_signed": 2}
_TAGS = ("世界500强", "中国500强", "央企", "上市公司", "专精特新", "行业龙头", "优强企业")
_TAG_WEIGHTS = (1, 2, 1, 4, 5, 4, 5)
_FIRST_KINDS = ("上门走访", "来访接待", "视频会议", "座谈会", "展会活动")
_FIRST_WEIGHTS = (70, 8, 10, 7, 5)
_LATER_KINDS = ("上门走访", "电话联系", "视频会议", "来访接待")
_LATER_WEIGHTS = (35, 35, 20, 10)
_REVISIT_CHANCE = {OrgKind.ENTERPRISE: 0.2, OrgKind.ASSOCIATION: 0.35}
_WAN = 10_000
_VISIT_STAGES = frozenset({Stage.LEAD, Stage.NEGOTIATING, Stage.PAUSED, Stage.DROPPED})


@dataclass(frozen=True)
class DemoSummary:
    """How many records of each kind the demo created."""

    members: int
    groups: int
    organizations: int
    visits: int
    projects: int
    tranches: int


class DemoRefused(InvalidInput):
    """The database already holds work; the demo goes only into an empty one."""


@dataclass(frozen=True)
class _Planned:
    """A visit to make: its day, and the project (with its stage then) it was about, if any."""

    day: date
    project: uuid.UUID | None = None
    stage: Stage | None = None
    project_name: str = ""
    county: str = ""


@dataclass
class _Org:
    """An organization the demo created, with what its visits and projects need."""

    id: uuid.UUID
    kind: OrgKind
    group: int
    short: str = ""
    link: LinkDefault | None = None
    key: bool = False
    contacts: list[tuple[uuid.UUID, str]] = field(default_factory=list)
    visits: list[_Planned] = field(default_factory=list)


@dataclass(frozen=True)
class _Spec:
    """A project to build: its chain, what it is, where it stands now and its money (万元)."""

    chain: int
    title: str
    stage: str
    role: str
    county: str
    contract: int = 0
    form: str = ""
    tranches: tuple[int, ...] = ()


def load_demo(db: Database) -> DemoSummary:
    """Load the demo dispatch into an empty database as one transaction."""
    with db.begin() as session:
        held = [
            f"{count} {what}{'' if count == 1 else 's'}"
            for model, what in ((Visit, "visit"), (Project, "project"), (Team, "team"))
            if (count := count_live(session, model))
        ]
        if held:
            raise DemoRefused(
                f"this database already holds work ({', '.join(held)}); "
                "load the demo into a new, empty database"
            )
        return _Loader(db, random.Random(SEED)).run()


def _working_days() -> list[date]:
    days = (DEMO_PERIOD.start + timedelta(n) for n in range(DEMO_PERIOD.days or 0))
    return [d for d in days if d.weekday() < 5 and d not in _HOLIDAYS]


class _Loader:
    """Builds the dispatch step by step; only the seeded generator decides what to write."""

    def __init__(self, db: Database, rng: random.Random) -> None:
        self.db, self.rng = db, rng
        self.chains = default_chains()
        self.counties = [e.name for e in default_entries() if e.kind == "county"]
        self.days = _working_days()
        self.groups: list[uuid.UUID] = []
        self.pairs: list[tuple[uuid.UUID, uuid.UUID]] = []
        self.leader: uuid.UUID | None = None
        self.orgs: list[_Org] = []
        self.counts = {"organizations": 0, "visits": 0, "projects": 0, "tranches": 0}

    def run(self) -> DemoSummary:
        team = self._team()
        specs = self._specs()
        investors = self._enterprises([sum(s.chain == c for s in specs) for c in range(12)])
        self._associations()
        self._others()
        for spec in specs:
            self._project(spec, investors[spec.chain].pop(0))
        for org in self.orgs:
            self._visits(org)
        for metric, value in _TEAM_TARGETS.items():
            set_target(self.db, "team", team, metric, DEMO_PERIOD, value)
        for group in self.groups:
            for metric, value in _GROUP_TARGETS.items():
                set_target(self.db, "group", group, metric, DEMO_PERIOD, value)
        return DemoSummary(members=2 * len(self.pairs), groups=len(self.groups), **self.counts)

    # -- the team -------------------------------------------------------------------------

    def _team(self) -> uuid.UUID:
        team = save_team(
            self.db,
            TeamInput(
                name="铜仁市驻深招商工作队",
                home_city="铜仁市",
                host_city="深圳市",
                reporting_unit="铜仁市投资促进局",
                dispatch_start=DEMO_PERIOD.start,
                dispatch_end=DEMO_PERIOD.end,
            ),
        )
        taken: set[str] = set()
        for g, chain in enumerate(self.chains):
            group = save_group(self.db, f"{chain.name}产业招商组", team_id=team, chain_id=chain.id)
            self.groups.append(group)
            first = MemberRole.TEAM_LEADER if g == 0 else MemberRole.GROUP_LEADER
            second = MemberRole.GROUP_LEADER if g == 0 else MemberRole.MEMBER
            ids = [
                self._member(team, group, role, self.counties[c], taken, second=c != g)
                for role, c in ((first, g), (second, (g + 5) % 12))
            ]
            self.pairs.append((ids[0], ids[1]))
        self.leader = self.pairs[0][0]
        return team

    def _member(
        self,
        team: uuid.UUID,
        group: uuid.UUID,
        role: str,
        county: str,
        taken: set[str],
        *,
        second: bool,
    ) -> uuid.UUID:
        name = names.person_name(self.rng)
        while name in taken:
            name = names.person_name(self.rng)
        taken.add(name)
        other = names.OTHER_UNITS.get(county) if second else None
        office = "招商局" if county in ("大龙经济开发区", "铜仁高新区") else "投资促进局"
        unit = other or county + office
        data = MemberInput(name, group, role, unit, county, other is None, names.mobile(self.rng))
        return save_member(self.db, data, team_id=team)

    # -- organizations ----------------------------------------------------------------------

    def _add(
        self,
        data: OrgInput,
        group: int,
        contacts: int,
        *,
        visited: bool = True,
        short: str = "",
        link: LinkDefault | None = None,
        key: bool = False,
    ) -> _Org:
        org = _Org(save_org(self.db, data).id, OrgKind(data.kind), group, short, link, key)
        for title in self.rng.sample(names.TITLES[org.kind.value], contacts):
            person = names.person_name(self.rng)
            contact = ContactInput(person, title, names.mobile(self.rng))
            org.contacts.append((save_contact(self.db, org.id, contact), person + title))
        self.counts["organizations"] += 1
        if visited:
            self.orgs.append(org)
        return org

    def _office_phone(self) -> str:
        digits = "".join(self.rng.choice("0123456789") for _ in range(7))
        return f"0755-{self.rng.choice('23689')}{digits}" if self.rng.random() < 0.5 else ""

    def _enterprises(self, projects_per_chain: list[int]) -> list[list[_Org]]:
        """The visited enterprises, then targets never visited; returns the investors by chain."""
        rng, taken = self.rng, set[str]()
        investors: list[list[_Org]] = [[] for _ in self.chains]
        for i in range(_ENTERPRISES + _UNVISITED_TARGETS):
            c, visited = i % 12, i < _ENTERPRISES
            chain, investor = self.chains[c], visited and i // 12 < projects_per_chain[c]
            name, short = names.enterprise_name(rng, chain.name)
            while name in taken or short in taken:  # short names stand in project names
                name, short = names.enterprise_name(rng, chain.name)
            taken |= {name, short}
            region, area, address = names.district(rng)
            code = names.credit_code(rng, "91", "440300" if rng.random() < 0.6 else area)
            tags = rng.choices(_TAGS, _TAG_WEIGHTS, k=rng.choice((1, 1, 2)))
            link = rng.choice(chain.links)
            data = OrgInput(
                name,
                OrgKind.ENTERPRISE,
                code if rng.random() < 0.95 else None,
                region,
                address,
                chain.id,
                link.id,
                investor or not visited or rng.random() < 0.3,
                self._office_phone(),
                tags=sorted(set(tags)) if rng.random() < 0.15 else [],
            )
            contacts = rng.choice((1, 2)) if visited else int(rng.random() < 0.7)
            org = self._add(data, c, contacts, visited=visited, short=short, link=link)
            if investor:
                investors[c].append(org)
        return investors

    def _associations(self) -> None:
        rng, chambers = self.rng, len(names.CHAMBERS)
        everyone = len(names.ASSOCIATIONS)
        unvisited = rng.sample(range(chambers, everyone), everyone - _ASSOCIATIONS)
        by_name = {chain.name: n for n, chain in enumerate(self.chains)}
        for i, (name, chain) in enumerate(names.ASSOCIATIONS):
            region, area, address = names.district(rng)
            code = names.credit_code(rng, "51", "440300" if rng.random() < 0.7 else area)
            chain_id = self.chains[by_name[chain]].id if chain else None
            data = OrgInput(
                name,
                OrgKind.ASSOCIATION,
                code,
                region,
                address,
                chain_id,
                is_target=i < 2 or rng.random() < 0.3,
                phone=self._office_phone(),
            )
            group = by_name[chain] if chain else i % 12
            self._add(data, group, rng.choice((1, 2)), visited=i not in unvisited, key=i < 2)

    def _others(self) -> None:
        """Parks, government bodies and intermediaries: visited, counted in neither figure."""
        rows = [(OrgKind(kind), name, where) for kind, name, where in names.PLACES]
        rows += [
            (OrgKind.INTERMEDIARY, form.format(brand=names.brand(self.rng)), "")
            for form in names.INTERMEDIARIES
        ]
        for i, (kind, name, where) in enumerate(rows):
            region, area, address = names.district(self.rng, where)
            code = None
            if kind == OrgKind.GOVERNMENT:
                area = "440300" if name.startswith("深圳市") else area
                code, address = names.credit_code(self.rng, "11", area), ""
            elif kind == OrgKind.INTERMEDIARY:
                head = "31" if name.endswith("律师事务所") else "91"  # law firms: justice bureau
                code = names.credit_code(self.rng, head, area)
            self._add(OrgInput(name, kind, code, region, address), (i * 5) % 12, 1)

    # -- projects -----------------------------------------------------------------------------

    def _specs(self) -> list[_Spec]:
        """The 22 signed projects of the reference case, then leads at every other stage."""
        by_name = {chain.name: n for n, chain in enumerate(self.chains)}
        specs = []
        for line in names.SIGNED.strip().splitlines():
            chain, title, role, contract, form, county, stage, tranches = line.split("|")
            money = tuple(int(t) for t in tranches.split())
            specs.append(
                _Spec(by_name[chain], title, stage, role, county, int(contract), form, money)
            )
        stages = list(_UNSIGNED)
        self.rng.shuffle(stages)
        roles = ("build", "strengthen", "fill", "extend")
        for k, stage in enumerate(stages):
            title = names.LEAD_PROJECTS[self.chains[k % 12].name][k // 12 % 2]
            county = self.rng.choice(self.counties)
            specs.append(_Spec(k % 12, title, stage, self.rng.choice(roles), county))
        return specs

    def _path(self, final: Stage) -> list[Stage]:
        """The stages a project went through to reach `final`."""
        lead, talks, inspected = Stage.LEAD, Stage.NEGOTIATING, Stage.INSPECTED
        maybe_talks = [talks] if self.rng.random() < 0.7 else []
        if final in (lead, talks):
            return list(MAIN_LINE[: MAIN_LINE.index(final) + 1])
        if final == Stage.PAUSED:
            return [lead, talks, final]
        if final in (Stage.DROPPED, inspected):
            return [lead, *maybe_talks, final]
        maybe_inspected = [inspected] if self.rng.random() < 0.75 else []
        signed = MAIN_LINE.index(Stage.SIGNED)
        return [lead, talks, *maybe_inspected, *MAIN_LINE[signed : MAIN_LINE.index(final) + 1]]

    def _project(self, spec: _Spec, org: _Org) -> None:
        rng, final = self.rng, Stage(spec.stage)
        path = self._path(final)
        picks = sorted(rng.sample(range(len(self.days)), len(path)))
        dates = [self.days[i] for i in picks]
        owner = rng.choice(self.pairs[spec.chain])
        texts = [t.format(county=spec.county, form=spec.form) for t in names.PROJECT_TEXT[final]]
        follow = dates[-1] + timedelta(rng.randint(3, 25))
        planned = (spec.contract or rng.choice((3000, 5000, 8000, 10000, 20000, 30000))) * _WAN
        data = ProjectInput(
            f"{org.short}{spec.title}项目",
            org.id,
            self.chains[spec.chain].id,
            org.link.id if org.link else None,
            spec.role,
            planned * rng.choice((10, 12, 15)) // 10,
            spec.county,
            owner,
            self.groups[spec.chain],
            *texts,
            None if final == Stage.DROPPED else min(follow, _LAST_DAY),
        )
        project = open_project(
            self.db, data, on=dates[0], member_id=owner, note_text=self._note(Stage.LEAD, spec)
        )
        for stage, day in zip(path[1:], dates[1:], strict=True):
            signing = (
                Signing(day, spec.contract * _WAN, spec.form) if stage == Stage.SIGNED else None
            )
            note = self._note(stage, spec)
            move_stage(
                self.db, project, stage, on=day, member_id=owner, note_text=note, signing=signing
            )
        if spec.tranches:
            self._tranches(project, spec, picks[path.index(Stage.SIGNED)])
        org.visits += [
            _Planned(day, project, stage, data.name, spec.county)
            for stage, day in zip(path, dates, strict=True)
            if stage in _VISIT_STAGES
        ]
        self.counts["projects"] += 1

    @staticmethod
    def _note(stage: Stage, spec: _Spec) -> str:
        return names.STAGE_NOTES[stage.value].format(county=spec.county, form=spec.form)

    def _tranches(self, project: uuid.UUID, spec: _Spec, signed: int) -> None:
        days = sorted(self.rng.choices(range(signed, len(self.days)), k=len(spec.tranches)))
        for amount, day in zip(spec.tranches, days, strict=True):
            add_tranche(
                self.db,
                project,
                received_on=self.days[day],
                amount_yuan=amount * _WAN,
                origin=self.rng.choices(("省外", "省内市外", "市内"), (7, 2, 1))[0],
                evidence=self.rng.choice(names.EVIDENCE),
            )
            self.counts["tranches"] += 1

    # -- visits -------------------------------------------------------------------------------

    def _visits(self, org: _Org) -> None:
        plan = org.visits or self._visit_plan(org)
        for n, planned in enumerate(plan):
            later = plan[n + 1].day if n + 1 < len(plan) else None
            self._visit(org, n, planned, later)

    def _visit_plan(self, org: _Org) -> list[_Planned]:
        """A first visit on any working day; a fifth of organizations are visited again."""
        rng, last = self.rng, len(self.days)
        first = rng.randrange(5) if org.key else rng.randrange(last)
        extra = 0
        if org.key:
            extra = 3
        elif rng.random() < _REVISIT_CHANCE.get(org.kind, 0.25):
            extra = rng.choice((1, 1, 1, 2, 2, 3))
        picks = sorted(rng.sample(range(first + 1, last), min(extra, last - first - 1)))
        return [_Planned(self.days[i]) for i in (first, *picks)]

    def _visit(self, org: _Org, n: int, planned: _Planned, later: date | None) -> None:
        rng, chain = self.rng, self.chains[org.group]
        kind = self._visit_kind(n, planned.stage)
        intent = self._intent(n, planned.stage)
        contacts = org.contacts if kind != "电话联系" and rng.random() < 0.4 else org.contacts[:1]
        note = names.visit_note(
            rng,
            org.kind.value,
            kind,
            contacts[0][1],
            intent,
            chain=chain.name,
            link=(org.link or rng.choice(chain.links)).name,
            county=planned.county or rng.choice(self.counties),
            project=planned.project_name,
            first="" if n else "1",
        )
        visit = VisitInput(
            planned.day,
            org.id,
            self._visitors(org.group, kind),
            kind,
            note,
            intent,
            self._follow_up(planned.day, intent, later),
            [c for c, _ in contacts],
            planned.project,
            None if org.kind in (OrgKind.PARK, OrgKind.GOVERNMENT) else chain.id,
        )
        save_visit(self.db, visit)
        self.counts["visits"] += 1

    def _visit_kind(self, n: int, stage: Stage | None) -> str:
        if stage in (Stage.PAUSED, Stage.DROPPED):
            return "电话联系"
        if stage == Stage.NEGOTIATING:
            return self.rng.choice(("来访接待", "上门走访", "视频会议"))
        if n == 0:
            return self.rng.choices(_FIRST_KINDS, _FIRST_WEIGHTS)[0]
        return self.rng.choices(_LATER_KINDS, _LATER_WEIGHTS)[0]

    def _intent(self, n: int, stage: Stage | None) -> str:
        fixed = {Stage.NEGOTIATING: "strong", Stage.PAUSED: "weak", Stage.DROPPED: "none"}
        if stage in fixed:
            return fixed[stage]
        if stage == Stage.LEAD:
            return self.rng.choice(("strong", "strong", "medium"))
        weights = (1, 3, 4, 2) if n == 0 else (2, 4, 2, 1)
        return self.rng.choices(("strong", "medium", "weak", "none"), weights)[0]

    def _follow_up(self, day: date, intent: str, later: date | None) -> date | None:
        """The next visit when there is one; otherwise a date set by the intent, maybe overdue."""
        if intent == "none":
            return None
        if later is not None:
            return later
        if intent == "weak" and self.rng.random() < 0.5:
            return None
        span = self.rng.randint(14, 30) if intent == "weak" else self.rng.randint(3, 21)
        return min(day + timedelta(span), _LAST_DAY)

    def _visitors(self, group: int, kind: str) -> list[uuid.UUID]:
        """Mostly both members of the group; sometimes one, sometimes with a third cadre."""
        pair, roll = list(self.pairs[group]), self.rng.random()
        if kind == "电话联系" or roll < 0.3:
            return [self.rng.choice(pair)]
        if roll < 0.88:
            return pair
        other = self.pairs[self.rng.randrange(1, len(self.pairs))]
        return [*pair, self.leader if group else self.rng.choice(other)]
