"""Two users of one database (a server, or one file shared by two windows and a command line)
editing the same record through the edit forms' services: an edit writes only what its user
changed, so a field someone else changed meanwhile stays theirs; where both changed the same
field, the later save wins and the value it replaced is in the conflict log, ready to restore.

Each user is an `open_workspace` handle of its own on the same location (`any_location`: a
SQLite file, then a server database). A user "loads the form" by reading what the dialog reads
(`org_form`, `load_visit`, `project_form`), and saves the way the dialog does.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

import pytest

from fieldlog.domain.stages import Stage
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange import sync_review
from fieldlog.services.orgs import org_directory, orgs
from fieldlog.services.orgs.org_edits import ContactEdit, OrgEdit
from fieldlog.services.projects import project_edits, projects
from fieldlog.services.visits.visit_entry import EntryChange, load_visit
from fieldlog.services.visits.visits import VisitInput, save_visit
from fieldlog.store.database import Database
from fieldlog.store.models import Contact, FundsTranche, Organization, Project, Visit
from tests.conftest import reopen
from tests.field_dump import field_diff, field_dump, history_count
from tests.records import fetch
from tests.services.conftest import Small, make_small


def _open(location: str) -> Database:
    return open_workspace(location) if "://" in location else reopen(location)


@dataclass
class Users:
    """Two users of one database and the small team in it."""

    first: Database
    second: Database
    small: Small


@pytest.fixture
def users(any_location: str) -> Iterator[Users]:
    first = _open(any_location)
    small = make_small(first)
    second = _open(any_location)
    try:
        yield Users(first, second, small)
    finally:
        second.close()
        first.close()


def _org_form(db: Database, org_id):  # type: ignore[no-untyped-def]
    saved = org_directory.org_form(db, org_id)
    assert saved is not None
    return saved[0]


def _org_save(db: Database, org_id, before, **changes) -> OrgEdit:  # type: ignore[no-untyped-def]
    edit = OrgEdit(replace(before, **changes), before, org_id)
    edit.apply(db)
    return edit


# -- organizations --------------------------------------------------------------------------


def test_org_edits_of_different_fields_both_stay(users: Users) -> None:
    org_id = users.small.org
    mine = _org_form(users.first, org_id)  # the first user opens the form
    _org_save(users.second, org_id, _org_form(users.second, org_id), phone="0755-86001234")
    _org_save(users.first, org_id, mine, address="深圳市南山区科技园")
    org = fetch(users.first, Organization, org_id)
    assert (org.phone, org.address) == ("0755-86001234", "深圳市南山区科技园")
    assert sync_review.conflicts(users.first) == []


def test_org_edits_of_one_field_the_later_wins_and_the_loser_is_logged(users: Users) -> None:
    org_id = users.small.org
    mine = _org_form(users.first, org_id)
    _org_save(users.second, org_id, _org_form(users.second, org_id), phone="0755-86001234")
    _org_save(users.first, org_id, mine, phone="0755-26009999")
    assert fetch(users.second, Organization, org_id).phone == "0755-26009999"
    [conflict] = sync_review.conflicts(users.second)
    assert (conflict.table, conflict.row_id, conflict.field) == ("organization", org_id, "phone")
    assert (conflict.winner_value, conflict.loser_value) == ("0755-26009999", "0755-86001234")
    assert conflict.loser_at <= conflict.winner_at
    assert conflict.package_id is None  # met here, not in a package

    sync_review.restore_losing_value(users.second, conflict.id)  # the leader's one click
    assert fetch(users.first, Organization, org_id).phone == "0755-86001234"


def test_an_org_form_saved_unchanged_writes_nothing(users: Users) -> None:
    org_id = users.small.org
    mine = _org_form(users.first, org_id)
    _org_save(users.second, org_id, _org_form(users.second, org_id), phone="0755-86001234")
    before, dump, changes = digest(users.first), field_dump(users.first), history_count(users.first)
    _org_save(users.first, org_id, mine)  # nothing changed in the form: nothing to write
    assert digest(users.first) == before
    assert field_diff(dump, field_dump(users.first)) == {}
    assert history_count(users.first) == changes


def test_undo_of_an_org_edit_takes_back_only_its_own_fields(users: Users) -> None:
    org_id = users.small.org
    mine = _org_form(users.first, org_id)
    edit = _org_save(users.first, org_id, mine, address="深圳市南山区科技园")
    _org_save(users.second, org_id, _org_form(users.second, org_id), phone="0755-86001234")
    edit.revert(users.first)
    org = fetch(users.first, Organization, org_id)
    assert (org.phone, org.address) == ("0755-86001234", "")
    edit.apply(users.first)  # redo
    org = fetch(users.first, Organization, org_id)
    assert (org.phone, org.address) == ("0755-86001234", "深圳市南山区科技园")


def test_undo_of_text_typed_with_spaces_logs_no_conflict(users: Users) -> None:
    # The form holds what was typed; the database what was stored (spaces off, phone
    # normalised): undoing one's own edit is no other user's change.
    org_id = users.small.org
    mine = _org_form(users.first, org_id)
    edit = _org_save(
        users.first, org_id, mine, address="  深圳市南山区科技园  ", phone=" 0755 8600 1234 "
    )
    edit.revert(users.first)
    assert sync_review.conflicts(users.first) == []
    org = fetch(users.first, Organization, org_id)
    assert (org.address, org.phone) == (mine.address, mine.phone)


def test_org_tags_added_by_two_users_are_both_kept(users: Users) -> None:
    org_id = users.small.org
    mine = _org_form(users.first, org_id)
    _org_save(users.second, org_id, _org_form(users.second, org_id), tags=["上市公司"])
    _org_save(users.first, org_id, mine, tags=["专精特新"])
    assert sorted(_org_form(users.first, org_id).tags) == ["上市公司", "专精特新"]


# -- visits -----------------------------------------------------------------------------------


def _visit(users: Users) -> Visit:
    small = users.small
    data = VisitInput(date(2020, 3, 25), small.org, [small.alice], summary="初次拜访")
    return fetch(users.first, Visit, save_visit(users.first, data))


def _visit_save(db: Database, visit_id, before, **changes) -> EntryChange:  # type: ignore[no-untyped-def]
    change = EntryChange(db, replace(before, **changes), visit_id=visit_id, previous=before)
    change.do()
    return change


def test_visit_edits_of_different_fields_both_stay(users: Users) -> None:
    visit_id = _visit(users).id
    mine = load_visit(users.first, visit_id).data
    theirs = load_visit(users.second, visit_id).data
    _visit_save(users.second, visit_id, theirs, next_follow_up=date(2020, 4, 1))
    _visit_save(users.first, visit_id, mine, summary="初次拜访，谈物流园区", intent="强")
    visit = fetch(users.first, Visit, visit_id)
    assert (visit.next_follow_up, visit.summary, visit.intent) == (
        date(2020, 4, 1),
        "初次拜访，谈物流园区",
        "strong",
    )
    assert sync_review.conflicts(users.first) == []


def test_visit_visitors_added_by_two_users_are_both_kept(users: Users) -> None:
    visit_id, small = _visit(users).id, users.small
    mine = load_visit(users.first, visit_id).data
    theirs = load_visit(users.second, visit_id).data
    _visit_save(users.second, visit_id, theirs, visitor_ids=[small.alice, small.bob])
    _visit_save(users.first, visit_id, mine, summary="再谈")
    assert set(load_visit(users.first, visit_id).data.visitor_ids) == {small.alice, small.bob}


def test_visit_edits_of_one_field_the_later_wins_and_the_loser_is_logged(users: Users) -> None:
    visit_id = _visit(users).id
    mine = load_visit(users.first, visit_id).data
    theirs = load_visit(users.second, visit_id).data
    _visit_save(users.second, visit_id, theirs, summary="他们的纪要")
    _visit_save(users.first, visit_id, mine, summary="我的纪要")
    assert fetch(users.second, Visit, visit_id).summary == "我的纪要"
    [conflict] = sync_review.conflicts(users.second)
    assert (conflict.table, conflict.field) == ("visit", "summary")
    assert (conflict.winner_value, conflict.loser_value) == ("我的纪要", "他们的纪要")


def test_a_visit_form_saved_unchanged_writes_nothing(users: Users) -> None:
    visit_id = _visit(users).id
    mine = load_visit(users.first, visit_id).data
    _visit_save(
        users.second, visit_id, load_visit(users.second, visit_id).data, summary="他们的纪要"
    )
    before, changes = digest(users.first), history_count(users.first)
    _visit_save(users.first, visit_id, mine)
    assert digest(users.first) == before
    assert history_count(users.first) == changes


def test_undo_of_a_visit_edit_takes_back_only_its_own_fields(users: Users) -> None:
    visit_id = _visit(users).id
    change = _visit_save(users.first, visit_id, load_visit(users.first, visit_id).data, intent="中")
    theirs = load_visit(users.second, visit_id).data
    _visit_save(users.second, visit_id, theirs, summary="他们的纪要")
    change.undo()
    visit = fetch(users.first, Visit, visit_id)
    assert (visit.intent, visit.summary) == ("", "他们的纪要")


# -- projects ---------------------------------------------------------------------------------


def _project(users: Users) -> Project:
    small = users.small
    data = projects.ProjectInput("物流园区项目", investor_id=small.org, owner_id=small.alice)
    project_id = projects.open_project(users.first, data, on=date(2020, 3, 25))
    return fetch(users.first, Project, project_id)


def _project_save(db: Database, project_id, before, **changes) -> projects.ProjectInput:  # type: ignore[no-untyped-def]
    after = replace(before, **changes)
    project_edits.edit_project(db, project_id, after, before)
    return after


def test_project_edits_of_different_fields_both_stay(users: Users) -> None:
    project_id = _project(users).id
    mine = project_edits.project_form(users.first, project_id)
    theirs = project_edits.project_form(users.second, project_id)
    _project_save(users.second, project_id, theirs, problems="用地指标待落实")
    _project_save(users.first, project_id, mine, planned_yuan=500_000_000, progress="已考察")
    project = fetch(users.first, Project, project_id)
    assert (project.problems, project.planned_yuan, project.progress) == (
        "用地指标待落实",
        500_000_000,
        "已考察",
    )
    assert sync_review.conflicts(users.first) == []


def test_project_edits_of_one_field_the_later_wins_and_the_loser_is_logged(users: Users) -> None:
    project_id = _project(users).id
    mine = project_edits.project_form(users.first, project_id)
    theirs = project_edits.project_form(users.second, project_id)
    _project_save(users.second, project_id, theirs, planned_yuan=300_000_000)
    _project_save(users.first, project_id, mine, planned_yuan=500_000_000)
    assert fetch(users.second, Project, project_id).planned_yuan == 500_000_000
    [conflict] = sync_review.conflicts(users.second)
    assert (conflict.table, conflict.field) == ("project", "planned_yuan")
    assert (conflict.winner_value, conflict.loser_value) == (500_000_000, 300_000_000)
    sync_review.restore_losing_value(users.first, conflict.id)
    assert fetch(users.second, Project, project_id).planned_yuan == 300_000_000


def test_a_project_form_saved_unchanged_writes_nothing(users: Users) -> None:
    project_id = _project(users).id
    mine = project_edits.project_form(users.first, project_id)
    _project_save(
        users.second,
        project_id,
        project_edits.project_form(users.second, project_id),
        progress="在谈",
    )
    before, changes = digest(users.first), history_count(users.first)
    _project_save(users.first, project_id, mine)
    assert digest(users.first) == before
    assert history_count(users.first) == changes


def test_undo_of_a_project_edit_takes_back_only_its_own_fields(users: Users) -> None:
    project_id = _project(users).id
    mine = project_edits.project_form(users.first, project_id)
    after = _project_save(users.first, project_id, mine, progress="已考察")
    theirs = project_edits.project_form(users.second, project_id)
    _project_save(users.second, project_id, theirs, problems="用地指标待落实")
    project_edits.edit_project(users.first, project_id, mine, after)  # the undo step
    project = fetch(users.first, Project, project_id)
    assert (project.progress, project.problems) == ("", "用地指标待落实")


def _tranche(users: Users) -> tuple[object, projects.TrancheInput]:
    project_id = _project(users).id
    signing = projects.Signing(date(2020, 4, 10), 300_000_000, "正式合同")
    projects.move_stage(
        users.first, project_id, Stage.SIGNED, on=date(2020, 4, 10), signing=signing
    )
    tranche_id = projects.add_tranche(
        users.first, project_id, received_on=date(2020, 4, 15), amount_yuan=50_000_000
    )
    return tranche_id, projects.TrancheInput(date(2020, 4, 15), 50_000_000)


def test_funds_edits_of_different_fields_both_stay(users: Users) -> None:
    tranche_id, loaded = _tranche(users)
    theirs = replace(loaded, evidence="银行回单 0415")
    project_edits.edit_funds(users.second, tranche_id, theirs, loaded)
    project_edits.edit_funds(
        users.first, tranche_id, replace(loaded, amount_yuan=60_000_000), loaded
    )
    tranche = fetch(users.first, FundsTranche, tranche_id)
    assert (tranche.evidence, tranche.amount_yuan) == ("银行回单 0415", 60_000_000)
    assert sync_review.conflicts(users.first) == []


def test_funds_edits_of_one_field_the_later_wins_and_the_loser_is_logged(users: Users) -> None:
    tranche_id, loaded = _tranche(users)
    project_edits.edit_funds(users.second, tranche_id, replace(loaded, note_text="第一笔"), loaded)
    project_edits.edit_funds(users.first, tranche_id, replace(loaded, note_text="首笔到位"), loaded)
    [conflict] = sync_review.conflicts(users.first)
    assert (conflict.table, conflict.field) == ("funds_tranche", "note")
    assert (conflict.winner_value, conflict.loser_value) == ("首笔到位", "第一笔")
    before = digest(users.first)
    project_edits.edit_funds(users.first, tranche_id, loaded, loaded)  # saved unchanged
    assert digest(users.first) == before


def test_two_forms_saved_at_the_same_moment_keep_both_changes(users: Users) -> None:
    # Both users load the form, then both press Save at once, each from a thread (a window) of
    # its own: the saves queue on the database's write lock, and each merges over the other.
    org_id, ready = users.small.org, threading.Barrier(2, timeout=30)
    errors: list[BaseException] = []

    def user(db: Database, **change: str) -> None:
        try:
            loaded = _org_form(db, org_id)
            ready.wait()
            _org_save(db, org_id, loaded, **change)
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [
        threading.Thread(target=user, args=(users.first,), kwargs={"phone": "0755-86001234"}),
        threading.Thread(target=user, args=(users.second,), kwargs={"address": "深圳市南山区"}),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    org = fetch(users.first, Organization, org_id)
    assert (org.phone, org.address) == ("0755-86001234", "深圳市南山区")
    assert sync_review.conflicts(users.first) == []


def test_contact_edits_of_different_fields_both_stay(users: Users) -> None:
    org_id = users.small.org
    contact_id = orgs.save_contact(users.first, org_id, orgs.ContactInput("张经理"))
    loaded = orgs.ContactInput("张经理")
    mine = ContactEdit(replace(loaded, title="总经理"), loaded, contact_id)
    theirs = ContactEdit(replace(loaded, phone="13800138000"), loaded, contact_id)
    OrgEdit(
        _org_form(users.second, org_id), _org_form(users.second, org_id), org_id, [theirs]
    ).apply(users.second)
    form = _org_form(users.first, org_id)
    OrgEdit(form, form, org_id, [mine]).apply(users.first)
    contact = fetch(users.first, Contact, contact_id)
    assert (contact.title, contact.phone) == ("总经理", "13800138000")
