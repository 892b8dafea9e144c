"""The pipeline board: columns, filters, moves by menu API and by drop, the signing dialog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox

from fieldlog.domain.period import Period
from fieldlog.domain.stages import Stage
from fieldlog.services.projects import pipeline, projects
from fieldlog.services.reports import stats
from fieldlog.store.database import Database
from fieldlog.ui.views import pipeline_board
from fieldlog.ui.views.pipeline_board import BOARD, LIST, PipelineBoard
from fieldlog.ui.widgets.project_card import ProjectCardWidget, project_mime
from tests.conftest import open_copy

TODAY = date(2020, 4, 22)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("board"))
    yield database
    database.close()


@pytest.fixture
def board(qtbot, demo: Database, monkeypatch) -> PipelineBoard:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    widget = PipelineBoard(demo, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


def cards_in(board: PipelineBoard, stage: Stage) -> list[ProjectCardWidget]:
    return board.columns[stage].findChildren(ProjectCardWidget)


def first_card(board: PipelineBoard, stage: Stage) -> ProjectCardWidget:
    return next(c for c in cards_in(board, stage) if c.card.days_in_stage >= 0)


def test_headers_show_counts(board: PipelineBoard, demo: Database) -> None:
    for column in pipeline.pipeline(demo, today=TODAY):
        assert f"({column.count})" in board.columns[column.stage].header.text()
        shown = min(column.count, pipeline_board.CARD_LIMIT)
        assert len(cards_in(board, column.stage)) == shown
    assert board.findChild(ProjectCardWidget, "projectCard") is not None


def test_filter_by_text(board: PipelineBoard) -> None:
    board.text_edit.setText("zzz-none")
    assert all(not cards_in(board, stage) for stage in board.columns)
    board.text_edit.clear()
    assert cards_in(board, Stage.LEAD)


def test_menu_move_creates_a_stage_event(board: PipelineBoard, demo: Database) -> None:
    card = first_card(board, Stage.LEAD)
    project_id = card.card.id
    sub = card.move_menu().findChild(QMenu, "moveToMenu")
    assert sub is not None
    actions = sub.actions()
    negotiating = next(a for a in actions if a.data() == Stage.NEGOTIATING.value)
    negotiating.trigger()
    assert projects.current_stage(demo, project_id) == Stage.NEGOTIATING
    assert board.stage_of(project_id) == Stage.NEGOTIATING
    days = {c.card.id: c.card.days_in_stage for c in cards_in(board, Stage.NEGOTIATING)}
    assert days[project_id] == 0  # the event is dated the board's today


def test_drop_moves_the_card(board: PipelineBoard, demo: Database) -> None:
    # A real QDrag cannot be synthesized offscreen: the column's drop calls drop_mime.
    project_id = first_card(board, Stage.NEGOTIATING).card.id
    assert board.drop_mime(project_mime(project_id), Stage.INSPECTED)
    assert projects.current_stage(demo, project_id) == Stage.INSPECTED
    assert board.stage_of(project_id) == Stage.INSPECTED


def test_signing_refuses_a_missing_amount(board: PipelineBoard, demo: Database, qtbot) -> None:
    project_id = first_card(board, Stage.INSPECTED).card.id
    period = Period(TODAY, TODAY)
    signed_before = stats.compute(demo, period).projects_signed
    assert not board.move_card(project_id, Stage.SIGNED)
    dialog = board.signing_dialog
    assert dialog is not None and dialog.objectName() == "signingDialog"
    dialog.form_combo.setCurrentIndex(1)
    assert not dialog.ok_button().isEnabled()
    assert dialog.message.text()
    dialog.accept()  # Enter on an incomplete dialog does nothing
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.amount_edit, "abc")
    assert not dialog.ok_button().isEnabled()
    dialog.amount_edit.setText("8000")
    assert dialog.ok_button().isEnabled() and not dialog.message.text()
    dialog.ok_button().click()
    assert projects.current_stage(demo, project_id) == Stage.SIGNED
    assert board.stage_of(project_id) == Stage.SIGNED
    assert stats.compute(demo, period).projects_signed == signed_before + 1
    card = next(c.card for c in cards_in(board, Stage.SIGNED) if c.card.id == project_id)
    assert card.contract_yuan == 80_000_000


def test_double_click_opens(board: PipelineBoard, qtbot) -> None:
    card = first_card(board, Stage.LEAD)
    with qtbot.waitSignal(board.open_project_requested) as blocker:
        qtbot.mouseDClick(card, Qt.MouseButton.LeftButton)
    assert blocker.args == [card.card.id]


def test_columns_cap_their_cards_and_the_footer_opens_the_list(
    board: PipelineBoard, demo: Database, monkeypatch
) -> None:
    monkeypatch.setattr(pipeline_board, "CARD_LIMIT", 2)
    board.refresh()
    column = max(pipeline.pipeline(demo, today=TODAY), key=lambda c: c.count)
    assert column.count > 2
    widget = board.columns[column.stage]
    shown = [c.card for c in cards_in(board, column.stage)]
    assert shown == sorted(column.cards, key=pipeline.urgency)[:2]
    assert f"({column.count})" in widget.header.text()
    assert widget.more_button.isVisible()
    assert widget.more_button.text() == f"+{column.count - 2} more — see the list (Alt+L)"
    widget.more_button.click()
    assert board.mode() == LIST
    board.set_mode(BOARD)


def test_no_footer_when_every_card_is_shown(board: PipelineBoard) -> None:
    assert not any(column.more_button.isVisible() for column in board.columns.values())
