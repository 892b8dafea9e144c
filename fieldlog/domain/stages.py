"""Project stages (SPEC §3.4) and the moves between them."""

from __future__ import annotations

import enum

from fieldlog.domain.messages import Message, msg
from fieldlog.domain.vocabulary import unknown_label, unknown_label_in


class Stage(enum.StrEnum):
    """A project's stage; the value is the code stored in the database."""

    LEAD = "lead"
    NEGOTIATING = "negotiating"
    INSPECTED = "inspected"
    SIGNED = "signed"
    REGISTERED = "registered"
    STARTED = "started"
    PRODUCING = "producing"
    PAUSED = "paused"
    DROPPED = "dropped"


#: The main line, in order. A project may skip stages forwards.
MAIN_LINE: tuple[Stage, ...] = (
    Stage.LEAD,
    Stage.NEGOTIATING,
    Stage.INSPECTED,
    Stage.SIGNED,
    Stage.REGISTERED,
    Stage.STARTED,
    Stage.PRODUCING,
)
SIDE_STAGES: tuple[Stage, ...] = (Stage.PAUSED, Stage.DROPPED)
ALL_STAGES: tuple[Stage, ...] = MAIN_LINE + SIDE_STAGES

#: Stages counted as "active" (在谈项目) at the end of a period.
ACTIVE_STAGES: frozenset[Stage] = frozenset({Stage.NEGOTIATING, Stage.INSPECTED})

#: Stages a project can only reach once it has been signed.
SIGNED_OR_LATER: frozenset[Stage] = frozenset(MAIN_LINE[MAIN_LINE.index(Stage.SIGNED) :])

LABELS_ZH: dict[Stage, str] = {
    Stage.LEAD: "线索",
    Stage.NEGOTIATING: "在谈",
    Stage.INSPECTED: "考察",
    Stage.SIGNED: "签约",
    Stage.REGISTERED: "注册",
    Stage.STARTED: "开工",
    Stage.PRODUCING: "投产",
    Stage.PAUSED: "暂停",
    Stage.DROPPED: "终止",
}

#: A stage's name inside a message: its code in English ("signed"), its label in Chinese.
STAGE_NAMES: dict[Stage, Message] = {
    Stage.LEAD: msg("stage.lead", "lead"),
    Stage.NEGOTIATING: msg("stage.negotiating", "negotiating"),
    Stage.INSPECTED: msg("stage.inspected", "inspected"),
    Stage.SIGNED: msg("stage.signed", "signed"),
    Stage.REGISTERED: msg("stage.registered", "registered"),
    Stage.STARTED: msg("stage.started", "started"),
    Stage.PRODUCING: msg("stage.producing", "producing"),
    Stage.PAUSED: msg("stage.paused", "paused"),
    Stage.DROPPED: msg("stage.dropped", "dropped"),
}


LABELS_EN: dict[Stage, str] = {
    Stage.LEAD: "Lead",
    Stage.NEGOTIATING: "Negotiating",
    Stage.INSPECTED: "Inspected",
    Stage.SIGNED: "Signed",
    Stage.REGISTERED: "Registered",
    Stage.STARTED: "Started",
    Stage.PRODUCING: "Producing",
    Stage.PAUSED: "Paused",
    Stage.DROPPED: "Dropped",
}

#: Stages by code. A code missing here was written by a newer FieldLog (SPEC §3.4): it is kept and
#: shown as 未知（code）, and counts as nothing — the project stays where its known events put it.
BY_CODE: dict[str, Stage] = {stage.value: stage for stage in Stage}
#: The codes of every known stage (for SQL that must leave unknown events out).
KNOWN_CODES: tuple[str, ...] = tuple(BY_CODE)


def known_stage(code: str | None) -> Stage | None:
    """The stage of a stored code; None for no code or one this version does not know."""
    return BY_CODE.get(code) if code else None


def stage_label_zh(code: str | None) -> str:
    """The Chinese name of a stored stage code: 签约, 未知（evaluating）, or "" for none."""
    if not code:
        return ""
    stage = BY_CODE.get(code)
    return LABELS_ZH[stage] if stage is not None else unknown_label(code)


def stage_label(code: str | None, language: str | None = None) -> str:
    """The name of a stored stage code in `language` (the current one when None)."""
    from fieldlog.domain.messages import current_language

    language = language or current_language()
    if language != "en":
        return stage_label_zh(code)
    if not code:
        return ""
    stage = BY_CODE.get(code)
    return LABELS_EN[stage] if stage is not None else unknown_label_in(code, language)


#: The sign forms a signing may take (SPEC §3.4); keys of the sign-form catalog.
SIGN_FORMS: tuple[str, ...] = ("意向协议", "框架协议", "正式合同")


class StageMoveError(ValueError):
    """A stage move that the rules do not allow."""


def parse_stage(value: str) -> Stage:
    """A stage from its code or its Chinese label."""
    text = value.strip()
    for stage in ALL_STAGES:
        if text in (stage.value, LABELS_ZH[stage]):
            return stage
    choices = ", ".join(s.value for s in ALL_STAGES)
    raise StageMoveError(
        msg(
            "stage.unknown",
            "unknown stage {value}; use one of {choices}",
            value=repr(value),
            choices=choices,
        )
    )


def check_move(current: Stage | None, target: Stage) -> None:
    """Raise StageMoveError unless a project at `current` may move to `target`.

    A new project (current None) starts anywhere on the main line; stages may be skipped in either
    direction. Refused: a move to the stage the project already has, and leaving 终止 (dropped)
    other than by reopening it as a lead. Signing data is checked separately (`needs_signing`).
    """
    if current is None:
        if target in SIDE_STAGES:
            raise StageMoveError(
                msg("stage.new_on_side", "a new project cannot start paused or dropped")
            )
        return
    if target == current:
        raise StageMoveError(
            msg(
                "stage.already_there",
                "the project is already at stage {stage}",
                stage=STAGE_NAMES[target],
            )
        )
    if current == Stage.DROPPED and target != Stage.LEAD:
        raise StageMoveError(
            msg("stage.dropped_reopen", "a dropped project can only be reopened as a lead")
        )


def needs_signing(target: Stage, *, already_signed: bool) -> bool:
    """Whether a move to `target` must carry a signing date, a contract amount and a sign form.

    The first move into 签约 or any later stage is the signing; later moves (after a pause, say)
    keep the first signing, which is the one the counting rules count.
    """
    return target in SIGNED_OR_LATER and not already_signed
