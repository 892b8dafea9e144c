"""`bureau watch DIR`: receive the packages the teams put in a shared folder.

Each look takes every `*.fieldsync` in the folder, oldest first, one import each (a refused
package never holds up the others), and reports each: received, already received (a package is
applied once, whoever put it there and however often), waiting, or refused with the reason.

A package whose records need records of an earlier package of its team that has not arrived yet
(hz-3 put in the folder before hz-2) is *waiting*: it is tried again once the bureau has
received any package since its last try — later in the same look, or in a later look, whoever
received it (another bureau user, a drop on the window). Not at every look: each try of a
package derives its key from the passphrase and, on SQLite, copies the database to a backup
before it applies and rolls back, which every minute for every waiting package would be work
done for nothing. A package of a team not registered yet is tried again once a team is
registered. Any other refusal (a wrong passphrase, a damaged file) is final: reported once, and
again only when the file changes (one still being copied fails its checks and is tried again
once it changes). A file that has not changed since the look that settled it is not reported
again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldlog.domain.messages import Message, code_of, msg
from fieldlog.services.bureau.bureau import require_bureau
from fieldlog.services.errors import InvalidInput
from fieldlog.services.exchange import sync
from fieldlog.services.exchange.bureau_receive import MISSING_REFERENCES, UNREGISTERED
from fieldlog.store.database import Database
from fieldlog.store.errors import DatabaseError
from fieldlog.store.repositories import bureau_rows
from fieldlog.sync.errors import PackageError
from fieldlog.sync.package import SUFFIX

RECEIVED, ALREADY, WAITING, REFUSED = "received", "already", "waiting", "refused"


@dataclass(frozen=True)
class WatchResult:
    """What one look did with one file."""

    file: Path
    status: str  # RECEIVED, ALREADY, WAITING or REFUSED
    rows: int = 0
    reason: str = ""
    code: str = ""  # the refusal's message code (for a waiting or refused package)

    def as_dict(self) -> dict[str, Any]:
        """The JSON line `bureau watch --json` prints."""
        return {
            "file": self.file.name,
            "status": self.status,
            "rows": self.rows,
            "reason": self.reason,
            "code": self.code,  # the refusal's stable code ("" when received)
        }

    def line(self) -> Message:
        """The line `bureau watch` prints."""
        if self.status == RECEIVED:
            return msg(
                "bureau.watch_received",
                "{file}: received, {rows} records",
                file=self.file.name,
                rows=self.rows,
            )
        if self.status == ALREADY:
            return msg("bureau.watch_already", "{file}: received before", file=self.file.name)
        if self.status == WAITING:
            return msg(
                "bureau.watch_waiting",
                "{file}: waiting for an earlier package of its team, tried again once another "
                "package is received: {reason}",
                file=self.file.name,
                reason=self.reason,
            )
        return msg(
            "bureau.watch_refused",
            "{file}: refused: {reason}",
            file=self.file.name,
            reason=self.reason,
        )


@dataclass(frozen=True)
class Looked:
    """How a file was when last tried, what came of it, and the bureau's counts then."""

    stat: tuple[int, int]
    result: WatchResult
    counts: bureau_rows.ReceiveCounts


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except FileNotFoundError:  # taken away meanwhile
        return None
    return info.st_size, info.st_mtime_ns


def _due(looked: Looked | None, stat: tuple[int, int], counts: bureau_rows.ReceiveCounts) -> bool:
    """Whether to try the file now: new or changed, or refused for a reason since cured."""
    if looked is None or looked.stat != stat:
        return True
    code = looked.result.code if looked.result.status in (WAITING, REFUSED) else ""
    if code == MISSING_REFERENCES:
        return counts.received != looked.counts.received
    if code == UNREGISTERED:
        return counts.teams != looked.counts.teams
    return False


def _receive(db: Database, path: Path) -> WatchResult:
    try:
        report = sync.import_packages(db, [path])
    except (PackageError, InvalidInput) as exc:
        code = code_of(exc)
        status = WAITING if code == MISSING_REFERENCES else REFUSED
        return WatchResult(path, status, reason=str(exc), code=code)
    [package] = report.packages
    if package.skipped:
        return WatchResult(path, ALREADY)
    return WatchResult(path, RECEIVED, rows=package.rows)


def _counts(db: Database) -> bureau_rows.ReceiveCounts:
    with db.read() as session:
        return bureau_rows.receive_counts(session)


def watch_once(
    db: Database, folder: Path, seen: dict[Path, Looked] | None = None
) -> list[WatchResult]:
    """Try every package in `folder` that is due (see the module docstring); one result for
    each file tried, its outcome at the end of this look. `seen` carries what the looks of one
    watch have settled from one look to the next."""
    require_bureau(db)
    if not folder.is_dir():
        raise InvalidInput(msg("bureau.no_folder", "{folder} is not a folder", folder=str(folder)))
    seen = {} if seen is None else seen
    stats = {path: _stat(path) for path in folder.glob(f"*{SUFFIX}")}
    found = sorted(
        ((p, s) for p, s in stats.items() if s is not None), key=lambda f: (f[1][1], f[0].name)
    )
    results: dict[Path, WatchResult] = {}
    while True:  # again after a pass that received something: it may cure a waiting package
        counts = _counts(db)
        due = [(path, stat) for path, stat in found if _due(seen.get(path), stat, counts)]
        if not due:
            break
        for path, stat in due:
            try:
                result = _receive(db, path)
            except DatabaseError:
                seen.pop(path, None)  # the database's fault (busy, full): the file is tried again
                raise
            seen[path] = Looked(stat, result, counts)
            results.pop(path, None)  # listed where its last try of this look came
            results[path] = result
            if result.status == RECEIVED:  # what is tried next is tried after this one
                counts = _counts(db)
    return list(results.values())
