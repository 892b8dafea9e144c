"""A visit log is read twice: its names and codes first, to group the rows by organization,
then row by row as they are stored. The groups are those of the rows that are not refused,
as when the whole sheet was held: a refused row links no name to a code, gives no code to
an organization, and an import cancelled or failed leaves the connection as it found it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from fieldlog.services.imports import imports
from fieldlog.services.imports.import_table import load_table
from fieldlog.services.imports.import_visits import NamePair, VisitImport, _pair
from fieldlog.store.database import Database
from fieldlog.sync import deferred
from tests.excel.messy import VISIT_HEADINGS, code
from tests.services.imports.test_import_batches import (
    assert_same_either_way,
    build_large_log,
    canonical,
    history,
    seed,
    stored_by,
)

#: Rows refused for a cell that is not the name or the code, each the only one to give its
#: organization a code or to link two names through a code.
REFUSED = {
    "甲 linked to 乙 by a code": {"org": "深圳市甲号科技有限公司", "credit_code": code("MX1", 1)},
    "丙 given a code": {"org": "深圳市丙号科技有限公司", "credit_code": code("MX1", 2)},
    "丁 named before its code": {"org": "深圳市丁号科技有限公司", "credit_code": code("MX1", 3)},
}


def _row(k: int, **cells: Any) -> list[Any]:
    row = {
        "seq": k,
        "date": f"2021-03-{1 + k % 27:02d}",
        "org": f"深圳市{k % 5}号物流有限公司",
        "credit_code": None,
        "org_kind": "",
        "chain": "",
        "visit_kind": "",
        "visitors": "李娜",
        "contacts": "",
        "summary": f"第{k}次走访",
        "intent": "",
        "next_follow_up": None,
        "remark": "",
    }
    row.update(cells)
    return [row[key] for key in VISIT_HEADINGS]


def build_log(path: Path, *, refused: bool) -> tuple[Path, set[int]]:
    """A log of 60 rows whose refused rows (a member not in the team) would change the groups
    if they counted; without `refused` they are blank rows (the same row numbers)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["走访明细"])
    sheet.append(list(VISIT_HEADINGS.values()))
    numbers: set[int] = set()
    bad = iter(REFUSED.values())
    for k in range(1, 61):
        if k in (5, 20, 33):
            numbers.add(sheet.max_row + 1)
            sheet.append(_row(k, visitors="赵六", **next(bad)) if refused else [])
        elif k == 12:
            sheet.append(_row(k, org="深圳市乙号科技有限公司", credit_code=code("MX1", 1)))
        elif k in (9, 40):
            sheet.append(_row(k, org="深圳市甲号科技有限公司"))
        elif k in (25, 50):
            sheet.append(_row(k, org="深圳市丙号科技有限公司"))
        elif k == 15:
            sheet.append(_row(k, org="深圳市丁号科技有限公司"))
        elif k == 45:
            sheet.append(_row(k, org="深圳市戊号科技有限公司", credit_code=code("MX1", 3)))
        else:
            sheet.append(_row(k))
    workbook.save(path)
    return path, numbers


def test_refused_rows_group_nothing(db: Database, tmp_path: Path) -> None:
    seed(db)
    with_refused, refused = build_log(tmp_path / "走访.xlsx", refused=True)
    without, _ = build_log(tmp_path / "走访-无.xlsx", refused=False)
    report, stored, changes = stored_by(db, with_refused, batched=True)
    plain_report, plain_stored, plain_changes = stored_by(db, without, batched=True)
    assert [r.row for r in report.rejected] == sorted(refused)
    assert [r for r in report.rows if r.row not in refused] == plain_report.rows
    assert (report.created, report.updated, report.unchanged) == (57, 0, 0)
    assert stored == plain_stored
    assert changes == plain_changes
    assert not any(code("MX1", 2) in record for record in stored)
    assert_same_either_way(db, with_refused)


class Hasty(VisitImport):
    """An import whose first look groups every row whose name and code are readable, refused
    or not: the rows as stored then give other groups."""

    def _first_look(self) -> tuple[int, list[NamePair]]:
        rows = list(self.table.data_rows())
        pairs = (_pair(cells) for cells in rows)
        return len(rows), list(dict.fromkeys(pair for pair in pairs if pair is not None))


def test_rows_stored_with_groups_other_than_the_first_look_are_stored_again(
    db: Database, tmp_path: Path
) -> None:
    seed(db)
    path, _ = build_log(tmp_path / "走访.xlsx", refused=True)
    report, stored, changes = stored_by(db, path, batched=True)
    told: list[tuple[str, int, int]] = []
    with db.begin() as session:
        everything = session.begin_nested()
        table = load_table(path, "visits")
        progress = lambda *step: told.append(step) or None  # noqa: E731
        hasty = Hasty(db, session, table, progress=progress).run()
        session.flush()
        assert canonical(db) == stored
        assert history(db) == changes
        everything.rollback()
    assert hasty.rows == report.rows
    storing = [done for step, done, _ in told if step == "storing"]
    assert storing.count(0) == 2  # stored, rolled back, stored again
    assert storing[-1] == len(report.rows) == 60


def cache_sizes(db: Database) -> list[int]:
    """SQLite's page cache setting on every connection the database's pool holds."""
    pool = db.engine.pool
    connections = [db.engine.raw_connection() for _ in range(max(pool.checkedin(), 1))]  # type: ignore[attr-defined]
    try:
        sizes = []
        for connection in connections:
            cursor = connection.cursor()
            cursor.execute("PRAGMA cache_size")
            sizes.append(cursor.fetchone()[0])
            cursor.close()
        return sizes
    finally:
        for connection in connections:
            connection.close()


@pytest.mark.parametrize("ending", ["stored", "dry run", "cancelled", "failed"])
def test_an_import_leaves_the_page_cache_as_it_was(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ending: str
) -> None:
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's page cache")
    monkeypatch.setattr(deferred, "DEFER_ROWS", 100)
    seed(db)
    path = build_large_log(tmp_path / "走访.xlsx", 1200)
    before = cache_sizes(db)
    assert -deferred.CACHE_KIB not in before

    def progress(step: str, done: int, total: int) -> bool:
        if step == "storing" and done >= 500:
            if ending == "failed":
                raise OSError("disk full")
            return ending != "cancelled"
        return True

    if ending in ("cancelled", "failed"):
        with pytest.raises((imports.ImportCancelled, OSError)):
            imports.import_visits(db, path, progress=progress)
    else:
        imports.import_visits(db, path, progress=progress, dry_run=ending == "dry run")
    assert cache_sizes(db) == before


def test_every_row_outcome_is_kept_as_it_was_added() -> None:
    from fieldlog.domain.messages import msg
    from fieldlog.services.imports.import_report import RowOutcome, SheetImportReport

    added = [
        RowOutcome(3, "created", "2024-01-02 深圳市甲号科技有限公司"),
        RowOutcome(4, "unchanged", "2024-01-02 深圳市甲号科技有限公司", msg("x.same", "same")),
        RowOutcome(5, "rejected", "", msg("x.no_name", "no name")),
        RowOutcome(7, "updated", "深圳市 乙号 公司 "),
        RowOutcome(9, "rejected", "  前后空格  ", msg("x.bad", "bad {n}", n=1)),
        RowOutcome(2**40, "created", "2024-01-03 深圳市甲号科技有限公司"),
    ]
    report = SheetImportReport()
    for outcome in added:
        report.add(outcome)
    assert list(report.rows) == added
    assert report.rows == added and added == report.rows
    assert len(report.rows) == 6
    assert report.rows[-1] == added[-1] and report.rows[1:3] == added[1:3]
    assert sorted(report.rows, key=lambda r: (r.outcome != "rejected", r.row))[0].row == 5
    assert [r.row for r in report.rejected] == [5, 9]
    assert (report.created, report.updated, report.unchanged) == (2, 1, 1)
    with pytest.raises(IndexError):
        report.rows[6]


def test_rows_stored_are_not_kept(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """However long the sheet, only the rows of about one batch are alive while storing
    (a refusal kept for the next rows must not keep the rows of the batch it was met in)."""
    import gc

    from fieldlog.services.imports import import_visits

    seed(db)
    monkeypatch.setattr(import_visits, "BATCH_ROWS", 25)
    path = build_large_log(tmp_path / "走访.xlsx", 400)  # an unknown visit kind in every batch
    alive: list[int] = []

    def progress(step: str, done: int, total: int) -> None:
        if step == "storing":
            rows = (o for o in gc.get_objects() if isinstance(o, import_visits.ImportedVisitRow))
            alive.append(sum(1 for _ in rows))

    gc.collect()
    progress("storing", 0, 0)  # what other tests left alive
    report = imports.import_visits(db, path, progress=progress, dry_run=True)
    assert report.created > 200 and "store.not_in_catalog" in {r.code for r in report.rejected}
    assert len(alive) > 15
    assert max(alive) - alive[0] <= 3 * 25


def test_an_import_in_its_own_transaction_stores_again_in_a_new_one(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through `import_visits`, the transaction is the import's alone: the rows stored with the
    first look's groups are rolled back with it, and stored again in a new one."""
    seed(db)
    path, _ = build_log(tmp_path / "走访.xlsx", refused=True)
    report, stored, changes = stored_by(db, path, batched=True)
    looks = []

    def first_look(self: VisitImport) -> tuple[int, list[NamePair]]:
        looks.append(self)
        return Hasty._first_look(self)  # type: ignore[arg-type]

    monkeypatch.setattr(VisitImport, "_first_look", first_look)
    run = VisitImport.run
    attempts: list[tuple[bool, bool, bool]] = []

    def each_attempt(self: VisitImport) -> Any:
        attempts.append((self.alone, self.looked is not None, self.session.in_nested_transaction()))
        return run(self)

    monkeypatch.setattr(VisitImport, "run", each_attempt)
    told: list[tuple[str, int, int]] = []
    again = imports.import_visits(db, path, progress=lambda *step: told.append(step) or None)
    assert again.rows == report.rows
    assert canonical(db) == stored
    assert history(db) == changes
    storing = [done for step, done, _ in told if step == "storing"]
    assert storing.count(0) == 2  # stored, rolled back with its transaction, stored again
    assert storing[-1] == 60
    assert len(looks) == 1  # the second attempt knew the first look's answer
    # Two imports, each alone in its transaction with no savepoint open: the second a new one.
    assert attempts == [(True, False, False), (True, True, False)]
