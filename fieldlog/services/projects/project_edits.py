"""Editing a project's descriptive fields, or a funds tranche, from its form: only what the form
changed is written (`services/edits.py`), so what another user changed meanwhile stays; undo is
the same edit back."""

from __future__ import annotations

import uuid
from datetime import date
from functools import partial

from sqlalchemy.orm import Session

from fieldlog.services.edits import merge_edit, save_edit
from fieldlog.services.projects import project_checks as checks
from fieldlog.services.projects.projects import (
    ProjectInput,
    TrancheInput,
    edit_tranche,
    save_project,
)
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, FundsTranche, Project
from fieldlog.store.repositories.common import get_live

#: Fields of the form held in a column of another name.
PROJECT_COLUMNS = {"landing_county": "landing_county_id"}
TRANCHE_COLUMNS = {"origin": "origin_id", "note_text": "note"}


def _input(session: Session, project: Project) -> ProjectInput:
    county_id = project.landing_county_id
    # A county removed from the list since is still the project's: held by its name.
    county = session.get(CatalogItem, county_id) if county_id is not None else None
    return ProjectInput(
        name=project.name,
        investor_id=project.investor_id,
        chain_id=project.chain_id,
        link_id=project.link_id,
        chain_role=project.chain_role,
        planned_yuan=project.planned_yuan,
        landing_county=county.name if county is not None else None,
        owner_id=project.owner_id,
        group_id=project.group_id,
        progress=project.progress,
        problems=project.problems,
        next_step=project.next_step,
        next_follow_up=project.next_follow_up,
        kind=project.kind,
        origin_id=project.origin_id,
        stats_on=project.stats_on,
        above_scale_on=project.above_scale_on,
        progress_on=project.progress_on,
        content=project.content,
        demands=project.demands,
        contact_id=project.contact_id,
    )


def project_form(db: Database, project_id: uuid.UUID) -> ProjectInput:
    """A live project's descriptive fields as its form holds them."""
    with db.read() as session:
        return _input(session, get_live(session, Project, project_id, "project"))


def edit_project(
    db: Database,
    project_id: uuid.UUID,
    after: ProjectInput,
    before: ProjectInput,
    *,
    today: date | None = None,
) -> bool:
    """Save the fields a form changed from `before` to `after` over what is stored now; False
    when it changed nothing (nothing is written). A changed progress note is dated `today`
    unless the form dated it (`save_project`)."""
    with db.begin() as session:
        project = get_live(session, Project, project_id, "project")
        merged = merge_edit(before, after, _input(session, project))
        save = partial(save_project, db, project_id=project_id, today=today)
        return save_edit(session, project, merged, save, PROJECT_COLUMNS)


def edit_funds(
    db: Database, tranche_id: uuid.UUID, after: TrancheInput, before: TrancheInput
) -> bool:
    """Save what a tranche's form changed from `before` to `after` over what is stored now,
    with the checks of `add_tranche`; False when it changed nothing."""
    with db.begin() as session:
        tranche = checks.live(session, FundsTranche, tranche_id, checks.TRANCHE)
        current = TrancheInput(
            tranche.received_on,
            tranche.amount_yuan,
            tranche.origin_id,
            tranche.evidence,
            tranche.note,
        )
        merged = merge_edit(before, after, current)
        save = partial(edit_tranche, db, tranche_id)
        return save_edit(session, tranche, merged, save, TRANCHE_COLUMNS)
