"""The team passphrase that seals sync packages: kept in the computer's password store
(`services/secrets.py`), never in the database, whose file, backups and copies a thief takes
with the laptop.

The entry is named by an id this database keeps in `local_state` (`SCOPE_KEY`, made when a
passphrase is first set, with the file it was made for): it exists before the laptop joins a
team, it comes back with a backup restored in place, two databases on one laptop — a demo and
the real one — each have their own, and a copied or moved file takes an entry of its own that
starts with the passphrase it was copied with. On a server database each installation keeps
its entry id under keys of its own, with the server's URL without its password as its home.

Where the computer has no password store, the passphrase is kept in memory for this run only
and asked again in the next one. Versions before this one kept the passphrase in clear in
`local_state` (`PASSPHRASE_KEY`); `move_clear_passphrase` takes it out (the upgrade).
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from fieldlog.domain.messages import msg
from fieldlog.services import secrets
from fieldlog.services.errors import InvalidInput
from fieldlog.services.secrets import Kept, Secret
from fieldlog.store.database import Database
from fieldlog.store.local_erase import erase_state, flush_log
from fieldlog.store.location import is_url
from fieldlog.store.node_identity import own_key, server_place
from fieldlog.store.stamping import read_state, write_state

#: Where earlier versions kept the passphrase in clear (read only to move it out).
PASSPHRASE_KEY = "team_passphrase"
#: The id naming this database's entry in the password store, and the file it was made for.
SCOPE_KEY = "team_passphrase_entry"
SCOPE_HOME_KEY = "team_passphrase_entry_home"
MIN_PASSPHRASE, MAX_PASSPHRASE = 8, 200


def check_passphrase(passphrase: str) -> None:
    """Refuse (InvalidInput) a passphrase too short, too long or with spaces around it."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(
            msg(
                "sync.passphrase_short",
                "the team passphrase must have at least {count} characters",
                count=MIN_PASSPHRASE,
            )
        )
    if len(passphrase) > MAX_PASSPHRASE:
        raise InvalidInput(
            msg(
                "sync.passphrase_long",
                "the team passphrase may have at most {count} characters",
                count=MAX_PASSPHRASE,
            )
        )
    if passphrase != passphrase.strip() or "\n" in passphrase:
        raise InvalidInput(
            msg(
                "sync.passphrase_spaces",
                "the team passphrase must not start or end with spaces",
            )
        )


def store_available() -> bool:
    """Whether a passphrase set here is still known in the next run (a password store exists)."""
    return secrets.store_available()


def _home(db: Database) -> str:
    """Where the entry was made: a file's resolved path; a server's URL without its password
    (the value sits in the database it names, readable by everyone who uses it)."""
    return str(db.path) if db.path is not None else server_place(db.location)


def _stored_scope(session: Session, db: Database) -> str | None:
    """This installation's entry id; on a server without one, the one entry an earlier
    version kept for everyone (its own keyring may hold the passphrase under it)."""
    scope = read_state(session, own_key(db.location, SCOPE_KEY))
    if scope is None and is_url(db.location):
        return read_state(session, SCOPE_KEY)
    return scope


def _scope(db: Database) -> str | None:
    """The entry this file reads (a copy not yet written to still reads its original's)."""
    with db.read() as session:
        return _stored_scope(session, db)


def _own_scope(db: Database) -> str:
    """This file's own entry id, made (and written) the first time it is needed. A copied or
    moved file takes an entry of its own, starting with the passphrase it was copied with, so
    that a passphrase changed in a copy (a training database) does not change the original's.
    On a server each installation keeps its entry id under keys of its own (`own_key`): the
    entry lives in that computer's password store, and one computer spelling the server's URL
    differently from another no longer makes the other's entry change."""
    scope_key, home_key = own_key(db.location, SCOPE_KEY), own_key(db.location, SCOPE_HOME_KEY)
    with db.read() as session:
        scope, home = read_state(session, scope_key), read_state(session, home_key)
        earlier = _stored_scope(session, db)
    if scope and home == _home(db):
        return scope
    adopted = is_url(db.location) and scope is None and earlier is not None
    inherited = secrets.read(Secret.TEAM_PASSPHRASE, earlier) if earlier and not adopted else None
    with db.begin() as session:
        if read_state(session, home_key) == _home(db):  # another program made it
            return read_state(session, scope_key) or ""
        # A server's earlier entry stays this installation's (with the bureau's team entries
        # named after it); elsewhere a new one starts with the passphrase it was copied with.
        own = earlier if adopted and earlier else str(uuid.uuid4())
        write_state(session, scope_key, own)
        write_state(session, home_key, _home(db))
        _hide_earlier_password(session, db)
    if inherited:
        secrets.save(Secret.TEAM_PASSPHRASE, own, inherited)
    return own


def _hide_earlier_password(session: Session, db: Database) -> None:
    """On a server, the earlier version's one home is its URL as given: with the database
    password in it, rewritten without (the value only told where the entry was made)."""
    home = read_state(session, SCOPE_HOME_KEY) if is_url(db.location) else None
    if home and is_url(home) and server_place(home) != home:
        write_state(session, SCOPE_HOME_KEY, server_place(home))


def _earlier_password_kept(db: Database) -> bool:
    with db.read() as session:
        home = read_state(session, SCOPE_HOME_KEY) if is_url(db.location) else None
    return bool(home and is_url(home) and server_place(home) != home)


def entry_scope(db: Database) -> str:
    """The id naming this database's entries in the password store (made when first needed):
    a bureau keeps each registered team's passphrase under it too."""
    return _own_scope(db)


def _erase_clear(db: Database) -> None:
    """Take a clear copy (of an earlier version) out of the file, its free space and its log."""
    with db.read() as session:
        if read_state(session, PASSPHRASE_KEY) is None:
            return
    with db.begin() as session:
        erase_state(session, PASSPHRASE_KEY)
    flush_log(db.engine)


def set_passphrase(db: Database, passphrase: str) -> Kept:
    """Keep the team passphrase for this database: in the password store when there is one,
    else for this run only (`Kept.MEMORY`). A clear copy an earlier version left in the file
    is erased."""
    check_passphrase(passphrase)
    scope = _own_scope(db)
    kept = secrets.save(Secret.TEAM_PASSPHRASE, scope, passphrase)
    _erase_clear(db)
    return kept


def forget_passphrase(db: Database) -> None:
    """Forget the team passphrase of this database (store, memory and any clear copy)."""
    scope = _scope(db)
    if scope:
        secrets.forget(Secret.TEAM_PASSPHRASE, scope)
    if not db.read_only:
        _erase_clear(db)


def _clear_copy(db: Database) -> str | None:
    with db.read() as session:
        return read_state(session, PASSPHRASE_KEY) or None


def move_clear_passphrase(db: Database) -> Kept | None:
    """The upgrade: a passphrase an earlier version kept in clear in the database goes to the
    password store (or, without one, into memory for this run) and is erased from the file.
    None when there is nothing to move (or the file is read-only: it is then only read).

    It is erased even without a password store: the issue is a lost laptop, and a laptop with
    no store is no safer; the user types it again next time. Backups made before still hold it.
    """
    if not db.read_only and _earlier_password_kept(db):
        with db.begin() as session:
            _hide_earlier_password(session, db)
    clear = _clear_copy(db)
    if clear is None or db.read_only:
        return None
    scope = _own_scope(db)
    kept = secrets.save(Secret.TEAM_PASSPHRASE, scope, clear)
    _erase_clear(db)  # only once it is safe elsewhere (save checks the store by reading back)
    return kept


def _own_scope_if_any(db: Database) -> str | None:
    """A copied file's own entry, made when the file had one (else nothing is written)."""
    return _own_scope(db) if _scope(db) else None


def team_passphrase(db: Database) -> str | None:
    """The team passphrase known for this database (an earlier version's clear copy is moved
    out first), or None when it must be asked."""
    move_clear_passphrase(db)
    scope = _scope(db) if db.read_only else _own_scope_if_any(db)
    if scope:
        known = secrets.read(Secret.TEAM_PASSPHRASE, scope)
        if known:
            return known
    return _clear_copy(db)  # a read-only file of an earlier version: used where it is


def has_passphrase(db: Database) -> bool:
    """Whether the team passphrase is known without asking (nothing is moved or written)."""
    scope = _scope(db)
    if scope and secrets.read(Secret.TEAM_PASSPHRASE, scope):
        return True
    return _clear_copy(db) is not None


def require_passphrase(db: Database) -> str:
    """The team passphrase, or InvalidInput saying how to give it."""
    known = team_passphrase(db)
    if known:
        return known
    if not store_available():
        raise InvalidInput(
            msg(
                "sync.no_passphrase_store",
                "the team passphrase is needed and this computer has no password store, so "
                "FieldLog asks for it each time (it never keeps it in a file); give it on "
                "standard input",
            )
        )
    raise InvalidInput(
        msg(
            "sync.no_passphrase",
            "no team passphrase is set on this laptop; set it first with "
            "`fieldlog team passphrase` (the same one as the rest of the team)",
        )
    )
