"""Opening an edit dialog on a record and saving it unchanged changes nothing: for every
organization and contact of the demo dispatch, through the real Save buttons (every visit and
project: test_edit_no_op.py)."""

from __future__ import annotations

import pytest

from fieldlog.store.database import Database
from fieldlog.store.models import Organization
from fieldlog.ui.dialogs.org_dialog import OrgDialog

from .edit_driver import dispose, edit_contacts_unchanged, live_ids, press, save_button

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]  # half a minute each, alone


def test_every_organization_saved_unchanged(qtbot, demo: Database, unchanged) -> None:
    ids = live_ids(demo, Organization)
    assert len(ids) == 433
    for org_id in ids:
        dialog = OrgDialog(demo, org_id)
        press(qtbot, save_button(dialog))
        assert not dialog.isVisible() and dialog.result() == OrgDialog.DialogCode.Accepted
        dispose(dialog)


def test_every_contact_saved_unchanged(qtbot, demo: Database, unchanged) -> None:
    seen = 0
    for org_id in live_ids(demo, Organization):
        dialog = OrgDialog(demo, org_id)
        if dialog.contacts_table.rowCount():
            seen += edit_contacts_unchanged(qtbot, dialog)
            press(qtbot, save_button(dialog))
        dispose(dialog)
    assert seen == 593
