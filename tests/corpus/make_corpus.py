"""Hostile files for the data-safety tests (issue 7 item 5): workbooks, sync packages, databases.

`python -m tests.corpus.make_corpus` rewrites the small files committed in tests/corpus/files.
The tests call `write_generated(folder, passphrase)` for the rest: files that are big (a sheet that
reaches row 1,048,576, a ZIP bomb), or that must match the current schema and a passphrase (sync
packages, FieldLog databases) and would go stale if committed.

Each file is named `<kind>-<case>.<ext>`; `kind` (workbook, package, database) says which command
it goes through.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

COMMITTED = Path(__file__).parent / "files"
OLE2_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEADINGS = ["序号", "企业名称", "统一社会信用代码", "所在地区"]
#: How far the ZIP bomb's sheet XML inflates (about 1 MB on disk).
BOMB_BYTES = 300 << 20


def _ole2(*streams: str) -> bytes:
    """An OLE2 compound file naming these streams (what Excel writes for a protected workbook)."""
    names = b"".join(name.encode("utf-16-le") + b"\x00\x00" for name in streams)
    return OLE2_MAGIC + b"\x00" * 504 + names + b"\x00" * 512


def _book(rows: list[list[object]], *, raw: bool = False) -> Workbook:
    """A one-sheet workbook; with `raw`, strings are stored as written (no cut, no formula)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c)
            if raw and isinstance(value, str):
                cell._value = value
                cell.data_type = "s"
            else:
                cell.value = value
    return workbook


def _save(workbook: Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _plain_list() -> bytes:
    return _save(
        _book([HEADINGS, *([i, f"深圳市样本{i}有限公司", None, "深圳"] for i in range(40))])
    )


def _huge_cells() -> bytes:
    """Cells of 32,767+ characters (Excel's own limit) in the name and the address columns."""
    return _save(
        _book(
            [
                HEADINGS,
                [1, "长" * 32_768, None, "深圳"],
                [2, "深圳市长地址有限公司", None, "址" * 100_000],
            ],
            raw=True,
        )
    )


def _formulas() -> bytes:
    """Real formulas (no cached values) and formula-looking text in the name column."""
    workbook = _book([HEADINGS])
    sheet = workbook.active
    assert sheet is not None
    sheet.append([1, '=HYPERLINK("http://evil.example/","点我")', None, "深圳"])
    sheet.append([2, "=cmd|' /C calc'!A0", None, "深圳"])
    sheet.append([3, "=1+1", None, '=HYPERLINK("http://evil.example/","x")'])
    return _save(workbook)


def _merged_headers() -> bytes:
    """A header whose cells are merged across columns and rows, over rows with no name."""
    workbook = _book(
        [["企业名称", None, "统一社会信用代码"], [None, None, None], [None, "甲", None]]
    )
    sheet = workbook.active
    assert sheet is not None
    sheet.merge_cells("A1:B2")
    sheet.merge_cells("C1:C2")
    return _save(workbook)


def _fake_package_workbook() -> bytes:
    book = io.BytesIO()
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/workbook.xml", b"<workbook/>")
    return book.getvalue()


def _path_outside() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("manifest.json", b"{}")
        archive.writestr("changes.jsonl.enc", b"x")
        archive.writestr("../../outside.txt", b"gotcha")
    return out.getvalue()


def _foreign_sqlite() -> bytes:
    folder = Path(sys.modules[__name__].__file__ or ".").parent
    path = folder / ".foreign.tmp"
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)")
        connection.execute("INSERT INTO songs (title) VALUES ('月亮代表我的心')")
    connection.close()
    data = path.read_bytes()
    path.unlink()
    return data


SMALL: dict[str, Callable[[], bytes]] = {
    "workbook-text.xlsx": lambda: "企业名称,统一社会信用代码\n甲公司,91350100M000100Y43\n".encode(),
    "workbook-empty.xlsx": lambda: b"",
    "workbook-truncated.xlsx": lambda: _plain_list()[: len(_plain_list()) // 2],
    "workbook-encrypted.xlsx": lambda: _ole2("Root Entry", "EncryptionInfo", "EncryptedPackage"),
    "workbook-xls.xlsx": lambda: _ole2("Root Entry", "Workbook", "SummaryInformation"),
    "workbook-huge-cells.xlsx": _huge_cells,
    "workbook-formulas.xlsx": _formulas,
    "workbook-merged-header.xlsx": _merged_headers,
    "package-text.fieldsync": lambda: (
        "单位名称,统一社会信用代码\n德润,91350100M000100Y43\n".encode()
    ),
    "package-workbook.fieldsync": _fake_package_workbook,
    "package-path-outside.fieldsync": _path_outside,
    "database-text.db": lambda: b"name,code\nACME,1\n" * 10,
    "database-foreign.db": _foreign_sqlite,
}


def write_committed(folder: Path = COMMITTED) -> list[Path]:
    """(Re)write the small files kept in the repository."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in SMALL.items():
        path = folder / name
        path.write_bytes(make())
        written.append(path)
    return written


# --- generated at test time -----------------------------------------------------------------


def _last_row(path: Path) -> Path:
    """A real workbook with a cell in row 1,048,576 (the sheet claims every row Excel has)."""
    workbook = _book([HEADINGS, [1, "深圳市第一行有限公司", "9144", "深圳"]])
    sheet = workbook.active
    assert sheet is not None
    for column, value in enumerate((2, "深圳市最后一行有限公司", "9144"), start=1):
        sheet.cell(row=1_048_576, column=column, value=value)
    workbook.save(path)
    return path


def _zip_bomb(path: Path) -> Path:
    """A valid .xlsx whose sheet XML inflates to BOMB_BYTES of rows below a real header."""
    source = zipfile.ZipFile(io.BytesIO(_save(_book([HEADINGS]))))
    header = "".join(f'<c t="inlineStr"><is><t>{text}</t></is></c>' for text in HEADINGS)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                archive.writestr(info.filename, source.read(info))
                continue
            with archive.open(info.filename, "w", force_zip64=True) as member:
                member.write(
                    f'<worksheet xmlns="{MAIN_NS}"><sheetData><row>{header}</row>'.encode()
                )
                row = b'<row><c t="inlineStr"><is><t>' + "深圳市炸弹有限公司".encode() * 9
                row = b"<row><c/>" + row[5:] + b"</t></is></c></row>"
                block = row * ((1 << 20) // len(row))
                for _ in range(BOMB_BYTES // len(block)):
                    member.write(block)
                member.write(b"</sheetData></worksheet>")
    return path


def _packages(folder: Path, passphrase: str, template: Path) -> list[Path]:
    """The bad packages of the sync tests, sealed for a receiver that knows `passphrase`."""
    from fieldlog.services.admin.workspace import open_workspace
    from fieldlog.services.exchange import sync
    from fieldlog.sync.crypto import KdfParams
    from tests.cli import test_sync_cli as bad

    work = folder / "work"
    work.mkdir(parents=True, exist_ok=True)
    sender_path = work / "sender.db"
    shutil.copy(template, sender_path)
    sender = open_workspace(str(sender_path))
    try:
        sync.set_passphrase(sender, passphrase)
        bad._diverge(sender, "寄")
        good = work / "good.fieldsync"
        sync.export_package(sender, good, kdf=KdfParams(n=2**10))
        world = {"folder": work, "good": good}
        world["newer"] = bad._handmade(sender, work / "n.fieldsync", revision="9999_future")
        world["lying"] = bad._handmade(sender, work / "l.fieldsync", extra_count=1)
        sync.set_passphrase(sender, passphrase + " of another team")
        world["wrong"] = work / "w.fieldsync"
        sync.export_package(sender, world["wrong"], full=True, kdf=KdfParams(n=2**10))
    finally:
        sender.close()
    made = [_other_team(folder / "package-other-team.fieldsync", passphrase, template)]
    for case in ("truncated", "bit-flipped", "zip-bomb", "lying-manifest", "lying-hash",
                 "newer", "lying", "wrong"):  # fmt: skip
        spoiled = bad._spoiled(case, world)
        made.append(spoiled.rename(folder / f"package-{case}.fieldsync"))
    return made


def _other_team(out: Path, passphrase: str, template: Path) -> Path:
    """The full package of another team that happens to use the same passphrase."""
    from fieldlog.services.admin.workspace import open_workspace
    from fieldlog.services.exchange import sync
    from fieldlog.services.orgs import orgs
    from fieldlog.services.team import team
    from fieldlog.sync.crypto import KdfParams

    path = out.with_suffix(".db")
    shutil.copy(template, path)
    db = open_workspace(str(path))
    try:
        sync.set_passphrase(db, passphrase)
        team.save_team(db, team.TeamInput("黔东南州驻深招商工作队"))
        orgs.save_org(db, orgs.OrgInput("深圳市另一队的企业有限公司"))
        sync.export_package(db, out, full=True, kdf=KdfParams(n=2**10))
    finally:
        db.close()
    path.unlink()
    return out


def _databases(folder: Path, template: Path) -> list[Path]:
    """A FieldLog database cut in half, and one stamped with a schema revision from the future."""
    truncated, newer = folder / "database-truncated.db", folder / "database-newer-schema.db"
    data = template.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    shutil.copy(template, newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    return [truncated, newer]


def write_generated(folder: Path, passphrase: str) -> list[Path]:
    """Write the big and the schema-bound files into `folder` (a temporary folder)."""
    from fieldlog.services.admin.workspace import open_workspace

    folder.mkdir(parents=True, exist_ok=True)
    template = folder / "template.db"
    open_workspace(str(template)).close()
    made = [
        _last_row(folder / "workbook-last-row.xlsx"),
        _zip_bomb(folder / "workbook-zip-bomb.xlsx"),
    ]
    made += _packages(folder, passphrase, template)
    made += _databases(folder, template)
    return made


if __name__ == "__main__":
    for written in write_committed():
        print(written.relative_to(Path.cwd()) if written.is_relative_to(Path.cwd()) else written)
