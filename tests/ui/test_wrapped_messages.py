"""Messages under a field wrap and show in full, even in a dialog at its smallest size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldlog.store.database import Database
from fieldlog.ui.dialogs.visit_dialog import VisitDialog
from fieldlog.ui.widgets.org_picker import OrgPicker
from fieldlog.ui.widgets.wrapping_label import WrappingLabel

from .test_org_picker import type_chinese


@pytest.mark.parametrize("code", ["91350100M000100Y44", "91350100M0001O0Y43", "9135"])
def test_the_credit_code_check_under_a_new_organization_is_shown_in_full(
    qtbot, db: Database, code: str
) -> None:
    dialog = VisitDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    picker = dialog.findChild(OrgPicker)
    type_chinese(picker.edit, "深圳市新创科技有限公司")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    form = picker.create_form
    qtbot.keyClicks(form.code_edit, code)
    dialog.resize(dialog.minimumSizeHint())  # a small screen: every row at its least
    QApplication.processEvents()
    label = form.code_error
    assert label.isVisible() and label.text()
    needed = label.heightForWidth(label.width())
    assert label.height() >= needed > label.fontMetrics().height()  # it wraps, and all shows
    assert label.visibleRegion().boundingRect().height() >= needed


def test_a_wrapping_label_asks_for_the_height_of_its_text(qtbot) -> None:
    label = WrappingLabel("a message long enough to need more than one line at this width " * 2)
    qtbot.addWidget(label)
    label.resize(120, 10)
    assert label.minimumSizeHint().height() == label.heightForWidth(120)
    label.setText("")
    assert label.minimumSizeHint().height() <= label.fontMetrics().height()
