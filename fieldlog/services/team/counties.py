"""The team's home counties (派出区县): a catalog the team edits — add, rename, remove, reorder.

Counties are `catalog_item` rows of kind `county` and sync like any record; Tongren's twelve are
the shipped defaults. The team form shows the live ones in order and saves only what differs from
what it showed, merged over what is stored now (`services/edits.py`): a county another user
renamed, removed or moved meanwhile keeps that where this form left it as shown. Removing one
tombstones it: a member, target or project that names it keeps it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from fieldlog.domain.ids import new_id
from fieldlog.domain.messages import msg
from fieldlog.services.edits import merge_edit, save_edit
from fieldlog.services.errors import InvalidInput
from fieldlog.services.validate import optional_name
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem
from fieldlog.store.repositories.team_rows import (
    county_names_by_id,
    last_county_order,
    live_counties,
)

KIND = "county"
#: The longest county name taken: 黔东南苗族侗族自治州凯里经济开发区 has 17 characters.
MAX_COUNTY_NAME = 40


@dataclass(frozen=True)
class County:
    """A home county as the team form shows it; a county added in the form has an id already
    (`new_county`), so a member's row can name it before it is saved."""

    id: uuid.UUID
    name: str


def new_county(name: str = "") -> County:
    """A county added in the form, with the id it will be saved under."""
    return County(new_id(), name)


def county_list(db: Database) -> list[County]:
    """The live home counties, in the order the team put them."""
    with db.read() as session:
        return [County(item_id, name) for item_id, name in live_counties(session)]


def county_names(db: Database) -> dict[uuid.UUID, str]:
    """Every county's name by id, removed ones included (a member may still name one)."""
    with db.read() as session:
        return county_names_by_id(session)


def checked_counties(counties: list[County]) -> list[County]:
    """The list with its names cleaned; refuses a county without a name, one named twice, or a
    name too long, naming its row."""
    cleaned, seen = [], set()
    for row, county in enumerate(counties, start=1):
        name = optional_name(county.name)
        if not name:
            raise InvalidInput(
                msg("county.name_required", "the home county in row {row} has no name", row=row)
            )
        if len(name) > MAX_COUNTY_NAME:
            raise InvalidInput(
                msg(
                    "county.name_too_long",
                    "the home county in row {row} has a name of {length} characters,"
                    " at most {limit}",
                    row=row,
                    length=len(name),
                    limit=MAX_COUNTY_NAME,
                )
            )
        if name in seen:
            raise InvalidInput(
                msg("county.duplicate", "two home counties are named {name}", name=name)
            )
        seen.add(name)
        cleaned.append(County(county.id, name))
    return cleaned


def save_counties(db: Database, shown: list[County], edited: list[County]) -> None:
    """Save what differs between the list shown and the list edited: new counties, new names,
    the new order, and removed counties (tombstoned). Joins the caller's transaction."""
    if edited == shown:
        return
    counties = checked_counties(edited)
    kept = {county.id for county in counties}
    shown_by_id = {county.id: county for county in shown}
    # The order is the user's only where the user moved a county; else each keeps its place
    # (another user may have moved it meanwhile) and new ones go last.
    untouched = [c.id for c in shown if c.id in kept] + [
        c.id for c in counties if c.id not in shown_by_id
    ]
    reordered = [c.id for c in counties] != untouched
    with db.begin() as session:
        for county in shown:
            if county.id not in kept:
                _shown_item(session, county).deleted = True
        _check_new_names(session, counties, set(shown_by_id))
        previous: tuple[int, str] | None = None if reordered else (_last_order(session), "")
        for county in counties:
            was = shown_by_id.get(county.id)
            item = None if was is None else _merged_name(session, was, county)
            if was is None:
                item = CatalogItem(id=county.id, kind=KIND, name=county.name)
                item.sort_order = _next(previous)
                session.add(item)
            elif item is None or not reordered:
                continue
            elif _kept_order(item.sort_order, item.name, previous) is None:
                item.sort_order = _next(previous)
            previous = (item.sort_order, item.name)
        session.flush()
        _check_unique(session)


def _merged_name(session: Session, shown: County, edited: County) -> CatalogItem | None:
    """The county with the name the form gave it merged over the stored one; None for a county
    the form left as shown that another user removed meanwhile (it stays removed)."""
    if edited.name == shown.name:
        item = session.get(CatalogItem, shown.id)
        return None if item is None or item.deleted else item
    item = _shown_item(session, shown)
    merged = merge_edit(shown, edited, County(item.id, item.name))
    save_edit(session, item, merged, lambda data: setattr(item, "name", data.name))
    return item


def _last_order(session: Session) -> int:
    return last_county_order(session)


def _check_unique(session: Session) -> None:
    """Two live counties never share a name, whoever named them."""
    seen: set[str] = set()
    for _item_id, name in live_counties(session):
        if name in seen:
            raise InvalidInput(
                msg("county.duplicate", "two home counties are named {name}", name=name)
            )
        seen.add(name)


def _kept_order(order: int, name: str, previous: tuple[int, str] | None) -> int | None:
    # The list shows in (sort_order, name) order: a county keeps its number while it still comes
    # after the one before it, so an unchanged or only renamed list rewrites no order.
    return order if previous is None or (order, name) > previous else None


def _next(previous: tuple[int, str] | None) -> int:
    return 0 if previous is None else previous[0] + 1


def _shown_item(session: Session, county: County) -> CatalogItem:
    item = session.get(CatalogItem, county.id)
    if item is None or item.kind != KIND or item.deleted:
        # Removed by another laptop's package while the form was open.
        raise InvalidInput(
            msg(
                "county.gone",
                "home county {name} has been removed meanwhile; open the team form again",
                name=county.name,
            )
        )
    return item


def _check_new_names(session: Session, counties: list[County], shown: set[uuid.UUID]) -> None:
    """A county another laptop added since the form opened keeps its name to itself."""
    others = {name for item_id, name in live_counties(session) if item_id not in shown}
    for county in counties:
        if county.name in others:
            raise InvalidInput(
                msg("county.duplicate", "two home counties are named {name}", name=county.name)
            )
