"""Opening an edit dialog on a record and saving it unchanged changes nothing: for every
organization, contact, visit and project of the demo dispatch, through the real Save buttons."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldlog.store.database import Database
from fieldlog.store.models import Organization, Project, Visit
from fieldlog.ui.dialogs.org_dialog import OrgDialog
from fieldlog.ui.dialogs.project_dialog import ProjectDialog
from fieldlog.ui.dialogs.visit_dialog import VisitDialog

from ..field_dump import db_digest, field_diff, field_dump, history_count
from .edit_driver import copy_demo, dispose, edit_contacts_unchanged, live_ids, press, save_button
from .test_visit_dialog import stored_draft

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]  # a minute each, alone


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = copy_demo(demo_database_file, tmp_path_factory.mktemp("edit_no_op"))
    yield database
    database.close()


@pytest.fixture
def unchanged(demo: Database) -> Iterator[None]:
    """The test must leave every field, the digest and the change history as they were."""
    before, digest, history = field_dump(demo), db_digest(demo), history_count(demo)
    yield
    assert field_diff(before, field_dump(demo)) == {}
    assert db_digest(demo) == digest
    assert history_count(demo) == history


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
