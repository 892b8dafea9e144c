"""The hostile-input corpus again, in Chinese: every refusal and every rejected row says why in
Chinese, and the data is as it was (SPEC §5: help, messages and refusals are all in the user's
language). Run in-process through the command line's `main` to keep the suite short; the English
run (test_hostile_inputs.py) covers the subprocess behaviour."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from fieldlog import cli
from fieldlog.domain import messages
from tests import test_hostile_inputs as english
from tests.chinese import CJK
from tests.test_hostile_inputs import REJECTED, _cases, target_digest

# The English run's fixtures: the corpus files and a team's database.
corpus = english.corpus
target = english.target


@pytest.fixture(autouse=True)
def _language_restored():
    yield
    messages._current.clear()


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = cli.main(["--lang", "zh_CN", *args])
    except SystemExit as exc:  # usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _chinese_line(err: str) -> str:
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    # The sentence itself, after the program's name and the word for error, is Chinese.
    assert CJK.search(lines[0].split(":", 1)[-1]), lines[0]
    return lines[0]


@pytest.mark.parametrize("name", _cases("workbook-") + _cases("package-"))
def test_every_refused_file_is_refused_in_chinese(capsys, corpus, target: Path, name: str) -> None:
    before = target_digest(target)
    if name.startswith("workbook-"):
        args = ("--db", str(target), "import", "orgs", str(corpus[name]))
    else:
        args = ("--db", str(target), "sync", "import", str(corpus[name]))
    code, out, err = _run(capsys, *args)
    assert code == 1 and out == ""
    _chinese_line(err)
    assert target_digest(target) == before


@pytest.mark.parametrize("name", _cases("database-"))
def test_every_refused_database_is_refused_in_chinese(capsys, corpus, tmp_path: Path, name) -> None:
    path = tmp_path / name
    shutil.copy(corpus[name], path)
    before = path.read_bytes()
    code, _out, err = _run(capsys, "--db", str(path), "stats")
    assert code == 1
    _chinese_line(err)
    assert path.read_bytes() == before


@pytest.mark.parametrize(("what", "name"), sorted(key for key, rows in REJECTED.items() if rows))
def test_every_rejected_row_says_why_in_chinese(capsys, corpus, target, what, name) -> None:
    before = target_digest(target)
    code, out, err = _run(capsys, "--db", str(target), "import", what, str(corpus[name]), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert {row["row"] for row in report["rejected"]} == set(REJECTED[(what, name)])
    for row in report["rejected"]:
        assert CJK.search(row["reason"]), row
        assert re.fullmatch(r"[a-z_.0-9]+", row["code"]), row
    assert target_digest(target) == before
