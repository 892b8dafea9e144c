"""Staleness warnings (三色预警), leads answered late (迟复) and complete leads: the rules.

A project's colour on a day (the as-of date) comes from its last activity on or before that day:
a stage event (any live one, its first included), a funds tranche, its latest progress note
(`Project.progress_on`) or a visit linked to it. After `yellow_days` without any it is yellow
(黄色预警), after `red_days` red (红色预警), after `retire_days` 建议退库 (retire). A project
dropped (终止) or producing (投产) on that day has no colour, nor one without a stage by then.
Activity after the as-of date is ignored, so a past day's colours read as they stood then —
except that only a project's latest progress note is kept: an earlier one is no longer known.

A lead (a project whose first known stage event is 线索) is answered late when nothing — a visit
linked to it, a progress note, a later stage event — is dated within `lead_reply_days` days of
its creation (its first stage event, day 0); it is judged only once those days are over.

A lead is complete with 项目内容, 投资规模, an investor contact and 投资方诉求.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from fieldlog.domain.assessment import WarningRules
from fieldlog.domain.counting import ProjectFact, StageFact, known_events, stage_at
from fieldlog.domain.stages import Stage


class StaleColour(enum.StrEnum):
    """How long a project has gone without activity; the value is the code scripts read."""

    YELLOW = "yellow"
    RED = "red"
    RETIRE = "retire"


#: Worst first: the order of lists and tallies.
COLOURS: tuple[StaleColour, ...] = (StaleColour.RETIRE, StaleColour.RED, StaleColour.YELLOW)

COLOUR_LABELS_ZH: dict[StaleColour, str] = {
    StaleColour.YELLOW: "黄色预警",
    StaleColour.RED: "红色预警",
    StaleColour.RETIRE: "建议退库",
}
COLOUR_LABELS_EN: dict[StaleColour, str] = {
    StaleColour.YELLOW: "Yellow warning",
    StaleColour.RED: "Red warning",
    StaleColour.RETIRE: "Suggest retiring",
}

#: Stages that are off the books: no colour, no late answer.
UNWATCHED_STAGES: frozenset[Stage] = frozenset({Stage.DROPPED, Stage.PRODUCING})


def colour_label(colour: StaleColour, language: str | None = None) -> str:
    """The colour's name in `language` (the current one when None)."""
    from fieldlog.domain.messages import current_language

    labels = COLOUR_LABELS_EN if (language or current_language()) == "en" else COLOUR_LABELS_ZH
    return labels[colour]


def severity(colour: StaleColour | None) -> int:
    """3 for retire, 2 red, 1 yellow, 0 none: larger is worse."""
    return 0 if colour is None else len(COLOURS) - COLOURS.index(colour)


def colour_for(idle_days: int, rules: WarningRules) -> StaleColour | None:
    """The colour of a project idle for `idle_days` days."""
    if idle_days >= rules.retire_days:
        return StaleColour.RETIRE
    if idle_days >= rules.red_days:
        return StaleColour.RED
    if idle_days >= rules.yellow_days:
        return StaleColour.YELLOW
    return None


@dataclass(frozen=True)
class Activity:
    """What a project's warnings are judged from.

    `events`: its live stage events, all dates. `last_tranche`, `last_visit`: its latest live
    tranche and linked visit (dates after the as-of date are ignored here too). `progress_on`:
    its latest progress note. `first_visit_since_created`: its earliest linked visit on or after
    its first stage event.
    """

    id: uuid.UUID
    events: tuple[StageFact, ...]
    last_tranche: date | None = None
    last_visit: date | None = None
    progress_on: date | None = None
    first_visit_since_created: date | None = None

    def stage_on(self, as_of: date) -> Stage | None:
        """The project's stage at the end of `as_of`."""
        return stage_at(ProjectFact(self.id, self.events), as_of)

    def created_on(self) -> date | None:
        """The date of its first stage event (of any stage)."""
        return min((e.on for e in self.events), default=None)


def last_activity(activity: Activity, as_of: date) -> date | None:
    """The latest activity dated on or before `as_of`; None when there is none."""
    dates: Iterable[date | None] = (
        *(e.on for e in activity.events),
        activity.last_tranche,
        activity.last_visit,
        activity.progress_on,
    )
    return max((d for d in dates if d is not None and d <= as_of), default=None)


@dataclass(frozen=True)
class Staleness:
    """A project's warning on a day: its stage, last activity, days idle and colour (or none)."""

    stage: Stage
    last_activity: date
    idle_days: int
    colour: StaleColour | None


def staleness(activity: Activity, as_of: date, rules: WarningRules) -> Staleness | None:
    """The project's warning on `as_of`; None when it has no stage then or is off the books."""
    stage = activity.stage_on(as_of)
    last = last_activity(activity, as_of)
    if stage is None or stage in UNWATCHED_STAGES or last is None:
        return None
    idle = (as_of - last).days
    return Staleness(stage, last, idle, colour_for(idle, rules))


def _first_known(events: tuple[StageFact, ...]) -> StageFact | None:
    return min(known_events(ProjectFact(uuid.UUID(int=0), events)), key=_order, default=None)


def _order(event: StageFact) -> tuple[date, int]:
    return event.on, event.order


def reply_deadline(created_on: date, rules: WarningRules) -> date:
    """The last day a lead created on `created_on` may be answered on time."""
    return created_on + timedelta(days=rules.lead_reply_days)


def answered_late(activity: Activity, as_of: date, rules: WarningRules) -> bool:
    """Whether the project is a lead answered late (迟复), as judged on `as_of`."""
    first = _first_known(activity.events)
    if first is None or first.stage != Stage.LEAD:
        return False
    created = activity.created_on()
    assert created is not None
    deadline = reply_deadline(created, rules)
    stage = activity.stage_on(as_of)
    if as_of <= deadline or stage is None or stage in UNWATCHED_STAGES:
        return False
    first_event = min(activity.events, key=_order)
    later = (e.on for e in activity.events if e is not first_event)
    answers = (*later, activity.progress_on, activity.first_visit_since_created)
    return not any(a is not None and created <= a <= deadline for a in answers)


class LeadField(enum.StrEnum):
    """What a complete lead has; the value is the code scripts read."""

    CONTENT = "content"
    SCALE = "planned_yuan"
    CONTACT = "contact"
    DEMANDS = "demands"


LEAD_FIELDS: tuple[LeadField, ...] = tuple(LeadField)
LEAD_FIELD_LABELS_ZH: dict[LeadField, str] = {
    LeadField.CONTENT: "项目内容",
    LeadField.SCALE: "投资规模",
    LeadField.CONTACT: "投资方联系人",
    LeadField.DEMANDS: "投资方诉求",
}
LEAD_FIELD_LABELS_EN: dict[LeadField, str] = {
    LeadField.CONTENT: "Project content",
    LeadField.SCALE: "Investment scale",
    LeadField.CONTACT: "Investor contact",
    LeadField.DEMANDS: "Investor demands",
}


def lead_field_label(field: LeadField, language: str | None = None) -> str:
    """The field's name in `language` (the current one when None)."""
    from fieldlog.domain.messages import current_language

    labels = (
        LEAD_FIELD_LABELS_EN if (language or current_language()) == "en" else LEAD_FIELD_LABELS_ZH
    )
    return labels[field]


def missing_lead_fields(
    *, content: str, planned_yuan: int | None, contact_id: uuid.UUID | None, demands: str
) -> tuple[LeadField, ...]:
    """Which of the four a lead lacks (none: it is complete). Blank text is missing, and so is a
    scale of zero; a contact since deleted is passed as None."""
    present = {
        LeadField.CONTENT: bool(content.strip()),
        LeadField.SCALE: planned_yuan is not None and planned_yuan > 0,
        LeadField.CONTACT: contact_id is not None,
        LeadField.DEMANDS: bool(demands.strip()),
    }
    return tuple(f for f in LEAD_FIELDS if not present[f])
