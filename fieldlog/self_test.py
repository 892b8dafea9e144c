"""`FieldLog --self-test`: prove a built or installed FieldLog works, end to end, in seconds.

In a temporary folder whose name has Chinese characters and a space: load the demo dispatch,
check its reference figures (SPEC §3.7), write the weekly return and read it back, then open the
main window offscreen in Chinese. Prints one line and returns 0, or one line naming the check
that failed and returns 1. The user's settings, data folder and database are never touched: the
per-user folders point into the temporary folder while it runs, and QSettings for the rest of the
process, so `run()` is meant for a process of its own (the bundle's `--self-test`, a subprocess).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from fieldlog import __version__
from fieldlog.domain.period import IsoWeek

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

APP_NAME = "FieldLog"

#: The demo's figures over the whole dispatch (and over all time): the 2020 reference case, the
#: same numbers tests/cli/test_cli.py and tests/services/admin/test_demo.py hold the demo to.
REFERENCE = {
    "enterprises_visited": 346,
    "associations_visited": 40,
    "projects_signed": 22,
    "contract_amount_yuan": 2_914_000_000,
    "funds_in_place_yuan": 438_900_000,
}
WEEK = IsoWeek(2020, 16)
TEAM = "铜仁市驻深招商工作队"
SUMMARY_SHEET = "汇总"
#: The translators the Chinese window needs: Qt's own (standard buttons) and FieldLog's.
TRANSLATIONS = ("qtbase_zh_CN", "fieldlog_zh_CN")
FOLDER_PREFIX = "FieldLog 自检 "
#: Per-user folders redirected: platformdirs on Linux (XDG), on Windows (its overrides) and on
#: macOS (under HOME).
USER_FOLDER_VARIABLES = {
    "XDG_CONFIG_HOME": "config",
    "XDG_DATA_HOME": "data",
    "XDG_STATE_HOME": "state",
    "WIN_PD_OVERRIDE_APPDATA": "roaming",
    "WIN_PD_OVERRIDE_LOCAL_APPDATA": "local",
    **({"HOME": "home"} if sys.platform == "darwin" else {}),
}


class CheckFailed(Exception):
    """A check found something other than what a working FieldLog gives."""


def run(out: TextIO | None = None) -> int:
    """Run every check; print one line to `out` (stdout); 0 when all passed, else 1."""
    stream = sys.stdout if out is None else out
    started = time.perf_counter()
    step = "setup"
    try:
        with isolated() as folder:
            database = folder / "走访 数据.db"
            checks = _checks(database)
            took = []
            for name, check in checks:
                step, begun = name, time.perf_counter()
                check()
                took.append(f"{name} {time.perf_counter() - begun:.1f}")
    except Exception as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        print(f"FieldLog {__version__} self-test FAILED at {step}: {reason}", file=stream)
        return 1
    elapsed = time.perf_counter() - started
    print(
        f"FieldLog {__version__} self-test passed: {len(checks)} checks in {elapsed:.1f} s "
        f"({', '.join(took)})",
        file=stream,
    )
    return 0


def _checks(database: Path) -> list[tuple[str, Callable[[], None]]]:
    return [
        ("demo", lambda: load_demo_into(database)),
        ("reference figures", lambda: check_figures(database)),
        ("weekly return", lambda: check_weekly_return(database)),
        ("attachments", lambda: check_attachments(database)),
        ("Chinese window", lambda: check_window(database)),
    ]


@contextmanager
def isolated() -> Iterator[Path]:
    """A temporary folder (Chinese name, a space) holding this run's per-user folders and
    settings; removed afterwards, with the environment put back."""
    saved = {name: os.environ.get(name) for name in [*USER_FOLDER_VARIABLES, "FIELDLOG_DB"]}
    # A file Windows still holds must not turn a passed run into a failed one.
    with tempfile.TemporaryDirectory(prefix=FOLDER_PREFIX, ignore_cleanup_errors=True) as name:
        folder = Path(name)
        for variable, sub in USER_FOLDER_VARIABLES.items():
            os.environ[variable] = str(folder / "user" / sub)
        os.environ.pop("FIELDLOG_DB", None)
        try:
            _check_redirected(folder)
            yield folder
        finally:
            for variable, value in saved.items():
                if value is None:
                    os.environ.pop(variable, None)
                else:
                    os.environ[variable] = value


def _check_redirected(folder: Path) -> None:
    """Refuse to go on unless every per-user folder FieldLog uses now lies in `folder` (an old
    platformdirs on Windows has no overrides): a self-test never writes to the user's."""
    import platformdirs

    from fieldlog.store.location import APP_NAME as NAME

    for kind in ("config", "data", "state"):
        place = Path(getattr(platformdirs, f"user_{kind}_dir")(NAME, appauthor=False))
        if not place.is_relative_to(folder):
            raise CheckFailed(f"the user {kind} folder {place} cannot be set aside for the test")


def load_demo_into(database: Path) -> None:
    """A new database with the demo dispatch, as `fieldlog demo` makes it."""
    from fieldlog.services.admin.demo import load_demo
    from fieldlog.services.admin.workspace import open_workspace

    db = open_workspace(str(database))
    try:
        load_demo(db)
    finally:
        db.close()


def check_figures(database: Path, reference: dict[str, int] | None = None) -> None:
    """The demo's figures, as `stats --json` computes them, are the reference case's."""
    from fieldlog.domain.period import Period
    from fieldlog.services.admin.demo import DEMO_PERIOD
    from fieldlog.services.admin.workspace import open_workspace
    from fieldlog.services.reports.stats import compute

    expected = REFERENCE if reference is None else reference
    db = open_workspace(str(database), create=False)
    try:
        for span, period in (("all time", Period.all_time()), (str(DEMO_PERIOD), DEMO_PERIOD)):
            figures = compute(db, period).as_dict()
            wrong = [key for key, value in expected.items() if figures.get(key) != value]
            if wrong:
                key = wrong[0]
                raise CheckFailed(f"{key} over {span} is {figures.get(key)}, not {expected[key]}")
    finally:
        db.close()


def check_weekly_return(database: Path) -> None:
    """`export weekly` writes a workbook whose summary sheet holds the week's figures."""
    import openpyxl

    from fieldlog.services.admin.workspace import open_workspace
    from fieldlog.services.reports.stats import compute
    from fieldlog.services.reports.weekly import export_weekly

    db = open_workspace(str(database), create=False)
    try:
        written = export_weekly(db, WEEK, out=database.parent)
        week = compute(db, WEEK.period)
    finally:
        db.close()
    book = openpyxl.load_workbook(written, read_only=True)
    try:
        if SUMMARY_SHEET not in book.sheetnames:
            raise CheckFailed(f"{written.name} has no sheet {SUMMARY_SHEET}: {book.sheetnames}")
        sheet = book[SUMMARY_SHEET]
        title = str(sheet["A1"].value or "")
        enterprises = sheet["B4"].value
    finally:
        book.close()
    if not title.startswith(TEAM):
        raise CheckFailed(f"{written.name} is titled {title!r}")
    if enterprises != week.enterprises_visited:
        raise CheckFailed(
            f"{written.name} says {enterprises} enterprises visited in {WEEK}, "
            f"the figures say {week.enterprises_visited}"
        )


def check_attachments(database: Path) -> None:
    """A photo attached to a visit is checked, downscaled and read back (the picture decoder is
    in the app, not only on a developer's machine)."""
    import io

    from PIL import Image

    from fieldlog.services.admin.workspace import open_workspace
    from fieldlog.services.attachments import attachments
    from fieldlog.store.models import Visit

    buffer = io.BytesIO()
    Image.new("RGB", (3000, 2000), (180, 40, 40)).save(buffer, "JPEG")
    db = open_workspace(str(database), create=False)
    try:
        with db.read() as session:
            visit = session.query(Visit.id).filter(Visit.deleted.is_(False)).first()
        if visit is None:
            raise CheckFailed("the demo has no visit to attach a photo to")
        owner = attachments.Owner("visit", visit[0])
        made = attachments.add_bytes(db, owner, "厂房.jpg", buffer.getvalue(), downscale=True)
        row, data = attachments.file_of(db, made)
    finally:
        db.close()
    with Image.open(io.BytesIO(data)) as image:
        if image.size != (2048, 1365) or row.media_type != "image/jpeg":
            raise CheckFailed(f"the attached photo came back as {image.size} {row.media_type}")


def check_window(database: Path) -> None:
    """The main window opens offscreen over the demo in Chinese, with both translations loaded
    and the application icon set."""
    with qt_messages_kept() as said:
        _check_window(qt_application(), database, said)


def _check_window(qt_app: QApplication, database: Path, said: list[str]) -> None:
    from PySide6.QtCore import QCoreApplication

    from fieldlog import app

    if app.main(["--db", str(database), "--lang", "zh_CN"]) != 0:
        raise CheckFailed(f"the main window did not open over the demo {' '.join(said[:1])}")
    window = app.last_window()
    try:
        if window is None or not window.isVisible():
            raise CheckFailed("the main window is not shown")
        loaded = [Path(name).stem for name in app.install_translators(qt_app, "zh_CN")]
        missing = [name for name in TRANSLATIONS if name not in loaded]
        if missing:
            raise CheckFailed(f"translations not loaded: {', '.join(missing)} (loaded: {loaded})")
        shown = {
            "window title": (window.windowTitle(), "驻点招商走访日志"),
            "File menu": (window.menuBar().actions()[0].text(), "文件(&F)"),
            "Qt's Cancel button": (QCoreApplication.translate("QPlatformTheme", "Cancel"), "取消"),
        }
        for what, (text, chinese) in shown.items():
            if not text.startswith(chinese):
                raise CheckFailed(f"the {what} reads {text!r}, not {chinese!r}")
        if qt_app.windowIcon().isNull():
            raise CheckFailed("the application icon did not load")
    finally:
        if window is not None:
            window.close()
            window.db.close()
            window.deleteLater()
        qt_app.processEvents()


@contextmanager
def qt_messages_kept() -> Iterator[list[str]]:
    """Qt's own warnings (the offscreen platform's remarks) kept out of the one line printed;
    a failed check can quote them."""
    from PySide6.QtCore import qInstallMessageHandler

    said: list[str] = []
    previous = qInstallMessageHandler(lambda _kind, _context, text: said.append(text))
    try:
        yield said
    finally:
        qInstallMessageHandler(previous)


def qt_application() -> QApplication:
    """The running QApplication, else a new offscreen one named and iconed as FieldLog's; its
    settings (the last database, the language) go to the temporary folder, never the user's."""
    if "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before the QApplication exists
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    running = QApplication.instance()
    if isinstance(running, QApplication):
        return running
    settings = Path(os.environ["XDG_CONFIG_HOME"]) / "qt-settings"  # set by isolated()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings))
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    qt_app = QApplication(sys.argv[:1] or [APP_NAME])
    from fieldlog.app import app_icon

    qt_app.setWindowIcon(app_icon())
    return qt_app
