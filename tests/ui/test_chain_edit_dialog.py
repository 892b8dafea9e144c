"""The chain editor: add, rename, move and delete, refusals shown and nothing changed, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.orgs import orgs
from fieldlog.services.team import chains
from fieldlog.store.database import Database
from fieldlog.ui.dialogs.chain_edit_dialog import ChainEditDialog
from fieldlog.ui.dialogs.chain_name_form import NameForm
from fieldlog.ui.undo import undo_stack


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    return shown


@pytest.fixture
def dialog(qtbot, db: Database) -> ChainEditDialog:
    widget = ChainEditDialog(db)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def type_text(edit: QLineEdit, text: str) -> None:
    """Type Chinese as an input method does."""
    edit.clear()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def names(dialog: ChainEditDialog) -> list[str]:
    return [dialog.chain_list.item(row).text() for row in range(dialog.chain_list.count())]


def link_names(dialog: ChainEditDialog) -> list[str]:
    tree = dialog.link_tree
    found = []
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        found.append(item.text(0))
        found += [item.child(i).text(0) for i in range(item.childCount())]
    return found


def choose_link(dialog: ChainEditDialog, name: str) -> None:
    items = dialog.link_tree.findItems(
        name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    )
    dialog.link_tree.setCurrentItem(items[0])


def test_add_a_chain_with_enter_then_undo_and_redo(qtbot, dialog: ChainEditDialog) -> None:
    form = dialog.add_chain()
    type_text(form.name_edit, "航空航天")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    assert not form.isVisible()
    assert names(dialog)[-1] == "航空航天"
    assert dialog.current_chain().name == "航空航天"  # the new chain is chosen
    undo_stack().undo()
    assert "航空航天" not in names(dialog)
    undo_stack().redo()
    assert names(dialog)[-1] == "航空航天"


def test_a_duplicate_name_is_refused_and_the_form_stays(
    qtbot, dialog: ChainEditDialog, db: Database, warnings: list[str]
) -> None:
    before = digest(db)
    form = dialog.add_chain()
    type_text(form.name_edit, "物流")
    form.accept()
    assert warnings == ["there is already a chain named 物流"]
    assert form.isVisible() and digest(db) == before
    assert undo_stack().count() == 0
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Escape)
    assert not form.isVisible()


def test_rename_a_chain(qtbot, dialog: ChainEditDialog) -> None:
    dialog.chain_list.setCurrentRow(1)
    form = dialog.rename_chain()
    assert form is not None and form.name_edit.text() == "物流"
    type_text(form.name_edit, "现代物流")
    form.accept()
    assert names(dialog)[1] == "现代物流"
    undo_stack().undo()
    assert names(dialog)[1] == "物流"


def test_add_a_link_under_another(dialog: ChainEditDialog) -> None:
    dialog.chain_list.setCurrentRow(0)
    parent = dialog.link_tree.topLevelItem(0).text(0)
    form = dialog.add_link()
    assert form is not None
    type_text(form.name_edit, "五金配件")
    form.position_combo.setCurrentIndex(form.position_combo.findData("upstream"))
    form.parent_combo.setCurrentIndex(form.parent_combo.findText(parent))
    form.accept()
    top = dialog.link_tree.findItems(parent, Qt.MatchFlag.MatchExactly)[0]
    assert [top.child(i).text(0) for i in range(top.childCount())] == ["五金配件"]
    assert dialog.link_tree.currentItem().text(0) == "五金配件"


def test_move_a_link_downstream(dialog: ChainEditDialog, db: Database) -> None:
    dialog.chain_list.setCurrentRow(0)
    first = dialog.link_tree.topLevelItem(0)
    name = first.text(0)
    dialog.link_tree.setCurrentItem(first)
    form = dialog.edit_link()
    assert form is not None and form.name_edit.text() == name
    assert form.parent_combo.findText(name) == -1  # a link cannot sit under itself
    form.position_combo.setCurrentIndex(form.position_combo.findData("downstream"))
    form.accept()
    chain = chains.chain_tree(db)[0]
    assert next(x for x in chain.links if x.name == name).position == "downstream"
    moved = dialog.link_tree.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    assert moved.text(1) == "Downstream"
    undo_stack().undo()
    assert dialog.link_tree.findItems(name, Qt.MatchFlag.MatchExactly)[0].text(1) == "Upstream"


def test_deleting_a_link_in_use_is_refused(
    qtbot, dialog: ChainEditDialog, db: Database, warnings: list[str]
) -> None:
    link = chains.chain_tree(db)[0].links[0]
    orgs.save_org(db, orgs.OrgInput("深圳市德润家具有限公司", link_id=link.id))
    orgs.save_org(db, orgs.OrgInput("深圳市顺达家具有限公司", link_id=link.id))
    before = digest(db)
    dialog.refresh()
    choose_link(dialog, link.name)
    dialog.link_tree.setFocus()
    qtbot.keyClick(dialog.link_tree, Qt.Key.Key_Delete)
    assert warnings == [
        f"{link.name} cannot be deleted: it is still used by 2 organizations; "
        "move them to another link first"
    ]
    assert digest(db) == before and link.name in link_names(dialog)


def test_delete_a_link_with_the_delete_key_and_undo(qtbot, dialog: ChainEditDialog) -> None:
    dialog.chain_list.setCurrentRow(0)
    name = dialog.link_tree.topLevelItem(0).text(0)
    choose_link(dialog, name)
    dialog.link_tree.setFocus()
    qtbot.keyClick(dialog.link_tree, Qt.Key.Key_Delete)
    assert name not in link_names(dialog)
    qtbot.keyClick(dialog.link_tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert name in link_names(dialog)


def test_deleting_a_chain_in_use_is_refused(
    dialog: ChainEditDialog, db: Database, warnings: list[str]
) -> None:
    chain = chains.chain_tree(db)[2]
    orgs.save_org(db, orgs.OrgInput("深圳市电镀协会", kind="商协会", chain_id=chain.id))
    before = digest(db)
    dialog.refresh(chain_id=chain.id)
    assert not dialog.delete_chain()
    assert warnings == [
        f"{chain.name} cannot be deleted: it is still used by 1 organization; "
        "move them to another chain first"
    ]
    assert digest(db) == before and chain.name in names(dialog)


def test_delete_a_chain_and_undo(dialog: ChainEditDialog) -> None:
    dialog.chain_list.setCurrentRow(dialog.chain_list.count() - 1)
    name, links = dialog.current_chain().name, link_names(dialog)
    assert dialog.delete_chain()
    assert name not in names(dialog)
    undo_stack().undo()
    dialog.chain_list.setCurrentRow(names(dialog).index(name))
    assert link_names(dialog) == links


def test_keyboard_opens_the_forms(qtbot, dialog: ChainEditDialog) -> None:
    dialog.chain_list.setCurrentRow(0)
    dialog.link_tree.setCurrentItem(dialog.link_tree.topLevelItem(0))
    dialog.link_tree.setFocus()
    qtbot.keyClick(dialog.link_tree, Qt.Key.Key_Return)
    assert isinstance(dialog.form, NameForm) and dialog.form.isVisible()
    assert dialog.form.parent_combo.count() > 1
    dialog.form.reject()
    dialog.chain_list.setFocus()
    qtbot.keyClick(dialog.chain_list, Qt.Key.Key_F2)
    assert dialog.form.isVisible() and dialog.form.parent_combo.count() == 0
    dialog.form.reject()
    assert dialog.isVisible()  # Enter in the lists never closes the editor
