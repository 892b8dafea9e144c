"""`export visits`, `export ledger`, `export orgs` (SPEC §4.2) on the demo and on a small team."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from fieldlog.domain.counting import stage_at
from fieldlog.domain.period import IsoWeek, Period
from fieldlog.domain.stages import Stage
from fieldlog.excel.columns import LEDGER_COLUMNS, ORG_COLUMNS, VISIT_COLUMNS
from fieldlog.services.admin.demo import DEMO_PERIOD
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import orgs
from fieldlog.services.projects import projects
from fieldlog.services.reports import stats
from fieldlog.services.reports.exports import export_ledger, export_orgs, export_visits
from fieldlog.services.reports.report_sheets import default_file_name, output_path, safe_file_name
from fieldlog.services.visits.visits import VisitInput, delete_visit, save_visit
from fieldlog.store.models import Contact, Organization, Visit
from fieldlog.store.repositories.facts import project_facts
from tests.conftest import open_copy
from tests.services import conftest as service_fixtures
from tests.services.conftest import Small

small = service_fixtures.small  # the service tests' small team, as a fixture here too

APRIL = Period(date(2020, 4, 1), date(2020, 4, 10))
#: The ledger's columns by their SPEC label (the headings hold line breaks between words).
LEDGER = {heading.replace("\n", ""): n for n, heading in enumerate(LEDGER_COLUMNS)}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path):
    db = open_copy(demo_database_file, tmp_path_factory.mktemp("exports"))
    yield db
    db.close()


def _rows(path: Path) -> tuple[list[object], list[tuple]]:
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    return list(rows[0]), rows[1:]


@pytest.mark.slow
def test_export_visits_lists_exactly_the_visits_of_the_range(demo, tmp_path):
    path = export_visits(demo, APRIL, out=tmp_path / "visits.xlsx")
    header, rows = _rows(path)
    assert header == list(VISIT_COLUMNS)
    query = (
        select(Visit.visited_on, Organization.name, Visit.summary)
        .join(Organization, Organization.id == Visit.org_id)
        .where(Visit.deleted.is_(False), Organization.deleted.is_(False))
        .where(Visit.visited_on.between(APRIL.start, APRIL.end))
    )
    with demo.read() as session:
        expected = Counter(tuple(r) for r in session.execute(query))
    assert Counter((r[1].date(), r[2], r[10]) for r in rows) == expected
    assert len(rows) == stats.compute(demo, APRIL).visits
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    assert [r[1] for r in rows] == sorted(r[1] for r in rows)


@pytest.mark.slow
def test_export_visits_default_name(demo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = export_visits(demo, DEMO_PERIOD)
    assert path == tmp_path / "铜仁市驻深招商工作队走访明细_2020-03-23_2020-04-22.xlsx"
    assert len(_rows(path)[1]) == stats.compute(demo, DEMO_PERIOD).visits


@pytest.mark.slow
def test_export_ledger_lists_every_project_not_dropped(demo, tmp_path):
    path = export_ledger(demo, out=tmp_path, today=date(2020, 4, 15))
    assert path.name == "铜仁市驻深招商工作队项目台账_2020-04-15.xlsx"
    header, rows = _rows(path)
    assert header == list(LEDGER_COLUMNS)
    col = LEDGER
    with demo.read() as session:
        facts = project_facts(session)
    live = [p for p in facts if stage_at(p, None) != Stage.DROPPED]
    assert len(rows) == len(live) < len(facts)
    assert "终止" not in {r[col["项目阶段"]] for r in rows}
    dispatch = stats.compute(demo, DEMO_PERIOD)
    contract = sum(r[col["合同投资额（万元）"]] or 0 for r in rows)
    assert round(contract * 10_000) == dispatch.contract_amount_yuan
    funds = sum(r[col["累计到位资金（万元）"]] or 0 for r in rows)
    assert round(funds * 10_000) == dispatch.funds_in_place_yuan
    week = sum(r[col["本周到位资金（万元）"]] or 0 for r in rows)
    assert round(week * 10_000) == stats.compute(demo, IsoWeek(2020, 16).period).funds_in_place_yuan
    assert {r[col["建强补延"]] for r in rows} <= {"建链", "强链", "补链", "延链", None}


@pytest.mark.slow
def test_export_orgs_lists_every_live_organization_targets_first(demo, tmp_path):
    header, rows = _rows(export_orgs(demo, out=tmp_path / "orgs.xlsx"))
    assert header == list(ORG_COLUMNS)
    with demo.read() as session:
        count = session.execute(select(func.count()).select_from(Organization)).scalar_one()
    assert len(rows) == count
    flags = [r[9] for r in rows]
    assert flags == sorted(flags, key=lambda f: f != "是") and {"是", "否"} == set(flags)
    assert sum(1 for r in rows if r[11]) > 0.9 * len(rows) - 20  # first contact
    assert any(r[14] and "（" in r[14] for r in rows)  # other contacts with title


def test_export_orgs_shows_contacts_tags_and_hides_tombstones(db, small: Small, tmp_path):
    target = orgs.OrgInput("深圳市德润物流有限公司", is_target=True, tags=["专精特新", "上市公司"])
    orgs.save_org(db, target, small.org)
    for name, title, phone in (
        ("张三", "总经理", "13800138000"),
        ("李四", "", "0755-12345678"),
        ("王五", "董事长秘书", ""),
    ):
        orgs.save_contact(db, small.org, orgs.ContactInput(name, title, phone))
    gone = orgs.save_contact(db, small.org, orgs.ContactInput("已删除"))
    with db.begin() as session:
        contact = session.get(Contact, gone)
        assert contact is not None
        contact.deleted = True
    deleted_org = orgs.save_org(db, orgs.OrgInput("深圳市已注销有限公司")).id
    orgs.delete_org(db, deleted_org)
    _, rows = _rows(export_orgs(db, out=tmp_path))
    assert [r[1] for r in rows] == ["深圳市德润物流有限公司", "深圳市铜仁商会"]
    first = rows[0]
    assert first[2] == "企业" and first[9] == "是"
    assert first[8] == "上市公司、专精特新" or first[8] == "专精特新、上市公司"
    assert first[11:14] == ("张三", "总经理", "13800138000")
    assert first[14] == "李四 0755-12345678；王五（董事长秘书）"
    assert rows[1][2] == "商协会" and rows[1][9] == "否" and rows[1][11] is None


def test_visits_of_deleted_records_are_not_listed(db, small: Small, tmp_path):
    day = date(2020, 4, 14)
    kept = save_visit(db, VisitInput(day, small.org, [small.alice, small.bob], summary="保留"))
    removed = save_visit(db, VisitInput(day, small.org, [small.alice], summary="删除"))
    delete_visit(db, removed)
    save_visit(db, VisitInput(day, small.association, [small.bob], summary="对象已删"))
    orgs.delete_org(db, small.association)
    _, rows = _rows(export_visits(db, Period(day, day), out=tmp_path / "v.xlsx"))
    assert [r[10] for r in rows] == ["保留"]
    assert rows[0][7] in ("李娜、王强", "王强、李娜") and rows[0][8] == "物流组"
    assert stats.compute(db, Period(day, day)).visits == 1
    assert kept


def test_ledger_of_a_small(db, small: Small, tmp_path):
    lead = projects.open_project(
        db, projects.ProjectInput("仓储中心项目", small.org, chain_role="补链"), on=date(2020, 4, 1)
    )
    dropped = projects.open_project(db, projects.ProjectInput("放弃项目"), on=date(2020, 4, 1))
    projects.move_stage(db, dropped, Stage.DROPPED, on=date(2020, 4, 2))
    signing = projects.Signing(date(2020, 4, 3), 123_456_789, "正式合同")
    projects.move_stage(db, lead, Stage.SIGNED, on=date(2020, 4, 3), signing=signing)
    projects.add_tranche(db, lead, received_on=date(2020, 4, 14), amount_yuan=5_000_000)
    header, rows = _rows(export_ledger(db, out=tmp_path / "l.xlsx", today=date(2020, 4, 15)))
    assert [r[1] for r in rows] == ["仓储中心项目"]
    row = dict(zip((h.replace("\n", "") for h in header), rows[0], strict=True))
    assert row["项目阶段"] == "签约" and row["建强补延"] == "补链"
    assert row["合同投资额（万元）"] == pytest.approx(12_345.6789)
    assert row["签约日期"].date() == date(2020, 4, 3) and row["签约形式"] == "正式合同"
    assert row["本周到位资金（万元）"] == row["累计到位资金（万元）"] == 500
    assert row["投资方"] == "深圳市德润物流有限公司"


def test_ledger_restricted_to_some_projects(db, small: Small, tmp_path):
    def opened(name: str) -> uuid.UUID:
        return projects.open_project(db, projects.ProjectInput(name), on=date(2020, 4, 1))

    first, second, third, dropped = (opened(n) for n in ("甲项目", "乙项目", "丙项目", "丁项目"))
    projects.move_stage(db, dropped, Stage.DROPPED, on=date(2020, 4, 2))
    signing = projects.Signing(date(2020, 4, 3), 10_000_000, "正式合同")
    projects.move_stage(db, second, Stage.SIGNED, on=date(2020, 4, 3), signing=signing)
    projects.add_tranche(db, second, received_on=date(2020, 4, 14), amount_yuan=2_000_000)
    projects.add_tranche(db, second, received_on=date(2020, 4, 15), amount_yuan=1)
    everything = _rows(export_ledger(db, out=tmp_path / "all.xlsx", today=date(2020, 4, 15)))[1]
    assert sorted(r[1] for r in everything) == ["丙项目", "乙项目", "甲项目"]

    def ledger(ids: list, name: str) -> list[tuple]:
        path = export_ledger(db, out=tmp_path / name, today=date(2020, 4, 15), project_ids=ids)
        return _rows(path)[1]

    some = ledger([second, third, dropped, small.org], "some.xlsx")  # a dropped one, a stray id
    assert [r[1] for r in some] == ["乙项目", "丙项目"] and [r[0] for r in some] == [1, 2]
    assert some[0] == (1, *next(r for r in everything if r[1] == "乙项目")[1:])
    assert some[0][LEDGER["累计到位资金（万元）"]] == pytest.approx(200.0001)
    assert ledger([], "none.xlsx") == []
    assert [r[1] for r in ledger([first], "one.xlsx")] == ["甲项目"]


def test_export_visits_refuses_absurd_dates(db, tmp_path):
    with pytest.raises(InvalidInput, match="out of range"):
        export_visits(db, Period(date(1980, 1, 1), date(2020, 1, 1)), out=tmp_path / "x.xlsx")


def test_an_empty_database_exports_empty_sheets(db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _rows(export_orgs(db, today=date(2020, 1, 2)))[1] == []
    assert (tmp_path / "目标企业库_2020-01-02.xlsx").exists()
    assert _rows(export_visits(db, Period.all_time()))[1] == []
    assert (tmp_path / "走访明细_最早_最新.xlsx").exists()


def test_file_names_are_safe_everywhere(tmp_path):
    assert safe_file_name('铜仁/驻深:工作队*?"<>|周报') == "铜仁_驻深_工作队______周报"
    assert safe_file_name(" . ") == "FieldLog"
    assert safe_file_name("a\x00b\tc") == "a_b_c"
    assert output_path(tmp_path, "周报.xlsx") == tmp_path / "周报.xlsx"
    assert output_path(tmp_path / "mine.xlsx", "周报.xlsx") == tmp_path / "mine.xlsx"
    name = default_file_name("weekly", "铜仁/驻深", today=date(2020, 4, 20), week=IsoWeek(2020, 16))
    assert name == "铜仁_驻深工作周报_2020-W16.xlsx"
    period = Period.between("2020-04-01", "2020-04-30")
    visits = default_file_name("visits", "队", today=date(2020, 4, 20), period=period)
    assert visits == "队走访明细_2020-04-01_2020-04-30.xlsx"
