"""Organizations created twice with one credit code become one, the same way on every laptop.

After a package is merged, live organizations sharing a valid credit code are merged into the
one with the smallest id (UUIDv7 ids sort by creation time, so the earliest): the kept record
fills its empty fields from the other, the other is tombstoned and an alias (id fixed by the
pair) maps it to the kept one. Then everything still pointing at a merged-away organization —
visits, projects, contacts, tags, other aliases, including rows that arrive later — is moved to
the organization its aliases lead to. All of it through derived writes (`derived.py`), so two
laptops doing the same merge write identical rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldlog.domain.credit_code import is_valid_credit_code, normalize_credit_code
from fieldlog.domain.ids import pair_id
from fieldlog.sync.derived import DerivedWriter
from fieldlog.sync.rows import SPECS, RowLike, TableSpec

ORG, ALIAS, TAG = SPECS["organization"], SPECS["org_alias"], SPECS["org_tag"]
#: Text fields the kept organization takes from the merged one when its own is empty.
FILLABLE = ("region", "address", "phone", "notes")
#: Columns that name an organization and follow it when it is merged away.
REFERENCES: tuple[tuple[TableSpec, str], ...] = (
    (SPECS["visit"], "org_id"),
    (SPECS["project"], "investor_id"),
    (SPECS["contact"], "org_id"),
    (ALIAS, "org_id"),
    (SPECS["lead_assignment"], "org_id"),
    (SPECS["attachment"], "org_id"),
)
CHUNK = 500
#: The columns a derived write reads from the row it changes (see DerivedWriter._stamped).
STAMPED = ("field_stamps", "hlc", "node_id", "updated_at")


def _columns(spec: TableSpec) -> list[Any]:
    return [spec.table.c[key] for key in spec.columns]


def _row(session: Session, spec: TableSpec, row_id: uuid.UUID) -> RowLike | None:
    query = select(*_columns(spec)).where(spec.table.c.id == row_id)
    return session.execute(query).mappings().first()


def _fills(keep: RowLike, other: RowLike) -> dict[str, Any]:
    fills = {name: other[name] for name in FILLABLE if not keep[name] and other[name]}
    if other["is_target"] and not keep["is_target"]:
        fills["is_target"] = True
    if keep["chain_id"] is None and other["chain_id"] is not None:
        fills["chain_id"], fills["link_id"] = other["chain_id"], other["link_id"]
    elif keep["link_id"] is None and other["link_id"] and other["chain_id"] == keep["chain_id"]:
        fills["link_id"] = other["link_id"]
    return fills


def _merge_pair(
    session: Session, writer: DerivedWriter, keep_id: uuid.UUID, other_id: uuid.UUID
) -> None:
    keep, other = _row(session, ORG, keep_id), _row(session, ORG, other_id)
    assert keep is not None and other is not None
    base = max(keep["hlc"], other["hlc"])
    fills = _fills(keep, other)
    if fills:
        writer.update(ORG, keep, fills, base)
    writer.update(ORG, other, {"deleted": True}, base)
    alias_id = pair_id(other_id, keep_id)
    if _row(session, ALIAS, alias_id) is None:
        writer.create(ALIAS, alias_id, {"alias_id": other_id, "org_id": keep_id}, base)


def _shared_codes(session: Session) -> list[str]:
    """The valid credit codes more than one live organization holds, in order."""
    table = ORG.table
    codes = session.execute(
        select(table.c.credit_code)
        .where(table.c.deleted.is_(False), table.c.credit_code.is_not(None))
        .group_by(table.c.credit_code)
        .having(func.count() > 1)
    ).scalars()
    return sorted(c for c in codes if is_valid_credit_code(c) and normalize_credit_code(c) == c)


def merge_same_codes(session: Session, writer: DerivedWriter) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """Merge live organizations that share a valid credit code; returns (kept, merged) pairs.

    Set-based: the organizations of all shared codes are read in one query per few hundred
    codes, the existing aliases likewise, and every write goes out with the others of its kind.
    A kept organization that takes fields from several others is followed in memory, so each
    merge stamps from the row as the merge before it left it, as `merge_same_codes_pairwise`
    (the reference, a pair at a time) does.
    """
    table, alias = ORG.table, ALIAS.table
    codes = _shared_codes(session)
    groups: dict[str, list[dict[str, Any]]] = {}
    for start in range(0, len(codes), CHUNK):
        query = select(*_columns(ORG)).where(
            table.c.deleted.is_(False), table.c.credit_code.in_(codes[start : start + CHUNK])
        )
        for row in session.execute(query).mappings():
            groups.setdefault(row["credit_code"], []).append(dict(row))
    planned: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    aliases: list[uuid.UUID] = []
    for code in codes:
        keep, *others = sorted(groups[code], key=lambda row: row["id"])
        planned.append((keep, others))
        aliases += [pair_id(other["id"], keep["id"]) for other in others]
    existing: set[uuid.UUID] = set()
    for chunk in _chunks(aliases):
        existing.update(session.execute(select(alias.c.id).where(alias.c.id.in_(chunk))).scalars())
    merged = []
    for keep, others in planned:
        kept_changes: dict[str, Any] = {}
        for other in others:
            base = max(keep["hlc"], other["hlc"])
            fills = _fills(keep, other)
            if fills:
                values = writer.stamped(ORG, keep, fills, base)
                keep.update(values)
                kept_changes.update(values)
            writer.write_later(
                ORG, other["id"], writer.stamped(ORG, other, {"deleted": True}, base)
            )
            alias_id = pair_id(other["id"], keep["id"])
            if alias_id not in existing:
                existing.add(alias_id)
                values = {"alias_id": other["id"], "org_id": keep["id"]}
                writer.create_later(ALIAS, alias_id, values, base)
            merged.append((keep["id"], other["id"]))
        if kept_changes:
            writer.write_later(ORG, keep["id"], kept_changes)
    writer.flush()
    return merged


def merge_same_codes_pairwise(
    session: Session, writer: DerivedWriter
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """`merge_same_codes` a pair at a time, each row read and written on its own: the reference
    the set-based way is tested against (`importer.ROW_BY_ROW`)."""
    table = ORG.table
    live = table.c.deleted.is_(False)
    codes = session.execute(
        select(table.c.credit_code)
        .where(live, table.c.credit_code.is_not(None))
        .group_by(table.c.credit_code)
        .having(func.count() > 1)
    ).scalars()
    valid = sorted(c for c in codes if is_valid_credit_code(c) and normalize_credit_code(c) == c)
    merged = []
    for code in valid:
        query = select(table.c.id).where(live, table.c.credit_code == code).order_by(table.c.id)
        keep_id, *others = sorted(session.execute(query).scalars())
        for other_id in others:
            _merge_pair(session, writer, keep_id, other_id)
            merged.append((keep_id, other_id))
    return merged


def _alias_targets(session: Session) -> dict[uuid.UUID, tuple[uuid.UUID, int]]:
    """Merged-away (tombstoned) organization → (the organization it means, alias stamp)."""
    alias, org = ALIAS.table, ORG.table
    query = (
        select(alias.c.alias_id, alias.c.org_id, alias.c.hlc)
        .join(org, org.c.id == alias.c.alias_id)
        .where(alias.c.deleted.is_(False), org.c.deleted.is_(True))
    )
    targets: dict[uuid.UUID, tuple[uuid.UUID, int]] = {}
    # Merged into two organizations at once (two people on two laptops): the smaller id wins.
    for alias_id, org_id, stamp in sorted(session.execute(query)):
        targets.setdefault(alias_id, (org_id, stamp))
    return targets


def _resolve(targets: dict[uuid.UUID, tuple[uuid.UUID, int]], start: uuid.UUID) -> uuid.UUID | None:
    seen, current = {start}, start
    while current in targets:
        current = targets[current][0]
        if current in seen:
            return None  # merged into each other: leave the references alone
        seen.add(current)
    return current


def _chunks(ids: list[uuid.UUID]) -> Iterator[list[uuid.UUID]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _repoint_column(
    session: Session, writer: DerivedWriter, spec: TableSpec, column: str, targets: Any
) -> int:
    moved = 0
    table = spec.table
    # Only what a derived write reads: the id, the reference, the row's and fields' stamps.
    keys = dict.fromkeys(("id", column, *STAMPED, *(("alias_id",) if spec is ALIAS else ())))
    columns = [table.c[key] for key in keys]
    # Where each merged-away organization leads, and the stamp its move takes, found once.
    leads = {source: (_resolve(targets, source), targets[source][1]) for source in targets}
    aliases = spec is ALIAS
    for chunk in _chunks(sorted(targets)):
        query = select(*columns).where(table.c[column].in_(chunk))
        for row in session.execute(query).mappings().all():
            source = row[column]
            target, base = leads[source]
            if target is None or target == source or (aliases and row["alias_id"] == target):
                continue
            writer.update_later(spec, row, {column: target}, base)
            moved += 1
    writer.flush()
    return moved


def _move_tags(session: Session, writer: DerivedWriter, targets: Any) -> int:
    moved = 0
    table = TAG.table
    for chunk in _chunks(sorted(targets)):
        query = select(*_columns(TAG)).where(table.c.org_id.in_(chunk), table.c.deleted.is_(False))
        for row in session.execute(query).mappings().all():
            target = _resolve(targets, row["org_id"])
            if target is None:
                continue
            base = targets[row["org_id"]][1]
            kept_id = pair_id(target, row["tag_id"])
            if _row(session, TAG, kept_id) is None:
                writer.create(TAG, kept_id, {"org_id": target, "tag_id": row["tag_id"]}, base)
            writer.update_later(TAG, row, {"deleted": True}, base)
            moved += 1
    writer.flush()
    return moved


def follow_aliases(session: Session, writer: DerivedWriter) -> int:
    """Move every reference to a merged-away organization to the one it now means."""
    targets = _alias_targets(session)
    if not targets:
        return 0
    moved = sum(_repoint_column(session, writer, s, c, targets) for s, c in REFERENCES)
    return moved + _move_tags(session, writer, targets)
