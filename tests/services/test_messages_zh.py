"""The refusals of the project, chain, history, target, team, backup, file-guard, weekly-return
and demo services reach a Chinese user in Chinese, with a stable code, and change nothing."""

from __future__ import annotations

import ast
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from fieldlog.domain.messages import code_of
from fieldlog.domain.period import IsoWeek, Period
from fieldlog.domain.stages import Stage
from fieldlog.services.admin import backups, demo, history
from fieldlog.services.errors import InvalidInput
from fieldlog.services.file_guard import Kind, guard_input, guard_output
from fieldlog.services.orgs import orgs
from fieldlog.services.projects import projects
from fieldlog.services.reports import targets, weekly
from fieldlog.services.team import chains, setup, team, team_edit
from fieldlog.store.database import Database
from tests.chinese import CJK
from tests.conftest import open_copy, sqlite_only
from tests.field_dump import db_digest
from tests.services.conftest import Small

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "fieldlog" / "services"
#: The files whose refusals are catalog messages (issue "Chinese all the way through").
FILES = sorted(SERVICES.rglob("*.py"))


def refused(
    db: Database, call: Callable[[], object], code: str, kind: type[Exception] = InvalidInput
) -> str:
    """Run `call`, which must be refused with the message `code`; the text the user sees, after
    checking it is Chinese and that the data did not change."""
    before = db_digest(db)
    with pytest.raises(kind) as caught:
        call()
    text = str(caught.value)
    assert CJK.search(text), text
    assert code_of(caught.value) == code
    assert db_digest(db) == before
    return text


@pytest.fixture
def project(db: Database, small: Small) -> uuid.UUID:
    return projects.open_project(
        db, projects.ProjectInput("德润物流华南分拨中心", owner_id=small.alice), on=date(2020, 4, 1)
    )


def test_stage_moves_and_signing_are_refused_in_chinese(
    db: Database, small: Small, project: uuid.UUID, chinese: None
) -> None:
    move = projects.move_stage
    text = refused(
        db, lambda: move(db, project, Stage.LEAD, on=date(2020, 4, 2)), "project.already_at"
    )
    assert "线索" in text and "lead" not in text  # the stage by its label, not its code
    refused(
        db,
        lambda: move(db, project, Stage.SIGNED, on=date(2020, 4, 2)),
        "project.signing_incomplete",
    )
    refused(
        db,
        lambda: move(db, project, Stage.NEGOTIATING, on=date(2020, 3, 30)),
        "project.move_before_last",
    )
    no_amount = projects.Signing(date(2020, 4, 10), 0, "正式合同")
    text = refused(
        db,
        lambda: move(db, project, Stage.SIGNED, on=date(2020, 4, 10), signing=no_amount),
        "project.amount_not_positive",
    )
    assert "合同金额" in text
    no_date = projects.Signing(None, 300_000_000, "正式合同")  # type: ignore[arg-type]
    refused(
        db,
        lambda: move(db, project, Stage.SIGNED, on=date(2020, 4, 10), signing=no_date),
        "input.required",
    )
    refused(
        db,
        lambda: projects.open_project(
            db, projects.ProjectInput("另一个项目"), on=date(2020, 4, 1), stage=Stage.PAUSED
        ),
        "project.start_side",
    )
    refused(
        db,
        lambda: projects.open_project(
            db, projects.ProjectInput("另一个项目"), on=date(2020, 4, 1), stage=Stage.SIGNED
        ),
        "project.open_signed",
    )


def test_funds_and_amounts_are_refused_in_chinese(
    db: Database, small: Small, project: uuid.UUID, chinese: None
) -> None:
    add = projects.add_tranche
    refused(
        db,
        lambda: add(db, project, received_on=date(2020, 4, 20), amount_yuan=1_000_000),
        "project.funds_unsigned",
    )
    signing = projects.Signing(date(2020, 4, 10), 300_000_000, "正式合同")
    projects.move_stage(db, project, Stage.SIGNED, on=date(2020, 4, 10), signing=signing)
    refused(
        db,
        lambda: add(db, project, received_on=date(2020, 4, 1), amount_yuan=1_000_000),
        "project.funds_before_signing",
    )
    refused(
        db,
        lambda: add(db, project, received_on=date(2020, 4, 20), amount_yuan=10**15),
        "project.amount_too_large",
    )
    refused(
        db,
        lambda: projects.save_project(
            db, projects.ProjectInput("德润物流华南分拨中心", planned_yuan=-1), project
        ),
        "project.amount_negative",
    )
    refused(
        db,
        lambda: projects.save_project(
            db, projects.ProjectInput("德润物流华南分拨中心", chain_id=uuid.uuid4()), project
        ),
        "project.record_gone",
    )
    refused(db, lambda: projects.restore_tranche(db, uuid.uuid4()), "project.record_missing")


def test_chain_refusals_are_in_chinese(db: Database, small: Small, chinese: None) -> None:
    chain = chains.add_chain(db, "新能源汽车")
    link = chains.add_link(db, chain, chains.LinkInput("电池", "upstream"))
    child = chains.add_link(db, chain, chains.LinkInput("电芯", "upstream", parent_id=link))
    refused(db, lambda: chains.add_chain(db, "新能源汽车"), "chain.name_taken")
    refused(
        db,
        lambda: chains.add_link(db, uuid.uuid4(), chains.LinkInput("电机", "midstream")),
        "chain.gone",
    )
    refused(
        db,
        lambda: chains.add_link(db, chain, chains.LinkInput("电池", "upstream")),
        "chain.link_name_taken",
    )
    refused(
        db,
        lambda: chains.add_link(db, chain, chains.LinkInput("电机", "旁边")),
        "chain.unknown_position",
    )
    refused(
        db,
        lambda: chains.save_link(db, link, chains.LinkInput("电池", "upstream", parent_id=child)),
        "chain.parent_cycle",
    )
    text = refused(db, lambda: chains.delete_link(db, link), "chain.link_has_sub_links")
    assert "1 个下级环节" in text
    orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司", chain_id=chain), org_id=small.org)
    projects.open_project(
        db, projects.ProjectInput("电池项目", chain_id=chain, link_id=child), on=date(2020, 4, 1)
    )
    text = refused(db, lambda: chains.delete_chain(db, chain), "chain.delete_used")
    assert "1 个组织和1 个项目" in text.replace("和 ", "和"), text
    refused(db, lambda: chains.delete_link(db, child), "chain.link_delete_used")


def test_history_refusals_are_in_chinese(db: Database, small: Small, chinese: None) -> None:
    chain = chains.add_chain(db, "新能源汽车")
    orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司", chain_id=chain), org_id=small.org)
    orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司"), org_id=small.org)
    chains.delete_chain(db, chain)
    entries = history.record_history(db, "organization", small.org)
    change = next(e for e in entries if e.field == "chain_id")
    text = refused(db, lambda: history.restore_value(db, change.id), "history.reference_gone")
    assert "产业链" in text
    created = next(e for e in entries if e.field == "deleted")
    refused(db, lambda: history.restore_value(db, created.id), "history.no_earlier_value")
    refused(db, lambda: history.restore_value(db, 10_000), "history.unknown_change")
    refused(db, lambda: history.record_history(db, "local_state", small.org), "history.no_table")


def test_target_refusals_are_in_chinese(db: Database, small: Small, chinese: None) -> None:
    april = Period(date(2020, 4, 1), date(2020, 4, 30))
    refused(
        db,
        lambda: targets.set_target(db, "planet", small.team, "projects_signed", april, 3),
        "target.unknown_scope",
    )
    refused(
        db,
        lambda: targets.set_target(db, "team", small.team, "happiness", april, 3),
        "target.unknown_metric",
    )
    refused(
        db,
        lambda: targets.set_target(db, "team", small.team, "projects_signed", april, -1),
        "target.not_a_count",
    )


def test_team_refusals_are_in_chinese(db: Database, small: Small, chinese: None) -> None:
    backwards = team.TeamInput(
        "测试工作队", dispatch_start=date(2020, 4, 22), dispatch_end=date(2020, 3, 23)
    )
    refused(
        db,
        lambda: team.save_team(db, backwards, team_id=small.team),
        "team.dispatch_ends_before_start",
    )
    sheet = team_edit.team_sheet(db)
    assert sheet is not None
    twins = [*sheet.members, sheet.members[0]]
    edited = team_edit.TeamSheet(sheet.team_id, sheet.team, twins, sheet.groups)
    refused(db, lambda: team_edit.save_team_sheet(db, sheet, edited), "team.member_names_alike")


def test_first_start_refusals_are_in_chinese(db: Database, chinese: None) -> None:
    members = [setup.NewMember("李娜"), setup.NewMember("李娜")]
    alike = setup.TeamSetup(team.TeamInput("测试工作队"), members)
    refused(db, lambda: setup.set_up_team(db, alike), "team.member_names_alike")
    nobody = setup.TeamSetup(team.TeamInput("测试工作队"), [setup.NewMember("李娜")], me=3)
    refused(db, lambda: setup.set_up_team(db, nobody), "setup.no_me")


@sqlite_only("refusals about the database file, its journal and backups")
def test_backup_and_restore_refusals_are_in_chinese(
    db: Database, tmp_path: Path, chinese: None
) -> None:
    assert db.path is not None
    refused(db, lambda: backups.restore_backup(db.path, db.path), "backups.restore_itself")
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me")
    refused(db, lambda: backups.backup_now(db, notes), "file.exists_not_kind")
    assert notes.read_text() == "keep me"


@sqlite_only("refusals about the database file, its journal and backups")
def test_file_guard_refusals_are_in_chinese(db: Database, tmp_path: Path, chinese: None) -> None:
    assert db.path is not None
    text = refused(
        db, lambda: guard_output(db.path, Kind.WORKBOOK, db.path), "file.database_itself"
    )
    assert "请选择其他文件" in text
    wal = Path(f"{db.path}-wal")
    refused(db, lambda: guard_output(wal, Kind.PACKAGE, db.path), "file.database_companion")
    text = refused(
        db, lambda: guard_input(db.path, db.path, "an Excel workbook"), "file.database_itself"
    )
    assert "Excel 工作簿" in text
    refused(db, lambda: guard_output(tmp_path, Kind.WORKBOOK, db.path), "file.is_folder")
    workbook = weekly.export_weekly(db, IsoWeek(2020, 16), out=tmp_path / "w.xlsx")
    text = refused(
        db, lambda: guard_output(workbook, Kind.PACKAGE, db.path), "file.exists_other_kind"
    )
    assert "Excel 工作簿" in text and "FieldLog 同步包" in text


def test_a_weekly_return_of_a_week_out_of_range_is_refused_in_chinese(
    db: Database, small: Small, tmp_path: Path, chinese: None
) -> None:
    out = tmp_path / "w.xlsx"
    refused(
        db,
        lambda: weekly.export_weekly(db, IsoWeek(1980, 1), out=out),
        "report.week_out_of_range",
    )
    refused(
        db,
        lambda: weekly.export_weekly(db, IsoWeek(2020, 16), since=date(2020, 5, 1), out=out),
        "report.week_before_start",
    )
    assert not out.exists()


def test_the_demo_refuses_a_database_with_work_in_chinese(
    demo_database_file: Path, tmp_path: Path, chinese: None
) -> None:
    db = open_copy(demo_database_file, tmp_path)
    try:
        text = refused(db, lambda: demo.load_demo(db), "demo.holds_work", demo.DemoRefused)
        assert "个组织、" in text and "和1 个工作队" in text
        assert demo.demo_refusal(db) == text
    finally:
        db.close()


def test_english_stays_as_it_was(db: Database, small: Small, project: uuid.UUID) -> None:
    with pytest.raises(InvalidInput) as caught:
        projects.move_stage(db, project, Stage.LEAD, on=date(2020, 4, 2))
    assert str(caught.value) == "the project is already at stage lead"
    chain = chains.add_chain(db, "新能源汽车")
    orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司", chain_id=chain), org_id=small.org)
    projects.save_project(
        db, projects.ProjectInput("德润物流华南分拨中心", chain_id=chain), project
    )
    with pytest.raises(InvalidInput) as caught:
        chains.delete_chain(db, chain)
    assert str(caught.value) == (
        "新能源汽车 cannot be deleted: it is still used by 1 organization and 1 project; "
        "move them to another chain first"
    )


def _literal_refusals(source: str) -> list[int]:
    """The lines of `raise X("…")` or `raise X(f"…")`: a sentence that bypasses the catalog."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            first = node.exc.args[0]
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            if literal or isinstance(first, ast.JoinedStr):
                found.append(node.lineno)
    return found


def test_no_refusal_in_these_files_is_a_literal_sentence() -> None:
    sample = "\n".join(
        ['raise InvalidInput("no")', 'raise InvalidInput(f"{x} no")', 'raise E(msg("a", "b"))']
    )
    assert _literal_refusals(sample) == [1, 2]
    assert [path for path in FILES if not path.exists()] == []
    literal = {
        str(path.relative_to(ROOT)): lines
        for path in FILES
        if (lines := _literal_refusals(path.read_text(encoding="utf-8")))
    }
    assert literal == {}
