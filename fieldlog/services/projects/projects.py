"""Projects: opening a lead, moving its stage, recording signing and funds in place."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from fieldlog.domain.messages import msg
from fieldlog.domain.stages import (
    Stage,
    StageMoveError,
    check_move,
    known_stage,
    needs_signing,
)
from fieldlog.domain.vocabulary import ChainRole, code_or_kept
from fieldlog.services.errors import InvalidInput
from fieldlog.services.projects import project_checks as checks
from fieldlog.services.projects.project_fields import lead_fields, progress_date
from fieldlog.services.validate import (
    checked,
    note,
    required_date,
    required_name,
    sane_date,
)
from fieldlog.store.database import Database
from fieldlog.store.models import (
    CatalogItem,
    Chain,
    ChainLink,
    FundsTranche,
    Member,
    Organization,
    Project,
    StageEvent,
    WorkGroup,
)
from fieldlog.store.repositories.common import catalog_entry, get_live
from fieldlog.store.repositories.project_rows import live_stage_events


@dataclass
class ProjectInput:
    """A project's descriptive fields as entered. Amounts are integer yuan."""

    name: str
    investor_id: uuid.UUID | None = None
    chain_id: uuid.UUID | None = None
    link_id: uuid.UUID | None = None
    chain_role: str = ""
    planned_yuan: int | None = None
    landing_county: str | None = None
    owner_id: uuid.UUID | None = None
    group_id: uuid.UUID | None = None
    progress: str = ""
    problems: str = ""
    next_step: str = ""
    next_follow_up: date | None = None
    kind: str = "new"
    origin_id: uuid.UUID | None = None
    stats_on: date | None = None
    above_scale_on: date | None = None
    progress_on: date | None = None
    content: str = ""
    demands: str = ""
    contact_id: uuid.UUID | None = None


@dataclass(frozen=True)
class Signing:
    """What signing requires (SPEC §3.4): date, contract amount in yuan, sign form name."""

    signed_on: date
    contract_yuan: int
    sign_form: str


def _refs(
    session: Session, data: ProjectInput, kept_county: uuid.UUID | None = None
) -> dict[str, object]:
    for model, value, what in (
        (Organization, data.investor_id, checks.INVESTOR),
        (Chain, data.chain_id, checks.CHAIN),
        (ChainLink, data.link_id, checks.LINK),
        (Member, data.owner_id, checks.OWNER),
        (WorkGroup, data.group_id, checks.GROUP),
    ):
        if value is not None:
            checks.live(session, model, value, what)
    return {
        "investor_id": data.investor_id,
        "chain_id": data.chain_id,
        "link_id": data.link_id,
        "owner_id": data.owner_id,
        "group_id": data.group_id,
        "landing_county_id": _county(session, data.landing_county, kept_county),
    }


def _county(session: Session, name: str | None, kept: uuid.UUID | None) -> uuid.UUID | None:
    if not name:
        return None
    # The county the project already has stands even if it was removed from the list since.
    current = session.get(CatalogItem, kept) if kept is not None else None
    if current is not None and current.name == name.strip():
        return current.id
    return checked(lambda: catalog_entry(session, "county", name)).id


def _fields(
    session: Session, data: ProjectInput, today: date, project: Project | None = None
) -> dict[str, object]:
    """The checked columns of `data` for `project` (None: a project opened `today`)."""
    role = data.chain_role
    kept_role = project.chain_role if project is not None else ""
    progress = note(data.progress)
    refs = _refs(session, data, project.landing_county_id if project is not None else None)
    return {
        "name": required_name(data.name, msg("field.project_name", "project name")),
        "chain_role": checked(lambda: code_or_kept(ChainRole, role, kept_role)) if role else "",
        "planned_yuan": checks.amount(data.planned_yuan, checks.PLANNED),
        "progress": progress,
        "progress_on": progress_date(progress, data.progress_on, project, today),
        "problems": note(data.problems),
        "next_step": note(data.next_step),
        "next_follow_up": sane_date(
            data.next_follow_up, msg("field.next_follow_up_date", "next follow-up date")
        ),
        **refs,
        **lead_fields(
            session,
            kind=data.kind,
            origin_id=data.origin_id,
            stats_on=data.stats_on,
            above_scale_on=data.above_scale_on,
            content=data.content,
            demands=data.demands,
            contact_id=data.contact_id,
            investor_id=data.investor_id,
            project=project,
        ),
    }


def save_project(
    db: Database, data: ProjectInput, project_id: uuid.UUID, *, today: date | None = None
) -> None:
    """Update a project's descriptive fields (the stage moves only through move_stage); a
    changed progress note is dated `today` (the real today when None) unless `data` dates it."""
    with db.begin() as session:
        project = get_live(session, Project, project_id, "project")
        fields = _fields(session, data, today or date.today(), project)
        for key, value in fields.items():
            if getattr(project, key) != value:
                setattr(project, key, value)


def open_project(
    db: Database,
    data: ProjectInput,
    *,
    on: date,
    member_id: uuid.UUID | None = None,
    stage: Stage = Stage.LEAD,
    note_text: str = "",
) -> uuid.UUID:
    """Open a project at a stage (a lead, usually) with its first dated stage event."""
    day = required_date(on, msg("field.date", "date"))
    try:
        check_move(None, stage)
    except StageMoveError as exc:
        raise checks.move_refused(None, stage, exc) from exc
    if needs_signing(stage, already_signed=False):
        raise InvalidInput(
            msg(
                "project.open_signed",
                "open the project first, then record its signing as a stage move",
            )
        )
    with db.begin() as session:
        project = Project(**_fields(session, data, day))
        session.add(project)
        session.flush()
        _add_event(session, project, stage, day, member_id or data.owner_id, note_text)
        return project.id


def _add_event(
    session: Session, project: Project, stage: Stage, on: date, member: uuid.UUID | None, text: str
) -> None:
    if member is not None:
        checks.live(session, Member, member, checks.MEMBER)
    event = StageEvent(project_id=project.id, stage=stage.value, occurred_on=on, member_id=member)
    event.note = note(text)
    session.add(event)


def _latest_known(events: list[StageEvent]) -> Stage | None:
    """The stage of the latest event whose stage this version knows (a newer FieldLog's event
    leaves the project where its known events put it, SPEC §3.4)."""
    stages = [stage for e in events if (stage := known_stage(e.stage)) is not None]
    return stages[-1] if stages else None


def current_stage(db: Database, project_id: uuid.UUID) -> Stage | None:
    """The stage of a project now: that of its latest stage event of a known stage."""
    with db.begin() as session:
        return _latest_known(live_stage_events(session, project_id))


def _apply_signing(session: Session, project: Project, signing: Signing | None) -> None:
    if signing is None:
        raise InvalidInput(
            msg(
                "project.signing_incomplete",
                "signing needs a signing date, a contract amount and a sign form",
            )
        )
    project.signed_on = required_date(signing.signed_on, msg("field.signing_date", "signing date"))
    project.contract_yuan = checks.amount(signing.contract_yuan, checks.CONTRACT, positive=True)
    form = checked(lambda: catalog_entry(session, "sign_form", signing.sign_form))
    project.sign_form_id = form.id


def move_stage(
    db: Database,
    project_id: uuid.UUID,
    target: Stage,
    *,
    on: date,
    member_id: uuid.UUID | None = None,
    note_text: str = "",
    signing: Signing | None = None,
) -> None:
    """Move a project to another stage with a dated event; the first signing is recorded once."""
    day = required_date(on, msg("field.date", "date"))
    with db.begin() as session:
        project = get_live(session, Project, project_id, "project")
        events = live_stage_events(session, project_id)
        current = _latest_known(events)
        try:
            check_move(current, target)
        except StageMoveError as exc:
            raise checks.move_refused(current, target, exc) from exc
        if events and day < events[-1].occurred_on:
            raise InvalidInput(
                msg(
                    "project.move_before_last",
                    "the move is dated {day}, before the last stage change ({last})",
                    day=day.isoformat(),
                    last=events[-1].occurred_on.isoformat(),
                )
            )
        if needs_signing(target, already_signed=project.signed_on is not None):
            _apply_signing(session, project, signing)
        _add_event(session, project, target, day, member_id, note_text)


@dataclass(frozen=True)
class TrancheInput:
    """A funds-in-place tranche as entered: date, yuan, fund origin (catalog name or id),
    evidence, note."""

    received_on: date
    amount_yuan: int
    origin: str | uuid.UUID | None = None
    evidence: str = ""
    note_text: str = ""


def _origin_id(
    session: Session, origin: str | uuid.UUID | None, kept: uuid.UUID | None
) -> uuid.UUID | None:
    """The catalog id of a fund origin; the tranche's own (`kept`) stands even if its catalog
    entry has been removed since, so a correction of another field keeps it."""
    if not origin:
        return None
    if origin == kept:
        return kept
    return checked(lambda: catalog_entry(session, "fund_origin", origin)).id


def _tranche_fields(
    session: Session, project: Project, data: TrancheInput, kept: uuid.UUID | None = None
) -> dict[str, object]:
    """The checked columns of a tranche of `project` (signed, not dated before its signing)."""
    day = required_date(data.received_on, msg("field.date", "date"))
    amount = checks.amount(data.amount_yuan, checks.AMOUNT, positive=True)
    if project.signed_on is None:
        raise InvalidInput(
            msg(
                "project.funds_unsigned",
                "funds in place can only be recorded for a signed project",
            )
        )
    if day < project.signed_on:
        raise InvalidInput(
            msg(
                "project.funds_before_signing",
                "the funds are dated {day}, before the signing ({signed})",
                day=day.isoformat(),
                signed=project.signed_on.isoformat(),
            )
        )
    return {
        "received_on": day,
        "amount_yuan": amount,
        "origin_id": _origin_id(session, data.origin, kept),
        "evidence": note(data.evidence),
        "note": note(data.note_text),
    }


def add_tranche(
    db: Database,
    project_id: uuid.UUID,
    *,
    received_on: date,
    amount_yuan: int,
    origin: str | uuid.UUID | None = None,
    evidence: str = "",
    note_text: str = "",
) -> uuid.UUID:
    """Record money actually invested in a signed project on a date."""
    data = TrancheInput(received_on, amount_yuan, origin, evidence, note_text)
    with db.begin() as session:
        project = get_live(session, Project, project_id, "project")
        tranche = FundsTranche(project_id=project.id, **_tranche_fields(session, project, data))
        session.add(tranche)
        session.flush()
        return tranche.id


def _live_tranche(session: Session, tranche_id: uuid.UUID) -> tuple[FundsTranche, Project]:
    tranche = checks.live(session, FundsTranche, tranche_id, checks.TRANCHE)
    return tranche, checks.live(session, Project, tranche.project_id, checks.PROJECT)


def edit_tranche(db: Database, tranche_id: uuid.UUID, data: TrancheInput) -> None:
    """Correct a tranche with the checks of `add_tranche`; only the fields that differ change."""
    with db.begin() as session:
        tranche, project = _live_tranche(session, tranche_id)
        fields = _tranche_fields(session, project, data, tranche.origin_id)
        for key, value in fields.items():
            # An unchanged field keeps its stamp, so a sync does not overwrite another
            # laptop's correction of that field with the same old value.
            if getattr(tranche, key) != value:
                setattr(tranche, key, value)


def delete_tranche(db: Database, tranche_id: uuid.UUID) -> None:
    """Tombstone a tranche (a wrong entry); `restore_tranche` brings it back."""
    with db.begin() as session:
        _live_tranche(session, tranche_id)[0].deleted = True


def restore_tranche(db: Database, tranche_id: uuid.UUID) -> None:
    """Bring back a deleted tranche (undo of a delete, redo of an add)."""
    with db.begin() as session:
        tranche = checks.any_record(session, FundsTranche, tranche_id, checks.TRANCHE)
        checks.live(session, Project, tranche.project_id, checks.PROJECT)
        tranche.deleted = False
