"""Large visit logs: stored a batch at a time with exactly the rows and report of the row-by-row
way, read from the file as they are used, with progress and a cancel that stores nothing."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from fieldlog.excel.reader import ExcelFileError
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.imports import import_visits, imports
from fieldlog.services.imports.import_report import SheetImportReport
from fieldlog.services.imports.import_table import load_table
from fieldlog.services.imports.import_visits import VisitImport
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.store.models.history import FieldChange
from tests.excel.messy import MEMBERS, VISIT_HEADINGS, build_visit_log, code
from tests.field_dump import field_dump

# --- what was stored, whatever the ids --------------------------------------------------------


def canonical(db: Database) -> list[str]:
    """Every record's content with each id it holds replaced by the content of the record it
    names: two imports that stored the same things give the same list."""
    records = {record_id: (table, record) for (table, record_id), record in field_dump(db).items()}
    labels: dict[str, str] = {}

    def label(record_id: str) -> str:
        if record_id not in labels:
            table, record = records[record_id]
            named = {
                key: label(value) if isinstance(value, str) and value in records else value
                for key, value in record.items()
                if key != "id"
            }
            labels[record_id] = table + json.dumps(named, sort_keys=True, ensure_ascii=False)
        return labels[record_id]

    return sorted(label(record_id) for record_id in records)


def history(db: Database) -> list[tuple[Any, ...]]:
    """How many change-history rows each table, field and source got."""
    with db.read() as session:
        columns = (FieldChange.table_name, FieldChange.field, FieldChange.source)
        query = select(*columns, func.count()).group_by(*columns).order_by(*columns)
        return [tuple(row) for row in session.execute(query)]


def stored_by(
    db: Database, path: Path, *, batched: bool
) -> tuple[SheetImportReport, list[str], list[tuple[Any, ...]]]:
    """Import `path` one way or the other, note what it stored, and undo it."""
    with db.begin() as session:
        everything = session.begin_nested()
        table = load_table(path, "visits")
        report = VisitImport(db, session, table, batched=batched).run()
        session.flush()
        stored, changes = canonical(db), history(db)
        everything.rollback()
    return report, stored, changes


def assert_same_either_way(db: Database, path: Path) -> SheetImportReport:
    before = digest(db)
    old = stored_by(db, path, batched=False)
    assert digest(db) == before
    new = stored_by(db, path, batched=True)
    assert new[0].rows == old[0].rows  # every row's outcome, label and reason, in order
    assert new[0].as_dict(codes=True) == old[0].as_dict(codes=True)
    assert new[1] == old[1]
    assert new[2] == old[2]
    return new[0]


# --- a log with every kind of row a batch must leave to the services --------------------------


def build_large_log(path: Path, rows: int) -> Path:
    """Revisits of records on file, contacts met again and completed, bad kinds, intents and
    follow-ups only the services refuse, duplicates of earlier rows, codes naming other rows."""
    rng = random.Random(5)
    names = [f"深圳市批量{n}号科技有限公司" for n in range(40)] + ["深圳市德润物流有限公司"]
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["走访明细（批量）"])
    sheet.append(list(VISIT_HEADINGS.values()))
    written: list[list[Any]] = []
    for k in range(rows):
        if written and k % 17 == 0:
            sheet.append(list(rng.choice(written)))
            continue
        day = date(2021, 1, 4) + timedelta(days=rng.randrange(60))
        name = rng.choice(names)
        row = {
            "seq": k + 1,
            "date": day.isoformat() if k % 3 else f"{day.year}/{day.month}/{day.day}",
            "org": name,
            "credit_code": code("MB1", names.index(name))
            if k % 4 == 0 and "批量" in name
            else None,
            "org_kind": "",
            "chain": "物流" if k % 9 == 0 else "",
            "visit_kind": ("", "上门走访", "来访接待", "飞鸽传书")[k % 4] if k % 13 else "飞鸽传书",
            "visitors": "、".join(rng.sample(MEMBERS, rng.randint(1, 2))),
            "contacts": rng.choice(("", "", "张总", "张总（总经理）", "李经理（副总）13800138000")),
            "summary": rng.choice(("洽谈仓储合作", "回访", f"第{k}次走访", "")),
            "intent": rng.choice(("", "强", "中", "很强")) if k % 5 == 0 else "",
            "next_follow_up": (day - timedelta(days=3)).isoformat() if k % 11 == 0 else None,
            "remark": "",
        }
        if k % 23 == 0:
            row["visitors"] = "赵六"  # refused while reading
        cells = [row[key] for key in VISIT_HEADINGS]
        written.append(cells)
        sheet.append(cells)
    on_file = [rows + 1, "2021-01-05", "深圳市德润物流有限公司", None, "", "", "", "王强", "张总"]
    sheet.append([*on_file, "洽谈仓储合作", "强", None, ""])  # the visit on file, completed
    workbook.save(path)
    return path


def seed(db: Database) -> None:
    ids = {name: team.save_member(db, team.MemberInput(name)) for name in MEMBERS}
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司", credit_code=code("MA7", 1)))
    orgs.save_contact(db, org.id, orgs.ContactInput("张总"))
    first = visits.VisitInput(date(2021, 1, 5), org.id, [ids["李娜"]], summary="洽谈仓储合作")
    visits.save_visit(db, first)
    orgs.save_org(db, orgs.OrgInput("深圳市批量3号科技有限公司"))


@pytest.mark.parametrize("batch", [1, 7, 500])
def test_batches_store_exactly_what_row_by_row_stores(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    seed(db)
    monkeypatch.setattr(import_visits, "BATCH_ROWS", batch)
    report = assert_same_either_way(db, build_large_log(tmp_path / "走访.xlsx", 400))
    outcomes = {row.outcome for row in report.rows}
    assert outcomes == {"created", "updated", "unchanged", "rejected"}
    codes = {row.code for row in report.rejected}
    assert {"import.cell", "store.not_in_catalog", "visit.follow_up_before"} <= codes


def test_the_messy_visit_log_is_stored_the_same_either_way(db: Database, tmp_path: Path) -> None:
    log = build_visit_log(tmp_path / "走访.xlsx")
    log.seed(db)
    report = assert_same_either_way(db, log.path)
    assert report.as_dict() == log.expected


@pytest.fixture
def small_batches(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed's records and a log of 120 rows, stored 25 rows a batch."""
    seed(db)
    monkeypatch.setattr(import_visits, "BATCH_ROWS", 25)
    return build_large_log(tmp_path / "走访.xlsx", 120)


def test_a_batch_that_fails_unforeseen_is_stored_again_row_by_row(
    db: Database, small_batches: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = import_visits.new_visit
    calls = [0]

    def new_visit(*args: Any) -> Any:  # the 30th new visit fails after its batch began
        calls[0] += 1
        if calls[0] == 30:
            raise ValueError("unforeseen")
        return made(*args)

    monkeypatch.setattr(import_visits, "new_visit", new_visit)
    assert_same_either_way(db, small_batches)
    assert calls[0] > 30


class _FailingWrite:
    """A prepared insert whose writing fails as no check foresaw."""

    def __init__(self, table: Any) -> None:
        self.table = table

    def write(self, connection: Any) -> None:
        raise ValueError(f"unforeseen while writing {self.table.name}")


def _failing_batch(
    monkeypatch: pytest.MonkeyPatch, *, batch: int, table: int | None
) -> list[list[Any]]:
    """The `batch`-th batch's writes fail: while being prepared (`table` None), or when the
    `table`-th table's rows are written, after those before it were."""
    prepared = import_visits.made_here_writes
    batches: list[list[Any]] = []

    def made_here_writes(*args: Any) -> list[Any]:
        writes: list[Any] = prepared(*args)
        batches.append(writes)
        if len(batches) == batch:
            if table is None:
                raise ValueError("unforeseen while converting")
            writes[table] = _FailingWrite(writes[table].table)
        return writes

    monkeypatch.setattr(import_visits, "made_here_writes", made_here_writes)
    return batches


def test_a_batch_that_fails_before_it_writes_is_stored_again_row_by_row(
    db: Database, small_batches: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batches = _failing_batch(monkeypatch, batch=2, table=None)
    assert_same_either_way(db, small_batches)
    assert len(batches) > 2


def test_a_batch_written_in_part_is_undone_with_its_savepoint_or_with_the_import(
    db: Database, tmp_path: Path, small_batches: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite a batch keeps no savepoint (it would journal every page it writes): should its
    writing fail midway, nothing can undo that part alone, so the import fails and stores
    nothing. A server's batch is undone with its savepoint and stored again row by row."""
    path = small_batches
    _, row_by_row, row_by_row_changes = stored_by(db, path, batched=False)
    before = digest(db)
    backups = set(tmp_path.rglob("*before-import*"))
    batches = _failing_batch(monkeypatch, batch=2, table=2)
    if db.engine.dialect.name == "sqlite":
        with pytest.raises(RuntimeError, match="unforeseen while writing"):
            imports.import_visits(db, path)
        assert digest(db) == before
        assert set(tmp_path.rglob("*before-import*")) == backups
    else:
        imports.import_visits(db, path)
        assert canonical(db) == row_by_row
        assert history(db) == row_by_row_changes
    assert len(batches) >= 2 and isinstance(batches[1][2], _FailingWrite)


# --- progress and cancel ----------------------------------------------------------------------


def test_progress_is_told_to_the_last_row(db: Database, tmp_path: Path) -> None:
    seed(db)
    path = build_large_log(tmp_path / "走访.xlsx", 1200)
    told: list[tuple[str, int, int]] = []
    report = imports.import_visits(db, path, progress=lambda *step: told.append(step) or None)
    steps = [step for step, _, _ in told]
    assert steps[0] == "reading" and steps[-1] == "storing"
    assert told[-1] == ("storing", len(report.rows), len(report.rows))
    stored = [done for step, done, _ in told if step == "storing"]
    assert stored == sorted(stored) and stored[0] == 0


def test_a_cancelled_import_stores_nothing_and_keeps_no_backup(
    db: Database, tmp_path: Path
) -> None:
    seed(db)
    path = build_large_log(tmp_path / "走访.xlsx", 1200)
    before = digest(db)
    backups = set(tmp_path.rglob("*before-import*"))

    def stop_midway(step: str, done: int, total: int) -> bool:
        return not (step == "storing" and done >= 500)

    with pytest.raises(imports.ImportCancelled) as raised:
        imports.import_visits(db, path, progress=stop_midway)
    assert str(raised.value) == "the import was cancelled; nothing was stored"
    assert digest(db) == before
    assert set(tmp_path.rglob("*before-import*")) == backups


# --- reading a sheet as it is used -----------------------------------------------------------


def test_a_long_sheet_is_read_past_its_head_and_a_far_column_can_be_chosen(
    db: Database, tmp_path: Path
) -> None:
    team.save_member(db, team.MemberInput("李娜"))
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["走访日期", "走访企业", "走访人"])
    for k in range(40):
        row: list[Any] = [f"2021-03-{k % 28 + 1:02d}", f"深圳市长表{k}有限公司", "李娜"]
        if k == 35:
            row += [None, "只在第37行才有的一列"]
        sheet.append(row)
    path = tmp_path / "长表.xlsx"
    workbook.save(path)
    table = load_table(path, "visits")
    assert not table.sheet.complete  # only the head was read to find the header
    assert [cells.row for cells in table.data_rows()] == list(range(2, 42))
    report = imports.import_visits(db, path, mapping={"summary": 4})
    assert report.created == 40
    with pytest.raises(ExcelFileError, match="has no column 6"):
        imports.import_visits(db, path, mapping={"summary": 5})
