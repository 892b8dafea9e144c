"""Sync through the command line: real files, real subprocesses, the digest as the witness."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import uuid
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange import sync
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.store.models import Organization
from fieldlog.sync.changes import Header, build_payload, changed_rows
from fieldlog.sync.crypto import KdfParams
from fieldlog.sync.package import new_package_fields, write_package
from fieldlog.sync.team_check import own_team

PASSPHRASE = "correct horse battery"


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m fieldlog ARGS` with optional standard input."""
    return subprocess.run(
        [sys.executable, "-m", "fieldlog", *args],
        capture_output=True,
        text=True,
        input=stdin if stdin is not None else "",
        env=dict(os.environ),
        timeout=180,
    )


def ok(*args: str, stdin: str | None = None) -> str:
    result = cli(*args, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return result.stdout


def with_db(path: Path, action: Callable[[Database], object]) -> object:
    db = open_workspace(str(path))
    try:
        return action(db)
    finally:
        db.close()


def _set_notes(db: Database, name: str, notes: str) -> None:
    with db.begin() as session:
        org = session.query(Organization).filter_by(name=name).one()
        org.notes = notes


def _diverge(db: Database, who: str) -> None:
    member = team.save_member(db, team.MemberInput(f"新队员{who}"))
    org = orgs.save_org(db, orgs.OrgInput(f"{who}新结识的公司")).id
    visits.save_visit(db, visits.VisitInput(date(2020, 4, 20), org, [member], summary=who))


@pytest.mark.slow
def test_two_databases_diverge_exchange_and_converge(
    tmp_path: Path, demo_database_file: Path
) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copyfile(demo_database_file, a)  # what `fieldlog demo` makes
    ok("--db", str(b), "init")
    for path in (a, b):
        ok("--db", str(path), "team", "passphrase", stdin=PASSPHRASE + "\n")
    # b joins from a full package of a.
    full = tmp_path / "full.fieldsync"
    assert "everything" in ok("--db", str(a), "sync", "export", "--full", "-o", str(full))
    ok("--db", str(b), "sync", "import", str(full))
    assert ok("--db", str(a), "digest") == ok("--db", str(b), "digest")
    # Both work offline, one field edited on both.
    with_db(a, lambda db: _diverge(db, "甲"))
    with_db(b, lambda db: _diverge(db, "乙"))
    target = with_db(a, lambda db: orgs.save_org(db, orgs.OrgInput("冲突测试公司")).id)
    assert target
    ok("--db", str(b), "sync", "import", str(_export(a, tmp_path / "a0.fieldsync")))
    with_db(a, lambda db: _set_notes(db, "冲突测试公司", "甲的备注"))
    with_db(b, lambda db: _set_notes(db, "冲突测试公司", "乙的备注"))
    a1, b1 = _export(a, tmp_path / "a1.fieldsync"), _export(b, tmp_path / "b1.fieldsync")
    report = json.loads(ok("--db", str(a), "sync", "import", str(b1), "--json"))
    assert report["conflicts"] == 1 and report["new"] > 0
    assert "0 conflicts" not in ok("--db", str(b), "sync", "import", str(a1))
    assert ok("--db", str(a), "digest") == ok("--db", str(b), "digest")
    assert ok("--db", str(a), "stats", "--json") == ok("--db", str(b), "stats", "--json")
    for path in (a, b):
        [conflict] = json.loads(ok("--db", str(path), "sync", "conflicts", "--json"))
        assert conflict["field"] == "notes" and conflict["record"] == "冲突测试公司"
        assert {conflict["winner"]["value"], conflict["loser"]["value"]} == {"甲的备注", "乙的备注"}
    assert "already imported before; skipped" in ok("--db", str(b), "sync", "import", str(a1))
    assert "ok" in ok("--db", str(b), "check")


def _export(path: Path, out: Path) -> Path:
    ok("--db", str(path), "sync", "export", "-o", str(out))
    return out


def test_passphrase_is_checked_and_required(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    ok("--db", db, "init")  # only init and demo create a database
    missing = cli("--db", db, "sync", "export", "-o", str(tmp_path / "p.fieldsync"))
    assert missing.returncode == 1 and "fieldlog team passphrase" in missing.stderr
    short = cli("--db", db, "team", "passphrase", stdin="short\n")
    assert short.returncode == 1 and "at least 8 characters" in short.stderr
    assert len(short.stderr.strip().splitlines()) == 1
    empty = cli("--db", db, "team", "passphrase", stdin="")
    assert empty.returncode == 1 and "standard input" in empty.stderr
    assert cli("--db", db, "sync", "export").returncode == 2  # -o is required


# Bad packages ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """A receiving database and a good package from another laptop of its team to spoil in many
    ways (the receiver joined the team with the sender's full package)."""
    folder = tmp_path_factory.mktemp("bad-packages")
    sender, receiver = open_workspace(str(folder / "s.db")), open_workspace(str(folder / "r.db"))
    for db in (sender, receiver):
        sync.set_passphrase(db, PASSPHRASE)
    team.save_team(sender, team.TeamInput("铜仁市驻深招商工作队"))
    join = folder / "team.fieldsync"
    sync.export_package(sender, join, full=True, kdf=KdfParams(n=2**10))
    sync.import_packages(receiver, [join])
    for db in (sender, receiver):
        _diverge(db, "某")
    good = folder / "good.fieldsync"
    sync.export_package(sender, good, kdf=KdfParams(n=2**10))
    paths = {"folder": folder, "good": good, "receiver": folder / "r.db"}
    paths["newer"] = _handmade(sender, folder / "newer.fieldsync", revision="9999_from_the_future")
    paths["lying"] = _handmade(sender, folder / "lying.fieldsync", extra_count=1)
    sync.set_passphrase(sender, "another team's passphrase")
    paths["wrong"] = folder / "wrong.fieldsync"
    sync.export_package(sender, paths["wrong"], full=True, kdf=KdfParams(n=2**10))
    sender.close()
    receiver.close()
    yield paths


def _handmade(db: Database, out: Path, *, revision: str = "", extra_count: int = 0) -> Path:
    """A correctly encrypted package whose manifest says something untrue."""
    with db.read() as session:
        payload, counts = build_payload(Header("", None, {}), changed_rows(session, None))
        own = own_team(session)
    counts["visit"] += extra_count
    fields = new_package_fields(
        package_id=uuid.uuid4(),
        team_id=own.id if own else None,
        sender_node=db.node_id,
        full=True,
        counts=counts,
    )
    if revision:
        fields["schema_revision"] = revision
    write_package(out, package=fields, plaintext=payload, passphrase=PASSPHRASE, kdf=KdfParams())
    return out


def _rewrite(source: Path, out: Path, change: Callable[[str, bytes], tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            name, data = change(info.filename, old.read(info))
            new.writestr(name, data)
    return out


def _lying_manifest(name: str, data: bytes) -> tuple[str, bytes]:
    if name != "manifest.json":
        return name, data
    manifest = json.loads(data)
    manifest["package"]["counts"]["visit"] = 5
    return name, json.dumps(manifest).encode()


def _lying_hash(name: str, data: bytes) -> tuple[str, bytes]:
    if name != "manifest.json":
        return name, data
    manifest = json.loads(data)
    manifest["members"]["changes.jsonl.enc"]["sha256"] = "0" * 64
    return name, json.dumps(manifest).encode()


def _bomb(out: Path) -> Path:
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", b"{}")
        with archive.open("changes.jsonl.enc", "w") as member:
            block = b"\0" * (1 << 20)
            for _ in range(300):
                member.write(block)
    return out


def _escape(out: Path) -> Path:
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("manifest.json", b"{}")
        archive.writestr("changes.jsonl.enc", b"x")
        archive.writestr("../../outside.txt", b"gotcha")
    return out


def _spoiled(case: str, world: dict[str, Path]) -> Path:
    good, folder = world["good"], world["folder"]
    data = good.read_bytes()
    out = folder / f"spoiled-{case}.fieldsync"
    if case == "truncated":
        out.write_bytes(data[: len(data) // 2])
    elif case == "bit-flipped":
        out.write_bytes(data[:600] + bytes([data[600] ^ 0x10]) + data[601:])
    elif case == "renamed-text":
        out.write_bytes("单位名称,统一社会信用代码\n德润,91350100M000100Y43\n".encode())
    elif case == "renamed-workbook":
        book = io.BytesIO()
        with zipfile.ZipFile(book, "w") as archive:
            archive.writestr("[Content_Types].xml", b"<Types/>")
            archive.writestr("xl/workbook.xml", b"<workbook/>")
        out.write_bytes(book.getvalue())
    elif case == "path-outside":
        _escape(out)
    elif case == "zip-bomb":
        _bomb(out)
    elif case == "lying-manifest":
        _rewrite(good, out, _lying_manifest)
    elif case == "lying-hash":
        _rewrite(good, out, _lying_hash)
    else:
        shutil.copy(world[case], out)
    return out


BAD = {
    "truncated": "damaged or incomplete",
    "bit-flipped": "damaged",
    "wrong": "wrong team passphrase",
    "renamed-text": "not a FieldLog sync package",
    "renamed-workbook": "not a FieldLog sync package",
    "path-outside": "outside the package folder",
    "zip-bomb": "ZIP bomb",
    "newer": "newer FieldLog",
    "lying-manifest": "altered or damaged",
    "lying-hash": "do not match the manifest",
    "lying": "manifest does not match the contents",
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_package_is_refused_with_one_line(world: dict[str, Path], case: str) -> None:
    receiver = world["receiver"]
    before = with_db(receiver, digest)
    package = _spoiled(case, world)
    result = cli("--db", str(receiver), "sync", "import", str(package))
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fieldlog: error: "), result.stderr
    assert BAD[case] in lines[0]
    assert "Traceback" not in result.stderr
    assert with_db(receiver, digest) == before


def test_the_good_package_of_the_bad_ones_is_accepted(world: dict[str, Path]) -> None:
    receiver = world["receiver"]
    result = cli("--db", str(receiver), "sync", "import", str(world["good"]))
    assert result.returncode == 0, result.stderr
