"""Two laptops editing different fields of one coordination matter and of a project's assessment
and lead fields merge field by field: each keeps the other's change, and both end the same."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from datetime import date

from fieldlog.domain.stages import Stage
from fieldlog.services.exchange import sync_review
from fieldlog.services.orgs import orgs
from fieldlog.services.projects import coordination as coord
from fieldlog.services.projects import project_edits, projects
from fieldlog.services.projects.project_detail import fund_origin_choices
from fieldlog.store.models import CoordinationMatter, Project
from tests.records import fetch
from tests.sync.conftest import Laptop

Make = Callable[[str], Laptop]

MATTER = coord.MatterInput("项目用地指标尚未落实", "碧江区自然资源局", date(2020, 4, 10))


def _signed_project(laptop: Laptop) -> tuple[uuid.UUID, uuid.UUID]:
    org = orgs.save_org(laptop.db, orgs.OrgInput("深圳市德润物流有限公司")).id
    data = projects.ProjectInput("冷链物流园", investor_id=org, progress="初次接洽")
    pid = projects.open_project(laptop.db, data, on=date(2020, 3, 25))
    signing = projects.Signing(date(2020, 4, 1), 150_000_000, "正式合同")
    projects.move_stage(laptop.db, pid, Stage.SIGNED, on=date(2020, 4, 1), signing=signing)
    return pid, org


def _edit_project(laptop: Laptop, pid: uuid.UUID, **changes: object) -> None:
    before = project_edits.project_form(laptop.db, pid)
    after = dataclasses.replace(before, **changes)
    assert project_edits.edit_project(laptop.db, pid, after, before, today=date(2020, 4, 20))


def _edit_matter(laptop: Laptop, matter: uuid.UUID, **changes: object) -> None:
    [row] = coord.matters_of(laptop.db, fetch(laptop.db, CoordinationMatter, matter).project_id)
    before = row.as_input()
    assert coord.edit_matter(laptop.db, matter, dataclasses.replace(before, **changes), before)


def test_different_fields_merge_field_by_field(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    pid, org = _signed_project(a)
    matter = coord.add_matter(a.db, pid, MATTER)
    b.receive(a.export())
    contact = orgs.save_contact(b.db, org, orgs.ContactInput("周经理"))
    local = dict(fund_origin_choices(a.db))["本地企业投资"]

    _edit_project(a, pid, kind="phase_two", origin_id=local, stats_on=date(2020, 4, 15))
    _edit_matter(a, matter, owner="铜仁市自然资源局")
    _edit_project(b, pid, content="冷链仓储及配送", demands="希望协调用地", contact_id=contact)
    _edit_project(b, pid, progress="已完成签约", above_scale_on=date(2020, 4, 18))
    _edit_matter(b, matter, due_on=date(2020, 4, 30), note_text="已报市局")
    coord.resolve_matter(b.db, matter, on=date(2020, 4, 19))

    b.receive(a.export())
    a.receive(b.export())
    assert a.digest() == b.digest()
    for laptop in (a, b):
        project = fetch(laptop.db, Project, pid)
        assert (project.kind, project.origin_id) == ("phase_two", local)
        assert (project.stats_on, project.above_scale_on) == (date(2020, 4, 15), date(2020, 4, 18))
        assert (project.content, project.demands) == ("冷链仓储及配送", "希望协调用地")
        assert (project.contact_id, project.progress) == (contact, "已完成签约")
        assert project.progress_on == date(2020, 4, 20)
        stored = fetch(laptop.db, CoordinationMatter, matter)
        assert (stored.owner, stored.due_on, stored.note) == (
            "铜仁市自然资源局",
            date(2020, 4, 30),
            "已报市局",
        )
        assert (stored.status, stored.resolved_on) == ("resolved", date(2020, 4, 19))
        assert sync_review.conflicts(laptop.db) == []


def test_the_same_field_keeps_the_later_and_logs_the_other(laptops: Make) -> None:
    a, b = laptops("a"), laptops("b")
    pid, _org = _signed_project(a)
    matter = coord.add_matter(a.db, pid, MATTER)
    b.receive(a.export())
    b.offset_ms = 60_000  # b's edits are the later ones
    _edit_matter(a, matter, owner="万山区自然资源局")
    _edit_matter(b, matter, owner="铜仁市自然资源局")
    _edit_project(a, pid, kind="capital_increase")
    _edit_project(b, pid, kind="phase_two")
    b.receive(a.export())
    a.receive(b.export())
    assert a.digest() == b.digest()
    for laptop in (a, b):
        assert fetch(laptop.db, CoordinationMatter, matter).owner == "铜仁市自然资源局"
        assert fetch(laptop.db, Project, pid).kind == "phase_two"
        lost = {(c.field, c.loser_value) for c in sync_review.conflicts(laptop.db)}
        assert lost == {("owner", "万山区自然资源局"), ("kind", "capital_increase")}
