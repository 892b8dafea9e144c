"""Secrets kept in the computer's password store (Windows Credential Locker, macOS Keychain,
the Secret Service on Linux) through the `keyring` library, never in a file FieldLog writes.

Each secret is one entry of the service "FieldLog", named by its kind and a scope the caller
chooses (`account`): the team passphrase is scoped by an id kept in its database, so two
databases on one laptop (a demo and the real one, two teams) never share an entry; a database
password (later) will be scoped by something known before the file is open.

Where no usable store exists (a headless Linux, or only a plain-file store such as
`keyrings.alt`'s), a secret is kept in this process's memory only: the caller asks for it again
in the next run and says why. `keyring` is imported on first use (it probes the desktop).
"""

from __future__ import annotations

import enum
from typing import Any

SERVICE = "FieldLog"

#: Secrets given in this run where no password store exists: lost when the process ends.
_remembered: dict[str, str] = {}


class Secret(enum.Enum):
    """The kinds of secret FieldLog keeps; the value names the entry."""

    TEAM_PASSPHRASE = "team-passphrase"
    DATABASE_PASSWORD = "database-password"


class Kept(enum.Enum):
    """Where a secret went."""

    STORE = "store"  # the computer's password store: there in the next run too
    MEMORY = "memory"  # this process only: asked again in the next run


def account(kind: Secret, scope: str) -> str:
    """The entry's user name inside the service "FieldLog"."""
    return f"{kind.value}:{scope}"


def _backend() -> Any:
    import keyring

    return keyring.get_keyring()


def _usable(backend: Any) -> bool:
    """A store worth trusting: keyring's "recommended" priority (>= 1) excludes its fail and
    null backends and the plain-file ones; a chainer is usable when one of its members is."""
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        return any(_usable(member) for member in backend.backends)
    try:
        return float(backend.priority) >= 1
    except Exception:  # a backend that cannot even say its priority is not one to trust
        return False


def store_available() -> bool:
    """Whether this computer has a password store FieldLog may keep secrets in."""
    try:
        return _usable(_backend())
    except Exception:  # keyring itself broken (a bad configuration): as if none
        return False


def save(kind: Secret, scope: str, value: str) -> Kept:
    """Keep `value` in the password store (checked by reading it back), else in memory."""
    name = account(kind, scope)
    _remembered.pop(name, None)
    if store_available():
        try:
            backend = _backend()
            backend.set_password(SERVICE, name, value)
            if backend.get_password(SERVICE, name) == value:
                return Kept.STORE
        except Exception:  # a locked or refusing store: this run only, like no store
            pass
    _remembered[name] = value
    return Kept.MEMORY


def read(kind: Secret, scope: str) -> str | None:
    """The secret given in this run, else the one in the password store, else None."""
    name = account(kind, scope)
    if name in _remembered:
        return _remembered[name]
    if not store_available():
        return None
    try:
        value = _backend().get_password(SERVICE, name)
    except Exception:  # a locked store reads as empty: the user is asked
        return None
    return value if isinstance(value, str) and value else None


def forget(kind: Secret, scope: str) -> None:
    """Remove the secret from memory and from the password store (if it is there)."""
    name = account(kind, scope)
    _remembered.pop(name, None)
    if not store_available():
        return
    try:
        backend = _backend()
        if backend.get_password(SERVICE, name) is not None:
            backend.delete_password(SERVICE, name)
    except Exception:  # nothing there, or a store that refuses: nothing more to do
        pass


def forget_this_run() -> None:
    """Drop every secret kept in memory (tests; a process that changes databases)."""
    _remembered.clear()
