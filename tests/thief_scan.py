"""The thief's scan of a laptop's disk (issue 18, item 4): the cadre's work, the scan, what it
looks for. tests/test_thief_scan.py runs it on a plain laptop, tests/test_thief_scan_encrypted.py
on an encrypted one (two files: xdist runs the two laptops' work side by side).

A cadre's ordinary work runs through the real command line, as separate processes whose home,
temporary folder and per-user folders (XDG, so also FieldLog's log file) all lie inside this
test's own folder, the "disk": the demo, an import of organizations and visits from workbooks,
a second laptop joining the team through sync packages both ways, backups into the backup
folder and onto a USB stick, an export, a restore, a check; last, the window dies while it has
the database open (its write-ahead log left beside the file, as after a crash or a laptop shut in
its bag). Then every file on that disk is read
byte by byte for what a thief wants: organization names, mobile numbers, visit summaries (the
demo's and the import's), the team passphrase and the database password — in UTF-8 and in
UTF-16-LE (what Qt and Windows write), and in every file name.

On an encrypted database nothing may be found; on an unencrypted one the same scan must find the
records in the database, its backups and the copy (the proof that the scan can fail). What the
commands print, the console's lines, must carry no secret and no record either.

Outside the disk, on purpose: the workbooks the cadre imports (the user's own files, plaintext
before FieldLog sees them), the workbook the cadre exports (plaintext by the user's choice: an
export is meant to be read by Excel) and the password store (the operating system's: this suite's
stand-in, tests/keyring_backend.py, keeps its values base64-encoded). Sync packages stay on the
disk and are scanned: they are encrypted whatever the database is.

Every command reads the database password from the first line of standard input (it is not a
terminal and nothing is remembered), the team passphrase, where one is needed, from the next.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest

#: The database password and the team passphrase of the scenario (both on one line of stdin).
PASSWORD = "钥匙在我手里 at-rest 2024"
PASSPHRASE = "团队口令 correct horse battery"
ENCODINGS = ("utf-8", "utf-16-le")
REPO = Path(__file__).resolve().parent.parent

#: What the cadre imports: records no demo holds, so a hit is certainly FieldLog's doing.
IMPORTED_ORGS = (
    ("深圳市窃读防护科技有限公司", "欧阳守密", "总经理", "13987654321"),
    ("东莞市锁钥新材料有限公司", "司马防盗", "董事长", "15812345670"),
    ("惠州市保险柜智能制造有限公司", "诸葛藏锋", "副总裁", "18676543219"),
)
#: Typed just before the window died: only in the write-ahead log.
UNSAVED_ORG = "正在录入时崩溃的窃读测试有限公司"
IMPORTED_SUMMARIES = (
    "商谈在铜仁设立保密柜生产线，首期投资一点五亿元，对方要求在签约前严格保密。",
    "对方计划把电池回收基地迁往贵州，预计年产值八亿元，正在比较三个园区的用地条件。",
)


@dataclass
class Needles:
    """The known plaintext, by kind."""

    kinds: dict[str, list[str]]

    def items(self) -> list[tuple[str, str]]:
        return [(kind, text) for kind, texts in self.kinds.items() for text in texts]

    def records(self) -> list[tuple[str, str]]:
        return [(kind, text) for kind, text in self.items() if kind != "secret"]


@dataclass(frozen=True)
class Hit:
    """One piece of known plaintext found in one file."""

    path: Path
    kind: str
    text: str
    how: str  # the encoding it was found in, or "file name"


def scan_files(disk: Path, needles: Needles) -> list[Hit]:
    """Every file under `disk` read byte by byte for every needle in every encoding."""
    hits = []
    for path in sorted(p for p in disk.rglob("*") if p.is_file() and not p.is_symlink()):
        data = path.read_bytes()
        name = str(path.relative_to(disk))
        for kind, text in needles.items():
            hits += [
                Hit(path, kind, text, encoding)
                for encoding in ENCODINGS
                if text.encode(encoding) in data
            ]
            if text in name:
                hits.append(Hit(path, kind, text, "file name"))
    return hits


def scan_text(lines: Sequence[str], needles: Needles) -> list[tuple[str, str]]:
    """The needles found in what the commands printed."""
    printed = "\n".join(lines)
    return [(kind, text) for kind, text in needles.items() if text in printed]


def _write_workbooks(folder: Path, visitor: str) -> tuple[Path, Path]:
    """The target-company list and the visit log (by `visitor`) the cadre imports."""
    folder.mkdir(parents=True)
    orgs = openpyxl.Workbook()
    sheet = orgs.active
    sheet.append(["企业名称", "联系人", "职务", "手机"])
    for row in IMPORTED_ORGS:
        sheet.append(list(row))
    visits = openpyxl.Workbook()
    sheet = visits.active
    sheet.append(["走访日期", "走访对象", "走访人员", "洽谈内容"])
    for (name, *_), summary in zip(IMPORTED_ORGS, IMPORTED_SUMMARIES, strict=False):
        sheet.append(["2020-04-08", name, visitor, summary])
    orgs.save(folder / "目标企业.xlsx")
    visits.save(folder / "走访记录.xlsx")
    return folder / "目标企业.xlsx", folder / "走访记录.xlsx"


DIES_WITH_DATABASE_OPEN = """
import os, sys
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.orgs import orgs
password = sys.stdin.readline().rstrip("\\n") or None
db = open_workspace(sys.argv[1], create=False, password=password)
orgs.save_org(db, orgs.OrgInput(sys.argv[2]))
sys.stdout.flush()
os._exit(0)  # no close, no checkpoint
"""


@dataclass
class Laptop:
    """One cadre's laptop: its disk, and the command line run on it."""

    root: Path
    password: str | None
    printed: list[str] = field(default_factory=list)

    @property
    def disk(self) -> Path:
        return self.root / "disk"

    def env(self) -> dict[str, str]:
        home, temporary = self.disk / "home", self.disk / "tmp"
        env = dict(os.environ)
        env.pop("FIELDLOG_DB", None)
        env.update(
            HOME=str(home),
            TMPDIR=str(temporary),
            TMP=str(temporary),
            TEMP=str(temporary),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_DATA_HOME=str(home / ".local" / "share"),
            XDG_CACHE_HOME=str(home / ".cache"),
            XDG_STATE_HOME=str(home / ".local" / "state"),
            XDG_RUNTIME_DIR=str(temporary / "runtime"),
            # Windows' per-user folders (macOS derives its own from HOME).
            USERPROFILE=str(home),
            APPDATA=str(home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(home / "AppData" / "Local"),
            # The operating system's password store stands outside the disk (see the docstring).
            FIELDLOG_TEST_KEYRING=str(self.root / "os-keyring" / "keyring.json"),
            # This checkout's modules and the suite's password store among them.
            PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")])),
        )
        return env

    def run(self, *args: str, lines: Sequence[str] = ()) -> str:
        """`fieldlog ARGS` on this laptop; standard input holds the database password (when it
        is encrypted), then `lines`. Returns what it printed on stdout."""
        given = [self.password, *lines] if self.password else list(lines)
        return self._process(["-m", "fieldlog", *args], "".join(line + "\n" for line in given))

    def die_with_database_open(self, path: Path, org_name: str) -> None:
        """A process that opens the database as the window does, saves an organization and
        dies without closing it: the change is then only in the write-ahead log."""
        self._process(
            ["-c", DIES_WITH_DATABASE_OPEN, str(path), org_name], f"{self.password or ''}\n"
        )

    def _process(self, args: list[str], stdin: str) -> str:
        """Python with `args` on this laptop, `stdin` on its standard input; what it printed is
        kept, it must succeed. Returns its stdout."""
        result = subprocess.run(
            [sys.executable, *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=self.env(),
            cwd=self.disk / "home",
            timeout=300,
        )
        self.printed += [result.stdout, result.stderr]
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        return result.stdout

    def new_database(self, path: Path, command: str) -> None:
        """`init` or `demo` into a new database, encrypted when this laptop has a password."""
        if self.password is None:
            self.run("--db", str(path), command)
        else:
            self.run("--db", str(path), command, "--encrypt")


@dataclass
class Scenario:
    """The disk after the cadre's work, and where the work left its files."""

    laptop: Laptop
    first: Path
    second: Path
    usb_copy: Path
    packages: list[Path]
    wal: Path


def cadre_work(root: Path, password: str | None, visitor: str) -> Scenario:
    """The demo, an import (visits by `visitor`, a member of the demo), a team of two laptops
    syncing both ways, backups, an export and a restore — each a real run of the command line."""
    laptop = Laptop(root, password)
    for folder in ("home", "tmp", "data/first", "data/second", "usb", "outbox"):
        (laptop.disk / folder).mkdir(parents=True)
    (laptop.disk / "tmp" / "runtime").mkdir(mode=0o700)
    orgs_book, visits_book = _write_workbooks(root / "the-users-own-workbooks", visitor)
    first = laptop.disk / "data" / "first" / "fieldlog.db"
    second = laptop.disk / "data" / "second" / "fieldlog.db"
    db1, db2 = ("--db", str(first)), ("--db", str(second))

    laptop.new_database(first, "demo")
    for what, book in (("orgs", orgs_book), ("visits", visits_book)):
        report = laptop.run(*db1, "import", what, str(book), "--json")
        assert '"rejected": []' in report, report
    laptop.new_database(second, "init")
    for db in (db1, db2):
        laptop.run(*db, "team", "passphrase", lines=[PASSPHRASE])
    outbox = laptop.disk / "outbox"
    laptop.run(*db1, "sync", "export", "--full", "-o", str(outbox))
    [package] = list(outbox.iterdir())
    laptop.run(*db2, "sync", "import", str(package))
    laptop.run(*db2, "sync", "export", "--full", "-o", str(outbox))
    [back] = [p for p in outbox.iterdir() if p != package]
    laptop.run(*db1, "sync", "import", str(back))
    assert laptop.run(*db1, "digest") == laptop.run(*db2, "digest")

    manual = Path(laptop.run(*db1, "backup").strip())
    usb_copy = laptop.disk / "usb" / "fieldlog-copy.db"
    laptop.run(*db1, "backup", "-o", str(usb_copy))
    exports = root / "the-users-own-exports"
    exports.mkdir()
    laptop.run(*db1, "export", "orgs", "-o", str(exports / "orgs.xlsx"))
    laptop.run(*db1, "export", "visits", "--from", "2020-01-01", "--to", "2020-12-31",
               "-o", str(exports / "visits.xlsx"))  # fmt: skip
    laptop.run(*db1, "restore", str(manual))
    assert "ok" in laptop.run(*db1, "check")
    laptop.die_with_database_open(second, UNSAVED_ORG)
    wal = second.with_name(second.name + "-wal")
    return Scenario(laptop, first, second, usb_copy, [package, back], wal)


def demo_needles(demo_file: Path) -> Needles:
    """Organization names, mobile numbers and summaries of the demo (what `fieldlog demo` makes:
    the same for every run), and of the import, and the two secrets."""
    con = sqlite3.connect(f"{demo_file.as_uri()}?mode=ro", uri=True)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM organization ORDER BY id LIMIT 12")]
        mobiles = [
            r[0]
            for r in con.execute(
                "SELECT phone FROM contact WHERE length(phone) = 11 ORDER BY id LIMIT 12"
            )
        ]
        summaries = [
            r[0]
            for r in con.execute(
                "SELECT summary FROM visit WHERE length(summary) > 20 ORDER BY id LIMIT 12"
            )
        ]
    finally:
        con.close()
    assert len(names) == len(mobiles) == len(summaries) == 12
    return Needles(
        {
            "organization": [*names, *(row[0] for row in IMPORTED_ORGS), UNSAVED_ORG],
            "mobile": mobiles + [row[3] for row in IMPORTED_ORGS],
            "summary": summaries + list(IMPORTED_SUMMARIES),
            "secret": [PASSWORD, PASSPHRASE],
        }
    )


def described(hits: list[Hit], disk: Path) -> list[str]:
    return sorted({f"{h.path.relative_to(disk)}: {h.kind} {h.text!r} ({h.how})" for h in hits})


def demo_visitor(demo_file: Path) -> str:
    """A member of the demo team, who makes the imported visits."""
    con = sqlite3.connect(f"{demo_file.as_uri()}?mode=ro", uri=True)
    try:
        name: str = con.execute("SELECT name FROM member ORDER BY name LIMIT 1").fetchone()[0]
    finally:
        con.close()
    return name


def scenario(
    tmp_path_factory: pytest.TempPathFactory, demo_file: Path, password: str | None
) -> Scenario:
    """The cadre's work on a laptop of its own, encrypted with `password` (plain without)."""
    folder = tmp_path_factory.mktemp("encrypted-laptop" if password else "plain-laptop")
    return cadre_work(folder, password, demo_visitor(demo_file))
