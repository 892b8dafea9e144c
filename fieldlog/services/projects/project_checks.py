"""The refusals of the project services, as catalog messages: amounts, stage moves, and records
a project names that are gone."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from fieldlog.domain.messages import Message, carried, msg
from fieldlog.domain.money import MAX_YUAN
from fieldlog.domain.stages import Stage, StageMoveError
from fieldlog.services.errors import InvalidInput
from fieldlog.store.repositories.common import NotFound, get_any, get_live

PLANNED = msg("project.planned_investment", "planned investment")
CONTRACT = msg("project.contract_amount", "contract amount")
AMOUNT = msg("project.amount", "amount")

#: How a refusal names a stage: its code in English (what the command line takes), its label in
#: Chinese.
STAGE_NAMES: dict[Stage, Message] = {
    Stage.LEAD: msg("project.stage.lead", "lead"),
    Stage.NEGOTIATING: msg("project.stage.negotiating", "negotiating"),
    Stage.INSPECTED: msg("project.stage.inspected", "inspected"),
    Stage.SIGNED: msg("project.stage.signed", "signed"),
    Stage.REGISTERED: msg("project.stage.registered", "registered"),
    Stage.STARTED: msg("project.stage.started", "started"),
    Stage.PRODUCING: msg("project.stage.producing", "producing"),
    Stage.PAUSED: msg("project.stage.paused", "paused"),
    Stage.DROPPED: msg("project.stage.dropped", "dropped"),
}

#: The records a project or tranche names, as a refusal names them.
INVESTOR = msg("project.ref.investor", "investor")
CHAIN = msg("project.ref.chain", "chain")
LINK = msg("project.ref.chain_link", "chain link")
OWNER = msg("project.ref.lead_owner", "lead owner")
GROUP = msg("project.ref.work_group", "work group")
MEMBER = msg("project.ref.member", "member")
PROJECT = msg("project.ref.project", "project")
TRANCHE = msg("project.ref.funds_tranche", "funds tranche")


def amount(value: int | None, what: Message, *, positive: bool = False) -> int | None:
    """A whole number of yuan within reason (more than 0 when `positive`), or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(
            msg("project.amount_not_whole", "{what} must be a whole number of yuan", what=what)
        )
    if positive and value <= 0:
        raise InvalidInput(
            msg("project.amount_not_positive", "{what} must be more than 0", what=what)
        )
    if value < 0:
        raise InvalidInput(msg("project.amount_negative", "{what} must be at least 0", what=what))
    if value > MAX_YUAN:
        raise InvalidInput(
            msg(
                "project.amount_too_large",
                "{what} of {amount} yuan is beyond any real project",
                what=what,
                amount=format(value, ","),
            )
        )
    return value


def move_refused(current: Stage | None, target: Stage, error: StageMoveError) -> InvalidInput:
    """The refusal of a move the stage rules (`stages.check_move`) do not allow, in the words of
    the rule it broke."""
    if current is None:
        told = msg("project.start_side", "a new project cannot start paused or dropped")
    elif target == current:
        told = msg(
            "project.already_at",
            "the project is already at stage {stage}",
            stage=STAGE_NAMES[target],
        )
    elif current == Stage.DROPPED:
        told = msg("project.dropped_reopen", "a dropped project can only be reopened as a lead")
    else:
        return InvalidInput(carried(error))
    return InvalidInput(told)


def live(session: Session, model: Any, record_id: uuid.UUID, what: Message) -> Any:
    """The live record, or InvalidInput naming `what` when it is unknown or deleted."""
    try:
        return get_live(session, model, record_id, what.text)
    except NotFound as exc:
        raise InvalidInput(
            msg(
                "project.record_gone",
                "{what} {id} does not exist or has been deleted",
                what=what,
                id=record_id,
            )
        ) from exc


def any_record(session: Session, model: Any, record_id: uuid.UUID, what: Message) -> Any:
    """The record, live or deleted, or InvalidInput naming `what` when there is none."""
    try:
        return get_any(session, model, record_id, what.text)
    except NotFound as exc:
        raise InvalidInput(
            msg("project.record_missing", "{what} {id} does not exist", what=what, id=record_id)
        ) from exc
