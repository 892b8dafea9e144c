"""Check lists of people: the visitors of a visit (by work group, mine first) and contacts met."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from fieldlog.services.visits.visit_entry import Choice, MemberChoice

ID_ROLE = Qt.ItemDataRole.UserRole
CHECKABLE = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
)


class CheckList(QListWidget):
    """Records with check boxes; Space toggles the current one. Headers are skipped by the keys."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def add_header(self, text: str) -> None:
        """A bold, unselectable line above a section."""
        item = QListWidgetItem(text)
        # Disabled, so the arrow keys pass over it; the colour keeps it readable.
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setForeground(self.palette().placeholderText())
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        self.addItem(item)

    def add_choice(
        self, record_id: uuid.UUID, text: str, *, checked: bool = False, tip: str = ""
    ) -> QListWidgetItem:
        """A checkable line for one record."""
        item = QListWidgetItem(text)
        item.setFlags(CHECKABLE)
        item.setData(ID_ROLE, record_id)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if tip:
            item.setToolTip(tip)
        self.blockSignals(True)  # adding is not a change the user made
        self.addItem(item)
        self.blockSignals(False)
        return item

    def _choices(self) -> list[QListWidgetItem]:
        items = (self.item(row) for row in range(self.count()))
        return [item for item in items if item.data(ID_ROLE) is not None]

    def ids(self) -> list[uuid.UUID]:
        """Every record in the list."""
        return [item.data(ID_ROLE) for item in self._choices()]

    def checked_ids(self) -> list[uuid.UUID]:
        """The checked records, in list order."""
        checked = Qt.CheckState.Checked
        return [item.data(ID_ROLE) for item in self._choices() if item.checkState() == checked]

    def set_checked(self, ids: Iterable[uuid.UUID]) -> None:
        """Check exactly these records (ids not in the list are ignored)."""
        wanted = set(ids)
        self.blockSignals(True)
        for item in self._choices():
            on = item.data(ID_ROLE) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self.changed.emit()

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Tabbing in lands on the first record, so Space works at once.
        choices = self._choices()
        if choices and (self.currentItem() is None or self.currentItem() not in choices):
            self.setCurrentItem(choices[0])
        super().focusInEvent(event)


class MemberPicker(CheckList):
    """The team's members by work group, with me and my group on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberPicker")
        self.setAccessibleName(self.tr("Visitors"))

    def fill(self, choices: list[MemberChoice], me: uuid.UUID | None) -> None:
        """Show these members under their groups' names; check `me`."""
        self.clear()
        previous: str | None = None
        for choice in choices:
            if choice.group != previous:
                self.add_header(self._header(choice))
                previous = choice.group
            text = (
                self.tr("{name} (me)").format(name=choice.name) if choice.id == me else choice.name
            )
            self.add_choice(choice.id, text, checked=choice.id == me)

    def _header(self, choice: MemberChoice) -> str:
        name = choice.group or self.tr("No work group")
        mine = choice.mine and bool(choice.group)
        return self.tr("{group} — my group").format(group=name) if mine else name


class ContactPicker(CheckList):
    """The contacts of the visited organization; the line shows name and title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactPicker")
        self.setAccessibleName(self.tr("Contacts met"))

    def fill(self, contacts: list[Choice], checked: Iterable[uuid.UUID] = ()) -> None:
        """Show these contacts, checking the given ones."""
        wanted = set(checked)
        self.clear()
        for contact in contacts:
            text = f"{contact.name} · {contact.detail}" if contact.detail else contact.name
            self.add_choice(contact.id, text, checked=contact.id in wanted)
