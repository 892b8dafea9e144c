"""Opening a workspace: the database, migrated, with the default catalogs in place."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from fieldlog.domain.catalogs import default_chains, default_entries
from fieldlog.domain.messages import msg
from fieldlog.store import migrate
from fieldlog.store.backup import forget_backup
from fieldlog.store.database import Database, open_database
from fieldlog.store.location import describe
from fieldlog.store.migrate import Reporter, UpgradeCancelled, UpgradeStep

__all__ = [
    "DEFAULTS_CREATED_AT",
    "Reporter",
    "UpgradeCancelled",
    "UpgradeStep",
    "county_names",
    "ensure_defaults",
    "is_empty",
    "open_workspace",
    "seconds_left",
    "watching",
]
from fieldlog.store.models import CatalogItem, Chain, ChainLink, Team, Visit
from fieldlog.store.repositories.workspace_rows import has_live_row, insert_row, present_ids

#: Shipped entries carry fixed metadata, so every laptop holds byte-identical copies of them.
DEFAULTS_CREATED_AT = datetime(2020, 1, 1, tzinfo=UTC)


def _meta(fields: dict[str, object]) -> dict[str, object]:
    return {
        **fields,
        "created_at": DEFAULTS_CREATED_AT,
        "updated_at": DEFAULTS_CREATED_AT,
        "node_id": "",
        "hlc": 0,
        "deleted": False,
        "field_stamps": {},
        "local_seq": 0,
    }


def _default_rows() -> list[tuple[type, dict[str, object]]]:
    rows: list[tuple[type, dict[str, object]]] = [
        (
            CatalogItem,
            _meta(
                {
                    "id": e.id,
                    "kind": e.kind,
                    "name": e.name,
                    "sort_order": e.sort_order,
                    "assess_excluded": e.assess_excluded,
                }
            ),
        )
        for e in default_entries()
    ]
    for chain in default_chains():
        rows.append(
            (
                Chain,
                _meta(
                    {
                        "id": chain.id,
                        "name": chain.name,
                        "description": "",
                        "sort_order": chain.sort_order,
                    }
                ),
            )
        )
        rows += [
            (
                ChainLink,
                _meta(
                    {
                        "id": link.id,
                        "chain_id": chain.id,
                        "parent_id": None,
                        "name": link.name,
                        "position": link.position,
                        "sort_order": link.sort_order,
                    }
                ),
            )
            for link in chain.links
        ]
    return rows


def _missing_defaults(session: Session) -> list[tuple[type, dict[str, object]]]:
    present = present_ids(session, (CatalogItem, Chain, ChainLink))
    return [(model, row) for model, row in _default_rows() if row["id"] not in present]


def _insert_missing_defaults(session: Session) -> int:
    missing = _missing_defaults(session)
    for model, row in missing:
        insert_row(session, model, row)
    return len(missing)


def ensure_defaults(db: Database) -> int:
    """Insert the shipped catalogs that are missing (by fixed id); returns how many were added."""
    with db.begin() as session:
        return _insert_missing_defaults(session)


def county_names(db: Database) -> list[str]:
    """The home counties members can come from, in catalog order."""
    from fieldlog.store.repositories.common import catalog_names

    with db.read() as session:
        return catalog_names(session, "county")


def open_workspace(
    location: str,
    *,
    create: bool = True,
    password: str | None = None,
    progress: Reporter | None = None,
) -> Database:
    """Open the database at `location` (creating it only when `create`) and make sure the
    default catalogs are there. `password` opens an encrypted file, or encrypts a new one
    (`store.database.open_database`).

    Only a new or upgraded file gets them at once; otherwise opening takes no write lock and
    catalogs a newer FieldLog ships are added by the first change (never on a read-only file).

    An older database is upgraded first (after one backup of the file): `progress` hears each
    step and how far it is (`store.migrate.Reporter`) and may stop it by raising
    UpgradeCancelled; the upgrade is then rolled back, its backup deleted, and
    UpgradeCancelled says so in one sentence.
    """
    if progress is not None:
        with watching(progress):
            return open_workspace(location, create=create, password=password)
    try:
        return _open(location, create, password)
    except UpgradeCancelled as exc:
        forget_backup(migrate.upgrade_backup())  # it equals the database, which is unchanged
        raise UpgradeCancelled(
            msg(
                "upgrade.cancelled",
                "The upgrade of {path} was stopped; the database is as it was before "
                "(FieldLog opens it once it is upgraded)",
                path=describe(location),
            )
        ) from exc


def watching(progress: Reporter) -> AbstractContextManager[object]:
    """Report the progress of any upgrade `open_workspace` runs in this context (this thread)
    to `progress`, as its `progress` argument does."""
    return migrate.reporting(progress)


def seconds_left(elapsed_s: float, fraction: float | None) -> float | None:
    """The seconds a step that is `fraction` done after `elapsed_s` seconds still needs, at the
    pace it went so far; None until that pace can be told (the first seconds, the first 1 %)."""
    if fraction is None or fraction < 0.01 or elapsed_s < 2.0:
        return None
    return elapsed_s * (1.0 - fraction) / fraction


def _open(location: str, create: bool, password: str | None) -> Database:
    db = open_database(location, create=create, password=password)
    try:
        if db.schema_written:
            ensure_defaults(db)
        elif not db.read_only:
            with db.read() as session:
                missing = bool(_missing_defaults(session))
            if missing:
                db.on_first_write(_insert_missing_defaults)
    except BaseException:
        db.close()
        raise
    return db


def is_empty(db: Database) -> bool:
    """No team set up and no live visit: a first start (the window offers the demo)."""
    with db.read() as session:
        return not has_live_row(session, Team) and not has_live_row(session, Visit)
