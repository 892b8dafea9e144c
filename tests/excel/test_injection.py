"""User text is always a string cell (SPEC §4.4): no formula, error or control character gets in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import select

from fieldlog.domain.period import IsoWeek
from fieldlog.domain.stages import Stage
from fieldlog.excel.cells import CELL_LIMIT, CUT_MARK, put, safe_text
from fieldlog.services.orgs import orgs
from fieldlog.services.projects import projects
from fieldlog.services.projects.coordination import MatterInput, add_matter
from fieldlog.services.reports.exports import export_ledger, export_orgs, export_visits
from fieldlog.services.reports.weekly import export_weekly
from fieldlog.services.team import team
from fieldlog.services.visits.visits import VisitInput, save_visit
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Organization, Project, Visit
from tests.conftest import open_copy
from tests.services.conftest import make_small

WEEK = IsoWeek(2020, 16)
DAY = date(2020, 4, 14)
LINK = '=HYPERLINK("http://x","点我")'
HOSTILE = (LINK, "=1+1", "@SUM(A1)", "-2+3", "+86 138 0013 8000", "#N/A")
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "#")
TEN_MB = "洽" * 10_000_000
ORIGIN = "+1-1"  # a fund origin's name


def _set(db: Database, model: type, record_id, **fields) -> None:
    """Write fields as they are, bypassing the services' cleaning (as a sync package could)."""
    with db.begin() as session:
        record = session.get(model, record_id)
        for key, value in fields.items():
            setattr(record, key, value)


@pytest.fixture(scope="module")
def hostile(
    tmp_path_factory: pytest.TempPathFactory, empty_database_file: Path
) -> Iterator[Database]:
    """Every kind of user text starts like a formula, an error or a command (made once: the
    tests only read what it exports)."""
    db = open_copy(empty_database_file, tmp_path_factory.mktemp("hostile"))
    small = make_small(db)
    start = date(2020, 4, 1)
    data = team.TeamInput('=cmd|" /C calc"!A0', reporting_unit="-2+3", dispatch_start=start)
    team.save_team(db, data, small.team)
    team.save_group(db, "@SUM(A1)", team_id=small.team, group_id=small.group)
    team.save_member(
        db, team.MemberInput("=1+1", small.group, county="碧江区"), member_id=small.alice
    )
    org = orgs.OrgInput(
        LINK, notes="=1+1", address="@SUM(A1)", region="-2+3", phone="+86 138 0013 8000"
    )
    orgs.save_org(db, org, small.org)
    contact = orgs.save_contact(
        db, small.org, orgs.ContactInput("=1+1", "@SUM(A1)", "+86 138 0013 8000")
    )
    orgs.save_contact(db, small.org, orgs.ContactInput("-2+3", "=1+1", "+86 139 0000 0000"))
    visitors = [small.alice, small.bob]
    save_visit(db, VisitInput(DAY, small.org, visitors, summary=LINK, contact_ids=[contact]))
    for summary in ("\t=1+1", "a\x01b\x07c\x1fd", TEN_MB, "\r=1+1"):
        visit = save_visit(db, VisitInput(DAY, small.association, [small.bob], summary="x"))
        _set(db, Visit, visit, summary=summary)
    _set(db, Organization, small.association, notes="\t@SUM(A1)", region="\r-2+3")
    data = projects.ProjectInput(
        "=1+1", small.org, progress="-2+3", problems="@SUM(A1)", next_step="+86 138 0013 8000"
    )
    project = projects.open_project(db, data, on=DAY)
    signing = projects.Signing(DAY, 10_000_000, "正式合同")
    projects.move_stage(db, project, Stage.SIGNED, on=DAY, signing=signing)
    projects.add_tranche(db, project, received_on=DAY, amount_yuan=1_000_000, evidence=LINK)
    # A fund origin renamed like a formula (as a sync could bring it), left out of the
    # assessment: the ledger's 资金来源 and 不计入原因 carry its name.
    with db.read() as session:
        local = session.execute(
            select(CatalogItem.id).where(CatalogItem.name == "本地企业投资")
        ).scalar_one()
    _set(db, CatalogItem, local, name=ORIGIN)
    _set(db, Project, project, origin_id=local)
    projects.open_project(db, projects.ProjectInput("#N/A", progress="@SUM(A1)"), on=DAY)
    # A lead nobody answers (迟复 by the Sunday, and incomplete) and a matter to coordinate.
    projects.open_project(db, projects.ProjectInput("-1迟复"), on=DAY)
    add_matter(db, project, MatterInput("=1+1", owner="@SUM(A1)", due_on=DAY))
    yield db
    db.close()


@pytest.fixture(scope="module")
def exports(hostile: Database, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp_path = tmp_path_factory.mktemp("hostile-exports")
    return {
        "weekly": export_weekly(hostile, WEEK, out=tmp_path, today=DAY),
        "ledger": export_ledger(hostile, out=tmp_path / "ledger.xlsx", today=DAY),
        "orgs": export_orgs(hostile, out=tmp_path / "orgs.xlsx"),
        "visits": export_visits(hostile, WEEK.period, out=tmp_path / "visits.xlsx"),
    }


def _texts(path: Path) -> list[openpyxl.cell.cell.Cell]:
    book = openpyxl.load_workbook(path)
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells), path.name
    texts = [c for c in cells if isinstance(c.value, str)]
    assert all(c.data_type == "s" for c in texts), path.name
    assert not any(ILLEGAL_CHARACTERS_RE.search(c.value) for c in texts)
    return texts


def test_no_export_holds_a_formula_and_all_text_is_text(exports):
    for name, path in exports.items():
        texts = _texts(path)
        risky = [c.value for c in texts if c.value.startswith(DANGEROUS_STARTS)]
        assert risky, name  # the hostile text did reach every export…
        assert len(texts) > len(risky)  # …next to ordinary text


def test_the_hostile_text_comes_back_as_written(exports):
    values = {name: {c.value for c in _texts(path)} for name, path in exports.items()}
    weekly, visits = values["weekly"], values["visits"]
    assert any(v.startswith('=cmd|" /C calc"!A0工作周报（2020年第16周') for v in weekly)
    assert {LINK, "=1+1、王强", "@SUM(A1)", "\t=1+1", "=1+1（@SUM(A1)）"} <= weekly
    assert {LINK, "\t=1+1", "=1+1（@SUM(A1)）"} <= visits
    assert any(v.endswith("=1+1") and v[0] in "\r\n" for v in visits)  # XML reads CR as LF
    assert {"=1+1", "-2+3", "@SUM(A1)", "+86 138 0013 8000", "#N/A", LINK} <= values["ledger"]
    assert {LINK, "=1+1", "@SUM(A1)", "-2+3", "+8613800138000", "\t@SUM(A1)"} <= values["orgs"]
    assert "-2+3（=1+1）+8613900000000" in values["orgs"]
    assert all(any(h in v for v in values["ledger"] | values["orgs"]) for h in HOSTILE[:4])
    for book in ("ledger", "weekly"):  # 资金来源, and 不计入原因 naming it
        assert ORIGIN in values[book]
        assert any(ORIGIN in v and v != ORIGIN for v in values[book]), book


def test_the_attention_sheets_keep_hostile_text_as_text(exports):
    book = openpyxl.load_workbook(exports["weekly"])
    expected = {"预警项目": {"迟复", "-1迟复"}, "需协调解决事项": {"=1+1", "@SUM(A1)"}}
    expected["未完善线索"] = {"#N/A", "-1迟复"}
    for name, texts in expected.items():
        cells = [c for row in book[name].iter_rows(min_row=2) for c in row]
        found = {c.value for c in cells if c.value in texts}
        assert found == texts, name
        assert all(c.data_type == "s" for c in cells if c.value in texts), name


def test_error_looking_text_is_not_an_error_cell(exports):
    book = openpyxl.load_workbook(exports["ledger"])
    cell = next(c for row in book.active.iter_rows() for c in row if c.value == "#N/A")
    assert cell.data_type == "s"


def test_control_characters_are_removed_and_huge_text_is_cut(exports):
    texts = [c.value for c in _texts(exports["visits"])]
    assert "abcd" in texts
    huge = [t for t in texts if len(t) > 1000]
    assert len(huge) == 1 and len(huge[0]) == CELL_LIMIT and huge[0].endswith(CUT_MARK)
    assert huge[0].startswith("洽洽洽")


def test_the_file_name_of_a_hostile_team_is_safe(exports):
    name = exports["weekly"].name
    assert name == "=cmd__ _C calc_!A0工作周报_2020-W16.xlsx"


@pytest.mark.parametrize("text", [*HOSTILE, "=", "#REF!", "@", " =1+1", "\t=1+1"])
def test_put_writes_text_as_text(text):
    sheet = openpyxl.Workbook().active
    put(sheet["A1"], text)
    assert sheet["A1"].data_type == "s" and sheet["A1"].value == text


def test_safe_text_counts_like_excel():
    assert safe_text("a\x00b\x0bc\x1fd\te\nf\rg") == "abcd\te\nf\rg"
    assert safe_text("x" * CELL_LIMIT) == "x" * CELL_LIMIT
    cut = safe_text("x" * (CELL_LIMIT + 1))
    assert len(cut) == CELL_LIMIT and cut.endswith(CUT_MARK)
    # Characters beyond the Basic Multilingual Plane take two UTF-16 units in Excel's count.
    astral = safe_text("\U00020000" * CELL_LIMIT)
    assert len(astral.encode("utf-16-le")) // 2 <= CELL_LIMIT and astral.endswith(CUT_MARK)


def test_put_refuses_values_that_are_not_cell_values():
    sheet = openpyxl.Workbook().active
    with pytest.raises(TypeError):
        put(sheet["A1"], True)
    with pytest.raises(TypeError):
        put(sheet["A1"], object())  # type: ignore[arg-type]
