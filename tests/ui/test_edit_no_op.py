"""Opening an edit dialog on a record and saving it unchanged changes nothing: for every visit
and project of the demo dispatch, through the real Save buttons (every organization and contact:
test_edit_no_op_orgs.py; two files, so that xdist runs them side by side)."""

from __future__ import annotations

import pytest

from fieldlog.store.database import Database
from fieldlog.store.models import Project, Visit
from fieldlog.ui.dialogs.project_dialog import ProjectDialog
from fieldlog.ui.dialogs.visit_dialog import VisitDialog

from .edit_driver import dispose, live_ids, press, save_button
from .test_visit_dialog import stored_draft

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]  # half a minute each, alone


def test_every_visit_saved_unchanged(qtbot, demo: Database, unchanged) -> None:
    ids = live_ids(demo, Visit)
    assert len(ids) == 569
    for visit_id in ids:
        dialog = VisitDialog(demo, visit_id=visit_id)
        press(qtbot, save_button(dialog))
        assert dialog.message.text() == "" and dialog.result() == VisitDialog.DialogCode.Accepted
        assert stored_draft(demo, dialog.drafts.key) is None
        dispose(dialog)


def test_every_project_saved_unchanged(qtbot, demo: Database, unchanged) -> None:
    ids = live_ids(demo, Project)
    assert len(ids) == 54
    for project_id in ids:
        dialog = ProjectDialog(demo, project_id)
        press(qtbot, save_button(dialog))
        assert dialog.message.text() == ""
        dispose(dialog)
