"""The targets dialog open while another user of the same file sets targets: its save writes only
the targets its user changed, a target both changed goes to the later save with the other value
in the conflict log, and undo takes back only its own change."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from fieldlog.domain.period import Period
from fieldlog.services.exchange import sync_review
from fieldlog.services.reports import targets
from fieldlog.services.team import team
from fieldlog.store.database import Database
from fieldlog.ui.dialogs.targets_dialog import TargetsDialog
from fieldlog.ui.undo import undo_stack
from tests.conftest import reopen

TODAY = date(2020, 4, 22)
DISPATCH = Period(date(2020, 3, 23), TODAY)


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """Another user of the same file: a handle of its own."""
    assert db.path is not None
    team.save_team(
        db, team.TeamInput("测试工作队", dispatch_start=DISPATCH.start, dispatch_end=DISPATCH.end)
    )
    second = reopen(db.path)
    yield second
    second.close()


def _team_targets(db: Database) -> dict[str, int]:
    current = team.current_team(db)
    assert current is not None
    return targets.targets_for(db, "team", current.id, DISPATCH)


def _set(db: Database, **values: int) -> None:
    current = team.current_team(db)
    assert current is not None
    for metric, value in values.items():
        targets.set_target(db, "team", current.id, metric, DISPATCH, value)


def _dialog(qtbot, db: Database) -> TargetsDialog:
    widget = TargetsDialog(db, today=TODAY)
    qtbot.addWidget(widget)
    widget.open()
    assert widget.period_edit.kind() == "dispatch"
    return widget


def _save(qtbot, dialog: TargetsDialog, metric: str, text: str) -> None:
    edit = dialog.fields[metric]
    edit.clear()
    qtbot.keyClicks(edit, text)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_a_target_set_in_the_dialog_keeps_another_set_meanwhile(
    qtbot, db: Database, other: Database
) -> None:
    _set(db, visits=100, enterprises_visited=50)
    dialog = _dialog(qtbot, db)
    _set(other, visits=120)
    _save(qtbot, dialog, "enterprises_visited", "60")
    assert _team_targets(other) == {"visits": 120, "enterprises_visited": 60}
    assert sync_review.conflicts(db) == []
    undo_stack().undo()
    assert _team_targets(other) == {"visits": 120, "enterprises_visited": 50}


def test_a_target_both_changed_goes_to_the_dialog_and_the_other_value_is_logged(
    qtbot, db: Database, other: Database
) -> None:
    _set(db, visits=100)
    dialog = _dialog(qtbot, db)
    _set(other, visits=120)
    _save(qtbot, dialog, "visits", "150")
    assert _team_targets(other) == {"visits": 150}
    [conflict] = sync_review.conflicts(other)
    assert (conflict.table, conflict.field) == ("target", "value")
    assert (conflict.winner_value, conflict.loser_value) == (150, 120)
