"""Undo and redo run the services again; a refused change is not put on the stack."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldlog.domain.period import Period
from fieldlog.services import orgs, stats, team, visits
from fieldlog.store.database import Database
from fieldlog.ui.undo import run_undoable, undo_stack

DAY = date(2020, 4, 1)


def test_delete_undo_redo(qtbot, db: Database) -> None:
    member = team.save_member(db, team.MemberInput("李娜"))
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    visit = visits.save_visit(db, visits.VisitInput(DAY, org, [member]))
    undo_stack().clear()

    def count() -> int:
        return stats.compute(db, Period(DAY, DAY)).visits

    ok, _ = run_undoable(
        None,
        "Delete visit",
        lambda: visits.delete_visit(db, visit),
        lambda: visits.restore_visit(db, visit),
    )
    assert ok and count() == 0
    undo_stack().undo()
    assert count() == 1
    undo_stack().redo()
    assert count() == 0
    assert undo_stack().undoText() == "Delete visit"


def test_a_refused_change_is_not_undoable(
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    undo_stack().clear()
    ok, _ = run_undoable(
        None, "Add member", lambda: team.save_member(db, team.MemberInput("")), lambda: None
    )
    assert not ok and warnings == ["member name is required"]
    assert undo_stack().count() == 0
