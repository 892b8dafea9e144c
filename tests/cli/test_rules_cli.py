"""`fieldlog rules [--json]`: the team's assessment scope and warning rules, as saved."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from fieldlog.services.team.rules import rules_sheet, save_rules
from tests.cli.test_cli import run
from tests.conftest import open_copy


def test_rules_print_what_the_team_saved(tmp_path: Path, demo_database_file: Path) -> None:
    db = open_copy(demo_database_file, tmp_path)
    try:
        shipped = json.loads(run("--db", str(db.path), "rules", "--json").stdout)
        assert shipped == {
            "min_contract_yuan": 100_000_000,
            "follow_on_min_yuan": 50_000_000,
            "excluded_origins": ["本地企业投资", "财政资金"],
            "yellow_days": 60,
            "red_days": 90,
            "retire_days": 180,
            "lead_reply_days": 3,
            "weekly_lead_quota": 1,
        }
        sheet = rules_sheet(db)
        assert sheet is not None
        changed = replace(sheet, team=replace(sheet.team, follow_on_min_yuan=None, retire_days=365))
        save_rules(db, sheet, changed)
        result = run("--db", str(db.path), "--lang", "zh_CN", "rules")
    finally:
        db.close()
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "考核最低合同投资额：1 亿元",
        "二期、增资项目：不计入考核",
        "不计入考核的资金来源：本地企业投资、财政资金",
        "三色预警：60 天黄色，90 天红色，365 天建议退库",
        "线索：3 天内响应；每人每周完整线索 1 条",
    ]
