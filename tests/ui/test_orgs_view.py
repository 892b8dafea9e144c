"""The organization directory on real widgets: search, filters, detail, dialogs, delete, merge."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget

from fieldlog.services.orgs import org_directory, orgs
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.ui.dialogs.merge_dialog import MergeDialog
from fieldlog.ui.dialogs.org_dialog import ContactDialog, OrgDialog
from fieldlog.ui.models.org_table_model import OrgTableModel
from fieldlog.ui.undo import undo_stack
from fieldlog.ui.views.orgs_view import OrgsView
from fieldlog.ui.widgets.credit_code_edit import CreditCodeEdit
from tests.conftest import open_copy

VALID, INVALID = "91350100M000100Y43", "91350100M000100Y4Z"


def type_chinese(widget: QWidget, text: str) -> None:
    """Type as an input method does (qtbot.keyClicks takes ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture(scope="module")
def demo_db(
    tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path
) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("orgs"))
    yield database
    database.close()


@pytest.fixture
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Questions asked (each answered Yes), without a blocking box."""
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.fixture
def small(db: Database) -> dict[str, uuid.UUID]:
    member = team.save_member(db, team.MemberInput("李娜"))
    logistics = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司", is_target=True)).id
    chamber = orgs.save_org(db, orgs.OrgInput("深圳市铜仁商会", kind="商协会")).id
    visits.save_visit(db, visits.VisitInput(date(2020, 4, 1), logistics, [member]))
    return {"logistics": logistics, "chamber": chamber}


def make_view(qtbot, db: Database) -> OrgsView:
    view = OrgsView(db)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    return view


def names(view: OrgsView) -> list[str]:
    model = view.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_the_table_model_over_the_demo(qtbot, qtmodeltester, demo_db: Database) -> None:
    model = OrgTableModel(demo_db)
    assert model.rowCount() == 0 and model.canFetchMore(QModelIndex())  # nothing read yet
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 200 and model.canFetchMore(QModelIndex())
    model.sort(7, Qt.SortOrder.DescendingOrder)  # visits, most first
    qtmodeltester.check(model)  # fetches a page more, as a view scrolling down would
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == org_directory.count_orgs(demo_db, org_directory.OrgFilter())
    assert len({model.org_id(row) for row in range(model.rowCount())}) == model.rowCount()
    counts = [int(model.index(row, 7).data()) for row in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True)


def test_search_by_chinese_and_by_initials(qtbot, demo_db: Database) -> None:
    view = make_view(qtbot, demo_db)
    type_chinese(view.search_edit, "物流")
    assert view.search_edit.text() == "物流"
    qtbot.waitUntil(lambda: 0 < view.model.rowCount() < 50)
    assert all("物流" in name for name in names(view))
    assert view.count_label.text() == f"{view.model.rowCount()} organizations"
    view.search_edit.clear()
    qtbot.keyClicks(view.search_edit, "llwl")  # 冷链物流
    qtbot.waitUntil(lambda: view.model.filter.text == "llwl")
    assert len(names(view)) == 6 and all("冷链物流" in name for name in names(view))


def test_filters(qtbot, demo_db: Database) -> None:
    view = make_view(qtbot, demo_db)
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("association"))
    assert view.model.rowCount() == org_directory.count_orgs(
        demo_db, org_directory.OrgFilter(kind="association")
    )
    assert {view.model.index(r, 1).data() for r in range(view.model.rowCount())} == {"Association"}
    view.target_filter.setCurrentIndex(view.target_filter.findData(True))
    view.chain_filter.setCurrentIndex(1)
    view.tag_filter.setCurrentIndex(1)
    where = view.model.filter
    assert where.kind == "association" and where.is_target is True
    assert where.chain_id is not None and where.tag_id is not None


def test_selecting_a_row_shows_the_detail_panel(qtbot, demo_db: Database) -> None:
    view = make_view(qtbot, demo_db)
    assert view.detail.stack.currentIndex() == 0 and not view.edit_action.isEnabled()
    view.model.sort(7, Qt.SortOrder.DescendingOrder)  # the most visited first
    qtbot.mouseClick(
        view.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.table.visualRect(view.model.index(0, 0)).center(),
    )
    detail = view.detail
    assert detail.stack.currentIndex() == 1 and view.edit_action.isEnabled()
    assert detail.name_label.text() == view.model.index(0, 0).data()
    visits_shown = detail.visits_table.rowCount()
    assert visits_shown == int(view.model.index(0, 7).data()) > 1
    assert detail.tabs.tabText(1) == f"Visits ({visits_shown})"
    assert detail.visits_table.item(0, 0).text() == view.model.index(0, 8).data()


def test_the_credit_code_edit_explains_and_blocks_save(qtbot, db: Database) -> None:
    dialog = OrgDialog(db)
    qtbot.addWidget(dialog)
    dialog.open()
    type_chinese(dialog.name_edit, "深圳市测试有限公司")
    edit = dialog.findChild(CreditCodeEdit, "creditCodeEdit")
    qtbot.keyClicks(edit, INVALID)
    assert not edit.message_label.isHidden()
    assert "check character should be 3, not Z" in edit.message_label.text()
    assert not dialog.save_button.isEnabled()
    edit.clear()
    assert edit.message_label.isHidden() and dialog.save_button.isEnabled()
    qtbot.keyClicks(edit, VALID.lower())
    assert edit.text() == VALID and edit.is_valid()
    assert edit.message_label.isHidden() and dialog.save_button.isEnabled()
    edit.clear()
    type_chinese(edit, "９１３５ ０１００")  # full-width digits and a space, as pasted
    assert edit.text() == "91350100"
    assert "18 characters" in edit.message_label.text()


def test_creating_an_organization_through_the_dialog(
    qtbot, db: Database, small: dict[str, uuid.UUID]
) -> None:
    view = make_view(qtbot, db)
    dialog = view.new_org()
    type_chinese(dialog.name_edit, "深圳市新材料科技有限公司")
    qtbot.keyClicks(dialog.code_edit, VALID)
    dialog.tag_boxes["专精特新"].setChecked(True)
    dialog.target_box.setChecked(True)
    contact = dialog.add_contact()
    assert isinstance(contact, ContactDialog)
    type_chinese(contact.name_edit, "王芳")
    qtbot.keyClicks(contact.phone_edit, "13800138000")
    qtbot.keyClick(contact.name_edit, Qt.Key.Key_Return)
    assert dialog.contacts_table.rowCount() == 1
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == OrgDialog.DialogCode.Accepted
    assert view.detail.name_label.text() == "深圳市新材料科技有限公司"
    assert view.selected_id() == dialog.saved_id
    detail = view.detail.detail
    assert detail is not None and detail.data.credit_code == VALID
    assert detail.data.tags == ["专精特新"] and detail.data.is_target
    assert [c.data.name for c in detail.contacts] == ["王芳"]
    assert view.count_label.text() == "3 organizations"
    undo_stack().undo()
    assert view.count_label.text() == "2 organizations"


def test_a_code_already_on_file_is_named(qtbot, db: Database) -> None:
    orgs.save_org(db, orgs.OrgInput("深圳市老企业有限公司", credit_code=VALID))
    dialog = OrgDialog(db)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.name_edit, "Duplicate Ltd")
    qtbot.keyClicks(dialog.code_edit, VALID)
    assert "深圳市老企业有限公司" in dialog.holder_label.text()
    assert not dialog.holder_label.isHidden() and not dialog.save_button.isEnabled()


def test_editing_keeps_the_selection_and_is_undoable(
    qtbot, db: Database, small: dict[str, uuid.UUID]
) -> None:
    view = make_view(qtbot, db)
    view.show_org(small["chamber"])
    dialog = view.edit_org()
    assert dialog is not None and dialog.name_edit.text() == "深圳市铜仁商会"
    dialog.region_edit.setText("深圳市福田区")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert view.selected_id() == small["chamber"]
    assert view.detail.fields["region"].text() == "深圳市福田区"
    undo_stack().undo()
    assert view.detail.fields["region"].text() == "—"


def test_delete_and_undo(
    qtbot, db: Database, small: dict[str, uuid.UUID], answer_yes: list[str]
) -> None:
    view = make_view(qtbot, db)
    view.show_org(small["logistics"])
    view.activateWindow()
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(answer_yes) == 1 and "深圳市德润物流有限公司" in answer_yes[0]
    assert names(view) == ["深圳市铜仁商会"]
    assert view.detail.stack.currentIndex() == 0
    assert undo_stack().undoText() == "Delete organization"
    undo_stack().undo()
    assert sorted(names(view)) == ["深圳市德润物流有限公司", "深圳市铜仁商会"]


def test_merge_through_the_dialog(
    qtbot, db: Database, small: dict[str, uuid.UUID], answer_yes: list[str]
) -> None:
    view = make_view(qtbot, db)
    view.show_org(small["chamber"])
    dialog = view.merge_org()
    assert isinstance(dialog, MergeDialog) and not dialog.merge_button.isEnabled()
    qtbot.keyClicks(dialog.search_edit, "drwl")
    assert dialog.candidates.count() == 1
    assert dialog.summary.text().startswith(
        "Moving from 深圳市德润物流有限公司 to 深圳市铜仁商会: visits 1, projects 0, contacts 0."
    )
    dialog.keep_other.setChecked(True)
    assert dialog.summary.text().startswith(
        "Moving from 深圳市铜仁商会 to 深圳市德润物流有限公司: visits 0,"
    )
    assert dialog.merge_button.isEnabled()
    dialog.merge_button.click()
    assert "cannot be undone" in answer_yes[0]
    assert names(view) == ["深圳市德润物流有限公司"]
    assert view.selected_id() == small["logistics"]


def test_a_contact_added_in_the_panel_is_undoable(
    qtbot, db: Database, small: dict[str, uuid.UUID]
) -> None:
    view = make_view(qtbot, db)
    view.show_org(small["chamber"])
    contact = view.detail.add_contact()
    assert isinstance(contact, ContactDialog)
    type_chinese(contact.name_edit, "陈静")
    qtbot.keyClicks(contact.title_edit, "Secretary-general")
    contact.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert view.detail.contacts_table.item(0, 0).text() == "陈静"
    assert view.detail.tabs.tabText(0) == "Contacts (1)"
    undo_stack().undo()
    assert view.detail.contacts_table.rowCount() == 0
    undo_stack().redo()
    assert view.detail.contacts_table.item(0, 1).text() == "Secretary-general"


@pytest.mark.parametrize(
    ("pasted", "found"),
    [
        # Qt drops a lone surrogate on the way into the box: the rest of the text is searched.
        ("\ud83d", ["深圳市德润物流有限公司", "深圳市铜仁商会"]),
        ("商会\ud83d", ["深圳市铜仁商会"]),
        ("\x00", []),
        ("商会\x00", []),
        ("%" * 30_000, []),
        ("商" * 20_000, []),
    ],
    ids=["lone-surrogate", "name-and-surrogate", "nul", "name-and-nul", "long-percent", "long"],
)
def test_any_pasted_text_in_the_search_box_gets_an_answer(
    qtbot, db: Database, small: dict[str, uuid.UUID], pasted: str, found: list[str]
) -> None:
    view = make_view(qtbot, db)
    assert view.count_label.text() == "2 organizations"
    type_chinese(view.search_edit, pasted)
    assert view.search_edit.text() == pasted.replace("\ud83d", "")
    view.apply_filters()
    assert names(view) == found
    assert view.count_label.text() == f"{len(found)} organizations"
