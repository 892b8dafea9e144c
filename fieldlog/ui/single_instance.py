"""One window per database: a second start over a database that a window of this user already
shows hands its file to that window (raised to the front) and exits, instead of opening a
second window, and a second writer, over the same file.

The first window listens on a local socket (a named pipe on Windows) whose name comes from the
user and the database's resolved location, so windows over different databases stay
independent. A later start sends one UTF-8 JSON line, `{"fieldlog": 1, "file": "/abs/x.fieldsync"}`
(`"file": null` only asks the window to come forward); the window answers
`{"fieldlog": 1, "ok": true}` and acts once the start confirms with `{"fieldlog": 1, "done": true}`.
A start that gets no such answer within a short time (nothing listening, a stale name left by a
crash, a window too busy to answer) opens its own window as before and confirms nothing, so a
window that answers late does not open the same file a second time: the hand-over may only
ever spare a window, never block a start nor act twice.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QDeadlineTimer, QObject, QTimer
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from fieldlog.app_options import is_package
from fieldlog.store.location import is_url

PROTOCOL = 1
#: How long a start waits to reach a running window, then for its answer (milliseconds): a
#: window that is there connects at once and answers within one turn of its event loop.
CONNECT_MS = 500
ANSWER_MS = 2000
#: The longest line a window reads; a longer one (or one never finished) is dropped.
MAX_LINE = 64 * 1024

CONFIRMATION = json.dumps({"fieldlog": PROTOCOL, "done": True}).encode("utf-8") + b"\n"

log = logging.getLogger(__name__)


class Window(Protocol):
    """What the listener needs of the main window."""

    db: Any
    workspace: Any
    sync_flow: Any
    destroyed: Any

    def isMinimized(self) -> bool: ...
    def showNormal(self) -> None: ...
    def raise_(self) -> None: ...
    def activateWindow(self) -> None: ...


def server_name(location: str) -> str:
    """The socket name of the window over `location` for the current user."""
    if is_url(location):
        place = location
    else:
        place = os.path.normcase(str(Path(location).expanduser().resolve()))
    key = f"{_user()}\n{place}".encode()
    return "fieldlog-" + hashlib.sha256(key).hexdigest()[:24]


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        return str(Path.home())


def request(package: Path | None) -> bytes:
    """The line a start sends: the package to open, or none (come forward)."""
    body = {"fieldlog": PROTOCOL, "file": None if package is None else str(package)}
    # ASCII escapes: a file name that is not valid UTF-8 (an old USB stick's, on Linux) still
    # makes a valid line, and comes back as the same path.
    return json.dumps(body, ensure_ascii=True).encode("utf-8") + b"\n"


def read_request(line: bytes) -> Path | None:
    """The package a line asks to open (None: only come forward); ValueError if the line is
    not a request of this protocol (version, JSON, an absolute *.fieldsync path)."""
    try:
        body = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a JSON line: {exc}") from None
    if not isinstance(body, dict) or type(body.get("fieldlog")) is not int:
        raise ValueError("no protocol version")
    if body["fieldlog"] != PROTOCOL or set(body) != {"fieldlog", "file"}:
        raise ValueError(f"protocol {body['fieldlog']} with keys {sorted(body)}")
    file = body["file"]
    if file is None:
        return None
    if not isinstance(file, str) or "\0" in file or not is_package(file):
        raise ValueError("the file is not a sync package")
    path = Path(file)
    if not path.is_absolute():
        raise ValueError("the file's path is not absolute")
    return path


def hand_over(location: str, package: Path | None) -> bool:
    """Give `package` (or just "come forward") to a window of this user that shows `location`;
    True once that window has accepted it, False if the caller must open its own window."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(location))
    try:
        if not socket.waitForConnected(CONNECT_MS):
            return False  # nothing listens, or a stale name: the window that opens takes it
        socket.write(request(package))
        deadline = QDeadlineTimer(ANSWER_MS)
        answer = b""
        while b"\n" not in answer and len(answer) <= MAX_LINE:
            if not socket.waitForReadyRead(max(1, deadline.remainingTime())):
                break
            answer += bytes(socket.readAll().data())
        return _accepted(answer) and _confirm(socket)
    finally:
        socket.abort()


def _confirm(socket: QLocalSocket) -> bool:
    """Tell the window its answer was read (it acts only then); True once the line is sent."""
    socket.write(CONFIRMATION)
    while socket.bytesToWrite() > 0:
        if not socket.waitForBytesWritten(ANSWER_MS):
            return False
    socket.disconnectFromServer()  # after what was written has gone
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(ANSWER_MS)
    return True


def _accepted(answer: bytes) -> bool:
    try:
        body = json.loads(answer.split(b"\n", 1)[0].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(body, dict) and body.get("fieldlog") == PROTOCOL and body.get("ok") is True


class Listener(QObject):
    """The server of the window `current()` returns: it follows that window's database and hands
    what a later start sends to it."""

    def __init__(self, current: Callable[[], Window | None]) -> None:
        super().__init__()
        self._current = current
        self._server: QLocalServer | None = None

    @property
    def name(self) -> str | None:
        """The name listened on, None when not listening."""
        return self._server.serverName() if self._server is not None else None

    def follow(self, window: Window) -> None:
        """Listen for `window`'s database (the same name again if it did not change)."""
        name = server_name(window.db.location)
        window.destroyed.connect(self._window_gone)
        if name != self.name:
            self.close()
            self._listen(name)

    def close(self) -> None:
        if self._server is not None:
            self._server.close()  # removes the socket file, on Linux and macOS
            self._server.deleteLater()
            self._server = None

    def _listen(self, name: str) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        listening = server.listen(name)
        if not listening and server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            # Left by a process that ended without closing it, or held by a window that did not
            # answer our start in time: either way this window takes the name over. (On Linux
            # the user-only socket is renamed over the old file, so this is rarely needed.)
            QLocalServer.removeServer(name)
            listening = server.listen(name)
        if not listening:
            log.warning("Cannot listen for later starts on %s: %s", name, server.errorString())
            server.deleteLater()
            return
        server.newConnection.connect(self._accept)
        self._server = server

    def _window_gone(self) -> None:
        if self._current() is None:  # the window closed and none replaced it
            self.close()

    def _accept(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            QTimer.singleShot(ANSWER_MS, socket, socket.abort)  # a line never finished

    def _line(self, socket: QLocalSocket) -> bytes | None:
        """The next whole line from `socket`; None until there is one (or after refusing one
        too long)."""
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_LINE:
                self._refuse(socket, "a line longer than the protocol allows")
            return None
        return bytes(socket.readLine(MAX_LINE + 1).data())

    def _read(self, socket: QLocalSocket) -> None:
        line = self._line(socket)
        if line is None:
            return
        try:
            package = read_request(line)
        except ValueError as exc:
            self._refuse(socket, str(exc))
            return
        window = self._current()
        if window is None or server_name(window.db.location) != self.name:
            self._answer(socket, ok=False)  # no window over this database now: the start opens one
            return
        socket.readyRead.disconnect()
        socket.readyRead.connect(lambda: self._confirmed(socket, package))
        socket.write(json.dumps({"fieldlog": PROTOCOL, "ok": True}).encode("utf-8") + b"\n")
        socket.flush()

    def _confirmed(self, socket: QLocalSocket, package: Path | None) -> None:
        """The start read our yes: bring the window and open its file (anything else: nothing)."""
        line = self._line(socket)
        if line is None:
            return
        socket.readyRead.disconnect()
        socket.disconnectFromServer()
        window = self._current()
        if line != CONFIRMATION or window is None or server_name(window.db.location) != self.name:
            log.warning("A start did not confirm its hand-over; nothing was opened")
            return
        # After this handler: a dialog the file opens must not run inside the socket's signal.
        QTimer.singleShot(0, self, lambda: self._bring(window, package))

    def _refuse(self, socket: QLocalSocket, reason: str) -> None:
        log.warning("A message from another start was ignored: %s", reason)
        self._answer(socket, ok=False)

    @staticmethod
    def _answer(socket: QLocalSocket, *, ok: bool) -> None:
        socket.readyRead.disconnect()
        answer = json.dumps({"fieldlog": PROTOCOL, "ok": ok}).encode("utf-8") + b"\n"
        socket.write(answer)
        socket.flush()
        socket.disconnectFromServer()

    @staticmethod
    def _bring(window: Window, package: Path | None) -> None:
        """Bring the window to the front and open the package as a start with it does."""
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        if package is not None:
            window.sync_flow.open_file(package, joining=window.workspace is None)


_listener: Listener | None = None


def start(current: Callable[[], Window | None]) -> Listener:
    """Listen for later starts over the database of the window `current()` returns, and follow
    the windows `follow` is given (the application's main window, when main() runs the app)."""
    global _listener
    stop()
    _listener = Listener(current)
    window = current()
    if window is not None:
        _listener.follow(window)
    return _listener


def follow(window: Window) -> None:
    """A new main window is shown: listen for its database (nothing unless `start` ran)."""
    if _listener is not None:
        _listener.follow(window)


def stop() -> None:
    """Stop listening (the application is ending, or a test is done)."""
    global _listener
    if _listener is not None:
        _listener.close()
        _listener.deleteLater()
        _listener = None
