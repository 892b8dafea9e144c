"""What an import reports (SPEC §5 `import … --json`), and running one row in a savepoint.

Reasons are messages, rendered in the user's language where they are shown (`as_dict`, the
window's report); their codes stay stable for scripts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy.orm import Session

from fieldlog.domain.messages import Message, carried, msg, render
from fieldlog.excel.headers import ColumnMapping, FieldSpec
from fieldlog.store.stamping import COUNTERS_INFO

Outcome = Literal["created", "updated", "unchanged", "rejected"]


@dataclass(frozen=True, slots=True)
class RejectedRow:
    """A row that stored nothing, with the reason a person can act on."""

    row: int
    reason: Message

    @property
    def code(self) -> str:
        """The stable code of the reason."""
        return self.reason.code


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """What happened to one data row; label names the record, reason explains a rejection."""

    row: int
    outcome: Outcome
    label: str
    reason: Message | None = None

    def reason_text(self, language: str | None = None) -> str:
        """The reason in `language` (the current one when None), "" when there is none."""
        return render(self.reason, language) if self.reason is not None else ""


@dataclass
class SheetImportReport:
    """What importing an Excel sheet did: counts of created, updated and unchanged rows, the
    rejected rows, and every row's outcome."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    rows: list[RowOutcome] = field(default_factory=list)

    def add(self, outcome: RowOutcome) -> None:
        """Count one row's outcome."""
        self.rows.append(outcome)
        if outcome.outcome == "rejected":
            assert outcome.reason is not None, "a rejected row always says why"
            self.rejected.append(RejectedRow(outcome.row, outcome.reason))
        else:
            setattr(self, outcome.outcome, getattr(self, outcome.outcome) + 1)

    def as_dict(self, language: str | None = None, *, codes: bool = False) -> dict[str, Any]:
        """The report as `import … --json` prints it: reasons in `language` (the current one
        when None), each with its stable code when `codes`."""

        def rejected(row: RejectedRow) -> dict[str, Any]:
            entry: dict[str, Any] = {"row": row.row}
            if codes:
                entry["code"] = row.code
            entry["reason"] = render(row.reason, language)
            return entry

        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": [rejected(r) for r in self.rejected],
        }


@dataclass(frozen=True)
class Preview:
    """What the window shows before an import: where the header is and what maps where."""

    sheet: str
    sheet_names: tuple[str, ...]
    header_row: int
    mapping: ColumnMapping
    #: field name → the heading of the column it is read from.
    headings: dict[str, str]
    #: every field this kind of import can fill, for the window's column choosers.
    fields: tuple[FieldSpec, ...]
    #: (sheet row number, cells as text) of the first data rows.
    rows: list[tuple[int, tuple[str, ...]]]


def change_mark(session: Session) -> int:
    """A number that grows whenever the unit of work stamps a change (see store.stamping)."""
    session.flush()
    counters = session.info.get(COUNTERS_INFO)
    return int(counters[1]) if counters else 0


def in_savepoint(
    session: Session, work: Callable[[], RowOutcome], row: int, label: str
) -> RowOutcome:
    """Run one row's work in a SAVEPOINT; a ValueError undoes just that row and rejects it."""
    savepoint = session.begin_nested()
    try:
        outcome = work()
        session.flush()
    except ValueError as exc:
        savepoint.rollback()
        return RowOutcome(row, "rejected", label, reason_of(exc))
    savepoint.commit()
    return outcome


def reason_of(error: ValueError) -> Message:
    """Why a row was rejected: the error's message, or its plain text inside one (a library's
    text, or a message not yet in the catalog) so that the row still says it was refused."""
    found = carried(error)
    if isinstance(found, Message):
        return found
    return msg("import.refused", "{detail}", detail=found)
