"""Opening an editor on a record and saving it unchanged changes nothing: every funds tranche,
chain, link and target of the demo, the team, its members and work groups; the digest, the change
history and the undo stack compared before and after."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldlog.domain.period import Period
from fieldlog.services.projects.project_detail import project_detail
from fieldlog.services.team import chains, identity
from fieldlog.services.team.team_edit import team_sheet
from fieldlog.store.database import Database
from fieldlog.store.models import FundsTranche, Target
from fieldlog.ui.undo import undo_stack
from tests.field_dump import db_digest, history_count
from tests.ui.catalog_editors import (
    SIGNATORIES,
    TODAY,
    chain_editor,
    link_form,
    prepare,
    rename_form,
    save,
    sub_link_count,
    targets_editor,
    team_editor,
    tranche_editor,
)
from tests.ui.conftest import open_copy

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]  # a minute each, alone


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    """One demo database for the module: saving unchanged must leave it as it was."""
    prepared = prepare(demo_database_file, tmp_path_factory.mktemp("no_op_prepared"))
    database = open_copy(prepared, tmp_path_factory.mktemp("no_op"))
    yield database
    database.close()


@pytest.fixture
def unchanged(demo: Database) -> Iterator[None]:
    """Asserts after the test that the data, the history and the undo stack are as before."""
    digest, history = db_digest(demo), history_count(demo)
    started, cpu = time.perf_counter(), time.process_time()
    yield
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"took {wall:.2f} s ({cpu:.2f} s of processor time)")
    assert db_digest(demo) == digest
    assert history_count(demo) == history
    assert undo_stack().count() == 0, undo_stack().text(0)


def test_every_tranche_saved_unchanged(qtbot, demo: Database, unchanged: None) -> None:
    with demo.read() as session:
        found = session.execute(
            select(FundsTranche.project_id, FundsTranche.id).where(FundsTranche.deleted.is_(False))
        ).all()
    assert len(found) >= 20
    for project_id, tranche_id in found:
        rows = project_detail(demo, project_id, today=TODAY).tranches
        row = [t.id for t in rows].index(tranche_id)
        project_dialog, editor = tranche_editor(qtbot, demo, project_id, row)
        save(qtbot, editor)
        assert not editor.isVisible(), editor.message.text()
        project_dialog.close()


def test_every_chain_and_link_saved_unchanged(qtbot, demo: Database, unchanged: None) -> None:
    tree = chains.chain_tree(demo)
    assert len(tree) >= 12 and sub_link_count(demo) >= 3
    dialog = chain_editor(qtbot, demo)
    for chain in tree:
        form = rename_form(dialog, chain.id)
        save(qtbot, form)
        assert not form.isVisible()
        for link in chain.links:
            form = link_form(dialog, chain.id, link.id)
            save(qtbot, form)
            assert not form.isVisible()


def test_every_target_saved_unchanged(qtbot, demo: Database, unchanged: None) -> None:
    with demo.read() as session:
        found = session.execute(
            select(Target.scope, Target.scope_id, Target.period_start, Target.period_end)
            .where(Target.deleted.is_(False))
            .distinct()
        ).all()
    assert len(found) >= 2
    for scope, scope_id, start, end in found:
        dialog = targets_editor(qtbot, demo, scope, scope_id, Period(start, end))
        assert any(edit.text() for edit in dialog.fields.values())
        save(qtbot, dialog)
        assert not dialog.isVisible(), dialog.message.text()


def test_the_team_its_members_and_groups_saved_unchanged(
    qtbot, demo: Database, unchanged: None
) -> None:
    sheet = team_sheet(demo)
    assert sheet is not None and len(sheet.members) >= 20 and len(sheet.groups) >= 10
    me = identity.get_me(demo)
    for row in range(len(sheet.members) + len(sheet.groups)):
        dialog = team_editor(qtbot, demo)
        # Every member, group and county is shown as saved, whichever row the user is on.
        assert [dialog.members.member_row(r) for r in range(len(sheet.members))] == sheet.members
        assert dialog.groups.group_rows() == sheet.groups
        assert dialog.counties.counties() == sheet.counties and len(sheet.counties) == 11
        assert dialog.edited_sheet().team == sheet.team
        shown = (dialog.preparer.text(), dialog.reviewer.text(), dialog.phone.text())
        assert shown == tuple(SIGNATORIES.values())
        table = dialog.members if row < len(sheet.members) else dialog.groups
        table.setCurrentCell(row % len(sheet.members), 0)
        save(qtbot, dialog)
        assert not dialog.isVisible(), dialog.message.text()
    assert identity.get_me(demo) == me
