"""The bureau's command line, as its scheduled jobs run it: real subprocesses, on a SQLite file and
on a PostgreSQL server."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fieldlog.domain.money import format_yi
from fieldlog.domain.period import Period
from fieldlog.services.reports import stats
from tests.cli.encrypted import PASSWORD, refused
from tests.cli.test_sync_cli import cli, ok
from tests.conftest import copy_of
from tests.services.bureau_teams import SHARED_CODE, TeamLaptop, make_teams

ALL_TIME = Period(None, None)


@pytest.fixture
def three_teams(empty_database_file: Path, tmp_path: Path) -> list[TeamLaptop]:
    made = make_teams(empty_database_file, tmp_path, 3)
    yield made
    for laptop in made:
        laptop.db.close()


@pytest.fixture
def two_teams(empty_database_file: Path, tmp_path: Path) -> list[TeamLaptop]:
    made = make_teams(empty_database_file, tmp_path, 2)
    yield made
    for laptop in made:
        laptop.db.close()


def test_a_bureau_by_command_line(
    any_location: str, two_teams: list[TeamLaptop], tmp_path: Path
) -> None:
    db = ["--db", any_location, "--lang", "en"]
    assert "Bureau database ready" in ok(*db, "bureau", "init", "--name", "铜仁市投资促进局")
    sz, sh = two_teams
    out = ok(*db, "bureau", "register", str(sz.export(full=True)), stdin=sz.passphrase + "\n")
    assert "registered team 驻深工作队" in out

    # A package of a team not registered yet: refused, naming how to register it.
    first_sh = sh.export(full=True)
    refused = cli(*db, "sync", "import", str(first_sh))
    assert refused.returncode == 1
    assert "bureau register" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    # A wrong passphrase registers nothing.
    wrong = cli(*db, "bureau", "register", str(first_sh), stdin="not the passphrase\n")
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr
    assert json.loads(ok(*db, "bureau", "teams", "--json"))[0]["name"] == "驻深工作队"
    assert len(json.loads(ok(*db, "bureau", "teams", "--json"))) == 1

    ok(*db, "bureau", "register", str(first_sh), stdin=sh.passphrase + "\n")
    # Later packages go through `sync import`, with no passphrase given: each team's is kept.
    later = sz.export()
    ok(*db, "sync", "import", str(later), str(first_sh))

    for team in two_teams:
        shown = json.loads(ok(*db, "stats", "--team", team.name, "--json"))
        assert shown == stats.compute(team.db, ALL_TIME).as_dict()
    total = json.loads(ok(*db, "stats", "--json"))
    assert total == json.loads(ok(*db, "stats", "--team", "all", "--json"))
    each = [stats.compute(t.db, ALL_TIME) for t in two_teams]
    assert total["enterprises_visited"] == sum(s.enterprises_visited for s in each) - 1
    assert total["contract_amount_yuan"] == 450_000_000

    [overlap] = json.loads(ok(*db, "bureau", "overlaps", "--json"))
    assert overlap["credit_code"] == SHARED_CODE
    assert (overlap["first_team"], overlap["first_date"]) == ("驻沪工作队", "2026-11-01")
    assert [t["team"] for t in overlap["teams"]] == ["驻沪工作队", "驻深工作队"]
    told = ok(*db, "bureau", "overlaps")
    for work in overlap["teams"]:
        yi = format_yi(work["contract_amount_yuan"])
        assert f"{work['team']}（{work['first_date']}，{yi} yi yuan signed）" in told

    ok(*db, "bureau", "lead", SHARED_CODE, "--team", "驻深工作队", "--note", "驻深牵头")
    assert json.loads(ok(*db, "bureau", "overlaps", "--json"))[0]["lead_team"] == "驻深工作队"
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    sent = ok(*db, "bureau", "send", "-o", str(outbox))
    assert sent.count("1 decision(s)") == 2
    to_sh = next(outbox.glob("*驻沪工作队*.fieldsync"))
    team_db = ["--db", str(sh.db.path), "--lang", "en"]
    ok(*team_db, "sync", "import", str(to_sh))
    [decision] = json.loads(ok(*team_db, "bureau", "overlaps", "--json"))
    assert (decision["lead_team"], decision["first_team"], decision["note"]) == (
        "驻深工作队",
        "驻沪工作队",
        "驻深牵头",
    )
    path = Path(
        ok(*db, "export", "bureau", "--week", "2026-W48", "-o", str(tmp_path / "b.xlsx")).strip()
    )
    assert load_workbook(path).sheetnames[0] == "各工作队汇总"
    unknown = cli(*db, "stats", "--team", "驻京工作队", "--json")
    assert unknown.returncode == 1 and "驻深工作队" in unknown.stderr


def test_watching_a_shared_folder(
    any_location: str, two_teams: list[TeamLaptop], tmp_path: Path
) -> None:
    db = ["--db", any_location, "--lang", "en"]
    ok(*db, "bureau", "init", "--name", "铜仁市投资促进局")
    sz, sh = two_teams
    ok(*db, "bureau", "register", str(sz.export(full=True)), stdin=sz.passphrase + "\n")
    shared = tmp_path / "shared"
    shared.mkdir()
    later = sz.export()
    (shared / later.name).write_bytes(later.read_bytes())
    (shared / "stranger.fieldsync").write_bytes(sh.export(full=True).read_bytes())
    (shared / "broken.fieldsync").write_bytes(b"not a package")
    lines = [
        json.loads(line)
        for line in ok(*db, "bureau", "watch", str(shared), "--once", "--json").splitlines()
    ]
    status = {line["file"]: line["status"] for line in lines}
    assert status == {
        later.name: "received",
        "stranger.fieldsync": "refused",
        "broken.fieldsync": "refused",
    }
    again = [
        json.loads(line)
        for line in ok(*db, "bureau", "watch", str(shared), "--once", "--json").splitlines()
    ]
    assert {line["file"]: line["status"] for line in again}[later.name] == "already"


def test_look_alikes_decided_by_command_line(
    any_location: str, two_teams: list[TeamLaptop]
) -> None:
    from tests.services.test_bureau import _visit_new_org

    db = ["--db", any_location, "--lang", "en"]
    ok(*db, "bureau", "init", "--name", "铜仁市投资促进局")
    sz, sh = two_teams
    _visit_new_org(sz, "华为终端有限公司", date(2026, 11, 12))
    _visit_new_org(sh, "华为终端（上海）有限公司", date(2026, 11, 9))
    for team in two_teams:
        ok(*db, "bureau", "register", str(team.export(full=True)), stdin=team.passphrase + "\n")
    before = json.loads(ok(*db, "stats", "--json"))["enterprises_visited"]
    [pair] = json.loads(ok(*db, "bureau", "lookalikes", "--json"))
    assert {pair["first_team"], pair["second_team"]} == {"驻深工作队", "驻沪工作队"}
    short = cli(*db, "bureau", "same", pair["first_id"][-4:], pair["second_id"])
    assert short.returncode == 1 and "8 characters" in short.stderr
    assert "one enterprise" in ok(*db, "bureau", "same", pair["first_id"][-8:], pair["second_id"])
    assert json.loads(ok(*db, "stats", "--json"))["enterprises_visited"] == before - 1
    assert json.loads(ok(*db, "bureau", "lookalikes", "--json")) == []
    assert len(json.loads(ok(*db, "bureau", "overlaps", "--json"))) == 2


# -- several teams registered by one command ----------------------------------------------------


def _lines(*passphrases: str) -> str:
    return "".join(f"{p}\n" for p in passphrases)


def test_three_teams_registered_by_one_command(
    any_location: str, three_teams: list[TeamLaptop], tmp_path: Path
) -> None:
    other = (
        copy_of(any_location, tmp_path, "one-by-one.db")
        if "://" in any_location
        else str(tmp_path / "one-by-one.db")
    )
    at_once, one_by_one = (["--db", where, "--lang", "en"] for where in (any_location, other))
    for db in (at_once, one_by_one):
        ok(*db, "bureau", "init", "--name", "铜仁市投资促进局")
    packages = [team.export(full=True) for team in three_teams]
    each = [
        ok(*one_by_one, "bureau", "register", str(path), stdin=team.passphrase + "\n")
        for team, path in zip(three_teams, packages, strict=True)
    ]
    rows = _rows(each[0])
    assert (
        each[0] == f"registered team 驻深工作队\n驻深工作队-1.fieldsync: {rows} records received\n"
    )

    out = ok(
        *at_once,
        "bureau",
        "register",
        *map(str, packages),
        stdin=_lines(*(team.passphrase for team in three_teams)),
    )

    assert out == "".join(each)  # one report line per team and per package, as one by one
    for command in (["digest"], ["bureau", "teams", "--json"], ["stats", "--json"]):
        assert ok(*at_once, *command) == ok(*one_by_one, *command), command
    for team in three_teams:
        shown = json.loads(ok(*at_once, "stats", "--team", team.name, "--json"))
        assert shown == stats.compute(team.db, ALL_TIME).as_dict()
    assert ok(*at_once, "bureau", "overlaps", "--json") == ok(
        *one_by_one, "bureau", "overlaps", "--json"
    )


def _rows(out: str) -> int:
    return int(out.splitlines()[1].split(": ")[1].split()[0])


def test_too_few_passphrases_or_a_wrong_one_registers_nothing(
    any_location: str, three_teams: list[TeamLaptop]
) -> None:
    db = ["--db", any_location, "--lang", "en"]
    ok(*db, "bureau", "init", "--name", "铜仁市投资促进局")
    sz, sh, hz = three_teams
    ok(*db, "bureau", "register", str(sz.export(full=True)), stdin=sz.passphrase + "\n")
    before = [ok(*db, "digest"), ok(*db, "bureau", "teams", "--json")]
    packages = [str(team.export(full=True)) for team in (sh, hz, sz)]

    short = cli(*db, "bureau", "register", *packages, stdin=_lines(sh.passphrase, hz.passphrase))
    assert refused(short, sz.passphrase) == (
        "fieldlog: error: no team passphrase on standard input for 驻深工作队-2.fieldsync (one "
        "line per package, in their order); nothing was registered"
    )
    assert [ok(*db, "digest"), ok(*db, "bureau", "teams", "--json")] == before

    wrong = cli(
        *db, "bureau", "register", *packages, stdin=_lines(sh.passphrase, "not it 2026", "x")
    )
    assert refused(wrong, "not it 2026") == (
        "fieldlog: error: 驻杭工作队-1.fieldsync: wrong team passphrase: this package was made "
        "with a different passphrase; nothing was registered"
    )
    assert [ok(*db, "digest"), ok(*db, "bureau", "teams", "--json")] == before
    # 驻深's kept passphrase is still the one it was registered with: its package is received.
    ok(*db, "sync", "import", packages[2])
    assert json.loads(ok(*db, "stats", "--team", sz.name, "--json")) == (
        stats.compute(sz.db, ALL_TIME).as_dict()
    )


def test_an_encrypted_bureau_reads_its_password_first(
    tmp_path: Path, three_teams: list[TeamLaptop]
) -> None:
    path = tmp_path / "bureau.db"
    db = ["--db", str(path), "--lang", "en"]
    ok(*db, "bureau", "init", "--name", "铜仁市投资促进局")
    ok(*db, "encrypt", stdin=PASSWORD + "\n")
    sz, sh, _hz = three_teams
    out = ok(
        *db,
        "bureau",
        "register",
        str(sz.export(full=True)),
        str(sh.export(full=True)),
        stdin=_lines(PASSWORD, sz.passphrase, sh.passphrase),
    )
    assert [line for line in out.splitlines() if line.startswith("registered")] == [
        "registered team 驻深工作队",
        "registered team 驻沪工作队",
    ]
    assert PASSWORD not in out and sz.passphrase not in out
    teams = json.loads(ok(*db, "bureau", "teams", "--json", stdin=PASSWORD + "\n"))
    assert [t["name"] for t in teams] == ["驻沪工作队", "驻深工作队"]
