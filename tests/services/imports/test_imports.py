"""Importing target-company lists and visit logs: exact reports, idempotence, no half rows."""

from __future__ import annotations

import itertools
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from fieldlog.excel.headers import ORG_FIELDS, VISIT_FIELDS
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.imports import imports
from fieldlog.services.imports.imports import ExcelFileError
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Contact, Organization, OrgTag, Visit
from fieldlog.store.repositories.common import live
from tests.excel.messy import (
    TEN_MB,
    build_fieldlog_export,
    build_org_list,
    build_table,
    build_visit_log,
)
from tests.excel.test_reader import fatal_files

CODE = "91350100M000100Y43"


def org_named(db: Database, name: str) -> Organization | None:
    with db.read() as session:
        query = live(Organization).where(Organization.name == name)
        return session.execute(query).scalars().first()


def count(db: Database, model: type[Any]) -> int:
    with db.read() as session:
        return session.execute(
            select(func.count()).select_from(live(model).subquery())
        ).scalar_one()


def outcomes(report: imports.SheetImportReport) -> dict[int, str]:
    return {row.row: row.outcome for row in report.rows}


# --- the messy target-company list ----------------------------------------------------------


@pytest.fixture
def org_list(tmp_path: Path) -> Any:
    return build_org_list(tmp_path / "目标企业.xlsx")


def test_messy_org_list_gives_the_exact_report(db: Database, org_list: Any) -> None:
    org_list.seed(db)
    report = imports.import_orgs(db, org_list.path)
    assert report.as_dict() == org_list.expected
    assert outcomes(report) == org_list.outcomes
    assert report.created > 200 and len(report.rejected) == 12


def test_messy_org_list_stores_clean_values(db: Database, org_list: Any) -> None:
    org_list.seed(db)
    imports.import_orgs(db, org_list.path)
    facts = org_list.facts
    name, phone = facts["number_phone"]
    assert org_named(db, name).phone == phone  # type: ignore[union-attr]
    name, region = facts["kept_region"]
    assert org_named(db, name).region == region  # type: ignore[union-attr]
    for text in facts["injection_names"]:
        assert org_named(db, text) is not None
    assert org_named(db, "=1+1").notes == "@SUM(A1)"  # type: ignore[union-attr]
    name, region = facts["late_winner"]
    assert org_named(db, name).region == region  # type: ignore[union-attr]
    assert org_named(db, "深圳市长文备注有限公司") is None
    renamed = org_named(db, "深圳市老字号物流集团有限公司")
    assert renamed is not None and renamed.region == "深圳市宝安区"
    assert org_named(db, "老字号物流") is None
    filled = org_named(db, "深圳市无码科技有限公司")
    assert filled is not None and filled.credit_code == facts["seed_code_b"]
    with db.read() as session:
        tagged = org_named(db, "深圳市标签家具有限公司")
        assert tagged is not None
        query = live(OrgTag).where(OrgTag.org_id == tagged.id)
        assert len(session.execute(query).scalars().all()) == 2
        name, contact, phone = facts["contact_phone"]
        org = org_named(db, name)
        assert org is not None
        people = session.execute(live(Contact).where(Contact.org_id == org.id)).scalars().all()
        assert [(c.name, c.phone) for c in people] == [(contact, phone)]


def test_importing_the_same_list_again_changes_nothing(db: Database, org_list: Any) -> None:
    org_list.seed(db)
    first = imports.import_orgs(db, org_list.path)
    before = digest(db)
    again = imports.import_orgs(db, org_list.path)
    assert (again.created, again.updated) == (0, 0)
    assert again.unchanged == first.created + first.updated + first.unchanged
    assert again.rejected == first.rejected
    assert digest(db) == before


def test_a_dry_run_reports_the_same_and_stores_nothing(db: Database, org_list: Any) -> None:
    org_list.seed(db)
    # SPEC §7: a backup of a file before an import (a server is backed up with its own tools).
    backups = db.path.parent / f"{db.path.stem}-backups" if db.path else None
    before = digest(db)
    dry = imports.import_orgs(db, org_list.path, dry_run=True)
    assert digest(db) == before
    assert dry.as_dict() == org_list.expected
    assert backups is None or not list(backups.glob("*before-import*"))
    real = imports.import_orgs(db, org_list.path)
    assert real.rows == dry.rows
    assert digest(db) != before
    assert backups is None or len(list(backups.glob("*before-import*"))) == 1


def test_a_dry_run_inside_a_unit_of_work_undoes_only_itself(db: Database, tmp_path: Path) -> None:
    path = build_table(tmp_path / "one.xlsx", ["名称", "地址"], [["甲公司", "深圳"]])
    with db.begin():
        orgs.save_org(db, orgs.OrgInput("调用方企业"))
        report = imports.import_orgs(db, path, dry_run=True)
    assert report.created == 1
    assert org_named(db, "调用方企业") is not None
    assert org_named(db, "甲公司") is None


# --- the messy visit log --------------------------------------------------------------------


def test_messy_visit_log_gives_the_exact_report_and_reimports_as_a_no_op(
    db: Database, tmp_path: Path
) -> None:
    log = build_visit_log(tmp_path / "走访.xlsx")
    log.seed(db)
    before = digest(db)
    dry = imports.import_visits(db, log.path, dry_run=True)
    assert digest(db) == before
    report = imports.import_visits(db, log.path)
    assert report.as_dict() == log.expected
    assert outcomes(report) == log.outcomes
    assert report.rows == dry.rows
    for name in log.facts["new_orgs"]:
        assert org_named(db, name) is not None
    assert org_named(db, log.facts["never_created"]) is None
    after = digest(db)
    again = imports.import_visits(db, log.path)
    assert (again.created, again.updated) == (0, 0)
    assert digest(db) == after


def test_visit_rows_store_dates_people_and_kinds(db: Database, tmp_path: Path) -> None:
    log = build_visit_log(tmp_path / "走访.xlsx", visits_count=8)
    log.seed(db)
    imports.import_visits(db, log.path)
    with db.read() as session:
        query = live(Visit).order_by(Visit.visited_on)
        days = sorted({v.visited_on for v in session.execute(query).scalars()})
        kinds = {
            session.get(CatalogItem, v.kind_id).name  # type: ignore[union-attr]
            for v in session.execute(query).scalars()
        }
        met = {c.name: c.title for c in session.execute(live(Contact)).scalars()}
    assert date(2020, 3, 23) in days and date(2020, 3, 30) in days
    assert {"上门走访", "来访接待", "电话联系"} <= kinds
    assert met == {"张总": "总经理", "李经理": "副总"}


# --- FieldLog's own export shape --------------------------------------------------------------


def test_a_fieldlog_export_imports_back_with_no_mapping(db: Database, tmp_path: Path) -> None:
    export = build_fieldlog_export(tmp_path / "export.xlsx")
    export.seed(db)
    orgs_preview = imports.preview(export.path, "orgs")
    assert set(orgs_preview.mapping.columns) == {f.name for f in ORG_FIELDS}
    visits_preview = imports.preview(export.path, "visits")
    assert visits_preview.sheet == "走访明细" and visits_preview.header_row == 2
    assert set(visits_preview.mapping.columns) == {f.name for f in VISIT_FIELDS}
    assert imports.import_orgs(db, export.path).as_dict() == export.expected
    assert imports.import_visits(db, export.path).as_dict() == export.expected
    drun = org_named(db, "深圳市德润物流有限公司")
    assert drun is not None and drun.is_target and drun.link_id is not None
    with db.read() as session:
        people = session.execute(live(Contact).where(Contact.org_id == drun.id)).scalars()
        assert {(c.name, c.title, c.phone) for c in people} == {
            ("张三", "总经理", "13800138000"),
            ("王五", "副总", "13900000000"),
            ("赵六", "财务", ""),
        }
    assert org_named(db, "深圳市华达家具有限公司").notes == "=1+1"  # type: ignore[union-attr]
    before = digest(db)
    imports.import_orgs(db, export.path)
    imports.import_visits(db, export.path)
    assert digest(db) == before


@pytest.mark.slow
def test_the_demo_exported_by_fieldlog_imports_back_unchanged(
    demo_copy: Database, tmp_path: Path
) -> None:
    from fieldlog.domain.period import Period
    from fieldlog.services.reports.exports import export_orgs, export_visits

    db = demo_copy
    org_file = export_orgs(db, out=tmp_path)
    visit_file = export_visits(db, Period.all_time(), out=tmp_path)
    before = digest(db)
    orgs_report = imports.import_orgs(db, org_file)
    visits_report = imports.import_visits(db, visit_file)
    assert (orgs_report.created, orgs_report.updated, orgs_report.rejected) == (0, 0, [])
    assert (visits_report.created, visits_report.updated, visits_report.rejected) == (0, 0, [])
    assert orgs_report.unchanged == count(db, Organization)
    assert visits_report.unchanged == count(db, Visit)
    assert digest(db) == before


# --- previews and mapping overrides ----------------------------------------------------------


def test_preview_shows_the_header_the_mapping_and_the_first_rows(org_list: Any) -> None:
    seen = imports.preview(org_list.path, "orgs")
    assert (seen.sheet, seen.header_row) == ("目标企业名录", 4)
    assert seen.sheet_names == ("填表说明", "目标企业名录")
    assert seen.headings["credit_code"] == "统一社会信用代码（18位）"
    assert len(seen.rows) == imports.PREVIEW_ROWS
    assert seen.rows[0][0] == 5 and seen.rows[0][1][1] == "深圳市华达科技有限公司"


def test_a_mapping_override_reads_columns_the_synonyms_do_not_know(
    db: Database, tmp_path: Path
) -> None:
    path = build_table(
        tmp_path / "odd.xlsx",
        ["客户", "地址", "区", "代码"],
        [["甲公司", "深圳市南山区1号", "南山", CODE], ["乙公司", "", "福田", ""]],
    )
    with pytest.raises(ExcelFileError, match="no header row"):
        imports.import_orgs(db, path)
    mapping: dict[str, str | int | None] = {
        "name": "客户",
        "region": 2,
        "credit_code": "代码",
        "address": None,
    }
    report = imports.import_orgs(db, path, mapping=mapping)
    assert report.as_dict() == {"created": 2, "updated": 0, "unchanged": 0, "rejected": []}
    first = org_named(db, "甲公司")
    assert first is not None
    assert (first.region, first.address, first.credit_code) == ("南山", "", CODE)


# --- fatal files and per-row rejections ------------------------------------------------------


@pytest.mark.parametrize(
    "case", ["text", "truncated", "xls", "password", "other-ole2", "missing", "folder"]
)
def test_a_fatal_file_stores_nothing(db: Database, tmp_path: Path, case: str) -> None:
    orgs.save_org(db, orgs.OrgInput("已有企业"))
    before = digest(db)
    path, message = fatal_files(tmp_path)[case]
    for run in (imports.import_orgs, imports.import_visits):
        with pytest.raises(ExcelFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
            run(db, path)
    assert digest(db) == before


def test_sheets_without_a_header_empty_or_missing_are_fatal(db: Database, tmp_path: Path) -> None:
    before = digest(db)
    nothing = build_table(tmp_path / "no-header.xlsx", ["说明"], [["甲公司", "深圳"]])
    with pytest.raises(
        ExcelFileError,
        match="found no header row with a name column in the first 20 rows of sheet 'Sheet'",
    ):
        imports.import_orgs(db, nothing)
    empty = build_table(tmp_path / "empty.xlsx", [], [])
    with pytest.raises(ExcelFileError, match=r"sheet 'Sheet' of .* is empty"):
        imports.import_orgs(db, empty)
    good = build_table(tmp_path / "good.xlsx", ["名称", "地址"], [["甲公司", "深圳"]])
    with pytest.raises(ExcelFileError, match="has no sheet named '名录'; its sheets are Sheet"):
        imports.import_orgs(db, good, sheet="名录")
    with pytest.raises(ExcelFileError, match=r"sheet 'Sheet' of .* is empty"):
        imports.import_visits(db, empty, sheet="Sheet")
    assert digest(db) == before


def test_rejected_rows_name_their_row_and_leave_nothing_behind(
    db: Database, tmp_path: Path
) -> None:
    path = build_table(
        tmp_path / "bad.xlsx",
        ["名称", "信用代码", "标签", "联系人"],
        [
            ["甲公司", CODE, "", "张三"],
            ["", "91110000600037341L", "", ""],
            ["乙公司", "91350100M000100Y4Z", "", ""],
            ["长" * TEN_MB, "", "", ""],
            ["丙公司", "", "最佳雇主", "李四"],  # the contact must not stay behind
        ],
    )
    report = imports.import_orgs(db, path)
    assert report.as_dict() == {
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "rejected": [
            {"row": 3, "reason": "organization name is required"},
            {
                "row": 4,
                "reason": "信用代码: character 'Z' at position 18 is not allowed in a credit "
                "code (I, O, S, V and Z are never used)",
            },
            {"row": 5, "reason": f"名称: text is too long: {TEN_MB:,} characters, at most 200"},
            {"row": 6, "reason": "no org tag '最佳雇主' in the catalog"},
        ],
    }
    assert (count(db, Organization), count(db, Contact)) == (1, 1)


def test_a_matched_organization_keeps_its_name_and_blank_cells_erase_nothing(
    db: Database, tmp_path: Path
) -> None:
    saved = orgs.save_org(
        db, orgs.OrgInput("华为技术有限公司", credit_code=CODE, region="深圳", phone="0755-1")
    )
    path = build_table(
        tmp_path / "update.xlsx",
        ["名称", "信用代码", "所在地区", "单位电话", "是否目标企业"],
        [["华为（深圳）", CODE.lower(), "", "", "是"]],
    )
    report = imports.import_orgs(db, path)
    assert outcomes(report) == {2: "updated"}
    with db.read() as session:
        org = session.get(Organization, saved.id)
        assert org is not None
        assert (org.name, org.region, org.phone, org.is_target) == (
            "华为技术有限公司",
            "深圳",
            "0755-1",
            True,
        )


# --- property: random cells never crash, and a second import is a no-op -----------------------

_SYNONYMS = sorted({s for spec in (*ORG_FIELDS, *VISIT_FIELDS) for s in spec.synonyms})
_TEXT = st.text(
    alphabet=st.sampled_from("甲乙公司 　-=+@/、，;（）()0123456789ABCDXYZ是否√强中上门走访李娜"),
    max_size=12,
)
_CELL = st.one_of(
    st.none(),
    _TEXT,
    st.sampled_from(["李娜", "王强", "上门走访", "强", "企业", "物流", CODE, "专精特新"]),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    st.booleans(),
)
# Values that fit their columns often enough for rows to be stored and to match each other.
_GOOD = st.sampled_from(
    ["甲公司", "乙公司", " 甲 公司", "丙公司", "=1+1", "", CODE, "91110000600037341L",
     "2020-04-01", "2020/4/2", 43925, "李娜", "上门走访", "强", "商协会", "深圳市南山区",
     "专精特新", "是", "张三（总经理）", 13800138000.0]
)  # fmt: skip


@st.composite
def _sheets(draw: st.DrawFn) -> tuple[list[str], list[list[Any]]]:
    common = st.sampled_from(["日期", "走访人员", "信用代码", "所在地区", "联系人"])
    headings = draw(st.lists(st.one_of(st.sampled_from(_SYNONYMS), common), min_size=1, max_size=6))
    name_column = draw(st.sampled_from(["名称", "走访对象", "企业名称"]))
    headings.insert(draw(st.integers(0, len(headings))), name_column)
    rows = draw(
        st.lists(
            st.lists(
                st.one_of(_GOOD, _GOOD, _CELL), min_size=len(headings), max_size=len(headings)
            ),
            max_size=8,
        )
    )
    return headings, rows


_counter = itertools.count()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sheet=_sheets())
def test_random_cells_never_crash_and_reimport_is_a_no_op(
    db: Database, tmp_path: Path, sheet: tuple[list[str], list[list[Any]]]
) -> None:
    headings, rows = sheet
    rows = [[v if not isinstance(v, datetime) else v.date() for v in row] for row in rows]
    path = build_table(tmp_path / f"random-{next(_counter)}.xlsx", headings, rows)
    if team.member_by_name(db, "李娜") is None:  # the database is shared by the examples
        team.save_member(db, team.MemberInput("李娜"))
    for run in (imports.import_orgs, imports.import_visits):
        try:
            run(db, path)
        except ExcelFileError:
            continue
        before = digest(db)
        again = run(db, path)
        assert (again.created, again.updated) == (0, 0)
        assert digest(db) == before


_PLAUSIBLE = st.tuples(
    st.sampled_from(["甲公司", " 甲 公司", "甲公司（深圳）", "乙公司", "丙公司"]),
    st.sampled_from([CODE, "91110000600037341L", None]),
    st.sampled_from(["南山", "福田", None]),
    st.sampled_from(["张三", "张三（总经理）", "张三（董事长）、李四", None]),
    st.sampled_from(["2020-04-01", "2020/4/2"]),
    st.sampled_from(["谈A", "谈B", None]),
    st.sampled_from(["李娜", "李娜、王强", None]),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=st.lists(_PLAUSIBLE, max_size=8))
def test_rows_that_name_each_other_match_the_same_records_again(
    db: Database, tmp_path: Path, rows: list[tuple[Any, ...]]
) -> None:
    """Rows sharing names and codes in every order; the database is shared by the examples."""
    for name in ("李娜", "王强"):
        if team.member_by_name(db, name) is None:
            team.save_member(db, team.MemberInput(name))
    number = next(_counter)
    org_rows = [(name, code, region, contact) for name, code, region, contact, *_ in rows]
    org_path = build_table(
        tmp_path / f"orgs-{number}.xlsx", ["名称", "信用代码", "所在地区", "联系人"], org_rows
    )
    visit_rows = [(r[0], r[1], r[4], r[5], r[6], r[3]) for r in rows]
    headings = ["走访对象", "信用代码", "日期", "洽谈内容", "走访人员", "接待人"]
    visit_path = build_table(tmp_path / f"visits-{number}.xlsx", headings, visit_rows)
    for run, path in ((imports.import_visits, visit_path), (imports.import_orgs, org_path)):
        run(db, path)
        before = digest(db)
        again = run(db, path)
        assert (again.created, again.updated) == (0, 0)
        assert digest(db) == before
