"""Picking an organization by typing: a Chinese fragment, pinyin initials or a credit code.

The list of matches floats under the line edit without taking the keyboard, so typing goes on
while it is open; Down and Up move in it, Enter picks, Esc closes it. When the typed name is not
on file, the list offers to create it inline.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.orgs.org_search import OrgHit, search_orgs
from fieldlog.store.database import Database
from fieldlog.ui.models.org_table_model import kind_labels
from fieldlog.ui.widgets.combo_values import named
from fieldlog.ui.widgets.org_create_form import OrgCreateForm

ORG_ROLE = Qt.ItemDataRole.UserRole  # the organization id; None on the "create" row
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 150
MAX_HITS = 8
POPUP_MIN_WIDTH = 520
DETAIL_GAP = 8


class _RowDelegate(QStyledItemDelegate):
    """Draws a match as its name, with kind and credit code in grey on the right."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        detail = str(index.data(DETAIL_ROLE) or "")
        metrics = opt.fontMetrics
        room = metrics.horizontalAdvance(detail) + 3 * DETAIL_GAP if detail else DETAIL_GAP
        opt.text = metrics.elidedText(
            opt.text, Qt.TextElideMode.ElideRight, opt.rect.width() - room
        )
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not detail:
            return
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        painter.save()
        painter.setPen(opt.palette.color(role))
        rect = opt.rect.adjusted(0, 0, -DETAIL_GAP, 0)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, detail)
        painter.restore()


class _Popup(QListWidget):
    """The floating list of matches; it never takes the keyboard from the line edit."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("orgPickerPopup")
        self.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setItemDelegate(_RowDelegate(self))

    def step(self, delta: int) -> None:
        """Move the current row by `delta`, staying inside the list."""
        row = max(0, min(self.count() - 1, self.currentRow() + delta))
        self.setCurrentRow(row)

    def show_under(self, anchor: QWidget) -> None:
        """Open (or move) the list just below `anchor`, as wide as it."""
        rows = max(1, self.count())
        height = self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 2
        self.resize(max(anchor.width(), POPUP_MIN_WIDTH), height)
        self.move(anchor.mapToGlobal(QPoint(0, anchor.height())))
        self.show()
        self.raise_()


class OrgPicker(QWidget):
    """A line edit with type-ahead over the organizations, and inline creation of a new one."""

    org_changed = Signal(object)  # the picked organization's id, or None

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("orgPicker")
        self._org: tuple[uuid.UUID, str] | None = None
        self._kinds = kind_labels()
        self.edit = QLineEdit(objectName="orgPickerEdit")
        self.edit.setAccessibleName(self.tr("Organization"))
        self.edit.setPlaceholderText(self.tr("Name, pinyin initials or credit code"))
        self.edit.setClearButtonEnabled(True)
        self.popup = _Popup(self)
        self.create_form = OrgCreateForm(db, self)
        self.create_form.hide()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.create_form)
        self.setFocusProxy(self.edit)
        self._connect()

    def _connect(self) -> None:
        self._timer.timeout.connect(self.refresh)
        self.edit.textEdited.connect(self._on_edited)
        self.edit.installEventFilter(self)
        self.popup.itemClicked.connect(self._choose)
        self.create_form.created.connect(self._on_created)
        self.create_form.cancelled.connect(lambda: self.edit.setFocus())

    def org_id(self) -> uuid.UUID | None:
        """The picked organization."""
        return self._org[0] if self._org else None

    def org_name(self) -> str:
        """The picked organization's name ("" when none is picked)."""
        return self._org[1] if self._org else ""

    def text(self) -> str:
        """What is typed in the line edit."""
        return self.edit.text()

    def set_org(self, org_id: uuid.UUID | None, name: str = "") -> None:
        """Pick an organization (None clears the pick but keeps the typed text)."""
        before = self.org_id()
        self._org = (org_id, name) if org_id is not None else None
        if org_id is not None:
            self.edit.setText(name)
            self.create_form.hide()
        self.popup.hide()
        if before != org_id:
            self.org_changed.emit(org_id)

    def set_text(self, text: str) -> None:
        """Put typed text back (a draft), with nothing picked."""
        self.set_org(None)
        self.edit.setText(text)

    def _on_edited(self, text: str) -> None:
        if self._org is not None and text != self._org[1]:
            self.set_org(None)
        self._timer.start()

    def refresh(self) -> None:
        """Search for the typed text now and show the matches."""
        self._timer.stop()
        text = self.edit.text().strip()
        if not text or self._org is not None:
            self.popup.hide()
            return
        hits = search_orgs(self.db, text, limit=MAX_HITS)
        self.popup.clear()
        for hit in hits:
            self._add_hit(hit)
        if all(hit.name != text for hit in hits):
            self._add_create_row(text)
        self.popup.setCurrentRow(0)
        if self.isVisible():
            self.popup.show_under(self.edit)

    def _add_hit(self, hit: OrgHit) -> None:
        item = QListWidgetItem(hit.name)
        item.setData(ORG_ROLE, hit.id)
        kind = named(self._kinds, hit.kind)
        item.setData(DETAIL_ROLE, "  ".join(p for p in (kind, hit.credit_code or "") if p))
        item.setToolTip(hit.name)
        self.popup.addItem(item)

    def _add_create_row(self, text: str) -> None:
        item = QListWidgetItem(self.tr("Create “{text}”…").format(text=text))
        item.setData(ORG_ROLE, None)
        font = QFont(item.font())
        font.setItalic(True)
        item.setFont(font)
        self.popup.addItem(item)

    def _choose(self, item: QListWidgetItem | None = None) -> None:
        item = item or self.popup.currentItem() or self.popup.item(0)
        if item is None:
            return
        org_id = item.data(ORG_ROLE)
        self.popup.hide()
        if org_id is None:
            self.create_form.open_for(self.edit.text())
        else:
            self.set_org(org_id, item.text())

    def _on_created(self, org_id: object, name: str) -> None:
        if isinstance(org_id, uuid.UUID):
            self.set_org(org_id, name)
        self.edit.setFocus()
        self.focusNextChild()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self._key(event)
            if event.type() in (QEvent.Type.FocusOut, QEvent.Type.Hide):
                self.popup.hide()
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        """Keys the list takes while typing: True when the key was used."""
        key, shown = event.key(), self.popup.isVisible()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            if shown:
                self.popup.step(1 if key == Qt.Key.Key_Down else -1)
            else:
                self.refresh()
            return True
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            if self._org is not None or not self.edit.text().strip():
                return False
            if not shown or self._timer.isActive():
                self.refresh()
            if self.popup.isVisible():
                self._choose()
                return True
            return False
        if key == Qt.Key.Key_Escape and shown:
            self.popup.hide()
            return True
        return False

    def hideEvent(self, event: QEvent) -> None:  # type: ignore[override]
        self.popup.hide()
        super().hideEvent(event)  # type: ignore[arg-type]
