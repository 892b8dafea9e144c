"""Saving a record that a form loaded earlier: only what its user changed is written.

A form (a dialog, an undo step) holds the values it loaded, `before`, and the values it saves,
`after`. Meanwhile another user of the same database (another window, a command line, a sync
import) may have changed the record. Writing `after` whole would silently put back every value
that user changed; so a save merges, field by field, against what is stored now (`current`,
read in the save's own transaction):

- a field the user left as loaded keeps the stored value, whoever wrote it;
- a field the user changed takes the user's value, stamped now, so it wins as the later write
  does in sync; when the stored value is neither the loaded one nor the user's, someone else
  changed it too, and the value replaced goes to the conflict log as a sync loser does (winner,
  loser, who, when), for the team leader to restore with one click;
- a list (tags, visitors, contacts met) merges by element: what the user added is added, what
  the user removed is removed, and the other user's additions and removals stand;
- nothing changed in the form: nothing is written (no stamp, no history, no conflict).

Undoing such a save is the same merge the other way (`before` and `after` swapped), so an undo
takes back only its own fields.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from fieldlog.store.models import Replicated
from fieldlog.sync.conflicts import record_local_conflicts
from fieldlog.sync.merge import Conflict

I = TypeVar("I")  # noqa: E741 - a form's input dataclass


@dataclass(frozen=True)
class Merged(Generic[I]):
    """What to save (`data`), the fields the user changed, and those of them that another user
    changed to something else since the form was loaded."""

    data: I
    changed: tuple[str, ...]
    clashes: tuple[str, ...]


def _merge_list(before: list[Any], after: list[Any], current: list[Any]) -> list[Any]:
    added = [x for x in after if x not in before]
    removed = {x for x in before if x not in after}
    kept = {x for x in current if x not in removed} | set(added)
    # The user's order first (a visit's first visitor owns the lead it opens), then the rest.
    ordered = [x for x in after if x in kept]
    return ordered + [x for x in current if x in kept and x not in ordered]


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return sorted(map(str, a)) == sorted(map(str, b))
    return bool(a == b)


def merge_edit(before: I, after: I, current: I) -> Merged[I]:
    """Merge a form's save (`before` → `after`) into the stored values `current`."""
    values: dict[str, Any] = {}
    changed, clashes = [], []
    for item in dataclasses.fields(before):  # type: ignore[arg-type]
        name = item.name
        old, new, now = getattr(before, name), getattr(after, name), getattr(current, name)
        if _same(old, new):
            values[name] = now
            continue
        changed.append(name)
        if isinstance(new, list):
            values[name] = _merge_list(list(old), list(new), list(now))
            continue
        values[name] = new
        if not _same(now, old) and not _same(now, new):
            clashes.append(name)
    return Merged(dataclasses.replace(current, **values), tuple(changed), tuple(clashes))  # type: ignore[type-var]


def _stamp(record: Replicated, column: str) -> list[Any]:
    stamp = (record.field_stamps or {}).get(column)
    return list(stamp[:2]) if stamp else [record.hlc, record.node_id]


def save_edit(
    session: Session,
    record: Replicated,
    merged: Merged[I],
    save: Callable[[I], object],
    columns: Mapping[str, str] | None = None,
) -> bool:
    """Save `merged.data` through `save` (the service's own save, which writes only the columns
    that differ from `record`) and log the stored values it replaced in a clash. `columns` maps
    an input field to the column that holds it where the names differ. False when the user
    changed nothing (then nothing is written)."""
    if not merged.changed:
        return False
    watched = {(columns or {}).get(name, name) for name in merged.clashes}
    losers = {c: (getattr(record, c), _stamp(record, c)) for c in watched}
    save(merged.data)
    session.flush()
    conflicts = []
    for column, (value, stamp) in losers.items():
        winner = _stamp(record, column)
        if winner != stamp:  # the save wrote this column (it did not normalise to the same)
            table = record.__tablename__  # type: ignore[attr-defined]
            row_id = record.id  # type: ignore[attr-defined]
            won = getattr(record, column)
            conflicts.append(Conflict(table, row_id, column, won, winner, value, stamp))
    record_local_conflicts(session, conflicts, datetime.now(UTC))
    return True
