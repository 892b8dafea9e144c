"""Sync use cases: "Send my work" (export), "Receive" (import), peers.

Packages are files (SPEC §6). Export writes what this laptop has not sent yet (or everything).
Import checks each package whole before any of its rows is written — ZIP sanity, manifest,
schema revision, hash, passphrase, authenticity, the shape and counts of its lines, and that it
is this laptop's team's (`sync/team_check.py`; a laptop of no team joins the team of the full
package it takes) — and skips those already applied; before the first package to apply it takes
a backup and opens one transaction, in which each package is applied while the next ones are
still being verified (field values are decoded there; a bad one, or a later package refused,
rolls everything back); then it merges duplicates, moves the clock, runs the integrity and
foreign-key checks and commits. Refusals are ValueErrors (InvalidInput, or PackageError from
the sync layer) with one sentence; the database is then as it was.
"""

from __future__ import annotations

import contextlib
import itertools
import uuid
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from sqlalchemy.orm import Session

from fieldlog.domain.ids import new_id
from fieldlog.domain.messages import code_of, msg
from fieldlog.services.errors import InvalidInput
from fieldlog.services.exchange import bureau_receive
from fieldlog.services.exchange.passphrase import (  # noqa: F401  (sync.set_passphrase…)
    MAX_PASSPHRASE,
    MIN_PASSPHRASE,
    PASSPHRASE_KEY,
    has_passphrase,
    require_passphrase,
    set_passphrase,
)
from fieldlog.services.exchange.sync_report import PackageReport, SyncImportReport, clock_warnings
from fieldlog.services.file_guard import Kind, guard_input, guard_output
from fieldlog.services.team.identity import members_of_nodes, my_member
from fieldlog.store.backup import automatic_backup, forget_backup
from fieldlog.store.database import Database
from fieldlog.store.health import check_health
from fieldlog.store.repositories.attachment_rows import file_bytes
from fieldlog.store.repositories.sync_rows import changed_since, references_hold, sync_peers
from fieldlog.store.stamping import (
    SEQ_KEY,
    draw_change_number,
    now_ms,
    read_state,
    receive_stamp,
    write_state,
)
from fieldlog.sync import carried_files, deferred, importer
from fieldlog.sync.changes import Header, build_payload, changed_rows
from fieldlog.sync.crypto import KdfParams
from fieldlog.sync.errors import PackageError
from fieldlog.sync.package import SUFFIX, new_package_fields, write_package
from fieldlog.sync.peers import applied_ids, known_names
from fieldlog.sync.rows import SPECS
from fieldlog.sync.team_check import admit, own_team
from fieldlog.sync.verifying import Verifier

LAST_EXPORT_KEY = "sync_last_export_seq"


def _now(session: Session) -> datetime:
    return datetime.fromtimestamp(now_ms(session) / 1000, tz=UTC)


def _my_name(session: Session, location: str) -> str:
    """The name of the member this installation chose (its own on a server database)."""
    member = my_member(session, location)
    return member.name if member is not None else ""


@dataclass(frozen=True)
class ExportReport:
    """A package written: where, its id, how many rows of which tables, full or incremental."""

    path: Path
    package_id: uuid.UUID
    rows: int
    counts: dict[str, int]
    full: bool
    #: Attached files carried (distinct), their bytes, and the attachments left for the next
    #: package because this one was full (`sync/carried_files.py`).
    files: int = 0
    file_bytes: int = 0
    held: int = 0
    held_bytes: int = 0


#: How many characters of the laptop's node id a package's file name shows.
NODE_IN_NAME = 8


def suggested_file_name(db: Database, folder: Path | None = None) -> str:
    """A file name for this laptop's next package: `fieldlog-<laptop>-<UTC date-time>`.

    Nothing personal: a package may be lost on a USB stick, and its name must say no more than
    its clear manifest (which holds the sender's node id, not a name). The laptop's short id is
    how the import report names a sender before its member is known ("laptop 72e697bc"), so a
    leader with a folder of packages still sees whose laptop each came from and sorts them by
    laptop; the time keeps two packages of one day apart. The member is named only inside,
    after the passphrase is given. In `folder`, a name already taken gets "-2", "-3"…: two
    packages written within a second never replace one another.
    """
    with db.read() as session:
        stamp = _now(session).strftime("%Y%m%d-%H%M%S")
    laptop = "".join(c for c in db.node_id.lower() if c in "0123456789abcdef")[:NODE_IN_NAME]
    stem = f"fieldlog-{laptop or 'laptop'}-{stamp}"
    name, count = f"{stem}{SUFFIX}", 1
    while folder is not None and (folder / name).exists():
        count += 1
        name = f"{stem}-{count}{SUFFIX}"
    return name


def export_package(
    db: Database,
    out: Path,
    *,
    full: bool = False,
    kdf: KdfParams | None = None,
    passphrase: str | None = None,
) -> ExportReport:
    """Write a package of what this laptop has not sent yet (everything with `full`).

    `out` may be a folder: the package then gets `suggested_file_name` inside it. The package
    is sealed with `passphrase`, else with the one kept for this database.
    """
    db.require_writable()  # it records what was sent: refused before a package is written
    if bureau_receive.is_bureau(db):
        raise InvalidInput(
            msg(
                "bureau.no_export",
                "this is a bureau database: it receives its teams' packages and never sends one "
                "team's records on to another, so no package was written",
            )
        )
    if out.is_dir():
        out = out / suggested_file_name(db, out)
    guard_output(out, Kind.PACKAGE, db.path)
    passphrase = passphrase or require_passphrase(db)
    with db.read() as session:
        since = None if full else int(read_state(session, LAST_EXPORT_KEY) or 0)
        seq_now = int(read_state(session, SEQ_KEY) or 0)
        # Relayed: the members the server's other installations chose name their changes too.
        names = {**known_names(session), **members_of_nodes(session)}
        me = _my_name(session, db.location)
        if me:
            names[db.node_id] = me
        team = own_team(session)
        header = Header(me, _now(session), names, team.name if team else "")
        carried = carried_files.choose(session, list(changed_rows(session, since)))
        payload, counts = build_payload(header, iter(carried.rows))
    package_id = new_id()
    fields = new_package_fields(
        package_id=package_id,
        team_id=team.id if team else None,
        sender_node=db.node_id,
        full=full,
        counts=counts,
    )
    write_package(
        out,
        package=fields,
        plaintext=payload,
        passphrase=passphrase,
        kdf=kdf or KdfParams(),
        files=carried.files,
        read_file=partial(_stored_file, db),
    )
    with db.begin() as session:
        previous = int(read_state(session, LAST_EXPORT_KEY) or 0)
        write_state(session, LAST_EXPORT_KEY, str(max(previous, seq_now)))
        carried_files.carry_later(session, carried.held)
    return ExportReport(
        out,
        package_id,
        sum(counts.values()),
        counts,
        full,
        files=len(carried.files),
        file_bytes=carried.file_bytes,
        held=len(carried.held),
        held_bytes=carried.held_bytes,
    )


def _stored_file(db: Database, sha256: str) -> bytes:
    with db.read() as session:
        data = file_bytes(session, sha256)
    if data is None:  # removed since the package was planned: nothing else does that
        raise InvalidInput(
            msg("sync.file_gone", "an attached file vanished while the package was written")
        )
    return data


def unsent_count(db: Database) -> int:
    """How many records the next (incremental) package would carry."""
    with db.read() as session:
        since = int(read_state(session, LAST_EXPORT_KEY) or 0)
        return changed_since(session, (spec.table for spec in SPECS.values()), since)


def _verified(
    db: Database,
    paths: Sequence[Path],
    progress: importer.Progress | None,
    passphrase: str | None,
    bureau: bool = False,
) -> Generator[importer.Verified]:
    """Each package verified and admitted in its turn, as the import asks for it."""
    with db.read() as session:
        team = own_team(session)
    for path in paths:  # read only by SQLite: opening it would drop its locks
        guard_input(Path(path), db.path, "a sync package")
    if bureau:  # each team's package with that team's passphrase; any registered team
        for index, path in enumerate(paths):
            if progress:
                progress("verify", index, len(paths))
            yield bureau_receive.verify_for_bureau(db, Path(path))
        return
    if not paths:
        return
    # Many packages are verified at once on other processes, each still taken in its turn.
    with Verifier(paths, passphrase or require_passphrase(db)) as verifier:
        for index, path in enumerate(paths):
            if progress:
                progress("verify", index, len(paths))
            package = verifier.verify(Path(path))
            # Packages taken together: the first may make a new laptop join the team of the next.
            team = admit(package.path.name, package.manifest, package.contents, team)
            yield package


def _check(session: Session, bureau: bool) -> None:
    problems = check_health(session, quick=True).problems
    missing = any(code_of(p).startswith("health.foreign_key") for p in problems)
    if missing or not references_hold(session):
        if bureau:  # not "this laptop": a bureau waits for the team's earlier packages
            raise bureau_receive.missing_references()
        raise PackageError(
            msg(
                "sync.missing_references",
                "the packages refer to records this laptop has not received yet; import the "
                "sender's earlier packages first, or ask for a full package (sync export --full). "
                "Nothing was imported",
            )
        )
    if problems:
        raise PackageError(
            msg(
                "sync.check_failed",
                "the merged data fails the database check ({problem})",
                problem=problems[0],
            )
        )


def import_packages(
    db: Database,
    paths: Sequence[Path],
    *,
    progress: importer.Progress | None = None,
    passphrase: str | None = None,
) -> SyncImportReport:
    """Verify, back up and apply packages in one transaction; see the module docstring.

    The packages are opened with `passphrase`, else with the one kept for this database.

    `progress(stage, done, total)` is called as the work goes: verify (package `done` of
    `total`), backup (once, before the first package to apply), apply (the rows of the package
    just verified), then files, dedupe, check and commit. Verify and apply alternate: a package
    is applied while the next ones are verified.
    """
    bureau = bureau_receive.is_bureau(db)
    # The parsed lines of the packages verified ahead are held: the collector stays off. The
    # packages not asked for when the import stops (a refusal) are not verified any further.
    packages = _verified(db, paths, progress, passphrase, bureau)
    with importer.collector_paused(), contextlib.closing(packages):
        return import_opened(db, packages, progress=progress)


def import_opened(
    db: Database,
    verified: Iterable[importer.Verified],
    *,
    progress: importer.Progress | None = None,
) -> SyncImportReport:
    """Back up and apply, in one transaction, packages opened and checked each in its turn
    (`import_packages` verifying them as they are asked for; a bureau registering teams, which
    opened each with its passphrase first): each package is decrypted once.

    A package is verified whole before any of its rows is written. The backup is taken before
    the first package that was not applied here yet; a package refused after that rolls the
    one transaction back, and the database is as it was (the backup, equal to it, goes).
    """
    bureau = bureau_receive.is_bureau(db)
    report = SyncImportReport()
    packages = iter(verified)
    first = None
    for package in packages:
        with db.read() as session:
            if _fresh(session, package, report):
                first = package
                break
    if first is None:
        return report
    db.require_writable()  # before the backup, which a read-only folder cannot hold
    if db.path is not None:
        report.backup = automatic_backup(db.path, "before-sync-import", password=db.password)
    if progress:
        progress("backup", 1, 1)
    try:
        with db.begin() as session:
            # Asked again under the write lock: another user of a shared database may have
            # taken the same package since (two bureau staff, one shared folder).
            if applied_ids(session, [first.package_id]):
                report.packages[-1].skipped = True
                first = None
            _apply(session, db.node_id, first, packages, report, progress, bureau=bureau)
    except BaseException:
        forget_backup(report.backup)
        raise
    return report


def _fresh(session: Session, package: importer.Verified, report: SyncImportReport) -> bool:
    """Whether `package` is to be applied: not applied here before, nor earlier in this import
    (then it is reported as skipped)."""
    taken = {p.package_id for p in report.packages}
    skipped = package.package_id in taken or bool(applied_ids(session, [package.package_id]))
    report.packages.append(PackageReport.of(package, skipped=skipped))
    return not skipped


def _apply(
    session: Session,
    own_node: str,
    first: importer.Verified | None,
    rest: Iterator[importer.Verified],
    report: SyncImportReport,
    progress: importer.Progress | None,
    *,
    bureau: bool = False,
) -> None:
    """Apply `first` (already reported) and each of `rest` not applied yet as it comes, in the
    caller's transaction; then store files, merge duplicates, catch up, move the clock, check."""
    todo: list[importer.Verified] = []
    change: tuple[int, datetime] | None = None
    rows = 0
    # A large import rebuilds the search index and follow-ups of what it touched once, at the end
    # (the connection's page cache, raised meanwhile, is put back however the import ends). The
    # rows to come are known only as their packages are verified: the deferral starts with the
    # package that makes them many (those before it went through the triggers).
    with contextlib.ExitStack() as stack:
        derived: deferred.Deferred | None = None
        for package in itertools.chain([first] if first is not None else [], rest):
            if package is not first and not _fresh(session, package, report):
                continue
            if change is None:
                change = draw_change_number(session), _now(session)
            rows += package.contents.rows
            if derived is None and not importer.ROW_BY_ROW and rows >= deferred.DEFER_ROWS:
                derived = stack.enter_context(deferred.deferring(session, rows))

            def on_chunk(done: int, size: int = package.contents.rows) -> None:
                if progress:
                    progress("apply", done, size)

            on_chunk(0)
            applied = importer.apply_verified(
                session, package, seq=change[0], own_node=own_node, now=change[1], on_chunk=on_chunk
            )
            report.packages[-1].record(applied)
            if bureau:
                bureau_receive.attribute(session, package)
            todo.append(package)
        if change is None:  # each was taken meanwhile by another user of a shared database
            return
        seq, now = change
        if progress:
            progress("files", len(todo), len(todo))
        report.files_stored = importer.store_files(session, todo, seq)
        if progress:
            progress("dedupe", len(todo), len(todo))
        dedupe = importer.Dedupe() if bureau else importer.dedupe(session, seq, now)
        report.duplicates_merged = len(dedupe.merged)
        report.references_moved = dedupe.moved
        report.duplicate_candidates = dedupe.candidates
        if derived is not None:
            derived.catch_up(session)
        newest = max([p.contents.max_stamp for p in todo] + [dedupe.newest_stamp])
        receive_stamp(session, newest)
        report.clock_warnings = clock_warnings(session, todo, now_ms(session))
        if progress:
            progress("check", len(todo), len(todo))
        _check(session, bureau)
        if progress:
            progress("commit", len(todo), len(todo))


@dataclass(frozen=True)
class PeerView:
    """One laptop this one has received from: the team leader's "last received" overview."""

    node_id: str
    member_name: str
    last_package_id: uuid.UUID | None
    last_made_at: datetime | None
    last_received_at: datetime | None
    last_rows: int
    packages: int


def peers(db: Database) -> list[PeerView]:
    """Every node heard of, by member name, newest received first."""
    with db.read() as session:
        rows = sync_peers(session)
        views = [
            PeerView(
                p.node_id,
                p.member_name,
                p.last_package_id,
                p.last_made_at,
                p.last_received_at,
                p.last_rows,
                p.packages,
            )
            for p in rows
        ]
    floor = datetime.min.replace(tzinfo=UTC)
    return sorted(views, key=lambda v: (v.last_received_at or floor, v.node_id), reverse=True)
