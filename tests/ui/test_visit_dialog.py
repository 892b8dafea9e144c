"""The visit dialog driven by keys alone: a visit logged, checked inline, edited and undone,
kept as a draft across a close or a crash, and a lead opened from it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from fieldlog.domain.period import Period
from fieldlog.services.orgs import orgs
from fieldlog.services.reports import stats
from fieldlog.services.team import identity, team
from fieldlog.services.visits import visit_entry, visits
from fieldlog.store.database import Database
from fieldlog.store.models import Project
from fieldlog.store.repositories import draft_rows
from fieldlog.ui.dialogs.visit_dialog import VisitDialog, open_visit_dialog
from fieldlog.ui.undo import undo_stack

from ..records import fetch
from .test_org_picker import type_chinese


@dataclass
class Office:
    """Ids of a small team: me (李娜) and 王强 in one group, 张伟 in another; one company."""

    me: uuid.UUID
    wang: uuid.UUID
    zhang: uuid.UUID
    org: uuid.UUID
    manager: uuid.UUID


@pytest.fixture
def office(db: Database) -> Office:
    team_id = team.save_team(db, team.TeamInput("测试工作队"))
    logistics = team.save_group(db, "物流组", team_id=team_id)
    plating = team.save_group(db, "电镀组", team_id=team_id)
    me, wang, zhang = (
        team.save_member(db, team.MemberInput(name, group_id=group), team_id=team_id)
        for name, group in (("李娜", logistics), ("王强", logistics), ("张伟", plating))
    )
    identity.set_me(db, me)
    org = orgs.save_org(db, orgs.OrgInput("深圳市华为技术有限公司")).id
    manager = orgs.save_contact(db, org, orgs.ContactInput("王经理", title="总经理"))
    return Office(me, wang, zhang, org, manager)


@pytest.fixture(autouse=True)
def no_modal_warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    return shown


def open_dialog(qtbot, db: Database, visit_id: uuid.UUID | None = None) -> VisitDialog:
    dialog = VisitDialog(db, visit_id=visit_id)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def stored_draft(db: Database, key: str = "visit-new") -> dict | None:
    """The draft the database file holds under `key` (not what a process keeps in memory)."""
    with db.read() as session:
        found = draft_rows.draft_fields(session, key)
    return None if found is None else found[0]


def tab(qtbot, count: int = 1) -> QWidget:
    for _ in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def save_by_keys(qtbot) -> None:
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )


def close_with(qtbot, dialog: VisitDialog, button: str) -> None:
    """Answer the question Esc asks on an entry not saved: discard, keep a draft, or go on."""
    box = dialog.close_box
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.findChild(QPushButton, button), Qt.MouseButton.LeftButton)


def test_a_visit_entered_by_keys_alone(qtbot, db: Database, office: Office) -> None:
    dialog = open_dialog(qtbot, db)
    form = dialog.form
    assert dialog.objectName() == "visitDialog"
    assert QApplication.focusWidget() is form.org_picker.edit
    type_chinese(form.org_picker.edit, "华为")
    qtbot.keyClick(form.org_picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(form.org_picker.edit, Qt.Key.Key_Return)
    assert form.org_picker.org_id() == office.org
    assert tab(qtbot) is form.visitors and form.visitors.checked_ids() == [office.me]
    qtbot.keyClick(form.visitors, Qt.Key.Key_Down)
    qtbot.keyClick(form.visitors, Qt.Key.Key_Space)  # 王强, my group's other member
    # The English window names the shipped kind in English; the visit keeps its catalog name.
    assert tab(qtbot) is form.kind_combo and form.kind_combo.currentText() == "On-site visit"
    assert form.kind_combo.currentData() == "上门走访"
    # Today as the dialog saw it (read once: the suite may cross midnight).
    assert tab(qtbot) is form.date_edit and (day := form.date_edit.day()) == date.today()
    assert tab(qtbot) is form.contacts.picker
    qtbot.keyClick(form.contacts.picker, Qt.Key.Key_Space)
    assert tab(qtbot, 4) is form.summary
    qtbot.keyClicks(form.summary, "Talked about a new warehouse.")
    assert tab(qtbot) is form.intent_combo  # Tab left the summary instead of typing a tab
    qtbot.keyClick(form.intent_combo, Qt.Key.Key_Down)
    assert tab(qtbot) is form.follow_up_check
    qtbot.keyClick(form.follow_up_check, Qt.Key.Key_Space)
    save_by_keys(qtbot)
    assert not dialog.isVisible() and dialog.result() == 1

    found = visits_of(db, office.org)
    assert len(found) == 1
    saved = visit_entry.load_visit(db, found[0]).data
    assert set(saved.visitor_ids) == {office.me, office.wang}
    assert saved.contact_ids == [office.manager]
    assert (saved.summary, saved.intent, saved.kind) == (
        "Talked about a new warehouse.",
        "strong",
        "上门走访",
    )
    assert (saved.visited_on, saved.next_follow_up) == (day, day + timedelta(days=7))
    assert stats.compute(db, Period(day, day)).visits == 1


def visits_of(db: Database, org: uuid.UUID) -> list[uuid.UUID]:
    """The visit log's rows for an organization (through the log service when it exists)."""
    log = pytest.importorskip("fieldlog.services.visits.visit_log")
    rows = log.visit_page(db, log.VisitFilter(text="华为"))
    return [row.id for row in rows if row.org_id == org]


def test_the_tab_order_follows_the_form(qtbot, db: Database, office: Office) -> None:
    dialog = open_dialog(qtbot, db)
    form = dialog.form
    form.org_picker.set_org(office.org, "深圳市华为技术有限公司")
    form.lead_check.setChecked(True)  # the project list gives way to the new lead's name
    form.org_picker.edit.setFocus()
    expected = [
        form.visitors,
        form.kind_combo,
        form.date_edit,
        form.contacts.picker,
        form.contacts.name_edit,
        form.contacts.title_edit,
        form.contacts.add_button,
        form.summary,
        form.intent_combo,
        form.follow_up_check,
        form.lead_check,
        form.lead_name,
        dialog.save_button,
        dialog.cancel_button,
    ]
    assert [tab(qtbot) for _ in expected] == expected


def test_mistakes_are_shown_next_to_their_fields(
    qtbot, db: Database, office: Office, no_modal_warnings: list[str]
) -> None:
    dialog = open_dialog(qtbot, db)
    form = dialog.form
    save_by_keys(qtbot)
    assert dialog.isVisible()
    assert form.org_error.isVisible() and form.org_error.text() == "Which organization was visited?"
    type_chinese(form.org_picker.edit, "华为")
    qtbot.keyClick(form.org_picker.edit, Qt.Key.Key_Return)
    assert not form.org_error.isVisible()
    form.visitors.set_checked([])
    form.follow_up_check.setChecked(True)
    form.follow_up_date.set_day(date.today() - timedelta(days=1))
    dialog.save_button.setFocus()
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert form.visitors_error.text() == "Check at least one visitor."
    assert form.follow_up_error.text() == "The next follow-up cannot be before the visit."
    assert QApplication.focusWidget() is form.visitors
    assert no_modal_warnings == [] and stats.compute(db, Period.all_time()).visits == 0


def test_a_service_refusal_shows_in_the_dialog(
    qtbot, db: Database, office: Office, no_modal_warnings: list[str]
) -> None:
    dialog = open_dialog(qtbot, db)
    dialog.form.org_picker.set_org(office.org, "深圳市华为技术有限公司")
    orgs.delete_org(db, office.org)  # someone else removed it meanwhile
    dialog.save()
    assert dialog.isVisible() and dialog.message.isVisible()
    assert "has been deleted" in dialog.message.text()
    assert no_modal_warnings == []


def test_edit_a_visit_then_undo_the_edit(qtbot, db: Database, office: Office) -> None:
    day = date(2020, 4, 1)
    before = visits.VisitInput(day, office.org, [office.me], summary="旧的记录", intent="weak")
    visit = visits.save_visit(db, before)
    dialog = open_dialog(qtbot, db, visit)
    form = dialog.form
    assert form.org_picker.org_name() == "深圳市华为技术有限公司"
    assert (form.date_edit.day(), form.intent_combo.currentData()) == (day, "weak")
    assert form.summary.toPlainText() == "旧的记录"
    form.summary.clear()
    qtbot.keyClicks(form.summary, "Second meeting")
    form.visitors.set_checked([office.me, office.zhang])
    save_by_keys(qtbot)
    assert not dialog.isVisible()
    edited = visit_entry.load_visit(db, visit).data
    assert edited.summary == "Second meeting"
    assert set(edited.visitor_ids) == {office.me, office.zhang}
    assert undo_stack().undoText() == "Edit of the visit to 深圳市华为技术有限公司"
    undo_stack().undo()
    assert visit_entry.load_visit(db, visit).data == before
    undo_stack().redo()
    assert visit_entry.load_visit(db, visit).data.summary == "Second meeting"


def test_undo_of_a_new_visit_deletes_it(qtbot, db: Database, office: Office) -> None:
    dialog = open_dialog(qtbot, db)
    dialog.form.org_picker.set_org(office.org, "深圳市华为技术有限公司")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    assert stats.compute(db, Period.all_time()).visits == 1
    undo_stack().undo()
    assert stats.compute(db, Period.all_time()).visits == 0
    undo_stack().redo()
    assert visit_entry.load_visit(db, saved.args[0]).data.org_id == office.org


def test_a_draft_survives_closing_and_a_crash(qtbot, db: Database, office: Office) -> None:
    dialog = open_dialog(qtbot, db)
    assert stored_draft(db) is None
    type_chinese(dialog.form.org_picker.edit, "华为")
    qtbot.keyClick(dialog.form.org_picker.edit, Qt.Key.Key_Return)
    dialog.form.summary.setFocus()
    qtbot.keyClicks(dialog.form.summary, "half a note")
    # A crash now loses nothing: the draft is in the database once the typing pauses.
    qtbot.waitUntil(lambda: stored_draft(db) is not None, timeout=3000)
    assert stored_draft(db)["summary"] == "half a note"
    qtbot.keyClicks(dialog.form.summary, ", and more")
    qtbot.keyClick(dialog.form.summary, Qt.Key.Key_Escape)  # asks: discard or keep a draft
    assert dialog.isVisible()
    close_with(qtbot, dialog, "keepDraftButton")
    assert not dialog.isVisible()
    assert stored_draft(db)["summary"] == "half a note, and more"

    again = open_dialog(qtbot, db)
    assert again.draft_note.isVisible() and "Draft restored" in again.draft_note.text()
    assert again.form.summary.toPlainText() == "half a note, and more"
    assert again.form.org_picker.org_id() == office.org
    assert again.form.visitors.checked_ids() == [office.me]
    again.save()
    assert stored_draft(db) is None
    assert not open_dialog(qtbot, db).draft_note.isVisible()


def test_discarding_a_restored_draft(qtbot, db: Database, office: Office) -> None:
    dialog = open_dialog(qtbot, db)
    dialog.form.summary.setPlainText("draft to throw away")
    dialog.reject()
    close_with(qtbot, dialog, "keepDraftButton")
    again = open_dialog(qtbot, db)
    assert again.form.summary.toPlainText() == "draft to throw away"
    again.draft_note.linkActivated.emit("discard")
    assert not again.draft_note.isVisible() and stored_draft(db) is None
    assert again.form.summary.toPlainText() == ""
    assert again.form.visitors.checked_ids() == [office.me]


def test_esc_then_discard_deletes_the_draft(qtbot, db: Database, office: Office) -> None:
    dialog = open_dialog(qtbot, db)
    dialog.form.summary.setFocus()
    qtbot.keyClicks(dialog.form.summary, "not worth keeping")
    qtbot.waitUntil(lambda: stored_draft(db) is not None, timeout=3000)
    qtbot.keyClick(dialog.form.summary, Qt.Key.Key_Escape)
    close_with(qtbot, dialog, "continueButton")  # back to the form, nothing lost
    assert dialog.isVisible() and stored_draft(db) is not None
    qtbot.keyClick(dialog.form.summary, Qt.Key.Key_Escape)
    close_with(qtbot, dialog, "discardButton")
    assert not dialog.isVisible() and stored_draft(db) is None
    assert not open_dialog(qtbot, db).draft_note.isVisible()


def test_esc_on_an_untouched_visit_closes_at_once_and_writes_nothing(
    qtbot, db: Database, office: Office
) -> None:
    visit = visits.save_visit(db, visits.VisitInput(date(2020, 4, 1), office.org, [office.me]))
    dialog = open_dialog(qtbot, db, visit)
    qtbot.keyClick(dialog.form.summary, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.close_box is None
    assert stored_draft(db, dialog.drafts.key) is None


def test_open_a_lead_from_the_visit(qtbot, db: Database, office: Office) -> None:
    dialog = open_dialog(qtbot, db)
    form = dialog.form
    form.org_picker.set_org(office.org, "深圳市华为技术有限公司")
    form.date_edit.set_day(date(2020, 4, 2))
    form.lead_check.setFocus()
    qtbot.keyClick(form.lead_check, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is form.lead_name and not form.project_combo.isEnabled()
    save_by_keys(qtbot)
    assert form.lead_error.text() == "Name the new lead (the project)."
    qtbot.keyClicks(form.lead_name, "Smart terminal plant")
    qtbot.keyClick(form.lead_name, Qt.Key.Key_Return)  # Enter in a field saves nothing
    assert dialog.isVisible() and stats.compute(db, Period.all_time()).visits == 0
    assert tab(qtbot) is dialog.save_button
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    visit = visit_entry.load_visit(db, saved.args[0])
    assert visit.project_name == "Smart terminal plant"
    assert visit.data.project_id is not None
    assert fetch(db, Project, visit.data.project_id).investor_id == office.org
    assert stats.compute(db, Period(date(2020, 4, 2), date(2020, 4, 2))).leads_new == 1
    # The next visit to the organization can link to that project.
    later = open_dialog(qtbot, db)
    later.form.org_picker.set_org(office.org, "深圳市华为技术有限公司")
    assert later.form.project_combo.itemText(1) == "Smart terminal plant"


def test_add_a_contact_met_inline(qtbot, db: Database, office: Office) -> None:
    dialog = open_dialog(qtbot, db)
    contacts = dialog.form.contacts
    assert not contacts.name_edit.isEnabled()  # no organization yet
    dialog.form.org_picker.set_org(office.org, "深圳市华为技术有限公司")
    contacts.name_edit.setFocus()
    qtbot.keyClick(contacts.name_edit, Qt.Key.Key_Return)
    assert contacts.error.text() == "Enter the contact's name."
    type_chinese(contacts.name_edit, "刘总")
    type_chinese(contacts.title_edit, "副总裁")
    qtbot.keyClick(contacts.title_edit, Qt.Key.Key_Return)
    names = [c.name for c in visit_entry.contacts_of(db, office.org)]
    assert sorted(names) == sorted(["王经理", "刘总"])
    added = next(c.id for c in visit_entry.contacts_of(db, office.org) if c.name == "刘总")
    assert contacts.checked_ids() == [added] and contacts.name_edit.text() == ""


def test_an_organization_created_inline_is_picked(qtbot, db: Database, office: Office) -> None:
    dialog = open_dialog(qtbot, db)
    picker = dialog.form.org_picker
    type_chinese(picker.edit, "深圳市新创科技有限公司")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)  # nothing matches: the create form opens
    assert QApplication.focusWidget() is picker.create_form.name_edit
    qtbot.keyClick(picker.create_form.name_edit, Qt.Key.Key_Return)
    assert picker.org_name() == "深圳市新创科技有限公司"
    assert QApplication.focusWidget() is dialog.form.visitors and dialog.isVisible()
    assert dialog.form.contacts.name_edit.isEnabled()


def test_open_visit_dialog_does_not_block(qtbot, db: Database, office: Office) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = open_visit_dialog(db, parent)
    assert dialog.isVisible() and dialog.parent() is parent
    with qtbot.waitSignal(dialog.destroyed):
        dialog.reject()


# --- attachments -----------------------------------------------------------------------------


def test_ctrl_shift_a_attaches_files_by_keys_alone(
    qtbot, db: Database, office: Office, tmp_path, monkeypatch
) -> None:
    from fieldlog.services.attachments import attachments

    from .test_attachment_strip import jpeg, pdf, pick

    visit = visits.save_visit(db, visits.VisitInput(date(2020, 4, 1), office.org, [office.me]))
    dialog = open_dialog(qtbot, db, visit)
    photos = [jpeg(tmp_path / f"{n}.jpg", colour) for n, colour in enumerate(("red", "blue"))]
    calls = pick(monkeypatch, [*photos, pdf(tmp_path / "协议.pdf")])
    dialog.form.summary.setFocus()
    qtbot.keyClick(
        dialog.form.summary,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(calls) == 1 and calls[0][0] is dialog.attachments
    owner = attachments.Owner("visit", visit)
    assert [row.name for row in attachments.attachments_of(db, owner)] == [
        "0.jpg",
        "1.jpg",
        "协议.pdf",
    ]
    assert QApplication.focusWidget() is dialog.attachments.list
    # The visit itself is untouched: Esc closes at once, asking nothing.
    qtbot.keyClick(dialog.attachments.list, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.close_box is None


def test_ctrl_shift_a_is_no_other_shortcut(qtbot, db: Database, office: Office) -> None:
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    from fieldlog.ui.dialogs.visit_dialog import ATTACH_KEYS, CARD_KEYS
    from fieldlog.ui.main_window import MainWindow

    dialog = open_dialog(qtbot, db)
    window = MainWindow(db)
    qtbot.addWidget(window)
    for keys in (ATTACH_KEYS, CARD_KEYS):
        key = QKeySequence(keys)
        assert [s.key() for s in dialog.findChildren(QShortcut)].count(key) == 1
        assert all(key not in action.shortcuts() for action in window.findChildren(QAction))


def test_the_tab_order_reaches_the_attachments(qtbot, db: Database, office: Office) -> None:
    dialog = open_dialog(qtbot, db)
    dialog.cancel_button.setFocus()
    strip = dialog.attachments
    assert [tab(qtbot) for _ in range(2)] == [strip.list, strip.add_button]


def test_files_chosen_for_a_new_visit_are_attached_by_its_save(
    qtbot, db: Database, office: Office, tmp_path, monkeypatch, no_modal_warnings: list[str]
) -> None:
    from fieldlog.services.attachments import attachments

    from ..field_dump import db_digest
    from .test_attachment_strip import jpeg, pdf, pick

    dialog = open_dialog(qtbot, db)
    strip = dialog.attachments
    assert strip.hint.text() == "Files added now are attached when the visit is saved."
    files = [jpeg(tmp_path / f"照片{n}.jpg", c) for n, c in enumerate(("red", "green", "blue"))]
    files.append(pdf(tmp_path / "名片.pdf"))
    before = db_digest(db)
    broken = tmp_path / "坏的.jpg"
    broken.write_bytes(files[0].read_bytes()[:200])
    pick(monkeypatch, [broken])
    dialog.attach_files()
    assert strip.message.text().startswith("坏的.jpg looks like a JPEG photo but cannot be read")
    pick(monkeypatch, files)
    dialog.attach_files()
    assert strip.list.count() == 4 and not strip.message.isVisible()
    assert db_digest(db) == before  # nothing is written before the visit is
    dialog.form.org_picker.set_org(office.org, "深圳市华为技术有限公司")
    with qtbot.waitSignal(dialog.saved) as saved:
        save_by_keys(qtbot)
    owner = attachments.Owner("visit", saved.args[0])
    kept = [
        (r.name, attachments.file_of(db, r.id)[1]) for r in attachments.attachments_of(db, owner)
    ]
    assert kept == [(p.name, p.read_bytes()) for p in files]
    assert undo_stack().count() == 1  # the visit and its files are one step
    undo_stack().undo()
    assert stats.compute(db, Period.all_time()).visits == 0
    undo_stack().redo()
    assert len(attachments.attachments_of(db, owner)) == 4
    assert no_modal_warnings == []


def test_esc_asks_before_dropping_files_chosen_for_a_new_visit(
    qtbot, db: Database, office: Office, tmp_path, monkeypatch
) -> None:
    from .test_attachment_strip import jpeg, pick

    dialog = open_dialog(qtbot, db)
    pick(monkeypatch, [jpeg(tmp_path / "a.jpg", "red")])
    dialog.attach_files()
    qtbot.keyClick(dialog.attachments.list, Qt.Key.Key_Escape)
    close_with(qtbot, dialog, "discardButton")
    assert not dialog.isVisible() and stats.compute(db, Period.all_time()).visits == 0


def test_a_pending_file_is_taken_out_with_delete(
    qtbot, db: Database, office: Office, tmp_path, monkeypatch
) -> None:
    from fieldlog.services.attachments import attachments

    from .test_attachment_strip import jpeg, pick

    dialog = open_dialog(qtbot, db)
    strip = dialog.attachments
    pick(monkeypatch, [jpeg(tmp_path / "a.jpg", "red"), jpeg(tmp_path / "b.jpg", "blue")])
    dialog.attach_files()
    strip.list.setCurrentRow(0)
    qtbot.keyClick(strip.list, Qt.Key.Key_Delete)
    assert [f.name for f in strip.pending_files()] == ["b.jpg"]
    dialog.form.org_picker.set_org(office.org, "深圳市华为技术有限公司")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    owner = attachments.Owner("visit", saved.args[0])
    assert [r.name for r in attachments.attachments_of(db, owner)] == ["b.jpg"]
