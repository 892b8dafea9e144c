"""`fieldlog warnings`: stale projects, late and incomplete leads, through real subprocesses."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from fieldlog.domain.stages import Stage
from fieldlog.services.reports import warnings
from fieldlog.store.database import Database
from tests.cli.test_cli import run
from tests.field_dump import db_digest
from tests.services.reports.warning_records import COMPLETE, Made, insert

START = date(2020, 1, 1)
AS_OF = START + timedelta(days=95)


@pytest.fixture
def watched(db: Database) -> Database:
    with db.begin() as session:
        insert(session, Made([(START, Stage.LEAD)], name="红色线索"))
        insert(session, Made([(START + timedelta(days=30), Stage.SIGNED)], name="黄色项目"))
        insert(session, Made([(START, Stage.LEAD), (START, Stage.DROPPED)], name="已终止"))
        insert(session, Made([(AS_OF, Stage.LEAD)], name="完整线索", **COMPLETE))
    return db


def test_json_equals_the_service(watched: Database) -> None:
    result = run("--db", str(watched.path), "warnings", "--as-of", AS_OF.isoformat(), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["as_of"] == AS_OF.isoformat()
    stale = [(r["name"], r["colour"], r["idle_days"], r["stage"]) for r in data["stale"]]
    assert stale == [("红色线索", "red", 95, "lead"), ("黄色项目", "yellow", 65, "signed")]
    expected = [
        (r.name, str(r.colour), r.idle_days, str(r.stage))
        for r in warnings.stale_projects(watched, AS_OF)
    ]
    assert stale == expected
    assert [lead["name"] for lead in data["late_leads"]] == ["红色线索"]
    assert data["late_leads"][0]["due_on"] == (START + timedelta(days=3)).isoformat()
    incomplete = {lead["name"]: lead["missing"] for lead in data["incomplete_leads"]}
    assert incomplete == {"红色线索": ["content", "planned_yuan", "contact", "demands"]}


def test_text_in_chinese_names_colours_and_missing_fields(watched: Database) -> None:
    result = run(
        "--db", str(watched.path), "--lang", "zh_CN", "warnings", "--as-of", AS_OF.isoformat()
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"预警项目（截至 {AS_OF.isoformat()}）：2 个"
    assert lines[1].startswith("  红色预警，95 天无进展：红色线索（线索；")
    assert lines[2].startswith("  黄色预警，65 天无进展：黄色项目（签约；")
    assert "迟复线索：1 条" in lines
    assert "  红色线索（首谈人 —）缺少 项目内容、投资规模、投资方联系人、投资方诉求" in lines


def test_a_bad_day_is_refused_and_changes_nothing(watched: Database) -> None:
    before = db_digest(watched)
    result = run("--db", str(watched.path), "--lang", "en", "warnings", "--as-of", "2020-02-30")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "fieldlog warnings: error: argument --as-of: '2020-02-30' is not a valid date; "
        "use YYYY-MM-DD"
    )
    assert "Traceback" not in result.stderr
    assert db_digest(watched) == before
