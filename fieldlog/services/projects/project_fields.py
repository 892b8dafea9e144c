"""The checks of a project's assessment and lead fields: 项目类型, 资金来源, 入库 and 入规 dates,
项目内容, 投资方诉求, the investor contact, and the date of the latest progress note.

Each value the project already holds stands as it is — a kind code of a newer FieldLog, a fund
origin or contact deleted since, a milestone recorded before a correction of the signing — so a
form saved unchanged writes back exactly what was there; only a value the user changes is checked.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.orm import Session

from fieldlog.domain.assessment import KINDS_BY_CODE, ProjectKind
from fieldlog.domain.messages import Message, msg
from fieldlog.services.errors import InvalidInput
from fieldlog.services.validate import checked, note, sane_date
from fieldlog.store.models import Contact, Project
from fieldlog.store.repositories.common import catalog_entry

STATS_ON = msg("field.stats_on", "statistics entry date (入库)")
ABOVE_SCALE_ON = msg("field.above_scale_on", "above-scale date (入规)")
PROGRESS_ON = msg("field.progress_on", "progress date")


def _kind(value: str, kept: str | None) -> str:
    """The kind code to store: the stored one as it is, else a known code (none: new)."""
    if kept is not None and value == kept:
        return kept
    text = (value or "").strip()
    if not text:
        return ProjectKind.NEW.value
    if text not in KINDS_BY_CODE:
        raise InvalidInput(
            msg(
                "project.unknown_kind",
                "unknown project kind {kind}; use new, phase_two or capital_increase",
                kind=repr(value),
            )
        )
    return text


def _origin(
    session: Session, origin_id: uuid.UUID | None, kept: uuid.UUID | None
) -> uuid.UUID | None:
    """A live fund-origin entry's id; the project's own stands even if removed from the list."""
    if origin_id is None or origin_id == kept:
        return origin_id
    return checked(lambda: catalog_entry(session, "fund_origin", origin_id)).id


def _milestone(
    value: date | None, kept: date | None, signed_on: date | None, what: Message
) -> date | None:
    """入库 or 入规: a date on or after the signing of a signed project."""
    if value is None or value == kept:
        return value
    day = sane_date(value, what)
    assert day is not None
    if signed_on is None:
        raise InvalidInput(
            msg(
                "project.milestone_unsigned",
                "the {what} can only be recorded for a signed project",
                what=what,
            )
        )
    if day < signed_on:
        raise InvalidInput(
            msg(
                "project.milestone_before_signing",
                "the {what} {day} is before the signing ({signed})",
                what=what,
                day=day.isoformat(),
                signed=signed_on.isoformat(),
            )
        )
    return day


def _contact(
    session: Session,
    contact_id: uuid.UUID | None,
    investor_id: uuid.UUID | None,
    project: Project | None,
) -> uuid.UUID | None:
    """A live contact of the investor organization."""
    if contact_id is None:
        return None
    if project is not None and (contact_id, investor_id) == (
        project.contact_id,
        project.investor_id,
    ):
        return contact_id
    if investor_id is None:
        raise InvalidInput(
            msg(
                "project.contact_without_investor",
                "an investor contact needs the project's investor organization first",
            )
        )
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted:
        raise InvalidInput(
            msg(
                "project.contact_gone",
                "contact {id} does not exist or has been deleted",
                id=contact_id,
            )
        )
    if contact.org_id != investor_id:
        raise InvalidInput(
            msg(
                "project.contact_elsewhere",
                "{name} is a contact of another organization, not of the investor",
                name=contact.name,
            )
        )
    return contact_id


def lead_fields(
    session: Session,
    *,
    kind: str,
    origin_id: uuid.UUID | None,
    stats_on: date | None,
    above_scale_on: date | None,
    content: str,
    demands: str,
    contact_id: uuid.UUID | None,
    investor_id: uuid.UUID | None,
    project: Project | None = None,
) -> dict[str, object]:
    """The checked assessment and lead columns of `project` (None: a project being opened)."""
    signed = project.signed_on if project is not None else None
    return {
        "kind": _kind(kind, project.kind if project is not None else None),
        "origin_id": _origin(session, origin_id, project.origin_id if project else None),
        "stats_on": _milestone(stats_on, project.stats_on if project else None, signed, STATS_ON),
        "above_scale_on": _milestone(
            above_scale_on,
            project.above_scale_on if project else None,
            signed,
            ABOVE_SCALE_ON,
        ),
        "content": note(content),
        "demands": note(demands),
        "contact_id": _contact(session, contact_id, investor_id, project),
    }


def progress_date(
    progress: str,
    progress_on: date | None,
    project: Project | None,
    today: date,
) -> date | None:
    """进展日期: the date the caller gives when it changed it; else the edit's date when the
    progress text changes (a new project's first note is dated when it is opened)."""
    kept = project.progress_on if project is not None else None
    if progress_on != kept:
        return sane_date(progress_on, PROGRESS_ON)
    old = project.progress if project is not None else ""
    if progress != old:
        return today if progress else kept
    return kept
