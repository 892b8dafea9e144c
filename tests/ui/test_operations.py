"""The one operation helper: a service call run once, a refusal shown where the dialog wants it,
a defect logged and told in general terms, undo through it, and a typed announcement (which
views answer it: test_change_kinds.py)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.orm import Session

from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import orgs
from fieldlog.services.team import identity, team
from fieldlog.services.visits import visit_entry, visits
from fieldlog.store.database import Database
from fieldlog.sync.errors import PackageError
from fieldlog.ui import operations
from fieldlog.ui.changes import NOTHING, Changes, Kind
from fieldlog.ui.dialogs.visit_dialog import VisitDialog
from fieldlog.ui.operations import Operation, defect_sentence
from fieldlog.ui.undo import undo_stack
from tests.field_dump import db_digest, history_count

DAY = date(2020, 4, 1)
SECRET = "internal detail the user must not read"


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts of the warning boxes shown (none of them blocks)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    return shown


@pytest.fixture
def announced() -> list[Changes]:
    """Every change set announced while the test runs."""
    heard: list[Changes] = []
    operations.changes().changes_applied.connect(heard.append)
    yield heard
    operations.changes().changes_applied.disconnect(heard.append)


@pytest.fixture
def office(db: Database) -> uuid.UUID:
    """A team with me (李娜) and one company; the company's id."""
    team_id = team.save_team(db, team.TeamInput("测试工作队"))
    identity.set_me(db, team.save_member(db, team.MemberInput("李娜"), team_id=team_id))
    return orgs.save_org(db, orgs.OrgInput("深圳市华为技术有限公司")).id


def counted(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[int]:
    """Count the calls of `owner.name` (the function itself still runs)."""
    calls: list[int] = []
    real = getattr(owner, name)

    def wrapper(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, wrapper)
    return calls


def write_units(monkeypatch: pytest.MonkeyPatch, db: Database) -> list[int]:
    """Count the units of work that may write (the outermost `db.begin()`), committed or not."""
    units: list[int] = []
    real = db.begin

    @contextmanager
    def begin() -> Iterator[Session]:
        if db._active.get() is None:
            units.append(1)
        with real() as session:
            yield session

    monkeypatch.setattr(db, "begin", begin)
    return units


def visit_dialog(qtbot, db: Database, org: uuid.UUID) -> VisitDialog:
    dialog = VisitDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.org_picker.set_org(org, "深圳市华为技术有限公司")
    return dialog


# -- the visit dialog: one click, one service call -------------------------------------------


def test_one_save_click_runs_the_service_once(
    qtbot, db: Database, office: uuid.UUID, monkeypatch: pytest.MonkeyPatch, announced
) -> None:
    # The visit is saved by save_visit, called by the entry service (and by any trial of it).
    calls = counted(monkeypatch, visit_entry, "save_visit")
    units = write_units(monkeypatch, db)
    dialog = visit_dialog(qtbot, db, office)
    rows = history_count(db)
    dialog.save()
    assert not dialog.isVisible() and len(calls) == 1 and len(units) == 1
    assert history_count(db) > rows
    assert announced == [Changes.of(Kind.VISIT, Kind.PROJECT)]
    assert undo_stack().undoText() == "New visit to 深圳市华为技术有限公司"


def test_a_refusal_shows_beside_the_fields_and_changes_nothing(
    qtbot, db: Database, office: uuid.UUID, monkeypatch, warnings, announced
) -> None:
    calls = counted(monkeypatch, visit_entry, "save_visit")
    dialog = visit_dialog(qtbot, db, office)
    orgs.delete_org(db, office)  # someone else removed it meanwhile
    before, steps = db_digest(db), undo_stack().count()
    dialog.save()
    assert dialog.isVisible() and dialog.message.isVisible()
    assert dialog.message.text() == f"organization {office} does not exist or has been deleted"
    assert len(calls) == 1 and warnings == [] and announced == []
    assert db_digest(db) == before and undo_stack().count() == steps


@pytest.mark.parametrize("defect", [KeyError(SECRET), ValueError(SECRET), TypeError(SECRET)])
def test_a_defect_is_logged_and_told_in_general_terms(
    qtbot, db: Database, office: uuid.UUID, monkeypatch, caplog, warnings, announced, defect
) -> None:
    def broken(*_args: object, **_kwargs: object) -> object:
        raise defect

    monkeypatch.setattr(visit_entry, "save_visit", broken)
    dialog = visit_dialog(qtbot, db, office)
    before = db_digest(db)
    with caplog.at_level(logging.ERROR, logger="fieldlog.ui.operations"):
        dialog.save()
    assert dialog.isVisible() and dialog.message.text() == defect_sentence()
    assert SECRET not in dialog.message.text() and warnings == [] and announced == []
    [record] = [r for r in caplog.records if r.name == "fieldlog.ui.operations"]
    assert record.exc_info is not None and record.exc_info[1] is defect
    assert db_digest(db) == before


def test_without_a_failure_hook_a_defect_is_a_message_box(
    qtbot, db: Database, caplog, warnings, announced
) -> None:
    def broken() -> None:
        {}[SECRET]

    with caplog.at_level(logging.ERROR, logger="fieldlog.ui.operations"):
        outcome = Operation(None, broken, changes=Changes.of(Kind.ORG)).run()
    assert not outcome.ok and outcome.error == defect_sentence()
    assert warnings == [defect_sentence()] and announced == []
    assert any(r.exc_info for r in caplog.records)


@pytest.mark.parametrize(
    "refusal", [InvalidInput("name is required"), PackageError("name is required")]
)
def test_refusals_show_their_own_text_and_are_not_logged(
    qtbot, caplog, warnings, announced, refusal: Exception
) -> None:
    def refuse() -> None:
        raise refusal

    with caplog.at_level(logging.DEBUG, logger="fieldlog.ui.operations"):
        outcome = Operation(None, refuse, changes=Changes.of(Kind.ORG)).run()
    assert outcome.error == "name is required" and warnings == ["name is required"]
    assert announced == [] and caplog.records == []


# -- the hooks and the announcement ----------------------------------------------------------


def test_success_and_failure_hooks_and_the_typed_announcement(
    qtbot, db: Database, warnings, announced
) -> None:
    made, refused = [], []
    saved = (
        Operation(None, lambda: orgs.save_org(db, orgs.OrgInput("深圳市新来公司")).id, changes=ORG)
        .success(made.append)
        .failure(refused.append)
        .run()
    )
    assert saved.ok and made == [saved.value] and refused == []
    assert announced == [ORG] and announced[0].touches(Kind.ORG)
    assert not announced[0].touches(Kind.VISIT, Kind.TARGET)
    before = db_digest(db)
    empty = Operation(None, lambda: orgs.save_org(db, orgs.OrgInput("")), changes=ORG)
    assert not empty.success(made.append).failure(refused.append).run().ok
    assert len(made) == 1 and len(refused) == 1 and refused[0]
    assert warnings == [] and announced == [ORG] and db_digest(db) == before


def test_nothing_changed_is_not_announced(qtbot, announced) -> None:
    assert Operation(None, lambda: 7, changes=NOTHING).run().value == 7
    assert announced == []


def test_undo_and_redo_run_as_operations_of_the_same_kinds(
    qtbot, db: Database, office: uuid.UUID, announced
) -> None:
    me = identity.get_me(db)
    assert me is not None
    visit = visits.save_visit(db, visits.VisitInput(DAY, office, [me]))
    undo_stack().clear()
    delete = Operation(None, lambda: visits.delete_visit(db, visit), changes=VISIT)
    delete.undoable("Delete visit", lambda: visits.restore_visit(db, visit)).run()
    undo_stack().undo()
    assert visit_entry.load_visit(db, visit).data.org_id == office
    undo_stack().redo()
    assert announced == [VISIT, VISIT, VISIT]
    assert undo_stack().undoText() == "Delete visit" and undo_stack().index() == 1


def test_setting_up_the_team_and_the_passphrase_announce_their_kinds(
    qtbot, db: Database, announced, warnings
) -> None:
    from fieldlog.services.exchange import sync
    from fieldlog.ui.dialogs.passphrase_dialog import PassphraseDialog
    from fieldlog.ui.dialogs.team_setup_dialog import TeamSetupDialog

    setup = TeamSetupDialog(db)
    qtbot.addWidget(setup)
    setup.create()  # no name: refused inline, nothing announced
    assert setup.message.text() == "team name is required" and announced == []
    setup.team_name.setText("测试工作队")
    setup.create()
    assert team.current_team(db) is not None
    assert announced == [Changes.of(Kind.TEAM, Kind.CATALOG)]
    passphrase = PassphraseDialog(db)
    qtbot.addWidget(passphrase)
    passphrase.first.setText("team 2020 Shenzhen")
    passphrase.second.setText("team 2020 Shenzhen")
    passphrase.save()
    assert sync.has_passphrase(db) and warnings == []
    assert announced[1:] == [Changes.of(Kind.SYNC)]


def test_a_long_task_announces_what_it_was_given(qtbot, announced) -> None:
    from fieldlog.ui import tasks

    assert tasks.run_task(None, "Working…", lambda: 7).value == 7  # an export changes nothing
    assert announced == []
    made = Changes.of(Kind.VISIT, Kind.ORG)
    assert tasks.run_task(None, "Working…", lambda: 8, changes=made).ok
    assert announced == [made]


ORG, VISIT = Changes.of(Kind.ORG), Changes.of(Kind.VISIT)


def test_a_disk_failure_is_its_sentence_given_to_the_hook_and_not_logged(
    qtbot, caplog, warnings, announced
) -> None:
    def full() -> None:
        raise OSError(28, "No space left on device")

    told: list[str] = []
    with caplog.at_level(logging.DEBUG, logger="fieldlog.ui.operations"):
        outcome = Operation(None, full, changes=ORG).failure(told.append).run()
    assert not outcome.ok and told == [outcome.error]
    assert told[0].startswith("The disk is full: nothing was changed.")
    assert warnings == [] and announced == [] and caplog.records == []
