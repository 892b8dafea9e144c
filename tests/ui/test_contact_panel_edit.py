"""A contact edited from the organization page's detail panel while another user of the same file
changed another field of it: the save writes only what its user changed, and undo takes back only
that."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.orgs import orgs
from fieldlog.services.orgs.org_edits import edit_contact
from fieldlog.store.database import Database
from fieldlog.store.models import Contact
from fieldlog.ui.dialogs.org_dialog import ContactDialog
from fieldlog.ui.undo import undo_stack
from fieldlog.ui.views.orgs_view import OrgsView
from tests.conftest import reopen
from tests.records import fetch
from tests.ui.edit_driver import replace_text

LOADED = orgs.ContactInput("王芳", phone="13800138000")


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """Another user of the same file: a handle of its own."""
    assert db.path is not None
    second = reopen(db.path)
    yield second
    second.close()


def _panel_dialog(qtbot, db: Database):  # type: ignore[no-untyped-def]
    org_id = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    contact_id = orgs.save_contact(db, org_id, LOADED)
    view = OrgsView(db)
    qtbot.addWidget(view)
    view.show()
    view.show_org(org_id)
    view.detail.contacts_table.selectRow(0)
    return view, view.detail, org_id, contact_id


def test_a_contact_saved_from_the_panel_keeps_what_another_user_changed(
    qtbot, db: Database, other: Database
) -> None:
    _view, detail, org_id, contact_id = _panel_dialog(qtbot, db)
    dialog = detail.edit_contact()  # the panel loaded the contact before the other user's save
    assert isinstance(dialog, ContactDialog)
    edit_contact(other, org_id, contact_id, orgs.ContactInput("王芳", phone="0755-1"), LOADED)
    replace_text(qtbot, dialog.title_edit, "总经理")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    contact = fetch(db, Contact, contact_id)
    assert (contact.title, contact.phone) == ("总经理", "0755-1")
    undo_stack().undo()
    contact = fetch(db, Contact, contact_id)
    assert (contact.title, contact.phone) == ("", "0755-1")


def test_a_contact_saved_unchanged_from_the_panel_writes_nothing(
    qtbot, db: Database, other: Database
) -> None:
    _view, detail, org_id, contact_id = _panel_dialog(qtbot, db)
    dialog = detail.edit_contact()
    assert isinstance(dialog, ContactDialog)
    edit_contact(other, org_id, contact_id, orgs.ContactInput("王芳", phone="0755-1"), LOADED)
    before = digest(db)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert digest(db) == before
    assert fetch(db, Contact, contact_id).phone == "0755-1"
