"""The command line speaks the user's language (SPEC §5): Chinese under `--lang zh_CN`, a Chinese
locale or none usable; English under `--lang en` or another locale — help, argparse's own words,
results and refusals alike. Real subprocesses, as a user runs them."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from fieldlog.cli.parser import build_parser
from fieldlog.cli.wording import argparse_speaking
from fieldlog.domain import messages
from tests.chinese import CJK
from tests.field_dump import db_digest

#: argparse's English words: none may reach a Chinese user.
ARGPARSE_ENGLISH = (
    "usage:",
    "positional arguments",
    "options:",
    "show this help",
    "error:",
    "invalid choice",
    "the following arguments are required",
    "unrecognized arguments",
    "expected one argument",
    "argument ",
)


def fieldlog(
    *args: str, lang: str | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """`python -m fieldlog ARGS` with LANG=`lang` (None: no locale variable at all)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    if lang is not None:
        env["LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "fieldlog", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        timeout=120,
    )


def command_paths() -> list[tuple[str, ...]]:
    """Every command and nested subcommand of the parser (`("sync", "import")`…)."""
    paths: list[tuple[str, ...]] = []

    def walk(parser: argparse.ArgumentParser, prefix: tuple[str, ...]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    paths.append((*prefix, name))
                    walk(sub, (*prefix, name))

    walk(build_parser(), ())
    return paths


COMMANDS = command_paths()


def help_body(text: str) -> list[str]:
    """The lines of a --help after its usage block (which ends at the first blank line)."""
    blocks = text.split("\n\n", 1)
    assert len(blocks) == 2, text
    return [line for line in blocks[1].splitlines() if line.strip()]


def chinese_only(text: str) -> None:
    assert CJK.search(text), text
    for words in ARGPARSE_ENGLISH:
        assert words not in text, f"{words!r} in {text!r}"


def test_the_walk_finds_every_command_and_subcommand() -> None:
    assert len(COMMANDS) > 20
    for nested in [("import", "visits"), ("export", "ledger"), ("sync", "conflicts")]:
        assert nested in COMMANDS
    assert ("team", "passphrase") in COMMANDS


@pytest.mark.parametrize("path", [(), *COMMANDS], ids=lambda p: " ".join(p) or "fieldlog")
def test_every_help_is_chinese_under_lang_zh(path: tuple[str, ...]) -> None:
    result = fieldlog("--lang", "zh_CN", *path, "--help", lang="en_US.UTF-8")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("用法：fieldlog")
    chinese_only(result.stdout)
    english = [line for line in help_body(result.stdout) if not CJK.search(line)]
    assert english == [], result.stdout


def test_stats_options_have_help() -> None:
    result = fieldlog("stats", "--help", lang="zh_CN.UTF-8")
    lines = {line.split()[0]: line for line in help_body(result.stdout)}
    for option in ("--from", "--to", "--week", "--json"):
        assert CJK.search(lines[option]), result.stdout


def test_help_is_english_under_an_english_locale() -> None:
    result = fieldlog("sync", "export", "--help", lang="en_US.UTF-8")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: fieldlog sync export")
    assert "show this help message and exit" in result.stdout
    assert "everything, not only what is new" in result.stdout
    assert not CJK.search(result.stdout)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["frobnicate"], "无效的选择：'frobnicate'"),
        (["stats", "--week", "2020-W99"], "参数 --week："),
        (["stats", "--week", "last week"], "YYYY-Www"),
        (["stats", "--from", "2020-13-01"], "参数 --from："),
        (["stats", "--from", "2020-04-01", "--to", "2020-03-01"], "晚于"),
        (["stats", "--week", "2020-W10", "--from", "2020-03-01"], "只能用其中一种"),
        (["stats", "--week"], "需要一个值"),
        (["stats", "--verbose"], "无法识别的参数：--verbose"),
        (["import", "orgs"], "缺少以下参数：FILE"),
        (["export", "weekly"], "缺少以下参数：--week"),
        (["export", "visits", "--from", "2020-04-01"], "同时给出 --from 和 --to"),
        (["sync", "export"], "缺少以下参数：-o/--output"),
        (["sync", "frobnicate"], "无效的选择"),
        (["--lang", "fr", "stats"], "参数 --lang：无效的选择：'fr'"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_bad_usage_exits_2_in_chinese(tmp_path: Path, args: list[str], said: str) -> None:
    db = tmp_path / "x.db"
    result = fieldlog("--db", str(db), *args, lang="zh_CN.UTF-8")
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("用法：fieldlog"), result.stderr
    error = result.stderr.strip().splitlines()[-1]
    assert re.match(r"fieldlog[\w ]*: 错误：", error), error
    assert said in error
    chinese_only(result.stderr)
    assert not db.exists()


def test_bad_usage_is_english_under_lang_en_whatever_the_locale(tmp_path: Path) -> None:
    result = fieldlog("--db", str(tmp_path / "x.db"), "stats", "--week", "2020-W99", "--lang=en")
    assert result.returncode == 2
    assert result.stderr.startswith("usage: fieldlog stats")
    assert "error: argument --week: week 99 does not exist in 2020" in result.stderr
    assert not CJK.search(result.stderr)


# Refusals of bad input: exit 1, one line on stderr in the user's language, nothing changed.


def digest(path: Path) -> str:
    from fieldlog.services.admin.workspace import open_workspace

    db = open_workspace(str(path))
    try:
        return db_digest(db)
    finally:
        db.close()


def refusal(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fieldlog: 错误："), result.stderr
    return lines[0]


def test_a_missing_database_is_refused_in_chinese_naming_init(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    line = refusal(fieldlog("--db", str(missing), "stats", lang="zh_CN.UTF-8"))
    assert "fieldlog init" in line and str(missing) in line
    assert not missing.exists()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "fieldlog.db"
    assert fieldlog("--db", str(path), "init", lang="en_US.UTF-8").returncode == 0
    return path


def test_a_file_that_is_not_a_workbook_is_refused_in_chinese(
    tmp_path: Path, database: Path
) -> None:
    fake = tmp_path / "名录.xlsx"
    fake.write_text("单位名称,地址\n", encoding="utf-8")
    before = digest(database)
    refusal(fieldlog("--db", str(database), "import", "orgs", str(fake), "--lang", "zh_CN"))
    assert digest(database) == before


def test_a_wrong_passphrase_is_refused_in_chinese(tmp_path: Path, database: Path) -> None:
    sender = tmp_path / "sender.db"
    assert fieldlog("--db", str(sender), "init").returncode == 0
    for path, phrase in ((sender, "another team's words"), (database, "铜仁驻深 team 2020")):
        said = fieldlog("--db", str(path), "team", "passphrase", stdin=phrase + "\n", lang="C")
        assert said.returncode == 0, said.stderr
        assert said.stdout.strip() == "工作队口令已保存在本机的系统密码库中。"
    package = tmp_path / "other.fieldsync"
    exported = fieldlog("--db", str(sender), "sync", "export", "--full", "-o", str(package))
    assert exported.returncode == 0, exported.stderr
    before = digest(database)
    refusal(fieldlog("--db", str(database), "sync", "import", str(package), lang="C.UTF-8"))
    assert digest(database) == before
    in_json = fieldlog("--db", str(database), "sync", "import", str(package), "--json", lang="C")
    refusal(in_json)
    assert in_json.stdout == ""  # scripts read the exit code; the line is for the user


def test_a_passphrase_not_given_is_refused_in_chinese(database: Path) -> None:
    line = refusal(fieldlog("--db", str(database), "team", "passphrase", lang="zh_CN.UTF-8"))
    assert "标准输入中没有口令" in line


# Which language: --lang (before or after the command) beats the locale; no usable locale means
# Chinese.


@pytest.mark.parametrize(
    ("lang", "option", "expected"),
    [
        (None, [], "FieldLog 数据库已就绪："),
        ("C", [], "FieldLog 数据库已就绪："),
        ("POSIX", [], "FieldLog 数据库已就绪："),
        ("C.UTF-8", [], "FieldLog 数据库已就绪："),
        ("zh_CN.UTF-8", [], "FieldLog 数据库已就绪："),
        ("en_US.UTF-8", [], "FieldLog database ready: "),
        ("zh_CN.UTF-8", ["--lang", "en"], "FieldLog database ready: "),
        ("en_US.UTF-8", ["--lang", "zh_CN"], "FieldLog 数据库已就绪："),
    ],
)
def test_the_language_follows_lang_then_the_locale(
    tmp_path: Path, lang: str | None, option: list[str], expected: str
) -> None:
    path = tmp_path / "new.db"
    before = fieldlog(*option, "--db", str(path), "init", lang=lang)
    after = fieldlog("--db", str(path), "init", *option, lang=lang)
    for result in (before, after):
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(expected + str(path))


def test_results_are_chinese(tmp_path: Path, database: Path) -> None:
    stats = fieldlog("--db", str(database), "stats", "--week", "2020-W16", lang="C.UTF-8")
    assert stats.stdout.startswith("统计期间: 2020-04-13 – 2020-04-19")
    check = fieldlog("--db", str(database), "check", lang="C.UTF-8")
    assert check.returncode == 0
    assert check.stdout.strip().splitlines()[-1] == "检查通过"
    assert all(CJK.search(line) for line in check.stdout.strip().splitlines())
    package = tmp_path / "mine.fieldsync"
    fieldlog("--db", str(database), "team", "passphrase", stdin="铜仁驻深 team 2020\n")
    exported = fieldlog("--db", str(database), "sync", "export", "-o", str(package), lang="C")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip().endswith("条记录（上次发送后的改动）")


# JSON keeps stable codes beside the text in the user's language.


def test_import_json_rows_carry_a_code_beside_the_reason(tmp_path: Path, database: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["单位名称", "统一社会信用代码", "所属产业链"])
    sheet.append(["深圳市德润物流有限公司", "", ""])
    sheet.append(["", "", "电子信息"])
    path = tmp_path / "名录.xlsx"
    book.save(path)
    result = fieldlog("--db", str(database), "import", "orgs", str(path), "--json", lang="C")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["created"] == 1
    [rejected] = report["rejected"]
    assert list(rejected) == ["row", "code", "reason"]
    assert rejected["row"] == 3 and re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", rejected["code"])
    # The reason is the import's own sentence, in the user's language; the code stays the same.
    assert rejected == {"row": 3, "code": "input.required", "reason": "请填写单位名称"}
    english = fieldlog(
        "--db",
        str(database),
        "import",
        "orgs",
        str(path),
        "--json",
        "--dry-run",
        lang="en_US.UTF-8",
    )
    assert json.loads(english.stdout)["rejected"] == [
        {"row": 3, "code": rejected["code"], "reason": "organization name is required"}
    ]


# argparse's own words: every one a user can meet is in our catalog, placeholders intact.


def _argparse_msgids() -> set[str]:
    """The messages argparse of this Python passes through gettext."""
    import ast

    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "ngettext"):
            found |= {
                a.value
                for a in node.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            }
    return found


#: Mistakes of the program, never of the user: they need no translation.
PROGRAMMER_ERRORS = re.compile(
    r"conflicting|cannot merge|invalid option string|dest= is required|not callable|"
    r"invalid conflict_resolution|mutually exclusive|'required' is an invalid|__call__|"
    r"multiple subparser|argument \"-\" with mode"
)


def test_every_argparse_message_a_user_can_meet_is_translated() -> None:
    from fieldlog.cli.wording import argparse_messages

    ours = {message.text for message in argparse_messages()}
    missing = {m for m in _argparse_msgids() - ours if not PROGRAMMER_ERRORS.search(m)}
    assert missing == set()


def test_argparse_translations_keep_their_placeholders() -> None:
    from fieldlog.cli.wording import argparse_messages

    placeholder = re.compile(r"%(?:\(\w+\))?[rsd]")
    for message in argparse_messages():
        chinese = message.render("zh_CN")
        assert CJK.search(chinese), message.code
        assert sorted(placeholder.findall(chinese)) == sorted(placeholder.findall(message.text))


def test_argparse_words_are_restored_after_a_command() -> None:
    before = argparse._  # type: ignore[attr-defined]
    try:
        messages.use_language("zh_CN")
        with argparse_speaking("zh_CN"):
            assert build_parser().format_help().startswith("用法：")
    finally:
        messages._current.clear()
    assert argparse._ is before  # type: ignore[attr-defined]
    assert build_parser().format_help().startswith("usage: ")


@pytest.mark.slow
def test_sync_import_json_gives_each_warning_a_code(tmp_path: Path) -> None:
    from fieldlog.services.exchange import sync
    from tests.sync.test_package_faults import (
        FAST_KDF,
        _work_at,
        export,
        joined,
        lead_to,
        new_db,
        with_db,
    )

    leader = new_db(tmp_path / "leader.db", team_name="铜仁市驻深招商工作队")
    team_package = tmp_path / "team.fieldsync"
    with_db(leader, lambda db: sync.export_package(db, team_package, full=True, kdf=FAST_KDF))
    sender = joined((leader, team_package), tmp_path / "sender.db")
    lead = lead_to(2099)
    _work_at(sender, lead)
    package = export(sender, tmp_path / "from-2099.fieldsync", lead_ms=lead)
    result = fieldlog("--db", str(leader), "sync", "import", str(package), "--json", lang="C")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    [warning] = report["warnings"]
    assert warning["code"].startswith("sync.") and "2099-06-01" in warning["message"]
    assert report["clock_warnings"] == [warning["message"]]
