"""Importing target-company lists and visit logs from Excel (SPEC §4.3, §5 `import`).

The file is read and its header found before the database is touched, so a file that is not a
readable workbook stores nothing. All rows then go in one transaction, each in its own savepoint:
a rejected row leaves nothing behind, and a dry run computes the same report and rolls back.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from os import PathLike
from pathlib import Path

from sqlalchemy.orm import Session

from fieldlog.excel.headers import ImportKind, MappingOverride, fields_of
from fieldlog.excel.reader import ExcelFileError
from fieldlog.excel.values import cell_text
from fieldlog.services.bulk_work import fewer_collections
from fieldlog.services.file_guard import guard_input
from fieldlog.services.imports.import_batch import ImportCancelled, Progress, StoreAgain
from fieldlog.services.imports.import_orgs import OrgImport
from fieldlog.services.imports.import_report import (
    Preview,
    RejectedRow,
    RowOutcome,
    SheetImportReport,
)
from fieldlog.services.imports.import_table import Table, load_table
from fieldlog.services.imports.import_visits import VisitImport
from fieldlog.store.backup import automatic_backup, forget_backup
from fieldlog.store.database import Database

__all__ = [
    "PREVIEW_ROWS",
    "ExcelFileError",
    "ImportCancelled",
    "Preview",
    "Progress",
    "RejectedRow",
    "RowOutcome",
    "SheetImportReport",
    "import_orgs",
    "import_visits",
    "preview",
]

PREVIEW_ROWS = 10

#: (database, session, table, progress, whether the transaction is the import's alone).
Importer = Callable[[Database, Session, Table, "Progress | None", bool], SheetImportReport]


class _DryRun(Exception):
    """Carries a dry run's report out of the transaction it rolls back."""

    def __init__(self, report: SheetImportReport) -> None:
        super().__init__("dry run")
        self.report = report


def _run(
    db: Database,
    path: str | PathLike[str],
    kind: ImportKind,
    importer: Importer,
    *,
    sheet: str | None,
    dry_run: bool,
    mapping: MappingOverride | None,
    progress: Progress | None = None,
) -> SheetImportReport:
    # Read only by SQLite: opening it would drop its locks.
    guard_input(Path(path), db.path, "an Excel workbook")
    table = load_table(path, kind, sheet=sheet, mapping=mapping)
    db.require_writable()  # before the backup, which a read-only folder cannot hold
    backup = None
    if not dry_run and db.path is not None and db.path.exists():
        backup = automatic_backup(db.path, "before-import", password=db.password)
    # Its own transaction, unless the caller's unit of work is joined: then a savepoint, so
    # that a dry run undoes only itself (a savepoint costs a large import dearly: StoreAgain).
    alone = not db.in_unit_of_work
    with fewer_collections():  # a large sheet makes millions of short-lived objects
        while True:
            try:
                with db.begin() as session:
                    everything = None if alone else session.begin_nested()
                    report = importer(db, session, table, progress, alone)
                    if dry_run:
                        if everything is not None:
                            everything.rollback()
                        raise _DryRun(report)  # rolls back the transaction when it is the import's
                    if everything is not None:
                        everything.commit()
            except _DryRun as stop:
                return stop.report
            except StoreAgain as again:  # rolled back: the next attempt starts afresh
                importer = again.importer
                continue
            except BaseException:
                forget_backup(backup)
                raise
            return report


def import_orgs(
    db: Database,
    path: str | PathLike[str],
    *,
    sheet: str | None = None,
    dry_run: bool = False,
    mapping: MappingOverride | None = None,
    progress: Progress | None = None,
) -> SheetImportReport:
    """Import a target-company list: create or update organizations and their contacts.

    `mapping` corrects the detected columns: field name → heading, 0-based column index, or None
    to ignore the field. ExcelFileError (one sentence) when the file cannot be imported at all.
    `progress(step, done, total)` is told how far the import is; when it returns False the
    import stops, stores nothing and raises ImportCancelled.
    """
    return _run(
        db,
        path,
        "orgs",
        lambda d, s, t, p, _alone: OrgImport(d, s, t, progress=p).run(),
        sheet=sheet,
        dry_run=dry_run,
        mapping=mapping,
        progress=progress,
    )


def import_visits(
    db: Database,
    path: str | PathLike[str],
    *,
    sheet: str | None = None,
    dry_run: bool = False,
    mapping: MappingOverride | None = None,
    progress: Progress | None = None,
) -> SheetImportReport:
    """Import a visit log: create or update visits, creating organizations and contacts met.

    Arguments and errors as for `import_orgs`.
    """
    return _run(
        db,
        path,
        "visits",
        lambda d, s, t, p, alone: VisitImport(d, s, t, progress=p, alone=alone).run(),
        sheet=sheet,
        dry_run=dry_run,
        mapping=mapping,
        progress=progress,
    )


def preview(
    path: str | PathLike[str],
    kind: ImportKind,
    *,
    sheet: str | None = None,
    mapping: MappingOverride | None = None,
) -> Preview:
    """What an import would read: the sheet, its header row, the mapping and the first rows."""
    table = load_table(path, kind, sheet=sheet, mapping=mapping)
    columns = table.mapping.columns
    first = islice(table.data_rows(), PREVIEW_ROWS)
    rows = [(cells.row, tuple(cell_text(value) for value in cells.values)) for cells in first]
    return Preview(
        sheet=table.sheet.name,
        sheet_names=table.sheet.sheet_names,
        header_row=table.mapping.header_row,
        mapping=table.mapping,
        headings={name: table.mapping.heading_of(name) for name in columns},
        fields=fields_of(kind),
        rows=rows,
    )
