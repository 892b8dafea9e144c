"""Driving the catalog editors as a user does (tranches, chains and links, targets, the team),
for the tests that check what a save changes."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QWidget,
)
from sqlalchemy import select

from fieldlog.domain.period import Period
from fieldlog.services.team import chains
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, ChainLink, Member, Team
from fieldlog.ui.dialogs.chain_edit_dialog import ID_ROLE, ChainEditDialog
from fieldlog.ui.dialogs.chain_name_form import NameForm
from fieldlog.ui.dialogs.project_dialog import ProjectDialog
from fieldlog.ui.dialogs.targets_dialog import TargetsDialog
from fieldlog.ui.dialogs.team_setup_dialog import TeamSetupDialog
from fieldlog.ui.widgets.combo_values import select_value
from fieldlog.ui.widgets.tranche_table import TrancheDialog
from tests.field_dump import field_diff, field_dump
from tests.ui.conftest import open_copy

TODAY = date(2020, 4, 22)


def type_text(edit: QWidget, text: str) -> None:
    """Replace a field's text as an input method commits it (Chinese included)."""
    edit.selectAll()  # type: ignore[attr-defined]
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def save(qtbot, dialog: QWidget) -> None:
    """Click the dialog's save button."""
    button = dialog.findChild(QPushButton, "saveButton")
    assert button is not None and button.isEnabled(), dialog.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(combo: QComboBox, value: object) -> None:
    """Pick the item holding `value`, as a click in the list would."""
    index = next(i for i in range(combo.count()) if combo.itemData(i) == value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


#: A position code a newer FieldLog might write; this version cannot name it.
NEWER_POSITION = "core"


#: Who signs the prepared demo's weekly return.
SIGNATORIES = {"return_preparer": "李娜", "return_reviewer": "王强", "return_phone": "0856-5221234"}


def prepare(source: Path, folder: Path) -> Path:
    """A copy of the demo with the records the demo lacks: sub-links under other links, a link
    whose position a newer version wrote, the return's signatories, and a home county removed
    from the list while members still come from it."""
    database = open_copy(source, folder)
    with database.begin() as session:
        team = session.execute(select(Team).where(Team.deleted.is_(False))).scalars().one()
        for name, value in SIGNATORIES.items():
            setattr(team, name, value)
        used = session.execute(select(Member.county_id).where(Member.county_id.is_not(None)))
        session.get_one(CatalogItem, used.scalars().first()).deleted = True
    tree = chains.chain_tree(database)
    for chain in tree[:3]:
        first, second = chain.links[0], chain.links[1]
        chains.save_link(
            database, second.id, chains.LinkInput(second.name, second.position, first.id)
        )
    with database.begin() as session:
        session.get_one(ChainLink, tree[3].links[0].id).position = NEWER_POSITION
    database.close()
    return folder / source.name


class Changes:
    """What changed since the last look: one full dump a look, each look's dump the next's
    starting point (a dump of the demo takes most of a second)."""

    def __init__(self, db: Database) -> None:
        self.db, self.last = db, field_dump(db)

    def __call__(self) -> dict[tuple[str, str, str], tuple[object, object]]:
        now = field_dump(self.db)
        changed, self.last = field_diff(self.last, now), now
        return changed


def sub_link_count(db: Database) -> int:
    with db.read() as session:
        return session.query(ChainLink).filter(ChainLink.parent_id.is_not(None)).count()


# -- opening each editor on one record --------------------------------------------------------


def tranche_editor(
    qtbot, db: Database, project_id: uuid.UUID, row: int
) -> tuple[ProjectDialog, TrancheDialog]:
    """The project dialog's Funds tab, a tranche chosen, Edit pressed."""
    dialog = ProjectDialog(db, project_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.funds)
    dialog.funds.table.selectRow(row)
    qtbot.mouseClick(dialog.funds.edit_button, Qt.MouseButton.LeftButton)
    editor = dialog.funds.edit_dialog
    assert editor is not None and editor.isVisible()
    return dialog, editor


def chain_editor(qtbot, db: Database) -> ChainEditDialog:
    dialog = ChainEditDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def rename_form(dialog: ChainEditDialog, chain_id: uuid.UUID) -> NameForm:
    ids = [chain.id for chain in dialog.tree]
    dialog.chain_list.setCurrentRow(ids.index(chain_id))
    form = dialog.rename_chain()
    assert form is not None
    return form


def link_form(dialog: ChainEditDialog, chain_id: uuid.UUID, link_id: uuid.UUID) -> NameForm:
    ids = [chain.id for chain in dialog.tree]
    dialog.chain_list.setCurrentRow(ids.index(chain_id))
    tree = dialog.link_tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while items:
        item = items.pop()
        if item.data(0, ID_ROLE) == link_id:
            tree.setCurrentItem(item)
            break
        items += [item.child(i) for i in range(item.childCount())]
    form = dialog.edit_link()
    assert form is not None
    return form


def targets_editor(qtbot, db: Database, scope: str, scope_id: uuid.UUID, period: Period):
    """The targets dialog with a scope and a period chosen."""
    dialog = TargetsDialog(db, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.open()
    assert select_value(dialog.scope_kind, scope, keep_unknown=False)
    assert select_value(dialog.scope_combo, scope_id, keep_unknown=False)
    edit = dialog.period_edit
    edit.select("custom")
    edit.from_edit.setDate(QDate(period.start.year, period.start.month, period.start.day))
    edit.to_edit.setDate(QDate(period.end.year, period.end.month, period.end.day))
    return dialog


def team_editor(qtbot, db: Database) -> TeamSetupDialog:
    """The team form opened on the team, its members and groups."""
    dialog = TeamSetupDialog(db, edit=True)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def member_row(dialog: TeamSetupDialog, member_id: uuid.UUID) -> int:
    rows = range(dialog.members.rowCount())
    return next(r for r in rows if dialog.members.member_id(r) == member_id)


def type_in_cell(qtbot, table: QTableWidget, row: int, column: int, text: str) -> None:
    """Edit a table cell as a user does: start editing, type (an input method's commit), Enter."""
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits the editor's text from the event loop.
    qtbot.waitUntil(lambda: table.item(row, column).text() == text)
