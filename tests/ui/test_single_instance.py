"""One window per database: a second start (`python -m fieldlog [--db X] [FILE]`, what a
double-click on a package runs) over a database a window already shows hands its file to that
window and exits 0 without a window of its own; over another database it opens its own.

The first FieldLog is either this process's window, listening as main() makes it listen when it
runs the application (`single_instance.start`), or a real FieldLog process. A second start
that opened a window would keep running its event loop: one that ends by itself, with 0, opened
none.
"""

# ruff: noqa: F811  (fixture arguments share the names of the imported fixtures)
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from fieldlog import app
from fieldlog.ui import single_instance
from fieldlog.ui.dialogs.join_dialog import JoinDialog
from fieldlog.ui.dialogs.sync_report_dialog import SyncReportDialog
from tests.field_dump import db_digest
from tests.ui.test_first_start import data_home  # noqa: F401
from tests.ui.test_open_file_argument import handed_over, join_dialog, opened_window
from tests.ui.test_sync_laptops import (  # noqa: F401
    leader_and_cadre,
    make_laptop,
    sync_template,
    warnings,
)
from tests.ui.test_window_language import no_saved_language  # noqa: F401

#: Generous: a start on this shared machine takes about a second; only a hang reaches it.
ENDS_WITHIN_MS = 90_000


class Starts:
    """FieldLog processes started by a test; those still running are ended after it, and the
    socket names they leave (ended by a signal, they cannot close them) removed."""

    def __init__(self) -> None:
        self.running: list[subprocess.Popen[str]] = []
        self.names: set[str] = set()
        # Settings of their own: a database an earlier test's FieldLog remembered (QSettings'
        # lastDatabase) must not be what a start without --db opens.
        self.config = Path(tempfile.mkdtemp(prefix="fieldlog-start-settings-"))

    def __call__(self, *args: object) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-m", "fieldlog", "--lang", "en", *map(str, args)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(self.config)),
        )
        self.running.append(process)
        return process

    def end(self) -> None:
        for process in self.running:
            if process.poll() is None:
                process.terminate()
            process.communicate()
        for name in self.names:
            QLocalServer.removeServer(name)


@pytest.fixture
def starts() -> Iterator[Starts]:
    made = Starts()
    yield made
    made.end()


@pytest.fixture
def listening(windows) -> Iterator[Callable[[], single_instance.Listener]]:
    """Makes this process's window the first FieldLog, as main() does when it owns the app."""
    yield lambda: single_instance.start(app.last_window)
    single_instance.stop()


def ended(qtbot, process: subprocess.Popen[str]) -> tuple[int, str]:
    """Wait for `process` to end while this process's window answers; its exit code and stderr."""
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=ENDS_WITHIN_MS)
    _out, err = process.communicate()
    return process.returncode, err


def database_copy(source: Path, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(source, folder / name))


def test_a_second_start_hands_its_package_to_the_open_window(
    qapp, qtbot, listening, starts, leader_and_cadre, tmp_path: Path, warnings
) -> None:
    leader, cadre = leader_and_cadre
    leader.org("深圳新材料有限公司", notes="第一次走访")
    package = handed_over(leader.export("monday"), tmp_path)
    assert app.main(["--db", str(cadre.db.path), "--lang", "en"]) == 0
    window = opened_window()
    listening()
    before = cadre.digest()
    assert before != leader.digest()

    code, err = ended(qtbot, starts("--db", cadre.db.path, package))
    assert code == 0 and "Traceback" not in err
    qtbot.waitUntil(lambda: bool(window.findChildren(SyncReportDialog)))
    [report] = window.findChildren(SyncReportDialog)
    assert report.isVisible()
    assert app.last_window() is window  # the same window: no second one in this process either
    assert cadre.digest() == leader.digest() and warnings == []


def test_on_a_fresh_install_a_second_start_offers_the_join_in_the_open_window(
    qapp, qtbot, data_home, listening, starts, leader_and_cadre, tmp_path: Path, warnings
) -> None:
    """No --db on either start: both use the per-user database, so they meet."""
    leader, _cadre = leader_and_cadre
    package = handed_over(leader.export("full", full=True), tmp_path)
    assert app.main(["--lang", "en"]) == 0
    window = opened_window()
    assert window.centralWidget().objectName() == "welcomePanel"
    listening()
    fresh = db_digest(window.db)

    code, err = ended(qtbot, starts(package))
    assert code == 0 and "Traceback" not in err
    qtbot.waitUntil(lambda: bool(window.findChildren(JoinDialog)))
    dialog = join_dialog(window)
    assert dialog.intro.text().startswith(f"The package “{package.name}” will join this laptop")
    assert db_digest(window.db) == fresh and warnings == []  # nothing written before Join


def test_a_start_without_a_file_brings_the_window_forward(
    qapp, qtbot, listening, starts, empty_database_file: Path, tmp_path: Path, warnings
) -> None:
    database = database_copy(empty_database_file, tmp_path / "走访 日志", "本 机.db")
    assert app.main(["--db", str(database), "--lang", "en"]) == 0
    window = opened_window()
    listening()
    before = db_digest(window.db)
    window.showMinimized()
    assert window.isMinimized()

    # The database given as FILE is the same one: it, too, only asks the window forward.
    code, err = ended(qtbot, starts(database))
    assert code == 0 and "Traceback" not in err
    qtbot.waitUntil(lambda: not window.isMinimized())
    assert window.isVisible() and db_digest(window.db) == before
    assert window.findChildren(JoinDialog) == [] and warnings == []


def test_the_name_follows_the_database_not_its_spelling(tmp_path: Path) -> None:
    database = tmp_path / "走访 日志.db"
    (tmp_path / "sub").mkdir()
    same = single_instance.server_name(str(tmp_path / "sub" / ".." / "走访 日志.db"))
    assert same == single_instance.server_name(str(database))
    assert single_instance.server_name(str(tmp_path / "另一个.db")) != same


def test_windows_over_different_databases_stay_independent(
    qapp, qtbot, listening, starts, empty_database_file: Path, tmp_path: Path, warnings
) -> None:
    ours = database_copy(empty_database_file, tmp_path / "甲", "甲 日志.db")
    theirs = database_copy(empty_database_file, tmp_path / "乙", "乙 日志.db")
    assert app.main(["--db", str(ours), "--lang", "en"]) == 0
    window = opened_window()
    listening()
    before = db_digest(window.db)

    other = starts("--db", theirs)
    starts.names.add(single_instance.server_name(str(theirs)))
    # Its own window listens for its own database: it answers this process's hand-over.
    qtbot.waitUntil(
        lambda: single_instance.hand_over(str(theirs), None) or other.poll() is not None,
        timeout=ENDS_WITHIN_MS,
    )
    assert other.poll() is None  # still running: it has a window
    assert app.last_window() is window and db_digest(window.db) == before
    assert warnings == []


def stale_name(location: Path) -> str:
    """The name of `location`, left behind by a process that listened and died without closing
    it (on Linux and macOS a socket file nobody answers on)."""
    name = single_instance.server_name(str(location))
    code = (
        "import os, sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtNetwork import QLocalServer\n"
        "app = QCoreApplication([])\n"
        "server = QLocalServer()\n"
        "assert server.listen(sys.argv[1]), server.errorString()\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, name], check=True, timeout=120)
    return name


def test_a_stale_name_does_not_stop_a_real_first_window(
    qtbot, starts, leader_and_cadre, tmp_path: Path
) -> None:
    leader, cadre = leader_and_cadre
    leader.org("深圳新材料有限公司")
    package = handed_over(leader.export("tuesday"), tmp_path)
    database = cadre.db.path
    starts.names.add(stale_name(database))
    assert not single_instance.hand_over(str(database), None)  # nobody answers on it

    first = starts("--db", database)
    qtbot.waitUntil(
        lambda: single_instance.hand_over(str(database), None) or first.poll() is not None,
        timeout=ENDS_WITHIN_MS,
    )
    assert first.poll() is None  # it listens in place of the dead one
    before = cadre.digest()
    code, err = ended(qtbot, starts("--db", database, package))
    assert code == 0 and "Traceback" not in err
    # The first window received it: both laptops hold the same data now.
    qtbot.waitUntil(lambda: cadre.digest() == leader.digest(), timeout=ENDS_WITHIN_MS)
    assert before != leader.digest()


def test_a_window_that_does_not_answer_does_not_stop_a_start(
    qapp, qtbot, starts, empty_database_file: Path, tmp_path: Path
) -> None:
    database = database_copy(empty_database_file, tmp_path / "走访", "日志.db")
    name = single_instance.server_name(str(database))
    silent = QLocalServer()  # connections wait in its queue: nothing ever reads them
    assert silent.listen(name)
    starts.names.add(name)
    try:
        process = starts("--db", database)
        qtbot.waitUntil(
            lambda: single_instance.hand_over(str(database), None) or process.poll() is not None,
            timeout=ENDS_WITHIN_MS,
        )
        assert process.poll() is None  # it opened its own window, which answers now
    finally:
        silent.close()


def exchange(qtbot, name: str, data: bytes, *, confirm: bool = True) -> bytes:
    """Send `data` to the window listening on `name`, confirm a yes as a start does (unless
    told not to: a start that gave up), and return what the window answered."""
    socket = QLocalSocket()
    received = bytearray()
    socket.readyRead.connect(lambda: received.extend(socket.readAll().data()))
    socket.connectToServer(name)
    unconnected = QLocalSocket.LocalSocketState.UnconnectedState
    qtbot.waitUntil(lambda: socket.state() == QLocalSocket.LocalSocketState.ConnectedState)
    socket.write(data)
    socket.flush()
    qtbot.waitUntil(lambda: b"\n" in received or socket.state() == unconnected)
    if b"\n" in received and json.loads(received)["ok"] and confirm:
        socket.write(single_instance.CONFIRMATION)
        socket.flush()
    else:
        socket.disconnectFromServer()
    qtbot.waitUntil(lambda: socket.state() == unconnected)
    received.extend(socket.readAll().data())
    return bytes(received)


BAD_MESSAGES = {
    "not JSON": b"fieldlog please open this\n",
    "not UTF-8": b'{"fieldlog": 1, "file": "\xff\xfe.fieldsync"}\n',
    "a list": b"[1, null]\n",
    "no version": b'{"file": null}\n',
    "a later version": b'{"fieldlog": 2, "file": null}\n',
    "a version that is true": b'{"fieldlog": true, "file": null}\n',
    "another key": b'{"fieldlog": 1, "file": null, "run": "rm"}\n',
    "a relative path": '{"fieldlog": 1, "file": "U盘/队长 给的.fieldsync"}\n'.encode(),
    "not a package": b'{"fieldlog": 1, "file": "/tmp/fieldlog.db"}\n',
    "a number as file": b'{"fieldlog": 1, "file": 7}\n',
    "too long": b"x" * (single_instance.MAX_LINE + 100),
}


@pytest.mark.parametrize("kind", sorted(BAD_MESSAGES))
def test_a_bad_message_is_refused_and_changes_nothing(
    qapp, qtbot, listening, leader_and_cadre, tmp_path: Path, warnings, kind: str, caplog
) -> None:
    _leader, cadre = leader_and_cadre
    assert app.main(["--db", str(cadre.db.path), "--lang", "en"]) == 0
    window = opened_window()
    listener = listening()
    assert listener.name is not None
    before = cadre.digest()

    answer = exchange(qtbot, listener.name, BAD_MESSAGES[kind])
    assert json.loads(answer) == {"fieldlog": 1, "ok": False}
    assert any("message from another start was ignored" in r.getMessage() for r in caplog.records)
    # The window still listens, and a good message is still taken (by then anything the bad
    # one could have scheduled has run).
    good = single_instance.request(None)
    assert json.loads(exchange(qtbot, listener.name, good)) == {"fieldlog": 1, "ok": True}
    assert window.findChildren(JoinDialog) == [] and window.findChildren(SyncReportDialog) == []
    assert warnings == [] and not window.isHidden() and cadre.digest() == before


def test_main_inside_a_running_application_neither_listens_nor_hands_over(
    qapp, windows, empty_database_file: Path, tmp_path: Path
) -> None:
    """The tests' (and an embedding host's) in-process main(): no server is left behind."""
    database = database_copy(empty_database_file, tmp_path, "日志.db")
    assert app.main(["--db", str(database), "--lang", "en"]) == 0
    first = opened_window()
    try:
        assert app.main(["--db", str(database), "--lang", "en"]) == 0  # a second one, as before
        assert app.last_window() is not first
        assert single_instance._listener is None
        assert not single_instance.hand_over(str(database), None)
    finally:  # the fixture closes the last window; this one is the test's to close
        first.close()
        first.db.close()


def deleted_later() -> None:
    """Run the deletions the window code asked for (a retired window's, say)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def test_a_rebuilt_window_keeps_the_name_and_takes_what_comes(
    qapp, qtbot, listening, no_saved_language, empty_database_file: Path, tmp_path: Path
) -> None:
    database = database_copy(empty_database_file, tmp_path / "走访", "日志.db")
    assert app.main(["--db", str(database), "--lang", "en"]) == 0
    old = opened_window()
    listener = listening()
    name = listener.name
    assert name == single_instance.server_name(str(database))

    new = app.switch_language(old, "en")  # View ▸ Language: a new window, the old one retired
    deleted_later()
    assert app.last_window() is new and listener.name == name
    new.showMinimized()
    answer = exchange(qtbot, name, single_instance.request(None))
    assert json.loads(answer) == {"fieldlog": 1, "ok": True}
    qtbot.waitUntil(lambda: not new.isMinimized())


def test_the_name_is_given_up_with_the_window_and_taken_for_the_next_database(
    qapp, qtbot, listening, empty_database_file: Path, tmp_path: Path, warnings
) -> None:
    first = database_copy(empty_database_file, tmp_path / "甲", "甲 日志.db")
    second = database_copy(empty_database_file, tmp_path / "乙", "乙 日志.db")
    assert app.main(["--db", str(first), "--lang", "en"]) == 0
    window = opened_window()
    listener = listening()
    assert listener.name == single_instance.server_name(str(first))

    # The check of a large file, run after the window opened, found damage: the window closes
    # and the recovery screen shows. A later start must open a window of its own then.
    app._on_damage(window.db.location, "page 3 is never used")
    deleted_later()
    recovery = app.last_recovery()
    assert app.last_window() is None and recovery is not None
    assert listener.name is None

    recovery.open_requested.emit(str(second))  # the user opens another database instead
    window = opened_window()
    assert listener.name == single_instance.server_name(str(second))
    answer = exchange(qtbot, listener.name, single_instance.request(None))
    assert json.loads(answer) == {"fieldlog": 1, "ok": True}


@pytest.mark.parametrize(
    "name", ["队长 给的 (第1周).fieldsync", os.fsdecode(b"\xb6\xd3\xb3\xa4 gbk.fieldsync")]
)
def test_a_request_carries_the_path_exactly(tmp_path: Path, name: str) -> None:
    """Chinese and spaces, and on Linux a name in another encoding (GBK bytes from a USB
    stick): the line is valid UTF-8 and names the very same file."""
    package = tmp_path / "U盘" / name
    line = single_instance.request(package)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    line.decode("utf-8")  # valid
    assert single_instance.read_request(line) == package
    assert single_instance.read_request(single_instance.request(None)) is None


def test_a_yes_the_start_never_confirmed_opens_nothing(
    qapp, qtbot, listening, leader_and_cadre, tmp_path: Path, warnings
) -> None:
    """A window too busy to answer in time: the start has opened its own window meanwhile, so
    the late yes is not followed by the file opened here as well."""
    leader, cadre = leader_and_cadre
    leader.org("深圳新材料有限公司")
    package = handed_over(leader.export("late"), tmp_path)
    assert app.main(["--db", str(cadre.db.path), "--lang", "en"]) == 0
    window = opened_window()
    listener = listening()
    before = cadre.digest()

    late = exchange(qtbot, listener.name, single_instance.request(package), confirm=False)
    assert json.loads(late) == {"fieldlog": 1, "ok": True}
    # A confirmed exchange after it: by its end anything the first could have started has run.
    done = exchange(qtbot, listener.name, single_instance.request(None))
    assert json.loads(done) == {"fieldlog": 1, "ok": True}
    assert window.findChildren(SyncReportDialog) == [] and window.findChildren(JoinDialog) == []
    assert cadre.digest() == before and warnings == []
