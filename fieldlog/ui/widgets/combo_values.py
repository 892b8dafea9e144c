"""Selecting a combo box item by the value it holds.

`QComboBox.findData()` cannot match Python objects such as `UUID` (it returns -1), and the
`max(0, findData(...))` idiom then silently shows the first item, which a save writes back. Every
combo that holds ids or codes goes through `select_value` instead.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

# Marks the items added for a value the list does not offer.
UNKNOWN_ITEM_ROLE = 0x0100 + 77


def index_of(combo: QComboBox, value: object) -> int:
    """The index of the item whose data equals `value` (compared with ==), or -1."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)


def unknown_text(value: object) -> str:
    """How a value this version cannot name is shown: 未知（code）."""
    return QCoreApplication.translate("Combo", "Unknown ({0})").format(value)


def named(labels: Mapping[str, str], code: str | None) -> str:
    """The label of a stored code, "Unknown (code)" for one this version does not know (a newer
    FieldLog's), "" for none."""
    if not code:
        return ""
    label = labels.get(code)
    return label if label is not None else unknown_text(code)


def select_value(combo: QComboBox, value: object, *, keep_unknown: bool = True) -> bool:
    """Select the item holding `value`; True when the list offers it.

    A value the list does not hold — a code written by a newer FieldLog, a chain deleted since —
    is added as "Unknown (value)" and selected (unless `keep_unknown` is False), so that saving
    the form unchanged writes back exactly what was there. `None` with no empty item selects
    nothing.
    """
    index = index_of(combo, value)
    if index >= 0:
        combo.setCurrentIndex(index)
        return True
    if value is None or not keep_unknown:
        combo.setCurrentIndex(index_of(combo, None))
        return False
    combo.addItem(unknown_text(value), value)
    combo.setItemData(combo.count() - 1, True, UNKNOWN_ITEM_ROLE)
    combo.setCurrentIndex(combo.count() - 1)
    return False
