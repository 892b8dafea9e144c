"""Amounts as a bureau writes them, in the real window over the demo dispatch: the dashboard, the
board's columns and cards, the targets form and table; in Chinese, and with English units in the
English window."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from fieldlog import app
from fieldlog.domain.money import format_wan
from fieldlog.domain.period import Period
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.reports import targets
from fieldlog.store.database import Database
from fieldlog.ui.dialogs.targets_dialog import TargetsDialog
from fieldlog.ui.views.dashboard_page import DashboardPage
from fieldlog.ui.views.pipeline_board import PipelineBoard
from fieldlog.ui.widgets.project_card import ProjectCardWidget
from tests.conftest import open_copy

TODAY = date(2020, 4, 22)
DISPATCH = Period(date(2020, 3, 23), TODAY)
# 万元 or 亿元 after a number of five or more digits written without separators (36000 万元).
UNGROUPED = re.compile(r"\d{5,}(?:\.\d+)?\s*(?:万元|亿元|× 10k yuan|× 100M yuan)")
# A unit after a dash: an unknown amount is "—" alone.
DASH_UNIT = re.compile(r"—\s*(?:万元|亿元|×)")
# Four decimals with trailing zeros (29.1400, 0.0000).
PADDED = re.compile(r"\d\.\d*0(?!\d)")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("amounts"))
    yield database
    database.close()


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    # As the Chinese window does: Qt's texts, and the core's (the indicators' names among them).
    app.use_language(qapp, "zh_CN")
    yield
    app.install_translators(qapp, "en")  # the suite's fixture puts the core's language back


def texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.text()]


def board(qtbot, demo: Database, monkeypatch) -> PipelineBoard:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    widget = PipelineBoard(demo, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    return widget


def test_the_chinese_dashboard_shows_29_14_and_4_389(qtbot, demo: Database, chinese) -> None:
    page = DashboardPage(demo, today=TODAY)
    qtbot.addWidget(page)
    assert page.findChild(QLabel, "figure_contract_amount_yuan").text() == "29.14"
    assert page.findChild(QLabel, "figure_funds_in_place_yuan").text() == "4.389"
    shown = texts(page)
    assert "合同投资额（亿元）" in shown and "到位资金（亿元）" in shown and "签约项目" in shown
    assert not [text for text in shown if PADDED.search(text)]


def test_the_targets_table_names_metrics_in_the_windows_language(
    qtbot, demo: Database, chinese
) -> None:
    team_scope = targets.target_scopes(demo)["team"][0]
    targets.set_target(demo, "team", team_scope.id, "inspections", DISPATCH, 30)
    targets.set_target(demo, "team", team_scope.id, "contract_amount_yuan", DISPATCH, 2_500_000_000)
    try:
        page = DashboardPage(demo, today=TODAY)
        qtbot.addWidget(page)
        table = page.targets
        rows = {
            table.item(r, 0).text(): [table.item(r, c).text() for c in (2, 3)]
            for r in range(table.rowCount())
        }
        assert rows["考察批次"] == ["30", "27"]  # was "Inspection visits" in the Chinese window
        assert rows["合同投资额（亿元）"] == ["25", "29.14"]  # was 25.0000 / 29.1400
        assert all(not re.search("[A-Za-z]", metric) for metric in rows)
    finally:
        targets.clear_target(demo, "team", team_scope.id, "inspections", DISPATCH)
        targets.clear_target(demo, "team", team_scope.id, "contract_amount_yuan", DISPATCH)


def test_the_chinese_board_groups_thousands_and_never_puts_a_unit_after_a_dash(
    qtbot, demo: Database, monkeypatch, chinese
) -> None:
    widget = board(qtbot, demo, monkeypatch)
    headers = [column.header.text() for column in widget.columns.values()]
    cards = widget.findChildren(ProjectCardWidget)
    assert cards
    shown = headers + [text for card in cards for text in texts(card)]
    assert not [text for text in shown if UNGROUPED.search(text) or DASH_UNIT.search(text)]
    # The demo's columns add up to tens of thousands of 万元: written 36,000 万元.
    assert any(re.search(r"\d{1,3}(?:,\d{3})+ 万元", header) for header in headers)
    assert all("计划总投资" in header and "合同投资额" in header for header in headers)
    for card in cards:
        card_text = "\n".join(texts(card))
        for prefix, yuan in (
            ("计划总投资", card.card.planned_yuan),
            ("合同投资额", card.card.contract_yuan),
        ):
            amount = "—" if yuan is None else f"{format_wan(yuan)} 万元"
            assert f"{prefix} {amount}" in card_text, card_text
    assert any(card.card.contract_yuan is None for card in cards)  # so a dash was checked


def test_the_english_board_has_english_units(qtbot, demo: Database, monkeypatch) -> None:
    widget = board(qtbot, demo, monkeypatch)
    headers = [column.header.text() for column in widget.columns.values()]
    cards = [text for card in widget.findChildren(ProjectCardWidget) for text in texts(card)]
    assert not [text for text in headers + cards if "万元" in text or "亿元" in text]
    assert any(re.search(r"\d{1,3}(?:,\d{3})+ × 10k yuan", header) for header in headers)
    assert any("contract —\n" in text for text in cards)  # the dash alone, no unit


def test_the_chinese_targets_form_says_签约项目_and_takes_亿元(
    qtbot, demo: Database, chinese
) -> None:
    dialog = TargetsDialog(demo, today=TODAY)
    qtbot.addWidget(dialog)
    shown = texts(dialog)
    assert "引进项目" not in shown
    assert {"签约项目", "合同投资额（亿元）", "到位资金（亿元）"} <= set(shown)
    contract, funds = dialog.fields["contract_amount_yuan"], dialog.fields["funds_in_place_yuan"]
    team_scope = dialog.scope()[1]
    try:
        contract.clear()
        qtbot.keyClicks(contract, "29.14")
        funds.setText("43890 万元")  # a unit typed after the number is taken as written
        assert dialog.save()
        saved = targets.targets_for(demo, "team", team_scope, DISPATCH)
        assert saved["contract_amount_yuan"] == 2_914_000_000
        assert saved["funds_in_place_yuan"] == 438_900_000
        again = TargetsDialog(demo, today=TODAY)
        qtbot.addWidget(again)
        assert again.fields["contract_amount_yuan"].text() == "29.14"
        assert again.fields["funds_in_place_yuan"].text() == "4.389"
    finally:
        for metric in ("contract_amount_yuan", "funds_in_place_yuan"):
            targets.clear_target(demo, "team", team_scope, metric, DISPATCH)


def test_a_target_to_the_yuan_is_saved_back_unchanged(qtbot, demo: Database) -> None:
    team_scope = targets.target_scopes(demo)["team"][0]
    targets.set_target(demo, "team", team_scope.id, "funds_in_place_yuan", DISPATCH, 123_456_789)
    try:
        dialog = TargetsDialog(demo, today=TODAY)
        qtbot.addWidget(dialog)
        assert dialog.fields["funds_in_place_yuan"].text() == "1.23456789"  # not rounded to 1.2346
        before = digest(demo)
        qtbot.keyClick(dialog.fields["visits"], Qt.Key.Key_Return)  # save with nothing changed
        assert not dialog.isVisible()
        assert digest(demo) == before
    finally:
        targets.clear_target(demo, "team", team_scope.id, "funds_in_place_yuan", DISPATCH)


def test_an_amount_typed_in_万元_by_habit_is_refused_when_too_large(
    qtbot, demo: Database, chinese
) -> None:
    dialog = TargetsDialog(demo, today=TODAY)
    qtbot.addWidget(dialog)
    before = digest(demo)
    dialog.fields["contract_amount_yuan"].setText("250000")  # 25 亿元 typed in 万元
    assert dialog.message.text() == "合同投资额（亿元）：请以亿元填写金额，如 25 或 4.389。"
    assert not dialog.save()
    assert digest(demo) == before
