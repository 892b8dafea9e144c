"""Every demo project saved unchanged through its dialog changes nothing, even when its new fields
hold what this version cannot offer: a newer FieldLog's kind, a fund origin removed from the list,
a contact deleted since; and every coordination matter saved unchanged through its own dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Contact, Project
from fieldlog.ui.dialogs.project_dialog import ProjectDialog

from .edit_driver import copy_demo, dispose, live_ids, press, save_button

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = copy_demo(demo_database_file, tmp_path_factory.mktemp("project_no_op"))
    with database.begin() as session:
        projects = list(session.execute(select(Project).order_by(Project.id)).scalars())
        for n, project in enumerate(projects):
            if n % 3 == 0:
                project.kind = f"newer_{n}"  # codes a newer FieldLog wrote
            elif n % 3 == 1 and project.contact_id is not None:
                session.get(Contact, project.contact_id).deleted = True
        # A fund origin removed from the list since some projects took it.
        origin = session.execute(
            select(CatalogItem).where(CatalogItem.kind == "fund_origin", CatalogItem.name == "市内")
        ).scalar_one()
        origin.deleted = True
    yield database
    database.close()


def test_every_project_with_unoffered_values_saved_unchanged(
    qtbot, demo: Database, unchanged
) -> None:
    kinds = shown = 0
    for project_id in live_ids(demo, Project):
        dialog = ProjectDialog(demo, project_id)
        tab = dialog.assessment
        kinds += tab.kind.currentText().startswith("Unknown (newer_")
        shown += any(
            combo.currentText().startswith("Unknown (") for combo in (tab.origin, tab.contact)
        )
        press(qtbot, save_button(dialog))
        assert dialog.message.text() == ""
        dispose(dialog)
    assert kinds == 18 and shown > 5


def test_every_matter_saved_unchanged(qtbot, demo: Database, unchanged) -> None:
    seen = 0
    for project_id in live_ids(demo, Project):
        dialog = ProjectDialog(demo, project_id)
        panel = dialog.coordination
        for row in range(panel.table.rowCount()):
            panel.table.selectRow(row)
            form = panel.edit_selected()
            assert form is not None
            press(qtbot, form.save_button)
            assert not form.isVisible()
            seen += 1
        dispose(dialog)
    assert seen == 8
