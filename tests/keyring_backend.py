"""Password stores for the suite, so that it never touches the real user's keyring.

`tests/conftest.py` names `SessionKeyring` in PYTHON_KEYRING_BACKEND: the suite's processes and
the command-line runs they start share one store per test process, a file in the suite's own
temporary home (FIELDLOG_TEST_KEYRING) — a laptop with a password store, as on Windows and
macOS. Entries are named by an id each database makes, so tests do not see each other's.
Values are kept base64-encoded: a scan of the disk for a passphrase must find only what
FieldLog itself leaves. `MemoryKeyring` is a store of one test (installed with
`keyring.set_keyring`); `keyring.backends.fail.Keyring` is a computer without one.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError

PATH_VARIABLE = "FIELDLOG_TEST_KEYRING"


class MemoryKeyring(KeyringBackend):
    """A password store in this process's memory."""

    priority = 1  # type: ignore[assignment]  # "recommended": FieldLog trusts it

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


class SessionKeyring(KeyringBackend):
    """A password store in one file named by FIELDLOG_TEST_KEYRING, shared with subprocesses."""

    priority = 1  # type: ignore[assignment]

    def _path(self) -> Path:
        return Path(os.environ[PATH_VARIABLE])

    def _load(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text("utf-8")) if path.exists() else {}

    def _save(self, entries: dict[str, str]) -> None:
        path = self._path()
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(entries), "utf-8")
        temporary.replace(path)

    @staticmethod
    def _key(service: str, username: str) -> str:
        return f"{service}\t{username}"

    def get_password(self, service: str, username: str) -> str | None:
        value = self._load().get(self._key(service, username))
        return None if value is None else base64.b64decode(value).decode("utf-8")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._load()
        entries[self._key(service, username)] = base64.b64encode(password.encode()).decode()
        self._save(entries)

    def delete_password(self, service: str, username: str) -> None:
        entries = self._load()
        if entries.pop(self._key(service, username), None) is None:
            raise PasswordDeleteError("no such password")
        self._save(entries)


class LockedKeyring(KeyringBackend):
    """A password store that exists but refuses (locked, or the user said no)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("the store is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError("no such password")
