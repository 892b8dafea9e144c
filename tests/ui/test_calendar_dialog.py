"""File ▸ Export ▸ Follow-ups calendar on the demo: the scopes as on the Follow-ups page, the
.ics saved and read back, this week's list saved as a phone-sized picture, and a refusal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QComboBox, QFileDialog, QPushButton

from fieldlog.services.team import identity
from fieldlog.services.visits import calendar_export, week_list
from fieldlog.ui.dialogs.calendar_dialog import CalendarDialog
from fieldlog.ui.week_list_image import BAND, WIDTH, height_of
from tests.field_dump import db_digest

TODAY = date(2020, 4, 22)  # within the demo's dispatch: follow-ups overdue, today and ahead


@pytest.fixture
def saved(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, object]:
    """Answers the save dialog with tmp_path/<the name proposed>, and keeps what was proposed."""
    asked: dict[str, object] = {}

    def fake_save(_parent, _title, proposed, _filter="", *args, **kwargs):
        asked["proposed"] = proposed
        return str(tmp_path / Path(proposed).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    return asked


def _dialog(qtbot, db) -> CalendarDialog:
    dialog = CalendarDialog(db, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _events(path: Path) -> list:
    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_the_scopes_follow_who_uses_the_laptop(qtbot, demo_copy) -> None:
    dialog = _dialog(qtbot, demo_copy)
    combo = dialog.findChild(QComboBox, "calendar_scope_combo")
    assert dialog.objectName() == "calendar_dialog" and combo is dialog.scope_combo
    model = combo.model()
    assert [model.item(row).isEnabled() for row in range(3)] == [False, False, True]
    assert combo.currentData() == "team"


def test_the_calendar_and_the_week_list_are_saved(qtbot, demo_copy, saved, tmp_path) -> None:
    me = calendar_export.member_named(demo_copy, "陆鹏")
    identity.set_me(demo_copy, me)
    before = db_digest(demo_copy)
    dialog = _dialog(qtbot, demo_copy)
    assert dialog.scope_combo.currentData() == "me"
    qtbot.mouseClick(dialog.findChild(QPushButton, "calendar_save_button"), Qt.LeftButton)
    assert (
        Path(str(saved["proposed"])).name
        == "铜仁市驻深招商工作队陆鹏跟进日程_2020-04-22_2020-06-17.ics"
    )
    mine = dialog.written
    assert mine is not None and mine.parent == tmp_path
    events = _events(mine)
    expected = calendar_export.gather(demo_copy, today=TODAY, scope="me", member_id=me)
    assert len(events) == len(expected.entries) > 0
    assert all(event["DTSTART"].dt >= TODAY for event in events)
    assert all(event.walk("VALARM") for event in events)
    assert "陆鹏" in str(Calendar.from_ical(mine.read_bytes())["X-WR-CALNAME"])
    # The whole team's: more events, the member's among them with the same UIDs.
    dialog.scope_combo.setCurrentIndex(2)
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    team = _events(dialog.written)
    assert {str(e["UID"]) for e in events} < {str(e["UID"]) for e in team}

    qtbot.mouseClick(dialog.findChild(QPushButton, "week_list_button"), Qt.LeftButton)
    picture = dialog.written
    assert picture is not None and picture.name == "铜仁市驻深招商工作队本周跟进清单_2020-04-22.png"
    image = QImage(str(picture))
    page = week_list.week_list(calendar_export.this_week(demo_copy, today=TODAY))
    assert page.lines and (image.width(), image.height()) == (WIDTH, height_of(page))
    assert image.pixelColor(WIDTH // 2, 5) == BAND
    # Not blank: the title's and the first line's text leave dark pixels in their bands.
    for top, bottom in ((50, 130), (300, 360)):
        inked = [
            image.pixelColor(x, y).lightness() < 128
            for x in range(60, 700, 3)
            for y in range(top, bottom, 3)
        ]
        assert sum(inked) > 20, (top, bottom)
    assert image.pixelColor(WIDTH - 5, image.height() - 5) == QColor("white")
    assert db_digest(demo_copy) == before


def test_a_period_the_wrong_way_round_is_refused(qtbot, demo_copy, saved, tmp_path) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    dialog = _dialog(qtbot, demo_copy)
    dialog.from_edit.setDate(QDate(2020, 5, 2))
    dialog.to_edit.setDate(QDate(2020, 5, 1))
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.error_label.isVisibleTo(dialog)
    assert "after its end on 2020-05-01" in dialog.error_label.text()
    assert "proposed" not in saved and dialog.written is None
    assert sorted(p.name for p in tmp_path.iterdir()) == before
