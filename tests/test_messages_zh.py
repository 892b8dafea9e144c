"""Chinese all the way through the imports: in zh_CN every refusal of the hostile corpus and of
the import fixtures, and every rejected row's reason, is Chinese — the sentence and each message
inside it — while an English run still gives the English texts the other tests match.

Also a static check: the domain, the workbook readers and the import, visit and organization
services never raise a user-facing error with a literal or hand-built sentence.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from fieldlog.domain import messages
from fieldlog.domain.credit_code import make_credit_code, validate_credit_code
from fieldlog.domain.messages import Message, carried, translate, use_language
from fieldlog.domain.money import parse_wan
from fieldlog.domain.period import IsoWeek, Period, parse_date
from fieldlog.domain.stages import Stage, check_move
from fieldlog.domain.text import clean_name
from fieldlog.domain.vocabulary import Intent, parse_choice
from fieldlog.services.imports import imports
from fieldlog.services.imports.imports import ExcelFileError, SheetImportReport
from fieldlog.store.database import Database, open_database
from tests.chinese import CJK
from tests.excel.messy import build_org_list, build_table, build_visit_log
from tests.excel.test_fuzz_import import sheets, template, write  # noqa: F401
from tests.excel.test_reader import fatal_files
from tests.test_hostile_inputs import FATAL, REJECTED, _workbook_cases, corpus  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
#: Three English words in a row: a sentence, not a name, a path or a quoted cell.
ENGLISH = re.compile(r"[A-Za-z]{2,}[ ,;]+[A-Za-z]{2,}[ ,;]+[A-Za-z]{2,}")
#: Where a text that is not a message is carried on purpose: a library's or another layer's text
#: inside a Chinese sentence ("此行未导入：…").
PLAIN_TEXT_PARAMS = {("import.refused", "detail")}


@pytest.fixture
def language() -> Iterator[Callable[[str], None]]:
    """Switch the language of str(); the locale's choice again afterwards."""
    try:
        yield use_language
    finally:
        messages._current.clear()


def untranslated(value: object, *, texts: bool = True) -> list[str]:
    """The parts of a message (or of the message an error carries) that are not Chinese; with
    `texts`, a parameter that reads as an English sentence too (random cells may look so)."""
    if isinstance(value, BaseException):
        value = carried(value)
    if not isinstance(value, Message):
        return [f"plain text, not a message: {value!r}"]
    problems = []
    chinese = translate(value.code, value.text, "zh_CN")
    if chinese == value.text or not CJK.search(chinese):
        problems.append(f"{value.code} has no Chinese text")
    for name, param in value.params:
        if isinstance(param, Message | BaseException):
            problems += untranslated(param, texts=texts)
        elif texts and (value.code, name) not in PLAIN_TEXT_PARAMS and ENGLISH.search(str(param)):
            problems.append(f"{value.code}: English text in {name}: {param!r}")
    return problems


def assert_chinese(value: Message | BaseException, *, texts: bool = True) -> None:
    """The sentence as shown in zh_CN has Chinese, and so has every message inside it."""
    shown = str(value)
    assert CJK.search(shown), shown
    assert untranslated(value, texts=texts) == [], shown


def reasons(report: SheetImportReport) -> dict[int, Message]:
    """Every row's reason (rejected, or unchanged as a repeat), by row."""
    return {row.row: row.reason for row in report.rows if row.reason is not None}


# --- the hostile corpus --------------------------------------------------------------------


def _import(what: str) -> Callable[..., SheetImportReport]:
    return imports.import_orgs if what == "orgs" else imports.import_visits


@pytest.mark.parametrize(("what", "name"), _workbook_cases())
def test_each_hostile_workbook_is_refused_in_chinese_and_in_english(
    corpus: dict[str, Path],  # noqa: F811
    db: Database,
    language: Callable[[str], None],
    what: str,
    name: str,
) -> None:
    run = _import(what)
    if name in FATAL:
        language("zh_CN")
        with pytest.raises(ExcelFileError) as refusal:
            run(db, corpus[name], dry_run=True)
        assert_chinese(refusal.value)
        language("en")
        assert FATAL[name] in str(refusal.value)
        assert not CJK.search(str(refusal.value).replace(str(corpus[name]), ""))
        return
    language("zh_CN")
    report = run(db, corpus[name], dry_run=True)
    expected = REJECTED[(what, name)]
    assert {r.row for r in report.rejected} == expected.keys()
    for reason in reasons(report).values():
        assert_chinese(reason)
    language("en")
    found = {r.row: str(r.reason) for r in report.rejected}
    assert all(expected[row] in found[row] for row in found), found
    assert report.as_dict("en")["rejected"] == [
        {"row": row, "reason": found[row]} for row in sorted(found)
    ]


# --- the import fixtures -------------------------------------------------------------------


@pytest.mark.parametrize(
    "case", ["text", "truncated", "xls", "password", "other-ole2", "missing", "folder"]
)
def test_each_unreadable_file_is_refused_in_chinese(
    tmp_path: Path, db: Database, language: Callable[[str], None], case: str
) -> None:
    path, english = fatal_files(tmp_path)[case]
    for run in (imports.import_orgs, imports.import_visits):
        language("zh_CN")
        with pytest.raises(ExcelFileError) as refusal:
            run(db, path, dry_run=True)
        assert_chinese(refusal.value)
        language("en")
        assert english in str(refusal.value)


def test_sheets_without_a_header_empty_or_missing_are_refused_in_chinese(
    tmp_path: Path, db: Database, language: Callable[[str], None]
) -> None:
    nothing = build_table(tmp_path / "no-header.xlsx", ["说明"], [["甲公司", "深圳"]])
    empty = build_table(tmp_path / "empty.xlsx", [], [])
    good = build_table(tmp_path / "good.xlsx", ["名称", "地址"], [["甲公司", "深圳"]])
    cases: list[tuple[Callable[[], object], str]] = [
        (lambda: imports.import_orgs(db, nothing), "in the first 20 rows of sheet 'Sheet'"),
        (lambda: imports.import_orgs(db, empty), "of " + str(empty) + " is empty"),
        (lambda: imports.import_visits(db, empty, sheet="Sheet"), "is empty"),
        (lambda: imports.import_orgs(db, good, sheet="名录"), "its sheets are Sheet"),
        (lambda: imports.import_orgs(db, good, mapping={"name": 7}), "has no column 8"),
    ]
    for attempt, english in cases:
        language("zh_CN")
        with pytest.raises(ExcelFileError) as refusal:
            attempt()
        assert_chinese(refusal.value)
        language("en")
        assert english in str(refusal.value)


@pytest.mark.parametrize("build", [build_org_list, build_visit_log], ids=["orgs", "visits"])
def test_every_reason_of_a_messy_list_is_chinese_and_the_english_report_is_unchanged(
    tmp_path: Path, db: Database, language: Callable[[str], None], build: Callable[..., Any]
) -> None:
    language("en")  # the expected English reasons are built from the domain's messages
    built = build(tmp_path / "list.xlsx")
    built.seed(db)
    run = imports.import_orgs if build is build_org_list else imports.import_visits
    language("zh_CN")
    report = run(db, built.path, dry_run=True)
    found = reasons(report)
    assert len(report.rejected) == len(built.expected["rejected"]) >= 12
    assert any(r.code in ("import.same_org", "import.same_visit") for r in found.values())
    for reason in found.values():
        assert_chinese(reason)
    assert all(CJK.search(r["reason"]) for r in report.as_dict()["rejected"])
    language("en")
    assert report.as_dict() == built.expected
    assert report.as_dict("zh_CN") != built.expected


def test_the_reasons_keep_their_codes_for_scripts(
    tmp_path: Path, db: Database, language: Callable[[str], None]
) -> None:
    path = build_table(
        tmp_path / "bad.xlsx",
        ["名称", "信用代码", "是否目标"],
        [["", "", "是"], ["甲公司", "91440300MA5", ""], ["乙公司", "", "也许"]],
    )
    language("zh_CN")
    report = imports.import_orgs(db, path, dry_run=True)
    rows = report.as_dict(codes=True)["rejected"]
    assert [(r["row"], r["code"]) for r in rows] == [
        (2, "input.required"),
        (3, "import.cell"),
        (4, "import.cell"),
    ]
    assert rows[0]["reason"] == "请填写单位名称"
    assert rows[1]["reason"] == "信用代码列：信用代码应为18位，现为11位"
    assert rows[2]["reason"] == "是否目标列：'也许'不是“是”或“否”；请填写是或否"
    assert report.as_dict("en")["rejected"][1] == {
        "row": 3,
        "reason": "信用代码: a credit code must have 18 characters, got 11",
    }


@pytest.mark.parametrize("kind", ["orgs", "visits"])
def test_random_workbooks_are_refused_and_rejected_in_chinese(
    template: Path,  # noqa: F811
    language: Callable[[str], None],
    kind: str,
) -> None:
    run = _import(kind)

    @settings(
        max_examples=30,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(rows=sheets())
    def check(rows: list[list[Any]]) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = write(Path(folder) / "random.xlsx", rows)
            shutil.copy(template, Path(folder) / "fuzz.db")
            db = open_database(str(Path(folder) / "fuzz.db"))
            try:
                report = run(db, path, dry_run=True)
            except ExcelFileError as refusal:
                assert_chinese(refusal, texts=False)
                return
            finally:
                db.close()
            for reason in reasons(report).values():
                assert_chinese(reason, texts=False)

    language("zh_CN")
    check()


# --- the credit-code check under 新建单位 --------------------------------------------------


def test_a_mistyped_credit_code_is_one_short_chinese_sentence(
    language: Callable[[str], None],
) -> None:
    good = make_credit_code("91440300MA5000001")
    wrong = "1" if good[-1] != "1" else "2"
    language("zh_CN")
    with pytest.raises(ValueError) as refusal:
        validate_credit_code(good[:-1] + wrong)
    shown = str(refusal.value)
    assert shown == f"校验位应为{good[-1]}而不是{wrong}，代码可能输错了"
    assert len(shown) <= 24 and ";" not in shown and "；" not in shown
    language("en")
    assert str(refusal.value) == (
        f"check character should be {good[-1]}, not {wrong}; "
        "a character of the code was probably mistyped"
    )


# --- the domain's refusals -------------------------------------------------------------------

DOMAIN_REFUSALS: list[tuple[Callable[[], object], str, str]] = [
    (
        lambda: IsoWeek.parse("2021-W53"),
        "week 53 does not exist in 2021; that year has weeks 1 to 52",
        "2021年没有第53周；该年只有第1至52周",
    ),
    (
        lambda: IsoWeek.parse("W16"),
        "'W16' is not a valid week; use YYYY-Www, like 2020-W16",
        "'W16'不是有效的周；请按YYYY-Www填写，如2020-W16",
    ),
    (
        lambda: parse_date("2020-02-30"),
        "'2020-02-30' is not a valid date; use YYYY-MM-DD",
        "'2020-02-30'不是有效日期；请按YYYY-MM-DD填写",
    ),
    (
        lambda: Period.between("2020-05-01", "2020-04-01"),
        "the period starts on 2020-05-01, after it ends on 2020-04-01; swap the two dates",
        "期间开始于2020-05-01，晚于结束日期2020-04-01；请对调两个日期",
    ),
    (
        lambda: check_move(Stage.SIGNED, Stage.SIGNED),
        "the project is already at stage signed",
        "项目已处于签约阶段",
    ),
    (
        lambda: parse_wan("12,34"),
        "'12,34' is not a number; write an amount such as 29.14 or 1,234.5 "
        "(a point for decimals, commas only between groups of three digits)",
        "'12,34'不是数字；金额请写成29.14或1,234.5这样（小数用小数点，逗号只用于每三位分组）",
    ),
    (
        lambda: parse_wan("1.23456"),
        "an amount in 万元 can have at most 4 decimals (1 yuan), got '1.23456'",
        "以万元计的金额最多4位小数（即1元），现为'1.23456'",
    ),
    (
        lambda: parse_choice(Intent, "很强"),
        "unknown intent '很强'; use one of strong (强), medium (中), weak (弱), none (无)",
        "未知的意向程度'很强'，可选：strong (强), medium (中), weak (弱), none (无)",
    ),
    (
        lambda: clean_name("长" * 201),
        "text is too long: 201 characters, at most 200",
        "文字过长：201个字符，最多200个",
    ),
]


@pytest.mark.parametrize(("refused", "english", "chinese"), DOMAIN_REFUSALS)
def test_a_domain_refusal_reads_in_either_language(
    language: Callable[[str], None], refused: Callable[[], object], english: str, chinese: str
) -> None:
    with pytest.raises(ValueError) as refusal:
        refused()
    language("zh_CN")
    assert str(refusal.value) == chinese
    assert untranslated(refusal.value) == []
    language("en")
    assert str(refusal.value) == english


# --- no hand-built sentence in a raise -----------------------------------------------------

SERVICES = (
    "import_*.py",
    "imports.py",
    "visits.py",
    "visit_entry.py",
    "visit_log.py",
    "orgs.py",
    "org_*.py",
    "validate.py",
    "follow_ups.py",
    "dashboard.py",
    "stats.py",
)
#: Errors that tell a programmer, not a user, what went wrong: their text stays English.
PROGRAMMER_ERRORS = (TypeError, KeyError, AssertionError, NotImplementedError)
#: Sentences that cannot be in the catalog: the resources folder holds the catalog itself, and
#: the language list is the edge's own (the command line offers only the known ones).
NOT_IN_THE_CATALOG = {
    ("fieldlog/domain/catalogs.py", "FileNotFoundError"),
    ("fieldlog/domain/messages.py", "ValueError"),
}


def _checked_files() -> list[Path]:
    files = sorted((ROOT / "fieldlog" / "domain").glob("*.py"))
    files += sorted((ROOT / "fieldlog" / "excel").glob("*.py"))
    for pattern in SERVICES:  # at the top of services/ or in an area package
        files += sorted((ROOT / "fieldlog" / "services").rglob(pattern))
    return files


def _hand_built(node: ast.expr) -> bool:
    """A literal sentence, an f-string, a joined or formatted text, or str() of something."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _hand_built(node.left) or _hand_built(node.right)
    if isinstance(node, ast.Call):
        func = node.func
        return (isinstance(func, ast.Name) and func.id == "str") or (
            isinstance(func, ast.Attribute) and func.attr in ("format", "join", "replace")
        )
    return False


def _error_class(module: Any, func: ast.expr) -> type[BaseException] | None:
    name = func.id if isinstance(func, ast.Name) else None
    found = getattr(module, name, getattr(builtins, name, None)) if name else None
    return found if isinstance(found, type) and issubclass(found, BaseException) else None


def hand_built_errors(path: Path) -> list[str]:
    """Where `path` makes a user-facing error from a hand-built sentence."""
    relative = path.relative_to(ROOT).as_posix()
    module = importlib.import_module(relative.removesuffix(".py").replace("/", "."))
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        error = _error_class(module, node.func)
        if error is None or issubclass(error, PROGRAMMER_ERRORS):
            continue
        if (relative, error.__name__) in NOT_IN_THE_CATALOG:
            continue
        if any(_hand_built(arg) for arg in node.args):
            found.append(f"{relative}:{node.lineno}: {error.__name__}({ast.unparse(node.args[0])})")
    return found


def test_no_user_facing_error_is_raised_with_a_hand_built_sentence() -> None:
    files = _checked_files()
    assert len(files) > 30
    found = [line for path in files for line in hand_built_errors(path)]
    assert found == [], "\n".join(found)


def test_the_static_check_sees_a_hand_built_sentence() -> None:
    tree = ast.parse('raise InvalidInput(f"{x} is wrong")\nraise ValueError("no " + y)')
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    assert [any(_hand_built(arg) for arg in call.args) for call in calls] == [True, True]
    fine = ast.parse('raise InvalidInput(msg("a.b", "{x} is wrong", x=x))')
    call = next(node for node in ast.walk(fine) if isinstance(node, ast.Call))
    assert not any(_hand_built(arg) for arg in call.args)
