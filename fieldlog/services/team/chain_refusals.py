"""What the chain refusals say, as messages: how they name what still points to a chain or link
("2 projects and 1 visit", so the counts read naturally in each language), and a chain or link
that is not there."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from fieldlog.domain.messages import Message, msg
from fieldlog.services.errors import InvalidInput
from fieldlog.store.models import Chain
from fieldlog.store.repositories.common import NotFound, get_any, get_live


def live(session: Session, model: Any, record_id: uuid.UUID) -> Any:
    """The live chain (`model` Chain) or link (ChainLink); InvalidInput when unknown or deleted."""
    try:
        return get_live(session, model, record_id, "")
    except NotFound as exc:
        if model is Chain:
            told = msg("chain.gone", "chain {id} does not exist or has been deleted", id=record_id)
        else:
            told = msg(
                "chain.link_gone",
                "chain link {id} does not exist or has been deleted",
                id=record_id,
            )
        raise InvalidInput(told) from exc


def any_record(session: Session, model: Any, record_id: uuid.UUID) -> Any:
    """The chain or link, live or deleted (to restore it); InvalidInput when there is none."""
    try:
        return get_any(session, model, record_id, "")
    except NotFound as exc:
        if model is Chain:
            told = msg("chain.missing", "chain {id} does not exist", id=record_id)
        else:
            told = msg("chain.link_missing", "chain link {id} does not exist", id=record_id)
        raise InvalidInput(told) from exc


def counted(what: str, count: int) -> Message:
    """`count` records of a kind chain_rows.references counts, as a message."""
    one = count == 1
    if what == "organizations":
        return (
            msg("chain.count_organization", "{count} organization", count=count)
            if one
            else msg("chain.count_organizations", "{count} organizations", count=count)
        )
    if what == "projects":
        return (
            msg("chain.count_project", "{count} project", count=count)
            if one
            else msg("chain.count_projects", "{count} projects", count=count)
        )
    if what == "visits":
        return (
            msg("chain.count_visit", "{count} visit", count=count)
            if one
            else msg("chain.count_visits", "{count} visits", count=count)
        )
    if what == "work groups":
        return (
            msg("chain.count_work_group", "{count} work group", count=count)
            if one
            else msg("chain.count_work_groups", "{count} work groups", count=count)
        )
    return msg("chain.count_other", "{count} {what}", count=count, what=what)


def sub_links(count: int) -> Message:
    if count == 1:
        return msg("chain.count_sub_link", "{count} sub-link", count=count)
    return msg("chain.count_sub_links", "{count} sub-links", count=count)


def listed(counts: dict[str, int]) -> Message:
    """The non-zero counts as one list: "2 projects and 1 visit" (one message per length, so
    each language joins its list its own way)."""
    p = [counted(what, n) for what, n in counts.items() if n]
    if len(p) == 1:
        return p[0]
    if len(p) == 2:
        return msg("chain.list_2", "{a} and {b}", a=p[0], b=p[1])
    if len(p) == 3:
        return msg("chain.list_3", "{a}, {b} and {c}", a=p[0], b=p[1], c=p[2])
    # chain_rows.references counts four kinds; a fifth would join the last item.
    rest = p[3] if len(p) == 4 else msg("chain.list_2", "{a} and {b}", a=p[3], b=p[4])
    return msg("chain.list_4", "{a}, {b}, {c} and {d}", a=p[0], b=p[1], c=p[2], d=rest)
