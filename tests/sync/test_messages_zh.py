"""Every sync refusal, and the sync report's warnings, in Chinese from one end to the other.

Each case is provoked for real (the hostile-input corpus, packages rewritten or made on laptops
whose clocks are off, a new laptop of no team…) through the services, with the process's
language set to zh_CN: the whole sentence must be Chinese (not a Chinese head on an English
tail), carry its stable code, and still read in English when the language is English. Nothing
is changed by a refusal (digest before and after).
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldlog.domain.messages import code_of
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange import sync, sync_review
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.store.database import Database
from tests.chinese import CJK, in_english
from tests.cli.test_sync_cli import PASSPHRASE as CORPUS_PASSPHRASE
from tests.corpus.make_corpus import COMMITTED, write_generated
from tests.sync.test_package_faults import (
    OTHER_TEAM,
    TEAM,
    _previous_format,
    _rewrite_manifest,
    _work_at,
    lead_to,
    new_db,
    sent,
    with_db,
)
from tests.test_hostile_inputs import FATAL

SYNC_CODES = ("package.", "sync.")


def in_chinese(exc: BaseException, codes: tuple[str, ...] = SYNC_CODES) -> str:
    """The refusal as the user reads it in zh_CN: Chinese, with its code."""
    text = str(exc)
    assert CJK.search(text), text
    assert code_of(exc).startswith(codes), (code_of(exc), text)
    return text


def refusal(db_path: Path, *packages: Path) -> ValueError:
    """The error importing `packages` raises; the database is left as it was."""
    before = with_db(db_path, digest)

    def receive(db: Database) -> ValueError:
        with pytest.raises(ValueError) as caught:
            sync.import_packages(db, list(packages))
        return caught.value

    error = with_db(db_path, receive)
    assert with_db(db_path, digest) == before
    assert isinstance(error, ValueError)
    return error


@pytest.fixture(scope="module")
def leader(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("leader")
    path = new_db(folder / "leader.db", team_name=TEAM)
    return path, sent(path, folder / "team.fieldsync", full=True)


@pytest.fixture
def receiver(leader: tuple[Path, Path], tmp_path: Path) -> Path:
    path = tmp_path / "receiver.db"
    shutil.copy(leader[0], path)
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("corpus")
    files = {path.name: path for path in sorted(COMMITTED.iterdir())}
    files.update({path.name: path for path in write_generated(folder, CORPUS_PASSPHRASE)})
    return files


@pytest.fixture
def corpus_receiver(receiver: Path) -> Path:
    """A laptop of the team that knows the passphrase the corpus was sealed with."""
    with_db(receiver, lambda db: sync.set_passphrase(db, CORPUS_PASSPHRASE))
    return receiver


# The hostile packages of the corpus -----------------------------------------------------------


@pytest.mark.parametrize("name", sorted(n for n in FATAL if n.startswith("package-")))
def test_every_hostile_package_is_refused_in_chinese(
    corpus: dict[str, Path], corpus_receiver: Path, name: str, chinese: None
) -> None:
    error = refusal(corpus_receiver, corpus[name])
    text = in_chinese(error)
    assert corpus[name].name in text or "同步包" in text
    assert FATAL[name] in in_english(error)


def test_a_workbook_renamed_as_a_package_is_refused_in_chinese(
    corpus: dict[str, Path], receiver: Path, tmp_path: Path, chinese: None
) -> None:
    renamed = tmp_path / "周报.fieldsync"
    shutil.copy(corpus["workbook-formulas.xlsx"], renamed)
    error = refusal(receiver, renamed)
    text = in_chinese(error)
    assert code_of(error) == "package.foreign_member"
    assert text == "周报.fieldsync 不是 FieldLog 同步包（其中含有 'docProps/app.xml'）"
    assert in_english(error) == (
        "周报.fieldsync is not a FieldLog sync package (it holds 'docProps/app.xml')"
    )


def test_a_missing_package_is_refused_in_chinese(
    receiver: Path, tmp_path: Path, chinese: None
) -> None:
    error = refusal(receiver, tmp_path / "nowhere.fieldsync")
    assert code_of(error) == "package.missing"
    assert in_chinese(error).endswith("不存在或不是文件")


def test_the_command_line_tells_a_refused_package_in_chinese(
    corpus: dict[str, Path], receiver: Path, tmp_path: Path
) -> None:
    """A Chinese locale gets the whole sentence in Chinese on the command line too."""
    renamed = tmp_path / "周报.fieldsync"
    shutil.copy(corpus["workbook-formulas.xlsx"], renamed)
    before = with_db(receiver, digest)
    result = subprocess.run(
        [sys.executable, "-m", "fieldlog", "--db", str(receiver), "sync", "import", str(renamed)],
        capture_output=True,
        text=True,
        input="",
        env={**os.environ, "LANG": "zh_CN.UTF-8"},
        timeout=120,
    )
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert "周报.fieldsync 不是 FieldLog 同步包（其中含有 'docProps/app.xml'）" in result.stderr
    assert with_db(receiver, digest) == before


# Packages from elsewhere: another team, a changed manifest, a newer FieldLog ------------------


def test_the_wrong_passphrase_is_one_chinese_sentence(
    leader: tuple[Path, Path], tmp_path: Path, chinese: None
) -> None:
    other = new_db(tmp_path / "other.db", team_name=TEAM)
    with_db(other, lambda db: sync.set_passphrase(db, "another passphrase"))
    package = sent(other, tmp_path / "其他口令.fieldsync")
    error = refusal(leader[0], package)
    assert in_chinese(error) == "团队口令错误：此同步包是用另一个口令制作的"
    assert code_of(error) == "package.wrong_passphrase"
    assert in_english(error).startswith("wrong team passphrase: ")


def test_another_teams_package_names_both_teams_in_chinese(
    receiver: Path, tmp_path: Path, chinese: None
) -> None:
    other = new_db(tmp_path / "other.db", team_name=OTHER_TEAM)
    error = refusal(receiver, sent(other, tmp_path / "other.fieldsync"))
    text = in_chinese(error)
    assert code_of(error) == "package.other_team"
    assert f"另一个工作队 {OTHER_TEAM}（工作队编号 …" in text and f"本机属于 {TEAM}（" in text
    assert "team id" not in text and "nothing was imported" not in text
    assert f"another team, {OTHER_TEAM} (team id …" in in_english(error)


def _newer_format(manifest: dict) -> None:
    manifest["version"] = 3


def _newer_schema(manifest: dict) -> None:
    manifest["package"]["schema_revision"] = "9999_from_the_future"


def _other_team_id(manifest: dict) -> None:
    manifest["package"]["team_id"] = str(uuid.uuid4())


def _no_key_check(manifest: dict) -> None:
    del manifest["package"]["key_check"]


@pytest.mark.parametrize(
    ("change", "code", "english"),
    [
        (_newer_format, "package.newer_format", "made by a newer FieldLog (package format 3)"),
        (_newer_schema, "package.newer_schema", "made by a newer FieldLog (schema 9999_"),
        (_other_team_id, "package.altered", "altered or damaged"),
        (_no_key_check, "package.manifest_invalid", "invalid manifest (field key_check)"),
    ],
    ids=["newer-format", "newer-schema", "tampered-team", "invalid-manifest"],
)
def test_a_changed_manifest_is_refused_in_chinese(
    leader: tuple[Path, Path],
    receiver: Path,
    tmp_path: Path,
    change: Callable[[dict], None],
    code: str,
    english: str,
    chinese: None,
) -> None:
    original = sent(new_db(tmp_path / "cadre.db"), tmp_path / "cadre.fieldsync")
    edited = _rewrite_manifest(original, tmp_path / "edited.fieldsync", change)
    error = refusal(receiver, edited)
    text = in_chinese(error)
    assert code_of(error) == code
    assert "FieldLog on this laptop" not in text and "manifest" not in text
    assert english in in_english(error)


# A new laptop, the previous format ------------------------------------------------------------


def test_a_new_laptop_needs_the_full_package_in_chinese(
    leader: tuple[Path, Path], tmp_path: Path, chinese: None
) -> None:
    incremental = sent(leader[0], tmp_path / "incremental.fieldsync")
    fresh = new_db(tmp_path / "fresh.db")
    error = refusal(fresh, incremental)
    assert code_of(error) == "package.team_missing"
    assert "完整同步包（sync export --full）加入" in in_chinese(error)


def test_a_previous_format_package_naming_no_team_is_refused_in_chinese(
    receiver: Path, tmp_path: Path, chinese: None
) -> None:
    cadre = new_db(tmp_path / "cadre.db")
    with_db(cadre, lambda db: orgs.save_org(db, orgs.OrgInput("深圳市铜仁商会")))
    package = _previous_format(cadre, tmp_path / "old.fieldsync", full=False)
    error = refusal(receiver, package)
    assert code_of(error) == "package.no_team"
    assert "早期版本的 FieldLog" in in_chinese(error)
    assert "earlier FieldLog" in in_english(error)


# Clocks ---------------------------------------------------------------------------------------


def _joined(leader: tuple[Path, Path], path: Path) -> Path:
    new_db(path)
    with_db(path, lambda db: sync.import_packages(db, [leader[1]]))
    return path


def test_a_sender_clock_in_2300_is_refused_in_chinese(
    leader: tuple[Path, Path], receiver: Path, tmp_path: Path, chinese: None
) -> None:
    sender = _joined(leader, tmp_path / "sender.db")
    _work_at(sender, lead_to(2300))
    error = refusal(receiver, sent(sender, tmp_path / "2300.fieldsync"))
    text = in_chinese(error)
    assert code_of(error) == "package.bad_line"
    assert "时间戳在 2300 年：发送人的电脑时钟不对" in text
    assert "the year 2300: the sender's clock is wrong" in in_english(error)


def test_a_clock_years_ahead_is_warned_about_in_chinese(
    leader: tuple[Path, Path], receiver: Path, tmp_path: Path, chinese: None
) -> None:
    sender = _joined(leader, tmp_path / "sender.db")
    _work_at(sender, lead_to(2150))
    report = with_db(
        receiver, lambda db: sync.import_packages(db, [sent(sender, tmp_path / "2150.fieldsync")])
    )
    [warning] = report.clock_warnings
    assert code_of(warning) == "sync.clock_ahead"
    assert "的电脑时钟显示为 2150-06-01，比本机快" in str(warning)
    assert report.as_dict()["clock_warnings"] == [str(warning)]
    assert "computer says 2150-06-01, " in warning.render("en")


# The team leader's review and the passphrase -------------------------------------------------


def test_review_and_passphrase_refusals_are_chinese(receiver: Path, chinese: None) -> None:
    def refusals(db: Database) -> list[ValueError]:
        found = []
        for attempt in (
            lambda: sync_review.restore_losing_value(db, uuid.uuid4()),
            lambda: sync_review.dismiss_duplicate(db, uuid.uuid4()),
            lambda: sync.set_passphrase(db, "short"),
            lambda: sync.set_passphrase(db, " padded passphrase "),
        ):
            with pytest.raises(ValueError) as caught:
                attempt()
            found.append(caught.value)
        return found

    found = with_db(receiver, refusals)
    assert [code_of(e) for e in found] == [
        "sync.no_conflict",
        "sync.pair_not_open",
        "sync.passphrase_short",
        "sync.passphrase_spaces",
    ]
    assert all(in_chinese(e) for e in found)


def test_no_passphrase_is_chinese(tmp_path: Path, chinese: None) -> None:
    path = tmp_path / "bare.db"
    db = open_workspace(str(path))
    try:
        team.save_team(db, team.TeamInput(TEAM))
        with pytest.raises(ValueError) as caught:
            sync.export_package(db, tmp_path / "out.fieldsync")
    finally:
        db.close()
    assert code_of(caught.value) == "sync.no_passphrase"
    assert "本机尚未设置团队口令" in in_chinese(caught.value)


# Every refusal is a message -------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
#: The error classes whose text reaches the user (the command line and the window print them).
USER_FACING = frozenset(
    {
        "PackageError",
        "DatabaseError",
        "DatabaseUnavailable",
        "DatabaseBusy",
        "DatabaseReadOnly",
        "DiskFull",
        "DatabaseDamaged",
        "BackupError",
        "FileRefused",
        "NotFound",
        "InvalidInput",
        "ValueError",
    }
)
#: Raises that never reach a user: a programming error caught by the tests (file: class).
NOT_FOR_USERS = {("fieldlog/store/types.py", "ValueError")}


def _sources() -> list[Path]:
    folders = [ROOT / "fieldlog" / "sync", ROOT / "fieldlog" / "store"]
    files = [path for folder in folders for path in sorted(folder.rglob("*.py"))]
    services = ROOT / "fieldlog" / "services" / "exchange"
    return files + [services / f"{name}.py" for name in ("sync", "sync_report", "sync_review")]


def _is_text(node: ast.expr) -> bool:
    """A sentence built in place: a literal, an f-string, a concatenation, `.format` or str()."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.Call):
        func = node.func
        return (isinstance(func, ast.Attribute) and func.attr == "format") or (
            isinstance(func, ast.Name) and func.id == "str"
        )
    return False


def _text_raises(source: str, relative: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in USER_FACING or (relative, name) in NOT_FOR_USERS:
            continue
        if _is_text(node.args[0]):
            found.append(f"{relative}:{node.lineno} {name}")
    return found


def test_no_user_facing_error_is_built_from_plain_text() -> None:
    found = [
        line
        for path in _sources()
        for line in _text_raises(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert found == [], "make these msg(code, English, **params):\n" + "\n".join(found)


def test_the_static_check_finds_plain_text() -> None:
    sample = (
        "def f(x, exc):\n"
        '    raise PackageError(f"{x} is bad")\n'
        '    raise DatabaseBusy("busy")\n'
        "    raise errors.BackupError(str(exc))\n"
        '    raise ValueError("a: " + x)\n'
        '    raise ValueError(msg("a.b", "fine"))\n'
        "    raise InvalidInput(carried(exc))\n"
        '    raise TypeError("a programming error")\n'
    )
    found = _text_raises(sample, "fieldlog/sync/sample.py")
    assert found == [
        "fieldlog/sync/sample.py:2 PackageError",
        "fieldlog/sync/sample.py:3 DatabaseBusy",
        "fieldlog/sync/sample.py:4 BackupError",
        "fieldlog/sync/sample.py:5 ValueError",
    ]
    assert _text_raises('raise ValueError("naive")', "fieldlog/store/types.py") == []
