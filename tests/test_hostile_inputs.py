"""The hostile-input corpus (issue 7 item 5) through the command line, as real subprocesses.

Every file that cannot be used gets exit 1, one line starting `fieldlog: error:` and no
traceback; a workbook that can be read but whose rows are hostile gets its rows rejected. Either
way the target database's digest is what it was (a database file is left byte for byte as it was).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldlog.excel import reader
from fieldlog.excel.reader import ExcelFileError, open_rows
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange import sync
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from tests.cli.test_cli import run
from tests.cli.test_sync_cli import PASSPHRASE
from tests.corpus.make_corpus import COMMITTED, write_generated

#: What each file must get: a fragment of its one error line, or the rows its import rejects.
FATAL = {
    "workbook-text.xlsx": "is not an Excel workbook (.xlsx)",
    "workbook-empty.xlsx": "is not an Excel workbook (.xlsx)",
    "workbook-truncated.xlsx": "is damaged or incomplete",
    "workbook-encrypted.xlsx": "is protected by a password",
    "workbook-xls.xlsx": "old Excel 97–2003 file (.xls)",
    "workbook-zip-bomb.xlsx": "(a ZIP bomb?); it was not read",
    "package-text.fieldsync": "not a FieldLog sync package",
    "package-workbook.fieldsync": "not a FieldLog sync package",
    "package-path-outside.fieldsync": "outside the package folder",
    "package-truncated.fieldsync": "damaged or incomplete",
    "package-bit-flipped.fieldsync": "damaged",
    "package-zip-bomb.fieldsync": "ZIP bomb",
    "package-lying-manifest.fieldsync": "altered or damaged",
    "package-lying-hash.fieldsync": "do not match the manifest",
    "package-lying.fieldsync": "manifest does not match the contents",
    "package-newer.fieldsync": "newer FieldLog",
    "package-wrong.fieldsync": "wrong team passphrase",
    "package-other-team.fieldsync": "is a package of another team, 黔东南州驻深招商工作队",
    "database-text.db": "is not a FieldLog database; it was left untouched",
    "database-foreign.db": "a database of another program",
    "database-truncated.db": "cannot be read as a database",
    "database-newer-schema.db": "newer FieldLog",
}
#: Readable workbooks whose every row is hostile: (command, file) → rejected rows and reasons.
REJECTED = {
    ("orgs", "workbook-huge-cells.xlsx"): {
        2: "text is too long: 32,768 characters",
        3: "text is too long: 100,000 characters",
    },
    ("orgs", "workbook-formulas.xlsx"): {
        2: "organization name is required",
        3: "organization name is required",
    },
    ("orgs", "workbook-merged-header.xlsx"): {},
    ("orgs", "workbook-last-row.xlsx"): {
        2: "a credit code must have 18 characters",
        1_048_576: "a credit code must have 18 characters",
    },
    ("visits", "workbook-huge-cells.xlsx"): {
        2: "text is too long: 32,768 characters",
        3: "visit date is required",
    },
    ("visits", "workbook-formulas.xlsx"): {},  # formulas read as empty cells: blank rows
    ("visits", "workbook-merged-header.xlsx"): {},
    ("visits", "workbook-last-row.xlsx"): {
        2: "a credit code must have 18 characters",
        1_048_576: "a credit code must have 18 characters",
    },
}


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every corpus file by name: the committed ones and those generated for this run."""
    folder = tmp_path_factory.mktemp("corpus")
    generated = write_generated(folder, PASSPHRASE)
    files = {path.name: path for path in sorted(COMMITTED.iterdir())}
    files.update({path.name: path for path in generated})
    return files


@pytest.fixture(scope="session")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A FieldLog database of a team, with some data and the corpus passphrase."""
    path = tmp_path_factory.mktemp("target") / "target.db"
    db = open_workspace(str(path))
    sync.set_passphrase(db, PASSPHRASE)
    team.save_team(db, team.TeamInput("铜仁市驻深招商工作队"))
    orgs.save_org(db, orgs.OrgInput("深圳市原有数据有限公司", region="深圳市南山区"))
    db.close()
    yield path


def target_digest(path: Path) -> str:
    db = open_workspace(str(path))
    try:
        return digest(db)
    finally:
        db.close()


def one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("fieldlog: error: "), stderr
    return lines[0]


def test_the_corpus_is_complete(corpus: dict[str, Path]) -> None:
    expected = set(FATAL) | {name for _, name in REJECTED}
    assert set(corpus) == expected
    assert all(path.stat().st_size < 64_000 for path in COMMITTED.iterdir())


def _cases(prefix: str) -> list[str]:
    return sorted(name for name in FATAL if name.startswith(prefix))


def _workbook_cases() -> list[tuple[str, str]]:
    """Each unreadable workbook through one of the two imports (they share the reader), taking
    turns; each readable one through both."""
    fatal = [("orgs", "visits")[i % 2] for i in range(len(_cases("workbook-")))]
    return [*zip(fatal, _cases("workbook-"), strict=True), *sorted(REJECTED)]


@pytest.mark.parametrize(("what", "name"), _workbook_cases())
def test_a_hostile_workbook_changes_nothing(
    corpus: dict[str, Path], target: Path, what: str, name: str
) -> None:
    before = target_digest(target)
    result = run("--db", str(target), "import", what, str(corpus[name]), "--json")
    if name in FATAL:
        assert result.returncode == 1, result.stdout
        line = one_error_line(result.stderr)
        assert FATAL.get(name, "") in line and result.stdout == ""
    else:
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout)
        assert (report["created"], report["updated"], report["unchanged"]) == (0, 0, 0)
        found = {row["row"]: row["reason"] for row in report["rejected"]}
        expected = REJECTED[(what, name)]
        assert found.keys() == expected.keys()
        assert all(expected[row] in found[row] for row in found), found
    assert target_digest(target) == before


@pytest.mark.parametrize("name", _cases("package-"))
def test_a_hostile_package_changes_nothing(
    corpus: dict[str, Path], target: Path, name: str
) -> None:
    before = target_digest(target)
    result = run("--db", str(target), "sync", "import", str(corpus[name]))
    assert result.returncode == 1, result.stdout
    assert FATAL[name] in one_error_line(result.stderr)
    assert target_digest(target) == before


def _state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*")
            if p.is_file()}  # fmt: skip


@pytest.mark.parametrize("name", _cases("database-"))
def test_a_hostile_database_is_refused_and_left_as_it_was(
    corpus: dict[str, Path], tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    shutil.copy(corpus[name], path)
    before = _state(tmp_path)
    result = run("--db", str(path), "stats")
    assert result.returncode == 1, result.stdout
    assert FATAL[name] in one_error_line(result.stderr)
    assert _state(tmp_path) == before  # not a byte changed, no backup, no journal files left


def test_the_inflated_size_of_a_whole_workbook_is_capped(
    corpus: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ZIP-bomb guard's other half: a total over MAX_INFLATED, whatever the ratio."""
    path = corpus["workbook-formulas.xlsx"]
    total = sum(info.file_size for info in zipfile.ZipFile(path).infolist())
    assert open_rows(path).rows
    monkeypatch.setattr(reader, "MAX_INFLATED", total - 1)
    with pytest.raises(ExcelFileError, match="a ZIP bomb"):
        open_rows(path)
