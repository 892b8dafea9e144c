"""The team passphrase's entry on a server database several computers use at once: each
installation keeps its own entry id, the home it records is the server's URL without its password,
and an earlier version's home (the URL as given, password and all) is rewritten at the next write.

Each installation is a `tests.installations.Installation`; the password store is the test's own
(`store`: one store for the process, where each computer would have its own).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url

from fieldlog.services import secrets
from fieldlog.services.exchange import passphrase
from fieldlog.services.secrets import Secret
from fieldlog.store.database import Database
from fieldlog.store.location import describe
from fieldlog.store.stamping import write_state
from tests.installations import Installation, installations
from tests.keyring_backend import MemoryKeyring

PHRASES = ("铜仁驻深 team 2020 passphrase", "另一台电脑 second passphrase")


def _state(db: Database) -> dict[str, str]:
    """Every local_state key and value of `db`."""
    with db.engine.connect() as conn:
        return dict(conn.execute(text("SELECT key, value FROM local_state")).all())


def _password_in(pieces: Any, url: str) -> list[str]:
    """The pieces that hold the server's password as a URL carries it (`user:password@`)."""
    parts = make_url(url)
    assert parts.password
    clear = f"{parts.username}:{parts.password}@"
    return [piece for piece in pieces if clear in piece]


def _spelt_otherwise(url: str) -> str:
    """The same server database under another spelling of its URL."""
    return f"{url}?connect_timeout=10"


def _set(who: Installation, location: str, phrase: str) -> None:
    db = who.open(location)
    try:
        with who:
            passphrase.set_passphrase(db, phrase)
    finally:
        db.close()


def _known(who: Installation, location: str) -> tuple[str | None, str | None]:
    """The entry id this installation reads and the passphrase it finds there."""
    db = who.open(location)
    try:
        with who:
            return passphrase._scope(db), passphrase.team_passphrase(db)
    finally:
        db.close()


def test_no_password_in_local_state_or_entry_names(
    pg_url: str, tmp_path: Path, store: MemoryKeyring
) -> None:
    first, second = installations(tmp_path, 2)
    _set(first, pg_url, PHRASES[0])
    _set(second, _spelt_otherwise(pg_url), PHRASES[1])
    db = first.open(pg_url)
    try:
        state = _state(db)
    finally:
        db.close()
    assert _password_in([*state, *state.values()], pg_url) == []
    names = [name for _service, name in store.entries]
    assert len(names) == 2 and _password_in(names, pg_url) == []
    # Each installation's entry under keys of its own, with the URL it uses, password hidden.
    for who, url in ((first, pg_url), (second, _spelt_otherwise(pg_url))):
        home = state[f"{passphrase.SCOPE_HOME_KEY} {who.id}"]
        assert home == describe(url)
        assert f"team-passphrase:{state[f'{passphrase.SCOPE_KEY} {who.id}']}" in names
    assert passphrase.SCOPE_KEY not in state and passphrase.SCOPE_HOME_KEY not in state


def test_installations_spelling_the_url_differently_keep_their_entries(
    pg_url: str, tmp_path: Path, store: MemoryKeyring
) -> None:
    # They once fought over one entry id: each opening under the other spelling made a new one,
    # and a computer whose store did not hold the other's entry lost its passphrase.
    first, second = installations(tmp_path, 2)
    spelt = _spelt_otherwise(pg_url)
    _set(first, pg_url, PHRASES[0])
    _set(second, spelt, PHRASES[1])
    entries = {"first": _known(first, pg_url), "second": _known(second, spelt)}
    for _turn in range(2):
        assert _known(first, pg_url) == entries["first"]
        assert _known(second, spelt) == entries["second"]
    assert (entries["first"][1], entries["second"][1]) == PHRASES
    assert len(store.entries) == 2


def _as_an_earlier_version(who: Installation, location: str, scope: str) -> None:
    """A server database as an earlier version left it: one entry id for everyone, its home the
    URL as given (password and all)."""
    db = who.open(location)
    try:
        with who, db.begin() as session:
            write_state(session, passphrase.SCOPE_KEY, scope)
            write_state(session, passphrase.SCOPE_HOME_KEY, location)
    finally:
        db.close()


def test_an_earlier_home_with_the_password_is_rewritten_at_the_next_write(
    pg_url: str, tmp_path: Path, store: MemoryKeyring
) -> None:
    first, second = installations(tmp_path, 2)
    scope = "5b7c0d1e-earlier-entry"
    secrets.save(Secret.TEAM_PASSPHRASE, scope, PHRASES[0])
    secrets.save(Secret.TEAM_PASSPHRASE, f"{scope}/team/7", "a team's passphrase (bureau)")
    _as_an_earlier_version(second, pg_url, scope)
    db = first.open(pg_url)
    try:
        assert _password_in(_state(db).values(), pg_url)  # as the earlier version left it
        with first:
            assert passphrase.move_clear_passphrase(db) is None  # the sync's first step
            assert _password_in(_state(db).values(), pg_url) == []
            # The installation keeps the earlier entry (and the bureau's entries named after
            # it): nothing is copied, nothing is asked again.
            assert passphrase.team_passphrase(db) == PHRASES[0]
            assert passphrase.entry_scope(db) == scope
        state = _state(db)
    finally:
        db.close()
    assert state[passphrase.SCOPE_HOME_KEY] == describe(pg_url)
    assert state[f"{passphrase.SCOPE_KEY} {first.id}"] == scope
    assert _known(second, pg_url) == (scope, PHRASES[0])  # its own store has it too
    assert len(store.entries) == 2


def test_an_earlier_home_is_rewritten_when_a_passphrase_is_set(
    pg_url: str, tmp_path: Path, store: MemoryKeyring
) -> None:
    first, second = installations(tmp_path, 2)
    _as_an_earlier_version(second, pg_url, "5b7c0d1e-earlier-entry")
    _set(first, pg_url, PHRASES[1])
    db = first.open(pg_url)
    try:
        assert _password_in(_state(db).values(), pg_url) == []
        with first:
            assert passphrase.team_passphrase(db) == PHRASES[1]
    finally:
        db.close()


def test_a_password_given_as_a_parameter_stays_out_too(
    pg_url: str, tmp_path: Path, store: MemoryKeyring
) -> None:
    # The driver takes the password as a `password` parameter too: the node home and the
    # entry's home leave it out as they leave out one given after the user name.
    [first] = installations(tmp_path, 1)
    parts = make_url(pg_url)
    url = (
        parts.set(password=None)
        .update_query_dict({"password": str(parts.password)})
        .render_as_string(hide_password=False)
    )
    _set(first, url, PHRASES[0])
    db = first.open(url)
    try:
        state = _state(db)
    finally:
        db.close()
    clear = f"password={parts.password}"
    assert [piece for piece in [*state, *state.values()] if clear in piece] == []
    home = make_url(state[f"{passphrase.SCOPE_HOME_KEY} {first.id}"])
    assert home.password in (None, "***") and "password" not in home.query
    assert f"node_id {first.id}" in state
