"""Selecting combo items by value: ids match by ==, unknown values are kept, not replaced."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QComboBox

from fieldlog.ui.widgets.combo_values import select_value


def _combo(qtbot, items):
    combo = QComboBox()
    qtbot.addWidget(combo)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def test_a_uuid_is_found_where_find_data_fails(qtbot):
    wanted = uuid.uuid4()
    combo = _combo(qtbot, [("（无）", None), ("a", uuid.uuid4()), ("b", uuid.UUID(str(wanted)))])
    assert combo.findData(wanted) == -1  # the trap this helper exists for
    assert select_value(combo, wanted)
    assert combo.currentIndex() == 2
    assert combo.currentData() == wanted


def test_an_unknown_code_is_kept_and_shown_as_unknown(qtbot):
    combo = _combo(qtbot, [("强", "strong"), ("弱", "weak")])
    assert not select_value(combo, "evaluating")
    assert combo.currentData() == "evaluating"
    assert "evaluating" in combo.currentText()
    assert combo.count() == 3


def test_none_selects_the_empty_item_or_nothing(qtbot):
    combo = _combo(qtbot, [("x", "x"), ("（无）", None)])
    assert select_value(combo, None)
    assert combo.currentIndex() == 1
    bare = _combo(qtbot, [("x", "x")])
    assert not select_value(bare, None)
    assert bare.currentIndex() == -1
    assert bare.currentData() is None
