"""`bureau watch DIR`: receive the packages the teams put in a shared folder.

Each look takes every `*.fieldsync` in the folder, oldest first, one import each (a refused
package never holds up the others), and reports each: received, already received (a package is
applied once, whoever put it there and however often), or refused with the reason. A file that
has not changed since the last look of this run is not reported again; one still being copied
fails its checks and is tried again once it changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldlog.domain.messages import Message, msg
from fieldlog.services.bureau.bureau import require_bureau
from fieldlog.services.errors import InvalidInput
from fieldlog.services.exchange import sync
from fieldlog.store.database import Database
from fieldlog.store.errors import DatabaseError
from fieldlog.sync.errors import PackageError
from fieldlog.sync.package import SUFFIX


@dataclass(frozen=True)
class WatchResult:
    """What one look did with one file."""

    file: Path
    status: str  # "received", "already" or "refused"
    rows: int = 0
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The JSON line `bureau watch --json` prints."""
        return {
            "file": self.file.name,
            "status": self.status,
            "rows": self.rows,
            "reason": self.reason,
        }

    def line(self) -> Message:
        """The line `bureau watch` prints."""
        if self.status == "received":
            return msg(
                "bureau.watch_received",
                "{file}: received, {rows} records",
                file=self.file.name,
                rows=self.rows,
            )
        if self.status == "already":
            return msg("bureau.watch_already", "{file}: received before", file=self.file.name)
        return msg(
            "bureau.watch_refused",
            "{file}: refused: {reason}",
            file=self.file.name,
            reason=self.reason,
        )


def _stat(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns


def watch_once(
    db: Database, folder: Path, seen: dict[Path, tuple[int, int]] | None = None
) -> list[WatchResult]:
    """Receive every package in `folder` not looked at (unchanged) before; one result each."""
    require_bureau(db)
    if not folder.is_dir():
        raise InvalidInput(msg("bureau.no_folder", "{folder} is not a folder", folder=str(folder)))
    seen = {} if seen is None else seen
    found = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: (p.stat().st_mtime_ns, p.name))
    results = []
    for path in found:
        stat = _stat(path)
        if seen.get(path) == stat:
            continue
        seen[path] = stat
        try:
            report = sync.import_packages(db, [path])
        except (PackageError, InvalidInput) as exc:
            results.append(WatchResult(path, "refused", reason=str(exc)))
            continue
        except DatabaseError:
            seen.pop(path, None)  # the database's fault (busy, full): the file is tried again
            raise
        [package] = report.packages
        status = "already" if package.skipped else "received"
        results.append(WatchResult(path, status, rows=0 if package.skipped else package.rows))
    return results
