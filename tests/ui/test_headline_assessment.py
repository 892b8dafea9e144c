"""The dashboard's headline shows the signed figures under the team's assessment scope too, and
follows a change of the rules saved in the rules dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from fieldlog.domain.money import format_yi
from fieldlog.domain.period import Period
from fieldlog.services.reports import stats
from fieldlog.store.database import Database
from fieldlog.ui.dialogs.rules_dialog import RulesDialog
from fieldlog.ui.headline_panel import ASSESSED_METRICS
from fieldlog.ui.views.dashboard_page import DashboardPage

DISPATCH = Period(date(2020, 3, 23), date(2020, 4, 22))


def _assessed(page: DashboardPage) -> dict[str, str]:
    return {m: page.findChild(QLabel, f"figure_{m}_assessed").text() for m in ASSESSED_METRICS}


def _expected(db: Database) -> dict[str, str]:
    scoped = stats.compute(db, DISPATCH).assessment
    return {
        "projects_signed": f"Assessment scope: {scoped.projects_signed}",
        "contract_amount_yuan": (
            f"Assessment scope: {format_yi(scoped.contract_amount_yuan)} (100M yuan)"
        ),
        "funds_in_place_yuan": (
            f"Assessment scope: {format_yi(scoped.funds_in_place_yuan)} (100M yuan)"
        ),
    }


def test_the_signed_cards_show_the_assessment_scope(qtbot, demo_copy: Database) -> None:
    page = DashboardPage(demo_copy, today=DISPATCH.end)
    qtbot.addWidget(page)
    page.picker.select("dispatch")
    assert _assessed(page) == _expected(demo_copy)
    assert _assessed(page)["projects_signed"] == "Assessment scope: 8"  # of the demo's 22
    assert page.findChild(QLabel, "figure_visits_assessed") is None  # visits have no scope
    card = page.findChild(QLabel, "figure_projects_signed").parentWidget()
    assert "Assessment scope: 8" in card.accessibleName()


def test_saved_rules_show_on_the_dashboard_at_once(qtbot, demo_copy: Database) -> None:
    page = DashboardPage(demo_copy, today=DISPATCH.end)
    qtbot.addWidget(page)
    page.picker.select("dispatch")
    page.show()
    before = _assessed(page)
    dialog = RulesDialog(demo_copy)
    qtbot.addWidget(dialog)
    dialog.min_contract_edit.setText("3000")  # 3000万元: more projects reach it
    dialog.accept()
    assert _assessed(page) == _expected(demo_copy) != before
