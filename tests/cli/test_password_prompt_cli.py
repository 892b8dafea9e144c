"""On a terminal the database password is asked (twice when it is new), never echoed: a real
subprocess on a pseudo-terminal, as a cadre types at a console."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from fieldlog.store.files import looks_encrypted
from tests.cli.encrypted import OTHER, PASSWORD, cli, digest

pty = pytest.importorskip("pty", reason="pseudo-terminals are POSIX")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no pseudo-terminal on Windows")


def _until_echo_is_off(fd: int) -> None:
    """getpass turns the echo off around its prompt: type only then (the answer would be shown
    otherwise). The master side reads the terminal's settings."""
    import termios

    for _ in range(2000):
        if not termios.tcgetattr(fd)[3] & termios.ECHO:
            return
        time.sleep(0.005)


def on_terminal(args: list[str], answers: list[str]) -> tuple[int, str]:
    """Run `fieldlog ARGS` on a pseudo-terminal; each time it asks (a prompt ending in ': '),
    type the next answer. Returns the exit code and everything the terminal showed."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: FieldLog, its terminal the pseudo-terminal
        os.execv(sys.executable, [sys.executable, "-m", "fieldlog", "--lang", "en", *args])
    shown = b""
    pending = list(answers)
    asked = 0
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child ended: the terminal is gone
            break
        if not chunk:
            break
        shown += chunk
        while pending and shown.count(b": ") > asked and shown.rstrip().endswith(b":"):
            asked += 1
            _until_echo_is_off(fd)
            os.write(fd, pending.pop(0).encode() + b"\r")
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), shown.decode("utf-8", "replace")


def test_a_new_password_is_asked_twice_and_never_shown(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    code, shown = on_terminal(["--db", str(db), "init", "--encrypt"], [PASSWORD, PASSWORD])
    assert code == 0, shown
    assert "New database password: " in shown and "Repeat it: " in shown
    assert PASSWORD not in shown
    assert looks_encrypted(db)
    code, shown = on_terminal(["--db", str(db), "stats"], [PASSWORD])
    assert code == 0, shown
    assert f"Password of {db.name}: " in shown and "Visits" in shown
    assert PASSWORD not in shown


def test_two_different_passwords_change_nothing(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    assert cli("--db", str(db), "init").returncode == 0
    before = digest(db, None)
    code, shown = on_terminal(["--db", str(db), "encrypt"], [PASSWORD, OTHER])
    assert code == 1, shown
    assert "The two passwords are not the same." in shown
    assert not looks_encrypted(db) and digest(db, None) == before


def test_a_wrong_password_typed_is_one_sentence(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    assert cli("--db", str(db), "init", "--encrypt", stdin=PASSWORD + "\n").returncode == 0
    code, shown = on_terminal(["--db", str(db), "digest"], [OTHER])
    assert code == 1, shown
    assert f"the password does not open {db}" in shown and OTHER not in shown
    assert "Traceback" not in shown
