"""Importing packages: verify them all, then apply inside the caller's one transaction.

The caller (services/sync.py) owns the order SPEC §6 asks for: verify → skip what was applied
→ back up → one transaction (apply, dedupe, clock) → integrity and foreign-key check → commit.
"""

from __future__ import annotations

import gc
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from fieldlog.domain.messages import carried, msg
from fieldlog.store.errors import classify
from fieldlog.store.repositories.attachment_rows import missing_files, put_file
from fieldlog.sync.candidates import early_pairs, refresh_candidates
from fieldlog.sync.changes import (
    Contents,
    Records,
    bad_line,
    check_and_keep,
    parse_records,
    read_rows,
)
from fieldlog.sync.conflicts import record_conflicts
from fieldlog.sync.crypto import Keys
from fieldlog.sync.dedupe import follow_aliases, merge_same_codes, merge_same_codes_pairwise
from fieldlog.sync.derived import DerivedWriter
from fieldlog.sync.errors import PackageError
from fieldlog.sync.manifest import Manifest
from fieldlog.sync.merge import MergeResult, Ready, apply_ready, apply_records, apply_rows
from fieldlog.sync.package import inflate, open_file, open_package
from fieldlog.sync.peers import mark_applied, note_sender


@dataclass(frozen=True)
class Verified:
    """A package that passed every check before the import; `packed` holds its changes."""

    path: Path
    manifest: Manifest
    contents: Contents
    packed: bytes
    keys: Keys | None = None
    #: The lines as parsed when verified, kept for the apply (None: parse them again then).
    records: Records | None = field(default=None, repr=False, compare=False)
    #: The lines made ready for the apply by the process that verified them (`Verifier`).
    ready: Ready | None = field(default=None, repr=False, compare=False)

    @property
    def package_id(self) -> uuid.UUID:
        """The package's id (from its authenticated manifest)."""
        return self.manifest.package_id


#: Parsed lines kept between verifying and applying, across one import's packages; the
#: packages past it are parsed again when applied (a parsed line of a visit takes about 4 kB:
#: the bench's 242,424 lines all kept took 1.2 GB against 310 MB).
KEEP_ROWS = 100_000


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while many parsed lines are made or held: it would walk
    every one of them again and again (they hold no cycles), a third of the parsing time.
    Nested uses are fine: only the outermost turns it back on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


#: The reference way of applying: each row decoded and merged in turn, the derived tables kept
#: by their triggers (what an import did before the bulk way). Tests compare both ways.
ROW_BY_ROW = False


def verify(path: Path, passphrase: str, keep_rows: int = 0) -> Verified:
    """Open, decrypt and check every line of a package without touching the database; the
    parsed lines are kept for the apply when there are at most `keep_rows` (a caller verifying
    many packages shares out `KEEP_ROWS`, as `services/exchange/sync.py` does)."""
    opened = open_package(path, passphrase)
    with collector_paused():
        contents, records = check_and_keep(opened.plaintext, opened.manifest, path.name)
    kept = records if contents.rows <= keep_rows else None
    return Verified(path, opened.manifest, contents, opened.packed, opened.keys, kept)


@dataclass
class Applied:
    """What applying one package did."""

    merge: MergeResult
    conflicts: int


def apply_verified(
    session: Session,
    package: Verified,
    *,
    seq: int,
    own_node: str,
    now: datetime,
    on_chunk: Callable[[int], None] | None = None,
) -> Applied:
    """Decode and merge a verified package's rows and remember it as applied.

    A value that fails decoding, or a row the database refuses, raises PackageError; the caller's
    transaction then rolls back, leaving the database as it was.
    """
    label = package.path.name
    ready = package.ready.take() if package.ready is not None and not ROW_BY_ROW else None
    try:
        if ROW_BY_ROW:
            header, rows = read_rows(inflate(package.packed, label), label)
            merge = apply_rows(session, rows, seq, on_chunk)
        elif ready is not None:
            header = package.contents.header

            @cache
            def lines() -> Records:
                return parse_records(inflate(package.packed, label), label)[1]

            with collector_paused():
                merge = apply_ready(session, ready, lines, seq, _fail(label), on_chunk)
        else:
            header, records = package.contents.header, package.records
            if records is None:
                header, records = parse_records(inflate(package.packed, label), label)
            with collector_paused():
                merge = apply_records(session, records, seq, _fail(label), on_chunk)
    except PackageError:
        raise
    except ValueError as exc:
        raise PackageError(
            msg("package.in_file", "{label}: {problem}", label=label, problem=carried(exc))
        ) from None
    except SQLAlchemyError as exc:
        if classify(exc, label) is not None:  # a full disk, a lock: not the package's fault
            raise
        raise PackageError(
            msg(
                "package.not_merged",
                "{label} could not be merged ({detail})",
                label=label,
                detail=type(exc).__name__,
            )
        ) from None
    conflicts = record_conflicts(session, merge.conflicts, package.package_id, now)
    total = package.contents.rows
    mark_applied(
        session,
        package_id=package.package_id,
        sender_node=package.manifest.sender_node,
        header=header,
        rows=total,
        file_name=str(package.path),
        now=now,
    )
    note_sender(
        session,
        own_node=own_node,
        sender_node=package.manifest.sender_node,
        package_id=package.package_id,
        header=header,
        rows=total,
        now=now,
    )
    return Applied(merge, conflicts)


def _fail(label: str) -> Callable[[int, BaseException], Exception]:
    def fail(number: int, problem: BaseException) -> Exception:
        return PackageError(bad_line(label, number, problem))

    return fail


def store_files(session: Session, packages: Sequence[Verified], seq: int) -> int:
    """Store the bytes of every attachment this import made live whose bytes are not here,
    each taken from a package that carries it and checked against its hash; PackageError when
    one is in no package (nothing is kept: the caller's transaction rolls back)."""
    missing = missing_files(session, seq=seq)
    if not missing:
        return 0
    carriers = {
        entry.sha256: (package, entry) for package in packages for entry in package.manifest.files
    }
    stored = 0
    for sha in sorted(missing):
        if sha not in carriers or carriers[sha][0].keys is None:
            label = packages[-1].path.name if packages else ""
            raise PackageError(
                msg(
                    "package.file_missing",
                    "{label} lacks the bytes of an attached file ({sha}…) that this computer does "
                    "not have; ask the sender for a full package (sync export --full). Nothing was "
                    "imported",
                    label=label,
                    sha=sha[:12],
                )
            )
        package, entry = carriers[sha]
        assert package.keys is not None
        put_file(session, sha, open_file(package.path, package.manifest, package.keys, entry))
        stored += 1
    return stored


@dataclass
class Dedupe:
    """What the merge did by itself after the packages: merged pairs, moved references."""

    merged: list[tuple[uuid.UUID, uuid.UUID]] = field(default_factory=list)
    moved: int = 0
    candidates: int = 0
    newest_stamp: int = 0


def dedupe(session: Session, seq: int, now: datetime) -> Dedupe:
    """Merge same-code organizations, follow aliases, refresh the look-alike review list."""
    writer = DerivedWriter(session, seq)
    merged = (merge_same_codes_pairwise if ROW_BY_ROW else merge_same_codes)(session, writer)
    # Many organizations: their look-alikes are sought on another core while references move
    # (moving them changes no name, code or decision; taken only if that still holds).
    early = None if ROW_BY_ROW else early_pairs(session)
    try:
        moved = follow_aliases(session, writer)
        candidates = refresh_candidates(session, now, early)
    finally:
        if early is not None:
            early.close()
    return Dedupe(merged, moved, candidates, writer.newest)


Progress = Callable[[str, int, int], None]
