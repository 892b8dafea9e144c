"""Builders of messy workbooks for the import tests; each knows the exact report it must give.

The expected reports are worked out here, row by row, from how each row was made — never by
running the importer — so a test comparing the two checks the importer against an independent
account of the sheet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from fieldlog.domain.catalogs import default_chains
from fieldlog.domain.credit_code import make_credit_code
from fieldlog.domain.vocabulary import Intent, OrgKind, parse_choice
from fieldlog.excel.columns import ORG_COLUMNS, VISIT_COLUMNS
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database

TEN_MB = 10_000_000
MEMBERS = ("李娜", "王强", "张伟")


def put(ws: Worksheet, row: int, column: int, value: Any) -> None:
    """Write a value the way a person's file holds it: text stays text, however long."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str) and (len(value) > 32_767 or value.startswith("=")):
        # openpyxl would cut the text or make it a formula; a real file can hold either.
        cell._value = value
        cell.data_type = "s"
    else:
        cell.value = value


def write_rows(ws: Worksheet, first_row: int, rows: Sequence[Sequence[Any]]) -> None:
    """Write rows of values starting at `first_row`."""
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            if value is not None:
                put(ws, first_row + offset, column, value)


def domain_message(parse: Callable[[], object]) -> str:
    """The message a domain parser gives for a bad value (the importer must pass it on)."""
    try:
        parse()
    except ValueError as exc:
        return str(exc)
    raise AssertionError("the value was expected to be refused")


def code(prefix: str, number: int) -> str:
    """A valid credit code: 91440300 + a 3-character prefix + 5 digits + X + check character."""
    return make_credit_code(f"91440300{prefix}{number:05d}X")


@dataclass
class Entry:
    """One sheet row: its cells by field, and what the import must report for it."""

    cells: dict[str, Any]
    outcome: str | None  # None: a blank row, skipped and not reported
    reason: str = ""
    same_as: Entry | None = None
    row: int = 0


@dataclass
class Built:
    """A workbook on disk, how to seed the database first, and the report the import gives."""

    path: Path
    seed: Callable[[Database], None]
    expected: dict[str, Any]
    outcomes: dict[int, str]
    facts: dict[str, Any] = field(default_factory=dict)


def _lay_out(ws: Worksheet, headings: dict[str, str], entries: list[Entry], first: int) -> None:
    columns = list(headings)
    for index, key in enumerate(columns, start=1):
        put(ws, first - 1, index, headings[key])
    for offset, entry in enumerate(entries):
        entry.row = first + offset
        for key, value in entry.cells.items():
            if value is not None:
                put(ws, entry.row, columns.index(key) + 1, value)


def _expected(entries: list[Entry], reason_word: str) -> tuple[dict[str, Any], dict[int, str]]:
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    rejected = []
    outcomes = {}
    for entry in entries:
        if entry.outcome is None:
            continue
        outcomes[entry.row] = entry.outcome
        if entry.outcome == "rejected":
            rejected.append({"row": entry.row, "reason": entry.reason})
        else:
            counts[entry.outcome] += 1
        if entry.same_as is not None:
            entry.reason = f"same {reason_word} as row {entry.same_as.row}"
    return {**counts, "rejected": rejected}, outcomes


def _with_blanks(entries: list[Entry], every: int, blanks: list[dict[str, Any]]) -> list[Entry]:
    laid: list[Entry] = []
    for index, entry in enumerate(entries):
        if index and index % every == 0:
            laid.append(Entry(blanks[(index // every) % len(blanks)], None))
        laid.append(entry)
    return laid


# ---------------------------------------------------------------------------------------------
# A messy target-company list

ORG_HEADINGS = {
    "seq": "序 号",
    "name": "企业名称 *",
    "credit_code": "统一社会信用代码（18位）",
    "chain": "所属 行业",
    "kind": "类型",
    "region": "所在地区：",
    "address": "注册地址",
    "tags": "标签",
    "is_target": "是否目标企业",
    "phone": "单位电话",
    "contact": "联系人",
    "contact_title": "职务",
    "contact_phone": "联系电话（手机）",
    "notes": "备 注",
}
BASE_ORGS = 240
_PREFIXES = "华鹏腾中大长海新恒德润金银星光瑞安康泰嘉"
_CORES = "达信通盛丰宇创智联远兴源科讯航"
_TRADES = ("科技", "物流", "电子", "家具", "照明", "石材", "电镀", "食品", "医药", "建材")
_SURNAMES = "张王李刘陈"
_GIVEN = "伟芳娜敏静磊洋勇"
_CHAINS = ("物流", "家具灯饰产业链", "电镀", "", "智能终端", "")
_REGIONS = ("深圳市南山区", "深圳市宝安区", "", "深圳市龙岗区")
_TARGETS: tuple[Any, ...] = ("是", "√", "", "否", "Y", 1)
_BLANKS: list[dict[str, Any]] = [
    {},
    {"name": "  ", "region": "\u3000"},
    {"seq": 999},
]


def org_name(i: int) -> str:
    """The i-th generated company name; distinct for i < 300."""
    return f"深圳市{_PREFIXES[i % 20]}{_CORES[(i // 20) % 15]}{_TRADES[i % 10]}有限公司"


def _base_org(i: int) -> dict[str, Any]:
    contact = f"{_SURNAMES[i % 5]}{_GIVEN[(i // 5) % 8]}" if i % 2 == 0 else ""
    phone: Any = ""
    if i % 4 == 0:
        phone = 13_800_000_000.0 + i  # typed as a number: Excel keeps 13800000000.0
    elif i % 4 == 1:
        phone = f"0755-2660{i:04d}"
    return {
        "seq": i + 1,
        "name": org_name(i),
        "credit_code": code("MA5", i) if i % 3 else None,
        "chain": _CHAINS[i % 6],
        "kind": ["", "企业", "", "", "", "", "", "", "", "商协会"][i % 10],
        "region": _REGIONS[i % 4],
        "address": f"深圳市南山区科技园{i}号" if i % 5 == 0 else "",
        "tags": "专精特新、上市公司" if i % 7 == 0 else ("世界500强" if i % 11 == 0 else ""),
        "is_target": _TARGETS[i % 6],
        "phone": phone,
        "contact": contact,
        "contact_title": "总经理" if contact and i % 4 == 0 else "",
        "contact_phone": 13_900_000_000.0 + i if contact and i % 3 == 0 else None,
        "notes": "重点跟进" if i % 9 == 0 else "",
    }


SEED_CODE_A = code("MA6", 1)
SEED_CODE_B = code("MA6", 2)


def _seed_orgs(db: Database) -> None:
    orgs.save_org(db, orgs.OrgInput("深圳市老字号物流集团有限公司", credit_code=SEED_CODE_A))
    orgs.save_org(db, orgs.OrgInput("深圳市无码科技有限公司"))
    orgs.save_org(db, orgs.OrgInput("深圳市不变电子有限公司", region="深圳市南山区"))
    orgs.save_org(db, orgs.OrgInput("深圳市标签家具有限公司", tags=["世界500强"]))
    held = orgs.save_org(db, orgs.OrgInput("深圳市联系人照明有限公司")).id
    orgs.save_contact(db, held, orgs.ContactInput("张三", title="经理"))


def _seeded_rows() -> list[Entry]:
    return [
        Entry(
            {"name": "老字号物流", "credit_code": SEED_CODE_A, "region": "深圳市宝安区"}, "updated"
        ),
        Entry({"name": "深圳市无码科技有限公司", "credit_code": SEED_CODE_B}, "updated"),
        Entry({"name": "深圳市不变电子有限公司", "region": "深圳市南山区"}, "unchanged"),
        Entry({"name": "深圳市标签家具有限公司", "tags": "专精特新"}, "updated"),
        Entry(
            {"name": "深圳市联系人照明有限公司", "contact": "张三", "contact_title": "总经理"},
            "updated",
        ),
    ]


def _bad_org_rows() -> list[Entry]:
    h = ORG_HEADINGS
    good = code("MA5", 300)
    wrong = "0" if good[-1] != "0" else "1"
    chains = "、".join(chain.name for chain in default_chains())
    kind_reason = domain_message(lambda: parse_choice(OrgKind, "工厂"))
    return [
        Entry(
            {"name": "深圳市错码科技有限公司", "credit_code": good[:-1] + wrong},
            "rejected",
            f"{h['credit_code']}: check character should be {good[-1]}, not {wrong}; "
            "a character of the code was probably mistyped",
        ),
        Entry(
            {"name": "深圳市短码科技有限公司", "credit_code": "91440300MA5"},
            "rejected",
            f"{h['credit_code']}: a credit code must have 18 characters, got 11",
        ),
        Entry(
            {"name": "深圳市字母科技有限公司", "credit_code": "91440300MA5O0001X3"},
            "rejected",
            f"{h['credit_code']}: character 'O' at position 12 is not allowed in a credit code "
            "(I, O, S, V and Z are never used)",
        ),
        Entry(
            {"name": "", "credit_code": code("MA5", 301), "region": "深圳市南山区"},
            "rejected",
            "organization name is required",
        ),
        Entry(
            {"name": " \u3000", "contact": "刘洋", "contact_phone": 13_700_000_000.0},
            "rejected",
            "organization name is required",
        ),
        Entry(
            {"name": "深圳市长文备注有限公司", "notes": "长" * TEN_MB},
            "rejected",
            f"{h['notes']}: text is too long: {TEN_MB:,} characters, at most 20,000",
        ),
        Entry(
            {"name": "深圳市最佳雇主有限公司", "tags": "最佳雇主"},
            "rejected",
            "no org tag '最佳雇主' in the catalog",
        ),
        Entry(
            {"name": "深圳市工厂有限公司", "kind": "工厂"},
            "rejected",
            f"{h['kind']}: {kind_reason}",
        ),
        Entry(
            {"name": "深圳市航天有限公司", "chain": "航空航天"},
            "rejected",
            f"{h['chain']}: unknown chain '航空航天'; the chains are {chains}",
        ),
        Entry(
            {"name": "深圳市也许有限公司", "is_target": "也许"},
            "rejected",
            f"{h['is_target']}: '也许' is not yes or no; use 是 or 否",
        ),
        Entry(
            {"name": "深圳市小数有限公司", "phone": 13_800_138_000.5},
            "rejected",
            f"{h['phone']}: 13800138000.5 is not a phone number; a phone number has no decimals",
        ),
    ]


def _injection_rows() -> list[Entry]:
    return [
        Entry({"name": "=1+1", "notes": "@SUM(A1)"}, "created"),
        Entry({"name": '=HYPERLINK("http://example.com","点我")有限公司'}, "created"),
        Entry({"name": "@SUM(A1)有限公司", "notes": "=1+1"}, "created"),
        Entry({"name": "-2+3科技有限公司", "notes": "+cmd|' /C calc'!A0"}, "created"),
    ]


def build_org_list(path: Path) -> Built:
    """A target-company list of several hundred rows with everything a real one gets wrong."""
    base = [Entry(_base_org(i), "created") for i in range(BASE_ORGS)]
    entries = list(base[:120])
    entries += _bad_org_rows()
    entries += _injection_rows()
    # The first row of an organization that is rejected does not count: the next one wins.
    failed = Entry({"name": "深圳市先败后成有限公司", "tags": "最佳雇主"}, "rejected")
    failed.reason = "no org tag '最佳雇主' in the catalog"
    entries += [
        failed,
        Entry({"name": "深圳市先败后成有限公司", "region": "深圳市福田区"}, "created"),
    ]
    entries += base[120:]
    for i in (5, 50, 100, 150, 200):  # exact copies further down
        entries.append(Entry(dict(base[i].cells), "unchanged", same_as=base[i]))
    for i in (7, 77, 133):  # the same code, the name written another way, a different region
        cells = {
            "name": f" {org_name(i).removeprefix('深圳市')}（深圳） ",
            "credit_code": base[i].cells["credit_code"].lower(),
            "region": "深圳市福田区",
        }
        entries.append(Entry(cells, "unchanged", same_as=base[i]))
    for i in (8, 99):  # the same name with spaces and full-width letters, no code
        spaced = " ".join(org_name(i))
        entries.append(Entry({"name": spaced, "notes": "另一种写法"}, "unchanged", same_as=base[i]))
    entries += _seeded_rows()
    laid = _with_blanks(entries, 37, _BLANKS)

    workbook = Workbook()
    intro = workbook.active
    assert intro is not None
    intro.title = "填表说明"
    write_rows(intro, 1, [["请按模板填写目标企业"], ["带 * 的为必填项"]])
    ws = workbook.create_sheet("目标企业名录")
    ws["A1"] = "铜仁市驻深招商工作队目标企业名录（2020年4月）"
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(ORG_HEADINGS))
    ws["A3"] = "填报单位：铜仁市投资促进局    填报日期：2020-04-01"
    _lay_out(ws, ORG_HEADINGS, laid, first=5)
    put(ws, laid[-1].row + 2, 1, f"合计：{BASE_ORGS}家")
    workbook.save(path)

    expected, outcomes = _expected(laid, "organization")
    facts = {
        "header_row": 4,
        "sheet": "目标企业名录",
        "number_phone": (org_name(0), "13800000000"),
        "contact_phone": (org_name(0), _base_org(0)["contact"], "13900000000"),
        "kept_region": (org_name(7), _REGIONS[7 % 4]),
        "injection_names": ["=1+1", "@SUM(A1)有限公司", "-2+3科技有限公司"],
        "late_winner": ("深圳市先败后成有限公司", "深圳市福田区"),
        "seed_code_a": SEED_CODE_A,
        "seed_code_b": SEED_CODE_B,
    }
    return Built(path, _seed_orgs, expected, outcomes, facts)


# ---------------------------------------------------------------------------------------------
# A messy visit log

VISIT_HEADINGS = {
    "seq": "序号",
    "date": "走访日期",
    "org": "走访企业（单位）",
    "credit_code": "信用代码",
    "org_kind": "对象类型",
    "chain": "所属行业",
    "visit_kind": "走访方式",
    "visitors": "走访人",
    "contacts": "接待人",
    "summary": "走访内容",
    "intent": "意向",
    "next_follow_up": "下次跟进时间",
    "remark": "备注",
}
START = date(2020, 3, 23)
SEED_VISIT_CODE = code("MA7", 1)
_VISIT_ORGS = 25
_VISITORS = ("李娜、王强", "张伟", "李娜,张伟", "王强 张伟")
_VISIT_KINDS = ("", "上门走访", "来访接待", "电话联系")
_INTENTS = ("强", "中", "弱", "", "无")


def _date_cell(day: date, style: int) -> Any:
    """The same date written seven ways."""
    serial = (day - date(1899, 12, 30)).days
    forms: tuple[Any, ...] = (
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}.{day.month}.{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        day.strftime("%Y%m%d"),
        serial,
        datetime(day.year, day.month, day.day, 15, 30),
    )
    return forms[style % len(forms)]


def visit_org(j: int) -> str:
    """The j-th organization of the visit log."""
    return f"深圳市{_PREFIXES[j % 20]}{_CORES[(j // 20 + 7) % 15]}走访样本有限公司"


def _base_visit(k: int) -> dict[str, Any]:
    j = k % _VISIT_ORGS
    day = START + timedelta(days=k % 30)
    with_code = j % 2 == 0 and k % 5 != 0  # some rows of a coded organization omit the code
    return {
        "seq": k + 1,
        "date": _date_cell(day, k),
        "org": visit_org(j),
        "credit_code": code("MA8", j) if with_code else None,
        "org_kind": "商协会" if j == 3 else "",
        "chain": "物流" if j % 4 == 0 else "",
        "visit_kind": _VISIT_KINDS[k % 4],
        "visitors": _VISITORS[k % 4],
        "contacts": "张总（总经理）、李经理（副总）" if k % 6 == 0 else "",
        "summary": f"第{k}次洽谈：仓储合作与设厂意向",
        "intent": _INTENTS[k % 5],
        "next_follow_up": (day + timedelta(days=7)).isoformat() if k % 3 == 0 else None,
        "remark": "" if k % 8 else "备注不导入",
    }


def _seed_visits(db: Database) -> None:
    ids = {name: team.save_member(db, team.MemberInput(name)) for name in MEMBERS}
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司", credit_code=SEED_VISIT_CODE))
    orgs.save_org(db, orgs.OrgInput("深圳市铜仁商会", kind="商协会"))
    first = visits.VisitInput(date(2020, 4, 1), org.id, [ids["李娜"]], summary="洽谈仓储合作")
    visits.save_visit(db, first)
    second = visits.VisitInput(date(2020, 4, 2), org.id, [ids["王强"]], summary="回访")
    visits.save_visit(db, second)


def _seeded_visit_rows() -> list[Entry]:
    return [
        Entry(
            {"date": "2020-04-01", "org": "深圳市德润物流有限公司", "visitors": "李娜",
             "summary": " 洽谈仓储合作 "},
            "unchanged",
        ),
        Entry(
            {"date": "2020/4/2", "org": "德润物流", "credit_code": SEED_VISIT_CODE,
             "visitors": "王强", "summary": "回访", "intent": "强"},
            "updated",
        ),
        Entry(
            {"date": 43931, "org": "深圳市铜仁商会", "org_kind": "商协会", "visitors": "张伟",
             "summary": "商会座谈"},
            "created",
        ),
    ]  # fmt: skip


def _bad_visit_rows() -> list[Entry]:
    h = VISIT_HEADINGS
    ok = {"org": "深圳市只来一次有限公司", "visitors": "李娜", "summary": "试一试"}
    day = {"date": "2020-04-03"}
    y1900 = f"{h['date']}: year 1900 is out of range (1990–2100)"
    y2200 = f"{h['date']}: year 2200 is out of range (1990–2100)"
    cases: list[tuple[dict[str, Any], str]] = [
        ({"date": "1900-01-01"}, y1900),
        ({"date": 1}, y1900),
        ({"date": "2200/1/1"}, y2200),
        ({"date": datetime(2200, 1, 1)}, y2200),
        ({"date": "4月1日"}, f"{h['date']}: '4月1日' is not a valid date; use YYYY-MM-DD"),
        ({"date": None}, "visit date is required"),
        (
            {**day, "visitors": "李娜、赵六"},
            f"{h['visitors']}: no member named '赵六' in the team; add them first",
        ),
        ({**day, "visitors": ""}, "a visit needs at least one visitor"),
        ({**day, "org": ""}, "organization name is required"),
        (
            {**day, "credit_code": "91440300MA80000"},
            f"{h['credit_code']}: a credit code must have 18 characters, got 15",
        ),
        ({**day, "visit_kind": "飞鸽传书"}, "no visit kind '飞鸽传书' in the catalog"),
        ({**day, "intent": "很强"}, domain_message(lambda: parse_choice(Intent, "很强"))),
        ({**day, "next_follow_up": "2020-03-01"}, "the next follow-up date is before the visit"),
        (
            {**day, "summary": "长" * TEN_MB},
            f"{h['summary']}: text is too long: {TEN_MB:,} characters, at most 20,000",
        ),
        (
            {**day, "org_kind": "工厂"},
            f"{h['org_kind']}: " + domain_message(lambda: parse_choice(OrgKind, "工厂")),
        ),
    ]
    return [Entry({**ok, **cells}, "rejected", reason) for cells, reason in cases]


def build_visit_log(path: Path, visits_count: int = 90) -> Built:
    """A messy visit log: dates written every way, revisits, duplicates and bad rows."""
    base = [Entry(_base_visit(k), "created") for k in range(visits_count)]
    entries = list(base[:40]) + _bad_visit_rows() + base[40:]
    for k in (k for k in (3, 17, 60) if k < visits_count):
        entries.append(Entry(dict(base[k].cells), "unchanged", same_as=base[k]))
    entries += _seeded_visit_rows()
    laid = _with_blanks(entries, 23, [{}, {"org": " ", "summary": ""}, {"seq": 7, "remark": "x"}])

    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = "走访记录"
    ws["A1"] = "驻深招商工作队走访记录表"
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(VISIT_HEADINGS))
    _lay_out(ws, VISIT_HEADINGS, laid, first=3)
    workbook.save(path)
    expected, outcomes = _expected(laid, "visit")
    orgs_made = {visit_org(k % _VISIT_ORGS) for k in range(visits_count)}
    facts = {"new_orgs": sorted(orgs_made), "never_created": "深圳市只来一次有限公司"}
    return Built(path, _seed_visits, expected, outcomes, facts)


# ---------------------------------------------------------------------------------------------
# A workbook in the shape FieldLog exports (headings exactly as columns.py)


def _seed_members(db: Database) -> None:
    for name in MEMBERS:
        team.save_member(db, team.MemberInput(name))


def build_fieldlog_export(path: Path) -> Built:
    """目标企业库 and 走访明细 sheets with FieldLog's own headings; every row is created."""
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = "目标企业库"
    write_rows(ws, 1, [ORG_COLUMNS])
    write_rows(
        ws,
        2,
        [
            [1, "深圳市德润物流有限公司", "企业", code("MA9", 1), "物流", "仓储分拨",
             "深圳市宝安区", "深圳市宝安区福永街道1号", "专精特新、上市公司", "是",
             "0755-26601234", "张三", "总经理", "13800138000",
             "王五（副总）13900000000；赵六（财务）", "重点企业"],
            [2, "深圳市铜仁商会", "商协会", None, None, None, "深圳市福田区", None, None, "否",
             None, "李会长", "会长", None, None, None],
            [3, "深圳市华达家具有限公司", "企业", code("MA9", 2), "家具灯饰", "家具制造",
             None, None, "行业龙头", "是", None, None, None, None, None, "=1+1"],
        ],
    )  # fmt: skip
    visits_sheet = workbook.create_sheet("走访明细")
    write_rows(visits_sheet, 1, [["走访明细（2020年第15周）"], VISIT_COLUMNS])
    write_rows(
        visits_sheet,
        3,
        [
            [1, date(2020, 4, 6), "深圳市德润物流有限公司", "企业", code("MA9", 1), "物流",
             "上门走访", "李娜、王强", "物流组", "张三（总经理）", "洽谈仓储合作", "强",
             date(2020, 4, 13)],
            [2, date(2020, 4, 7), "深圳市铜仁商会", "商协会", None, None, "座谈会", "张伟",
             "物流组", "李会长（会长）", "商会座谈", "中", None],
            [3, date(2020, 4, 8), "深圳市新来电子有限公司", "企业", None, "智能终端",
             "电话联系", "王强", "智能终端组", None, "电话沟通", "弱", None],
        ],
    )  # fmt: skip
    workbook.save(path)
    expected = {"created": 3, "updated": 0, "unchanged": 0, "rejected": []}
    return Built(path, _seed_members, expected, {2: "created", 3: "created", 4: "created"})


def build_table(path: Path, headings: Sequence[Any], rows: Sequence[Sequence[Any]]) -> Path:
    """A one-sheet workbook with a header row and the given rows."""
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    write_rows(ws, 1, [list(headings), *rows])
    workbook.save(path)
    return path
