"""Fuzzing the importers (issue 7 item 5): random workbooks, imported dry and for real.

Headings come from the synonym tables plus junk; cells are of every type a workbook can hold.
Whatever the file, the import either refuses it with the product's ExcelFileError or reports
every data row once; the dry run reports what the real import does; importing the same file again
changes nothing. Seeded (derandomized); FIELDLOG_FUZZ_EXAMPLES=2000 for a longer run.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from fieldlog.domain.catalogs import default_chains
from fieldlog.domain.credit_code import make_credit_code
from fieldlog.excel.headers import ORG_FIELDS, VISIT_FIELDS
from fieldlog.excel.reader import ExcelFileError
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.imports import imports
from fieldlog.services.imports.import_table import load_table
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.store.database import Database, open_database
from tests.conftest import copy_of, discard, new_database
from tests.excel.messy import MEMBERS, put

EXAMPLES = int(os.environ.get("FIELDLOG_FUZZ_EXAMPLES", "100"))
SYNONYMS = sorted({s for spec in (*ORG_FIELDS, *VISIT_FIELDS) for s in spec.synonyms})
CONTROL = "\t\n\r\x7f\x85\u00a0\u200b\u2028\u3000\ufeff"

_letters = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
_texts = st.text(alphabet=_letters | st.sampled_from(CONTROL), max_size=30)
_plausible = st.sampled_from(
    [
        *MEMBERS,
        "李娜、王强",
        "深圳市德润物流有限公司",
        "德润物流",
        "深圳市铜仁商会",
        "商协会",
        "企业",
        "上门走访",
        "强",
        "是",
        "否",
        "2020-04-01",
        "2020/4/2",
        "2020年4月3日",
        "13800138000",
        make_credit_code("91440300MA500001X"),
        *(chain.name for chain in default_chains()),
    ]
)
_cells: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    _plausible,
    _texts,
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1)),
    st.booleans(),
    st.integers(min_value=20_001, max_value=40_000).map(lambda n: "长" * n),
    st.sampled_from(
        ["=1+1", '=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "@SUM(A1)", "+1", "-1"]
    ),
)

#: Headings most sheets have, so that most examples get past the header search to the rows.
_NAMES = sorted(set(ORG_FIELDS[0].synonyms) & {s for f in VISIT_FIELDS for s in f.synonyms})
_CORE = ("走访日期", "走访人员", "洽谈内容")
_often = st.sampled_from([True, True, True, False])
_headings = st.tuples(
    st.one_of(st.sampled_from(_NAMES), st.sampled_from(_NAMES), _texts),
    st.tuples(*(_often for _ in _CORE)),
    st.lists(st.sampled_from(SYNONYMS), max_size=5),
    st.lists(_texts, max_size=2),
).flatmap(
    lambda p: st.permutations(
        [p[0], *(h for h, keep in zip(_CORE, p[1], strict=True) if keep), *p[2], *p[3]]
    )
)
_dates = st.sampled_from(
    ["2020-04-01", "2020/4/2", "2020年4月3日", "20200404", 43931, date(2020, 4, 5)]
)
_under = {"走访日期": _dates, "走访人员": st.sampled_from(["李娜", "李娜、王强", "张伟,王强"])}


def _column(heading: Any) -> st.SearchStrategy[Any]:
    """Cells under a heading: often a value that fits it, else anything at all."""
    fitting = _under.get(heading, _plausible)
    return st.one_of(fitting, fitting, _cells)


@st.composite
def sheets(draw: st.DrawFn) -> list[list[Any]]:
    """A title row or two, a header row, then rows of random cells (some of them repeated)."""
    headings = list(draw(_headings))
    title = draw(st.lists(st.lists(_cells, max_size=3), max_size=2))
    row = st.tuples(*(_column(heading) for heading in headings)).map(list)
    rows = draw(st.lists(row, max_size=8))
    repeats = draw(st.lists(st.sampled_from(rows), max_size=2)) if rows else []
    return [*title, headings, *rows, *repeats]


def write(path: Path, rows: list[list[Any]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            if value is not None:
                put(sheet, r, c, value)
    workbook.save(path)
    return path


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database with the team and one organization, copied for each example."""
    path = new_database(tmp_path_factory.mktemp("fuzz"), "template.db")
    db = open_workspace(path)
    for name in MEMBERS:
        team.save_member(db, team.MemberInput(name))
    orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司"))
    db.close()
    return path


def _import(
    db: Database, path: Path, kind: str, *, dry_run: bool
) -> imports.SheetImportReport | str:
    action = imports.import_orgs if kind == "orgs" else imports.import_visits
    try:
        return action(db, path, dry_run=dry_run)
    except ExcelFileError as refused:  # the only way out besides a report
        assert "\n" not in str(refused)
        return str(refused)


def _check_report(report: imports.SheetImportReport, path: Path, kind: str) -> None:
    """Every data row of the sheet reported once, with one of the four outcomes."""
    numbers = [outcome.row for outcome in report.rows]
    assert len(numbers) == len(set(numbers))
    table = load_table(path, kind)  # type: ignore[arg-type]
    assert sorted(numbers) == [cells.row for cells in table.data_rows()]
    assert {o.outcome for o in report.rows} <= {"created", "updated", "unchanged", "rejected"}
    counted = report.created + report.updated + report.unchanged + len(report.rejected)
    assert counted == len(report.rows)
    assert all(r.reason for r in report.rejected)


@pytest.mark.parametrize("kind", ["orgs", "visits"])
def test_random_workbooks_import_cleanly_and_idempotently(template: str, kind: str) -> None:
    @settings(
        max_examples=EXAMPLES // 2,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(rows=sheets())
    def check(rows: list[list[Any]]) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = write(Path(folder) / "random.xlsx", rows)
            location = copy_of(template, Path(folder), "fuzz.db")
            db = open_database(location)
            try:
                before = digest(db)
                dry = _import(db, path, kind, dry_run=True)
                assert digest(db) == before
                real = _import(db, path, kind, dry_run=False)
                if isinstance(dry, str):
                    assert real == dry and digest(db) == before
                    return
                assert isinstance(real, imports.SheetImportReport)
                assert real.as_dict() == dry.as_dict()
                _check_report(real, path, kind)
                after = digest(db)
                again = _import(db, path, kind, dry_run=False)
                assert isinstance(again, imports.SheetImportReport)
                assert (again.created, again.updated) == (0, 0), again.as_dict()
                assert digest(db) == after
            finally:
                db.close()
                discard(location)

    check()
