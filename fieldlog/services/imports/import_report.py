"""What an import reports (SPEC §5 `import … --json`), and running one row in a savepoint.

Reasons are messages, rendered in the user's language where they are shown (`as_dict`, the
window's report); their codes stay stable for scripts.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, overload

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


_OUTCOMES: tuple[Outcome, ...] = ("created", "updated", "unchanged", "rejected")


class OutcomeRows(Sequence[RowOutcome]):
    """Every row's outcome, in the order they were added, held compactly: a large sheet has
    hundreds of thousands. A label is kept as two shared parts, the text up to its first
    space and the rest (a visit's day and its organization, which many rows repeat)."""

    def __init__(self) -> None:
        self._numbers = array("q")
        self._outcomes = bytearray()
        self._heads: list[str] = []
        self._tails: list[str] = []
        self._reasons: dict[int, Message] = {}
        self._shared: dict[str, str] = {}

    def append(self, outcome: RowOutcome) -> None:
        """Add one row's outcome."""
        head, space, tail = outcome.label.partition(" ")
        shared = self._shared
        self._numbers.append(outcome.row)
        self._outcomes.append(_OUTCOMES.index(outcome.outcome))
        self._heads.append(shared.setdefault(head + space, head + space))
        self._tails.append(shared.setdefault(tail, tail))
        if outcome.reason is not None:
            self._reasons[len(self._numbers) - 1] = outcome.reason

    def _at(self, index: int) -> RowOutcome:
        return RowOutcome(
            self._numbers[index],
            _OUTCOMES[self._outcomes[index]],
            self._heads[index] + self._tails[index],
            self._reasons.get(index),
        )

    def __len__(self) -> int:
        return len(self._numbers)

    @overload
    def __getitem__(self, index: int) -> RowOutcome: ...

    @overload
    def __getitem__(self, index: slice) -> list[RowOutcome]: ...

    def __getitem__(self, index: int | slice) -> RowOutcome | list[RowOutcome]:
        if isinstance(index, slice):
            return [self._at(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._at(index)

    def __iter__(self) -> Iterator[RowOutcome]:
        return (self._at(index) for index in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OutcomeRows | list):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"OutcomeRows({list(self)!r})"


@dataclass
class SheetImportReport:
    """What importing an Excel sheet did: counts of created, updated and unchanged rows, the
    rejected rows, and every row's outcome."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    rows: OutcomeRows = field(default_factory=OutcomeRows)

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
