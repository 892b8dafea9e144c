"""Build a realistic synthetic FieldLog database of any size, quickly and deterministically.

    python bench/make_db.py --visits 1000000 --orgs 200000 --out /tmp/bench/1m.db [--seed 8]

The shapes of the demo dispatch, spread over six years (2019–2024): one team with five work
groups of eight cadres, the default chains and catalogs, organizations with Chinese names
(enterprises of every chain in many cities, ~20 % associations and parks, a few government
bodies and intermediaries), contacts, tags, credit codes; visits on working days by one to three
cadres with notes of varying length; projects at every stage with their stage events and funds
tranches. The team, groups and members go through the services; everything else is written in
bulk with the same stored values (ids, stamps, name keys, pinyin initials) the app writes.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from _common import RowWriter, Stamper, date_ms, meta, pair_hex, uuid7_hex

import fieldlog
from fieldlog.domain.catalogs import default_chains, default_entries
from fieldlog.domain.credit_code import ALPHABET, make_credit_code
from fieldlog.domain.stages import MAIN_LINE, Stage
from fieldlog.domain.text import name_key, pinyin_initials
from fieldlog.services.admin.demo import lead_texts, names, texts
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.team import team
from fieldlog.store.database import Database
from fieldlog.store.models import (
    Contact,
    FundsTranche,
    Organization,
    OrgTag,
    Project,
    StageEvent,
    Visit,
    VisitContact,
    VisitVisitor,
)
from fieldlog.store.stamping import SEQ_KEY, read_state, write_state

FIRST_DAY, LAST_DAY = date(2019, 1, 1), date(2024, 12, 31)
DISPATCH = (date(2024, 7, 1), date(2024, 12, 31))
GROUPS, PER_GROUP = 5, 8
DAY_MS = 86_400_000
_KINDS = (
    ("enterprise", 78),
    ("association", 12),
    ("park", 8),
    ("government", 0.5),
    ("intermediary", 1.5),
)
_INTENTS = (("strong", 2), ("medium", 4), ("weak", 3), ("none", 1))
_FINAL = (
    ("lead", 25), ("negotiating", 20), ("inspected", 10), ("signed", 12), ("registered", 8),
    ("started", 8), ("producing", 7), ("paused", 5), ("dropped", 5),
)  # fmt: skip


_CITIES = (
    ("深圳市", 30), ("广州市", 10), ("东莞市", 8), ("佛山市", 7), ("惠州市", 3), ("珠海市", 3),
    ("中山市", 3), ("上海市", 6), ("杭州市", 4), ("苏州市", 4), ("宁波市", 2), ("厦门市", 2),
    ("长沙市", 3), ("武汉市", 3), ("成都市", 3), ("重庆市", 3), ("贵阳市", 3), ("铜仁市", 2),
)  # fmt: skip
_HOMETOWNS = names.words("""
贵州 铜仁 遵义 毕节 黔东南 黔南 湖南 湖北 江西 四川 重庆 广西 潮汕 温州 福建 河南 安徽 江苏 浙江
山东 陕西 云南 东北 客家 莆田 梅州 湛江 茂名 怀化 邵阳
""")
_ASSOC_FORMS = ("{city}{home}商会", "{city}{home}{word}商会", "{city}{word}行业协会",
                "{city}{word}产业促进会", "{city}{word}产业联盟", "{city}{district}{word}协会",
                "{city}{home}企业家联合会", "{city}{brand}{word}商会")  # fmt: skip
_PARK_FORMS = ("{city}{brand}科技园", "{city}{brand}{word}产业园", "{city}{district}{brand}产业园",
               "{city}{brand}创新港", "{city}{brand}智造园")  # fmt: skip
_GOV_UNITS = ("投资推广署", "商务局", "工业和信息化局", "发展和改革局", "科技创新局", "招商局",
              "中小企业服务局", "市场监督管理局", "经济促进局", "产业园区管理委员会")  # fmt: skip
_GOV_FORMS = tuple("{city}{district}" + unit for unit in _GOV_UNITS)
_DISTRICTS = names.words(
    "南山 福田 罗湖 宝安 龙岗 龙华 光明 坪山 盐田 天河 黄埔 番禺 南海 顺德 松山湖 高新 经开"
)
_ENTERPRISE_FORMS = (
    ("{city}{brand}{word}有限公司", 5), ("{city}{brand}{word}科技有限公司", 5),
    ("{city}{brand}{word}股份有限公司", 2), ("{prov}{brand}{word}集团有限公司", 1),
    ("{brand}（{short}）{word}有限公司", 1), ("{city}{brand}{word}实业有限公司", 1),
    ("{city}{brand}{brand2}{word}有限公司", 2), ("{city}{brand}{word}技术有限公司", 1),
)  # fmt: skip
_BRANDS = names.BRAND_CHARS + "鸿飞扬美新光辰科锐迈拓致精诚合力朗峰普润康晟弘毅睿智立云海腾龙凤"


class NameMaker:
    """Chinese organization names, unique, with the name key and pinyin initials the app stores.

    Initials come from pinyin_initials of each part of the name (city, trade name, trade word,
    form), cached: a name is made of few distinct parts, and the whole-name call costs ~0.3 ms.
    """

    TAGS = ("世界500强", "中国500强", "央企", "上市公司", "专精特新", "行业龙头", "优强企业")
    AREAS = (*(row[1] for row in names.DISTRICTS), "440300", "440100", "441900", "310000")
    STREETS = (
        "科技园路",
        "工业大道",
        "创业路",
        "新城大道",
        "高新南路",
        "人民路",
        "建设路",
        "中山路",
    )

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.cities, self.city_weights = zip(*_CITIES, strict=True)
        self.forms, self.form_weights = zip(*_ENTERPRISE_FORMS, strict=True)
        self.taken: set[str] = set()
        self.parts: list[str] = []
        self._initials: dict[str, str] = {}
        self.short = ""

    def org_name(self, kind: str, chain: str | None) -> tuple[str, str]:
        """A new name for an organization of `kind` (of `chain`), and its city."""
        for attempt in range(1000):
            name, city = self._draw(kind, chain, attempt)
            if name not in self.taken:
                self.taken.add(name)
                return name, city
        raise RuntimeError("ran out of names")

    def _draw(self, kind: str, chain: str | None, attempt: int) -> tuple[str, str]:
        rng = self.rng
        city = rng.choices(self.cities, self.city_weights)[0]
        brand = rng.choice(_BRANDS) + rng.choice(_BRANDS)
        if attempt > 20:
            brand += rng.choice(_BRANDS)
        self.short = brand
        chain = chain or rng.choice(tuple(names.CHAIN_WORDS))
        word = rng.choice(names.CHAIN_WORDS[chain])
        fill = {"city": city, "brand": brand, "word": word, "short": city[:-1],
                "prov": "广东" if city in ("深圳市", "广州市", "东莞市", "佛山市") else city[:-1],
                "brand2": rng.choice(_BRANDS), "home": rng.choice(_HOMETOWNS),
                "district": rng.choice(_DISTRICTS) + "区"}  # fmt: skip
        if kind == "enterprise":
            form = rng.choices(self.forms, self.form_weights)[0]
        elif kind == "association":
            form = rng.choice(_ASSOC_FORMS)
        elif kind == "park":
            form = rng.choice(_PARK_FORMS)
        elif kind == "government":
            form = rng.choice(_GOV_FORMS)
        else:
            form = rng.choice(names.INTERMEDIARIES).replace("深圳市", "{city}")
        self.parts = _parts(form, fill)
        return "".join(self.parts), city

    def key(self, name: str) -> str:
        """name_key, as the app stores it."""
        return name_key(name)

    def initials(self, name: str) -> str:
        """pinyin_initials of the name just drawn: from its cached parts, unless a character
        next to where two parts meet reads differently in context (运行 yùn-xíng, 行业 háng-yè),
        where the whole name is read as the app reads it."""
        parts = self.parts
        if any(a[-1] in _AMBIGUOUS or b[0] in _AMBIGUOUS for a, b in itertools.pairwise(parts)):
            return pinyin_initials(name)
        out = []
        for part in parts:
            found = self._initials.get(part)
            if found is None:
                found = self._initials[part] = pinyin_initials(part)
            out.append(found)
        return "".join(out)


def _ambiguous_characters() -> frozenset[str]:
    """Characters whose readings start with different letters (行 háng/xíng, 长 cháng/zhǎng)."""
    from pypinyin.pinyin_dict import pinyin_dict

    found = set()
    for code, readings in pinyin_dict.items():
        if len({r[0] for r in readings.split(",")}) > 1:
            found.add(chr(code))
    return frozenset(found)


_AMBIGUOUS = _ambiguous_characters()


def _parts(form: str, fill: dict[str, str]) -> list[str]:
    """The pieces of a filled-in form: literal runs and filled fields, in order."""
    pieces = []
    for chunk in form.replace("}", "{").split("{"):
        if chunk:
            pieces.append(fill.get(chunk, chunk))
    return pieces


class Build:
    """One build: the seeded generator, the catalog ids and what earlier steps made."""

    def __init__(self, db: Database, seed: int, n_orgs: int, n_visits: int) -> None:
        self.db, self.rng = db, random.Random(seed)
        self.n_orgs, self.n_visits = n_orgs, n_visits
        entries = default_entries()
        self.catalog = {(e.kind, e.name): e.id.hex for e in entries}
        self.counties = [e.name for e in entries if e.kind == "county"]
        self.chains = default_chains()
        self.names = NameMaker(self.rng)
        self.members: list[list[tuple[str, str, str]]] = []  # per group: (id, name, node)
        self.orgs: list[tuple[str, str, int, str]] = []  # (id, kind, chain or -1, trade name)
        self.groups: list[str] = []
        self.org_ms: list[int] = []
        self.contacts: dict[int, list[tuple[str, str]]] = {}
        self.projects: dict[int, tuple[str, date, str]] = {}  # investor → (id, opened, title)
        self.seq = 0

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq


def build_team(b: Build) -> None:
    """The team, its groups and members through the services (their stamps are the app's)."""
    team_id = team.save_team(
        b.db,
        team.TeamInput(
            "铜仁市驻粤招商工作队", "铜仁市", "深圳市", "铜仁市投资促进局", DISPATCH[0], DISPATCH[1]
        ),
    )
    taken: set[str] = set()
    for g in range(GROUPS):
        chain = b.chains[g]
        group = team.save_group(b.db, f"{chain.name}产业招商组", team_id=team_id, chain_id=chain.id)
        b.groups.append(group.hex)
        people = []
        for m in range(PER_GROUP):
            name = names.person_name(b.rng)
            while name in taken:
                name = names.person_name(b.rng)
            taken.add(name)
            role = "team_leader" if g == m == 0 else "group_leader" if m == 0 else "member"
            county = b.counties[(g * PER_GROUP + m) % len(b.counties)]
            data = team.MemberInput(
                name, group, role, f"{county}投资促进局", county, m != 7, names.mobile(b.rng)
            )
            member = team.save_member(b.db, data, team_id=team_id)
            people.append((member.hex, name, f"{b.rng.getrandbits(128):032x}"))
        b.members.append(people)
    with b.db.begin() as session:
        b.seq = int(read_state(session, SEQ_KEY) or 0)


def _org_span(b: Build, i: int) -> int:
    """When organization `i` was entered: spread over the years, the first tenth before them."""
    start = date_ms(FIRST_DAY) - 90 * DAY_MS
    span = date_ms(LAST_DAY) - start
    return start + int(span * 0.95 * i / b.n_orgs) + b.rng.randrange(DAY_MS)


def org_rows(b: Build, w: RowWriter) -> None:
    """Organizations, their tags and contacts."""
    rng, org_stamps = b.rng, Stamper(Organization.__table__)
    tag_stamps, contact_stamps = Stamper(OrgTag.__table__), Stamper(Contact.__table__)
    kinds, weights = zip(*_KINDS, strict=True)
    nodes = [m[2] for group in b.members for m in group]
    tags, contacts, orgs = [], [], []
    codes: set[str] = set()
    for i in range(b.n_orgs):
        ms, node, seq = _org_span(b, i), rng.choice(nodes), b.next_seq()
        kind = rng.choices(kinds, weights)[0]
        chain = rng.randrange(12) if kind == "enterprise" or rng.random() < 0.4 else -1
        if kind == "park":
            chain = -1
        name, city = b.names.org_name(kind, b.chains[chain].name if chain >= 0 else None)
        row = meta(ms, node, seq, org_stamps.json(ms << 16, node), uuid7_hex(ms, rng))
        row.update(_org_fields(b, kind, chain, name, city, codes))
        orgs.append(row)
        b.orgs.append((row["id"], kind, chain, b.names.short))
        b.org_ms.append(ms)
        if kind == "enterprise" and rng.random() < 0.15:
            for tag in sorted(set(rng.choices(b.names.TAGS, k=rng.choice((1, 1, 2))))):
                tag_id = b.catalog[("org_tag", tag)]
                t = meta(
                    ms, node, seq, tag_stamps.json(ms << 16, node), pair_hex(row["id"], tag_id)
                )
                t.update(org_id=row["id"], tag_id=tag_id)
                tags.append(t)
        for title in rng.sample(names.TITLES[kind], rng.choice((0, 1, 1, 2))):
            person = names.person_name(rng)
            c = meta(ms, node, seq, contact_stamps.json(ms << 16, node), uuid7_hex(ms, rng))
            c.update(org_id=row["id"], name=person, title=title, phone=names.mobile(rng))
            c.update(email="", notes="")
            contacts.append(c)
            b.contacts.setdefault(i, []).append((c["id"], person + title))
    w.write(Organization.__table__, orgs)
    w.write(OrgTag.__table__, tags)
    w.write(Contact.__table__, contacts)
    w.commit()


def _org_fields(
    b: Build, kind: str, chain: int, name: str, city: str, codes: set[str]
) -> dict[str, Any]:
    rng = b.rng
    code = None
    if kind in ("enterprise", "association", "government") and rng.random() < 0.75:
        head = {"enterprise": "91", "association": "51", "government": "11"}[kind]
        while code is None or code in codes:
            body = "".join(rng.choice(ALPHABET) for _ in range(9))
            code = make_credit_code(head + rng.choice(b.names.AREAS) + body)
        codes.add(code)
    link = rng.choice(b.chains[chain].links).id.hex if chain >= 0 and rng.random() < 0.6 else None
    return {
        "name": name,
        "name_key": b.names.key(name),
        "name_initials": b.names.initials(name),
        "kind": kind,
        "credit_code": code,
        "region": city,
        "address": f"{city}{rng.choice(b.names.STREETS)}{rng.randint(1, 999)}号",
        "chain_id": b.chains[chain].id.hex if chain >= 0 else None,
        "link_id": link,
        "is_target": int(rng.random() < 0.25),
        "phone": f"0{rng.randint(20, 999)}-{rng.randint(2000000, 89999999)}"
        if rng.random() < 0.5
        else "",
        "notes": "",
    }


def _path(rng: random.Random, final: Stage) -> list[Stage]:
    """The stages a project went through to reach `final` (as the demo's projects do)."""
    lead, talks, inspected = Stage.LEAD, Stage.NEGOTIATING, Stage.INSPECTED
    if final in (lead, talks):
        return list(MAIN_LINE[: MAIN_LINE.index(final) + 1])
    if final in (Stage.PAUSED, Stage.DROPPED):
        return [lead, talks, final]
    if final == inspected:
        return [lead, talks, inspected]
    maybe_inspected = [inspected] if rng.random() < 0.75 else []
    signed = MAIN_LINE.index(Stage.SIGNED)
    return [lead, talks, *maybe_inspected, *MAIN_LINE[signed : MAIN_LINE.index(final) + 1]]


def project_rows(b: Build, w: RowWriter) -> None:
    """Projects of enterprises, their stage events and funds tranches."""
    rng, stamps = b.rng, Stamper(Project.__table__)
    event_stamps, tranche_stamps = Stamper(StageEvent.__table__), Stamper(FundsTranche.__table__)
    finals, weights = zip(*_FINAL, strict=True)
    enterprises = [i for i, org in enumerate(b.orgs) if org[1] == "enterprise"]
    projects, events, tranches = [], [], []
    span = (LAST_DAY - FIRST_DAY).days
    for _ in range(max(20, b.n_visits // 300)):
        i = rng.choice(enterprises)
        while i in b.projects:
            i = rng.choice(enterprises)
        org_id, _, chain, short = b.orgs[i]
        path = _path(rng, Stage(rng.choices(finals, weights)[0]))
        days = [FIRST_DAY + timedelta(rng.randrange(span - 30))]
        for _stage in path[1:]:
            days.append(min(days[-1] + timedelta(rng.randint(7, 90)), LAST_DAY))
        owner = rng.choice(b.members[chain % GROUPS])
        ms = date_ms(days[0]) + rng.randrange(2 * 3600_000, 14 * 3600_000)
        row = meta(ms, owner[2], b.next_seq(), stamps.json(ms << 16, owner[2]), uuid7_hex(ms, rng))
        row.update(_project_fields(b, path, days, org_id, chain, short, owner[0]))
        row.update(_lead_fields(b, path, days, row, b.contacts.get(i, [])))
        projects.append(row)
        b.projects[i] = (row["id"], days[0], row["name"])
        county = b.counties[rng.randrange(12)]
        for stage, day in zip(path, days, strict=True):
            at = date_ms(day) + 3 * 3600_000
            e = meta(at, owner[2], b.next_seq(), event_stamps.json(at << 16, owner[2]),
                     uuid7_hex(at, rng))  # fmt: skip
            note = texts.STAGE_NOTES[stage.value].format(county=county, form="正式合同")
            e.update(project_id=row["id"], stage=stage.value, occurred_on=day.isoformat(),
                     member_id=owner[0], note=note)  # fmt: skip
            events.append(e)
        if row["signed_on"] and path[-1] in MAIN_LINE:
            tranches += _tranches(b, row, owner[2], tranche_stamps)
    w.write(Project.__table__, projects)
    w.write(StageEvent.__table__, events)
    w.write(FundsTranche.__table__, tranches)
    w.commit()


def _project_fields(
    b: Build, path: list[Stage], days: list[date], org: str, chain: int, short: str, owner: str
) -> dict[str, Any]:
    rng, final = b.rng, path[-1]
    county = rng.choice(b.counties)
    form = rng.choice(("意向协议", "框架协议", "正式合同"))
    signed = days[path.index(Stage.SIGNED)] if Stage.SIGNED in path else None
    planned = rng.choice((3000, 5000, 8000, 10000, 20000, 30000, 50000)) * 10_000
    words = [t.format(county=county, form=form) for t in texts.PROJECT_TEXT[final.value]]
    title = rng.choice(texts.LEAD_PROJECTS[b.chains[chain].name])
    follow = days[-1] + timedelta(rng.randint(3, 25))
    return {
        "name": f"{short}{title}项目",
        "investor_id": org,
        "chain_id": b.chains[chain].id.hex,
        "link_id": None,
        "chain_role": rng.choice(("build", "strengthen", "fill", "extend")),
        "planned_yuan": planned,
        "contract_yuan": planned * rng.choice((6, 8, 10)) // 10 if signed else None,
        "sign_form_id": b.catalog[("sign_form", form)] if signed else None,
        "signed_on": signed.isoformat() if signed else None,
        "landing_county_id": b.catalog[("county", county)],
        "owner_id": owner,
        "group_id": b.groups[chain % GROUPS],
        "progress": words[0],
        "problems": words[1],
        "next_step": words[2],
        "next_follow_up": None if final == Stage.DROPPED else follow.isoformat(),
    }


#: 项目类型 and 资金来源 of signed projects, as a team's ledger has them.
_KINDS_SIGNED = (("new", 85), ("phase_two", 9), ("capital_increase", 6))
_ORIGINS = (("省外", 70), ("省内市外", 12), ("市内", 6), ("本地企业投资", 8), ("财政资金", 4))


def _lead_fields(
    b: Build, path: list[Stage], days: list[date], project: dict[str, Any], contacts: list
) -> dict[str, Any]:
    """Type, fund origin, milestones after signing, the latest progress note's date and what
    makes a lead complete (content, demands, an investor contact), some of it left blank."""
    rng, final = b.rng, path[-1]
    signed = project["signed_on"] is not None
    kinds, kind_weights = zip(*_KINDS_SIGNED, strict=True)
    origins, origin_weights = zip(*_ORIGINS, strict=True)
    origin = rng.choices(origins, origin_weights)[0] if signed or rng.random() < 0.4 else None
    started = days[path.index(Stage.STARTED)] if Stage.STARTED in path else None
    stats_on = _after(rng, started, 20, 120) if started and rng.random() < 0.7 else None
    producing = final == Stage.PRODUCING
    above = (
        _after(rng, stats_on, 60, 300) if stats_on and producing and rng.random() < 0.5 else None
    )
    # Most projects have a note dated after their last stage move; some were never written up.
    progress_on = _after(rng, days[-1], 0, 75) if rng.random() < 0.8 else None
    amount = f"{project['planned_yuan'] // 10_000}万元"
    title = project["name"].removesuffix("项目")
    content = rng.choice(lead_texts.CONTENT).format(
        title=title, county=rng.choice(b.counties), amount=amount
    )
    demands = rng.choice(lead_texts.DEMANDS).format(
        acres=rng.choice((50, 80, 100, 150)), workers=rng.choice((100, 200, 300))
    )
    return {
        "kind": rng.choices(kinds, kind_weights)[0] if signed else "new",
        "origin_id": b.catalog[("fund_origin", origin)] if origin else None,
        "stats_on": _iso(stats_on),
        "above_scale_on": _iso(above),
        "progress_on": _iso(progress_on),
        "content": content if rng.random() < 0.85 else "",
        "demands": demands if rng.random() < 0.75 else "",
        "contact_id": rng.choice(contacts)[0] if contacts and rng.random() < 0.8 else None,
    }


def _after(rng: random.Random, day: date, least: int, most: int) -> date:
    """A day `least` to `most` days after `day`, never after the data's last day."""
    return min(day + timedelta(rng.randint(least, most)), LAST_DAY)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _tranches(b: Build, project: dict[str, Any], node: str, stamps: Stamper) -> list[dict]:
    rng, rows = b.rng, []
    signed = date.fromisoformat(project["signed_on"])
    left = (LAST_DAY - signed).days
    for _ in range(rng.choice((0, 1, 1, 2, 3, 4)) if left > 0 else 0):
        day = signed + timedelta(rng.randrange(left))
        ms = date_ms(day) + 5 * 3600_000
        t = meta(ms, node, b.next_seq(), stamps.json(ms << 16, node), uuid7_hex(ms, rng))
        origin = rng.choices(("省外", "省内市外", "市内"), (7, 2, 1))[0]
        t.update(project_id=project["id"], received_on=day.isoformat(),
                 amount_yuan=project["contract_yuan"] // rng.choice((5, 8, 10, 20)),
                 origin_id=b.catalog[("fund_origin", origin)],
                 evidence=rng.choice(texts.EVIDENCE), note="")  # fmt: skip
        rows.append(t)
    return rows


_FIRST_KINDS = (("上门走访", 70), ("来访接待", 8), ("视频会议", 10), ("座谈会", 7), ("展会活动", 5))
_LATER_KINDS = (("上门走访", 35), ("电话联系", 35), ("视频会议", 20), ("来访接待", 10))
_CHUNK = 50_000


def _visit_times(b: Build) -> list[tuple[int, date]]:
    """(entered at ms, visit day) of every visit, in the order they were entered."""
    rng, span = b.rng, (LAST_DAY - FIRST_DAY).days + 1
    days = [FIRST_DAY + timedelta(n) for n in range(span)]
    weights = [(10, 10, 10, 10, 10, 2, 1)[d.weekday()] for d in days]
    picked = rng.choices(days, weights, k=b.n_visits)
    lags = rng.choices((0, 1, 2, 3, 5), (70, 20, 5, 3, 2), k=b.n_visits)
    times = [
        (date_ms(day) + lag * DAY_MS + rng.randrange(1 * 3600_000, 14 * 3600_000), day)
        for day, lag in zip(picked, lags, strict=True)
    ]
    times.sort()
    return times


class NoteMaker:
    """A visit's note: an opening by visit kind, one to several topics, a closing by intent."""

    def __init__(self, b: Build) -> None:
        self.rng, self.b = b.rng, b
        self.topics = {k: [t for t in v if "{project}" not in t] for k, v in texts.TOPICS.items()}

    def note(self, org: int, kind: str, intent: str, who: str, project: str) -> str:
        rng, (_, org_kind, chain, _) = self.rng, self.b.orgs[org]
        chain_name = self.b.chains[chain if chain >= 0 else org % 12]
        places = {"chain": chain_name.name, "county": rng.choice(self.b.counties),
                  "link": rng.choice(chain_name.links).name, "project": project}  # fmt: skip
        pool = self.topics["enterprise" if org_kind == "enterprise" else org_kind]
        count = rng.choices((1, 2, 3, 5, 8), (30, 40, 18, 8, 4))[0]
        topics = rng.sample(pool, min(count, len(pool)))
        if project and rng.random() < 0.7:
            topics.insert(0, rng.choice(texts.TOPICS["project"]))
        if org_kind == "enterprise" and rng.random() < 0.5:
            topics.append(rng.choice(self.topics["follow_up"]))
        side = "enterprise" if org_kind == "enterprise" else "other"
        opening = rng.choice(texts.OPENINGS[kind]).replace("{who}", who)
        closing = rng.choice(texts.CLOSINGS[(side, intent)])
        return (opening + "；".join(topics) + "。" + closing).format_map(places)


def visit_rows(b: Build, w: RowWriter) -> None:
    """Visits with their visitors (and the contact met, for some), in the order entered."""
    notes, seen = NoteMaker(b), [0] * len(b.orgs)
    chunk: tuple[list, list, list] = ([], [], [])
    for n, (ms, day) in enumerate(_visit_times(b), 1):
        _visit(b, notes, seen, ms, day, chunk)
        if n % _CHUNK == 0:
            _write_visits(w, chunk)
            chunk = ([], [], [])
            if n % (4 * _CHUNK) == 0:
                w.commit()
                print(f"    {n:,} visits", file=sys.stderr, flush=True)
    _write_visits(w, chunk)
    w.commit()


_STAMPS = {t: Stamper(t.__table__) for t in (Visit, VisitVisitor, VisitContact)}


def _write_visits(w: RowWriter, chunk: tuple[list, list, list]) -> None:
    w.write(Visit.__table__, chunk[0])
    w.write(VisitVisitor.__table__, chunk[1])
    w.write(VisitContact.__table__, chunk[2])


def _pick_org(b: Build, ms: int) -> int:
    """An organization entered before `ms`; some are visited far more often than others."""
    rng = b.rng
    available = max(1, bisect.bisect_right(b.org_ms, ms))
    roll = rng.random()
    return int(available * (roll if rng.random() < 0.7 else roll**3))


def _visit(b: Build, notes: NoteMaker, seen: list[int], ms: int, day: date, chunk: tuple) -> None:
    rng = b.rng
    org = _pick_org(b, ms)
    org_id, _kind, chain, _ = b.orgs[org]
    kinds = _FIRST_KINDS if seen[org] == 0 else _LATER_KINDS
    seen[org] += 1
    kind = rng.choices(*zip(*kinds, strict=True))[0]
    group = b.members[chain % GROUPS if chain >= 0 else org % GROUPS]
    k = 1 if kind == "电话联系" else rng.choices((1, 2, 3), (40, 45, 15))[0]
    visitors = rng.sample(group, k)
    node, seq, stamp = visitors[0][2], b.next_seq(), ms << 16
    intent = rng.choices(*zip(*_INTENTS, strict=True))[0]
    project = b.projects.get(org)
    project = project if project and project[1] <= day and rng.random() < 0.6 else None
    contacts = b.contacts.get(org, [])
    who = contacts[0][1] if contacts else "对方负责人"
    row = meta(ms, node, seq, _STAMPS[Visit].json(stamp, node), uuid7_hex(ms, rng))
    follow = None
    if intent != "none" and rng.random() < 0.55:
        follow = (day + timedelta(rng.randint(3, 30))).isoformat()
    row.update(visited_on=day.isoformat(), org_id=org_id, kind_id=b.catalog[("visit_kind", kind)],
               chain_id=b.chains[chain].id.hex if chain >= 0 else None,
               project_id=project[0] if project else None,
               summary=notes.note(org, kind, intent, who, project[2] if project else ""),
               intent=intent, next_follow_up=follow)  # fmt: skip
    chunk[0].append(row)
    for member_id, _name, _node in visitors:
        v = meta(
            ms, node, seq, _STAMPS[VisitVisitor].json(stamp, node), pair_hex(row["id"], member_id)
        )
        v.update(visit_id=row["id"], member_id=member_id)
        chunk[1].append(v)
    if contacts and kind != "电话联系" and rng.random() < 0.3:
        c = meta(
            ms,
            node,
            seq,
            _STAMPS[VisitContact].json(stamp, node),
            pair_hex(row["id"], contacts[0][0]),
        )
        c.update(visit_id=row["id"], contact_id=contacts[0][0])
        chunk[2].append(c)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, required=True)
    parser.add_argument("--orgs", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    if args.out.exists():
        sys.exit(f"{args.out} exists; give a new file")
    started = time.perf_counter()
    print(f"fieldlog from {Path(fieldlog.__file__).parent}", file=sys.stderr)
    db = open_workspace(str(args.out))
    try:
        b = Build(db, args.seed, args.orgs, args.visits)
        build_team(b)
        w = RowWriter(db)
        marks = {}
        for step, fn in (("orgs", org_rows), ("projects", project_rows), ("visits", visit_rows)):
            t = time.perf_counter()
            fn(b, w)
            marks[step] = round(time.perf_counter() - t, 1)
            print(f"  {step}: {marks[step]} s", file=sys.stderr, flush=True)
        w.close()
        with db.begin() as session:
            write_state(session, SEQ_KEY, str(b.seq))
        counts = w.counts
    finally:
        db.close()
    seconds = time.perf_counter() - started
    size = args.out.stat().st_size / 1e6
    print(f"built {args.out} in {seconds:.1f} s ({size:,.0f} MB): {counts}")


if __name__ == "__main__":
    main()
