"""The assessment scope (考核口径) and the milestones (入库, 入规) in the weekly return, the ledger
and `stats --json`, over hand-made projects at each boundary of the rules.

The projects go through the real services (opening, signing, re-signing, tranches); their kind,
fund origin and milestone dates are set on the record, as no service edits them yet. Every
expected figure is worked out by hand below, the workbook is read back with openpyxl and
`stats --json` runs as a real subprocess.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from fieldlog.domain.period import IsoWeek
from fieldlog.domain.stages import Stage
from fieldlog.services.projects.projects import (
    ProjectInput,
    Signing,
    add_tranche,
    move_stage,
    open_project,
)
from fieldlog.services.reports.exports import export_ledger
from fieldlog.services.reports.weekly import export_weekly
from fieldlog.services.team import team
from fieldlog.services.team.rules import rules_sheet, save_rules
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Project
from tests.cli.test_cli import run
from tests.conftest import password

START = date(2026, 3, 2)  # Monday of 2026-W10
W11 = IsoWeek(2026, 11)  # 9–15 March
YI = 100_000_000
WAN = 10_000
EXTRA_ROWS = {
    "签约项目（考核口径）（个）": ("assessment", "projects_signed"),
    "合同投资额（考核口径）（亿元）": ("assessment", "contract_amount_yuan"),
    "到位资金（考核口径）（亿元）": ("assessment", "funds_in_place_yuan"),
    "入库项目（个）": (None, "projects_in_stats"),
    "入规项目（个）": (None, "projects_above_scale"),
}


def _project(db: Database, name: str, yuan: int, signed: date, **record: Any) -> uuid.UUID:
    project = open_project(db, ProjectInput(name), on=START)
    move_stage(db, project, Stage.SIGNED, on=signed, signing=Signing(signed, yuan, "正式合同"))
    origin = record.pop("origin", None)
    with db.begin() as session:
        row = session.get(Project, project)
        assert row is not None
        if origin is not None:
            query = select(CatalogItem.id).where(CatalogItem.name == origin)
            row.origin_id = session.execute(query).scalar_one()
        for key, value in record.items():
            setattr(row, key, value)
    return project


@pytest.fixture
def boundaries(db: Database) -> Database:
    """Six signed projects, each at one boundary of the shipped rules (1亿元 for a new project,
    5000万元 for a phase-two one, 本地企业投资 and 财政资金 excluded)."""
    team.save_team(db, team.TeamInput("测试工作队", dispatch_start=START))
    below = _project(db, "差一点项目", 99 * YI // 100, date(2026, 3, 10))
    at = _project(
        db,
        "刚好一亿项目",
        YI,
        date(2026, 3, 11),
        stats_on=date(2026, 3, 12),  # 入库 in the week
        above_scale_on=date(2026, 3, 16),  # 入规 the Monday after: not in it
    )
    local = _project(db, "本地资金项目", 3 * YI, date(2026, 3, 12), origin="本地企业投资")
    resigned = _project(db, "重签项目", 2 * YI, date(2026, 3, 3))  # signed in the week before
    move_stage(db, resigned, Stage.PAUSED, on=date(2026, 3, 5))
    move_stage(db, resigned, Stage.SIGNED, on=date(2026, 3, 11))  # re-signed: not new
    _project(db, "二期不足项目", 49 * YI // 100, date(2026, 3, 13), kind="phase_two")
    _project(
        db,
        "二期达标项目",
        YI // 2,
        date(2026, 3, 15),  # the week's Sunday
        kind="phase_two",
        above_scale_on=date(2026, 3, 15),
    )
    add_tranche(db, at, received_on=date(2026, 3, 13), amount_yuan=3000 * WAN)
    add_tranche(db, at, received_on=date(2026, 3, 14), amount_yuan=500 * WAN, origin="财政资金")
    add_tranche(db, local, received_on=date(2026, 3, 14), amount_yuan=1000 * WAN)
    add_tranche(db, below, received_on=date(2026, 3, 14), amount_yuan=100 * WAN)
    return db


#: By hand: in W11, 差一点 (0.99亿), 刚好一亿, 本地资金, 二期不足 (0.49亿) and 二期达标 (0.5亿) are
#: signed; 重签 was first signed in W10. Only 刚好一亿 and 二期达标 earn credit, and of the funds
#: only 刚好一亿's own 3000万 (its 500万 of 财政资金 is excluded).
WEEK = {
    "projects_signed": 5,
    "contract_amount_yuan": 99 * YI // 100 + YI + 3 * YI + 49 * YI // 100 + YI // 2,
    "funds_in_place_yuan": 4600 * WAN,
    "projects_in_stats": 1,
    "projects_above_scale": 1,
    "assessment": {
        "projects_signed": 2,
        "contract_amount_yuan": YI + YI // 2,
        "funds_in_place_yuan": 3000 * WAN,
    },
}
#: From the dispatch start: 重签项目 counted once, at its first signing (2亿, earning credit).
TOTAL_SCOPED = {"projects_signed": 3, "contract_amount_yuan": 3 * YI + YI // 2}


def _stats(db: Database, *period: str) -> dict[str, Any]:
    # The database where it is (a file or a server URL), its password first when encrypted.
    given = password()
    stdin = f"{given}\n" if given else None
    result = run("--db", db.location, "stats", *period, "--json", stdin=stdin)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_stats_json_counts_each_boundary_as_the_rules_say(boundaries: Database) -> None:
    week = _stats(boundaries, "--week", str(W11))
    assert {key: week[key] for key in WEEK} == WEEK
    total = _stats(boundaries, "--from", START.isoformat(), "--to", "2026-03-15")
    assert total["projects_signed"] == 6
    scoped = total["assessment"]
    assert {key: scoped[key] for key in TOTAL_SCOPED} == TOTAL_SCOPED
    assert total["projects_above_scale"] == 1  # 2026-03-16 is after the period


def _summary_rows(path: Path) -> dict[str, tuple[Any, ...]]:
    sheet = openpyxl.load_workbook(path)["汇总"]
    return {row[0]: row for row in sheet.iter_rows(min_row=4, max_col=6, values_only=True)}


def _as_stats(value: Any, label: str) -> int:
    return round(value * YI) if "亿元" in label else value


def test_the_returns_rows_are_stats_json(boundaries: Database, tmp_path: Path) -> None:
    path = export_weekly(boundaries, W11, out=tmp_path / "w11.xlsx", today=date(2026, 3, 16))
    rows = _summary_rows(path)
    labels = list(rows)
    spec = labels.index("到位资金（亿元）")
    assert labels[spec + 1 : spec + 6] == list(EXTRA_ROWS)  # right after 到位资金, in order
    figures = {
        "week": _stats(boundaries, "--week", str(W11)),
        "month": _stats(boundaries, "--from", "2026-03-01", "--to", "2026-03-15"),
        "total": _stats(boundaries, "--from", START.isoformat(), "--to", "2026-03-15"),
    }
    for label, (inner, key) in EXTRA_ROWS.items():
        _, week, month, total, target, rate = rows[label]
        for shown, span in ((week, "week"), (month, "month"), (total, "total")):
            data = figures[span] if inner is None else figures[span][inner]
            assert _as_stats(shown, label) == data[key], (label, span)
        assert target is None and rate is None
    assert _as_stats(rows["合同投资额（考核口径）（亿元）"][1], "亿元") == YI + YI // 2


def _ledger(path: Path, sheet: str = "项目台账") -> dict[str, dict[str, Any]]:
    rows = list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))
    header = [str(heading).replace("\n", "") for heading in rows[0]]
    return {row[1]: dict(zip(header, row, strict=True)) for row in rows[1:] if row[0] != "合计"}


def test_the_ledger_shows_kind_origin_milestones_and_verdict(boundaries, tmp_path) -> None:
    path = export_weekly(boundaries, W11, out=tmp_path / "w11.xlsx")
    ledger = _ledger(path)
    verdicts = {name: (row["考核口径"], row["不计入原因"]) for name, row in ledger.items()}
    assert verdicts["刚好一亿项目"] == ("计入", None)
    assert verdicts["二期达标项目"] == ("计入", None)
    assert verdicts["重签项目"] == ("计入", None)
    assert verdicts["差一点项目"][0] == "不计入" and "0.99" in verdicts["差一点项目"][1]
    assert verdicts["本地资金项目"][0] == "不计入" and "本地企业投资" in verdicts["本地资金项目"][1]
    assert verdicts["二期不足项目"][0] == "不计入" and "0.49" in verdicts["二期不足项目"][1]
    assert ledger["二期达标项目"]["项目类型"] == "二期"
    assert ledger["差一点项目"]["项目类型"] == "新建"
    assert ledger["本地资金项目"]["资金来源"] == "本地企业投资"
    assert ledger["刚好一亿项目"]["入库日期"] == datetime(2026, 3, 12)
    assert ledger["刚好一亿项目"]["入规日期"] is None  # 16 March: after the week
    assert ledger["二期达标项目"]["入规日期"] == datetime(2026, 3, 15)
    # The ledger of all time shows the later milestone.
    everything = _ledger(export_ledger(boundaries, out=tmp_path / "ledger.xlsx"))
    assert everything["刚好一亿项目"]["入规日期"] == datetime(2026, 3, 16)


def test_a_lead_has_no_verdict(boundaries: Database, tmp_path: Path) -> None:
    open_project(boundaries, ProjectInput("新线索"), on=date(2026, 3, 9))
    row = _ledger(export_weekly(boundaries, W11, out=tmp_path / "w.xlsx"))["新线索"]
    assert (row["考核口径"], row["不计入原因"], row["项目类型"]) == (None, None, "新建")


def test_changed_rules_change_the_figures(boundaries: Database, tmp_path: Path) -> None:
    sheet = rules_sheet(boundaries)
    assert sheet is not None
    lower = replace(sheet, team=replace(sheet.team, min_contract_yuan=99 * YI // 100))
    save_rules(boundaries, sheet, lower)
    week = _stats(boundaries, "--week", str(W11))
    assert week["assessment"]["projects_signed"] == 3  # 差一点项目 now reaches the minimum
    assert week["assessment"]["funds_in_place_yuan"] == 3100 * WAN  # and its 100万 counts
    assert week["projects_signed"] == WEEK["projects_signed"]  # the plain figures stand
    ledger = _ledger(export_weekly(boundaries, W11, out=tmp_path / "w.xlsx"))
    assert ledger["差一点项目"]["考核口径"] == "计入"
