"""A record's change history (who changed which field, when, from what to what) and restoring
an earlier value.

The history is what this laptop has seen: its own edits and the changes sync brought in (see
fieldlog/store/history.py); on a server database, also the edits of every other installation
using it, each under that installation's own node (fieldlog/store/node_identity.py).

A restore is an ordinary edit made here: stamped now, it wins over the value it replaces and
travels in the next package like any other change.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from fieldlog.domain import hlc
from fieldlog.domain.catalogs import display_name
from fieldlog.domain.messages import Message, msg
from fieldlog.domain.text import name_key, pinyin_initials
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs.orgs import find_by_code
from fieldlog.services.team.identity import members_of_nodes
from fieldlog.store import history
from fieldlog.store.database import Database
from fieldlog.store.models import REPLICATED_MODELS, Attachment, FieldChange, Organization
from fieldlog.store.repositories import history_rows
from fieldlog.store.repositories.attachment_rows import has_file
from fieldlog.sync.derived import is_derived
from fieldlog.sync.rows import SPECS

MODELS: dict[str, Any] = {m.__tablename__: m for m in REPLICATED_MODELS}  # type: ignore[attr-defined]
#: Fields kept in step with another one (the name's search keys): never shown, never restored.
DERIVED_FIELDS = frozenset({"name_key", "name_initials"})
#: What a reference column names, in a refusal to restore a value that points to a deleted record.
REFERENCE_NAMES: dict[str, Message] = {
    "chain": msg("history.ref.chain", "chain"),
    "contact": msg("history.ref.contact", "contact"),
    "county": msg("history.ref.county", "county"),
    "group": msg("history.ref.group", "group"),
    "investor": msg("history.ref.investor", "investor"),
    "kind": msg("history.ref.kind", "kind"),
    "landing_county": msg("history.ref.landing_county", "landing_county"),
    "link": msg("history.ref.link", "link"),
    "member": msg("history.ref.member", "member"),
    "org": msg("history.ref.org", "org"),
    "origin": msg("history.ref.origin", "origin"),
    "owner": msg("history.ref.owner", "owner"),
    "parent": msg("history.ref.parent", "parent"),
    "project": msg("history.ref.project", "project"),
    "sign_form": msg("history.ref.sign_form", "sign_form"),
    "tag": msg("history.ref.tag", "tag"),
    "team": msg("history.ref.team", "team"),
    "visit": msg("history.ref.visit", "visit"),
}
#: The parts of a record shown in its history: (table, column naming the parent, column naming
#: the part's subject or None when the part is itself named).
PARTS: dict[str, tuple[tuple[str, str, str | None], ...]] = {
    "visit": (
        ("visit_visitor", "visit_id", "member_id"),
        ("visit_contact", "visit_id", "contact_id"),
        ("attachment", "visit_id", None),
    ),
    "organization": (
        ("org_tag", "org_id", "tag_id"),
        ("contact", "org_id", None),
        ("attachment", "org_id", None),
    ),
    "project": (
        ("stage_event", "project_id", None),
        ("funds_tranche", "project_id", None),
        ("coordination_matter", "project_id", None),
        ("attachment", "project_id", None),
    ),
}
AUTOMATIC = "automatic merge of duplicates"
THIS_LAPTOP = "this laptop"
#: How a change reached this laptop.
EDIT, RESTORE, SYNC = history.EDIT, history.RESTORE, history.SYNC


@dataclass(frozen=True)
class HistoryEntry:
    """One change: which record (the record itself or one of its parts) and field, the values
    before and after (references shown by name), who made it, when, and how it arrived."""

    id: int
    table: str
    record_id: uuid.UUID
    part: str
    field: str
    old: Any
    new: Any
    who: str
    at: datetime
    source: str
    restorable: bool


def node_names(session: Session, this_node: str) -> Callable[[str], str]:
    """Who a node id stands for: "this laptop" for this installation's node, the automatic
    merge of duplicates, the member another installation of the same server database chose
    (what it would sign its packages with), or a member's name as their packages said; any
    other node (an installation that chose no member, a laptop never met through sync) is
    "laptop <the node id's start>"."""
    names = {**history_rows.peer_names(session), **members_of_nodes(session)}

    def who(node: str) -> str:
        if is_derived(node):
            return AUTOMATIC
        if node == this_node:
            return THIS_LAPTOP
        return names.get(node) or f"laptop {node[:8]}"

    return who


def _referenced(table: str, field: str) -> str | None:
    keys = list(MODELS[table].__table__.c[field].foreign_keys)
    return keys[0].column.table.name if keys else None


def _label(session: Session, table: str, record_id: uuid.UUID) -> str:
    record = session.get(MODELS[table], record_id)
    if record is not None and getattr(record, "name", None):
        # A shipped catalog entry or chain under its shipped name reads in English in English.
        return display_name(record_id, str(record.name))
    if record is not None and getattr(record, "stage", None):
        return str(record.stage)
    if record is not None and table == "funds_tranche":
        return str(record.received_on)
    if record is not None and table == "coordination_matter":
        # The matter's first words name it: "用地指标 …" reads better than an id.
        return str(record.matter)[:20]
    return ""


def _shown(session: Session, table: str, field: str, value: Any) -> Any:
    """A stored JSON value as people read it: a referenced record by its name."""
    if value is None or field == "deleted":
        return value
    decoded = SPECS[table].decoders[field](value)
    target = _referenced(table, field)
    if target is not None and target in MODELS:
        return _label(session, target, decoded) or str(decoded)
    return decoded


def _part_ids(
    session: Session, table: str, record_id: uuid.UUID
) -> dict[uuid.UUID, tuple[str, str]]:
    parts: dict[uuid.UUID, tuple[str, str]] = {record_id: (table, "")}
    for part, parent, subject in PARTS.get(table, ()):
        for part_id, named in history_rows.parts_of(
            session, MODELS[part], parent, subject, record_id
        ):
            label = _label(session, _referenced(part, subject) or part, named) if subject else ""
            parts[part_id] = (part, label or _label(session, part, part_id))
    return parts


def record_history(db: Database, table: str, record_id: uuid.UUID) -> list[HistoryEntry]:
    """Every change of the record and its parts seen on this laptop, newest first."""
    if table not in MODELS:
        raise InvalidInput(
            msg("history.no_table", "there is no history of {table} records", table=table)
        )
    with db.read() as session:
        who = node_names(session, db.node_id)
        parts = _part_ids(session, table, record_id)
        changes = history_rows.changes_of(session, parts, DERIVED_FIELDS)
        return [_entry(session, who, parts, row) for row in changes]


def _entry(
    session: Session,
    who: Callable[[str], str],
    parts: dict[uuid.UUID, tuple[str, str]],
    row: FieldChange,
) -> HistoryEntry:
    part_table, part_label = parts[row.record_id]
    return HistoryEntry(
        id=row.id,
        table=part_table,
        record_id=row.record_id,
        part=part_label,
        field=row.field,
        old=_shown(session, part_table, row.field, row.old_value),
        new=_shown(session, part_table, row.field, row.new_value),
        who=who(row.new_node),
        at=hlc.to_datetime(row.new_hlc) if row.new_hlc else row.recorded_at,
        source=row.source,
        restorable=row.old_hlc != 0 or row.old_value is not None,
    )


def _what(field: str) -> Message | str:
    """What a reference field names, for "the earlier … no longer exists"."""
    name = field.removesuffix("_id")
    return REFERENCE_NAMES.get(name, name)


def check_value(session: Session, record: Any, field: str, value: Any) -> None:
    """Refuse a value the record can no longer take: a reference to a record that is gone, or a
    credit code another live organization now carries."""
    target = _referenced(record.__tablename__, field)
    if target is not None and value is not None:
        referenced = session.get(MODELS[target], value)
        if referenced is None or referenced.deleted:
            raise InvalidInput(
                msg(
                    "history.reference_gone",
                    "the earlier {what} no longer exists",
                    what=_what(field),
                )
            )
    if isinstance(record, Organization) and field == "credit_code" and value:
        holder = find_by_code(session, value)
        if holder is not None and holder.id != record.id:
            raise InvalidInput(
                msg(
                    "history.credit_code_taken",
                    "{name} already has the credit code {code}",
                    name=holder.name,
                    code=value,
                )
            )
    restoring = isinstance(record, Attachment) and field == "deleted" and value is False
    if restoring and not has_file(session, record.sha256):
        raise InvalidInput(
            msg(
                "attach.cannot_restore",
                "{name} cannot be put back: its contents never reached this computer",
                name=record.name,
            )
        )


def write_value(session: Session, record: Any, field: str, value: Any) -> None:
    """Set one field as an edit made here, keeping the fields that follow it in step."""
    if getattr(record, field) == value:
        return
    check_value(session, record, field, value)
    setattr(record, field, value)
    if isinstance(record, Organization) and field == "name":
        record.name_key, record.name_initials = name_key(value), pinyin_initials(value)


def restore_value(db: Database, change_id: int) -> int | None:
    """Write back the value a recorded change replaced, as a new change made on this laptop;
    returns the id of that new change (restoring it undoes this), or None if nothing changed."""
    with db.begin() as session:
        change = session.get(FieldChange, change_id)
        if change is None or change.field in DERIVED_FIELDS:
            raise InvalidInput(
                msg(
                    "history.unknown_change",
                    "change {change} is not in this laptop's history",
                    change=change_id,
                )
            )
        if change.old_hlc == 0 and change.old_value is None:
            raise InvalidInput(
                msg(
                    "history.no_earlier_value",
                    "this change made the record: there is no earlier value",
                )
            )
        record = session.get(MODELS[change.table_name], change.record_id)
        if record is None:
            raise InvalidInput(
                msg("history.record_missing", "the record of this change is not on this laptop")
            )
        value = SPECS[change.table_name].decoders[change.field](change.old_value)
        if getattr(record, change.field) == value:
            return None
        session.info[history.SOURCE_INFO] = history.RESTORE
        write_value(session, record, change.field, value)
        session.flush()
        return history_rows.newest_change(session, change.record_id, change.field)
