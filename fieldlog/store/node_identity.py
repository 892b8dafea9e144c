"""Which node id this installation writes a database with, and where that id was issued.

A node id is kept in the database's `local_state` with its home: this user's installation id
(kept in the per-user config folder) and the database's place (a file's absolute path, a
server's URL without its password: the value sits in the database it names). A file copied to
another laptop or folder sees a different home and takes a fresh node id (SPEC §6).

A SQLite file has one writer installation: its `local_state` holds one node (`node_id`,
`node_home`). A server database is used by several installations at once, and `local_state` is
one table for all of them: each installation keeps its node under keys of its own
(`node_id <installation>`, `node_home <installation>`), so it writes with the same node at every
opening, its edits carry that node, and the conflict log and the history tell its changes from
another installation's. An earlier version kept a server's one node under the plain keys; the
installation it belongs to takes it over (and removes the plain keys) at its next write.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from fieldlog.store.engine import READ_ONLY
from fieldlog.store.local_erase import erase_state
from fieldlog.store.location import describe, installation_id, is_url
from fieldlog.store.stamping import NODE_KEY, read_state, write_state

NODE_HOME_KEY = "node_home"


def node_home(location: str) -> str:
    """Where this installation's node id for `location` is issued (see the module's docstring)."""
    place = describe(location) if is_url(location) else str(Path(location).expanduser().resolve())
    return f"{installation_id()} {place}"


def homes(location: str) -> tuple[str, ...]:
    """The node homes that mean "here": today's, and for a server the one earlier versions
    wrote with the password in it (replaced by today's at the next write)."""
    if not is_url(location):
        return (node_home(location),)
    return (node_home(location), f"{installation_id()} {location}")


def _own_keys(location: str) -> tuple[str, str]:
    """The local_state keys of this installation's node and home: on a server one pair per
    installation (the table is everyone's), in a file the plain ones (the file is this one's)."""
    if not is_url(location):
        return NODE_KEY, NODE_HOME_KEY
    installation = installation_id()
    return f"{NODE_KEY} {installation}", f"{NODE_HOME_KEY} {installation}"


def stored_node(session: Session, location: str) -> tuple[str | None, str | None, bool]:
    """The node id this installation stored for `location`, its home (None, None when it stored
    none), and whether they are under its own keys. On a server without keys of its own: the
    plain ones an earlier version wrote, whichever installation they belong to (the caller
    compares the home with `homes`)."""
    node_key, home_key = _own_keys(location)
    node = read_state(session, node_key)
    if node or node_key == NODE_KEY:
        return node, read_state(session, home_key), True
    return read_state(session, NODE_KEY), read_state(session, NODE_HOME_KEY), False


def store_node(session: Session, location: str, node: str) -> None:
    """Store `node` as this installation's, with today's home. On a server, the plain keys an
    earlier version wrote for this installation go: they are its node, now under its own keys."""
    node_key, home_key = _own_keys(location)
    write_state(session, node_key, node)
    write_state(session, home_key, node_home(location))
    if node_key != NODE_KEY and read_state(session, NODE_HOME_KEY) in homes(location):
        erase_state(session, NODE_KEY)
        erase_state(session, NODE_HOME_KEY)


def known_node(engine: Engine, location: str) -> tuple[str | None, bool]:
    """This installation's node id stored in the database, None when it has none here (a file
    moved, copied, or never opened by this installation: then it takes a new one at its first
    write); and whether it is stored as today's FieldLog stores it (if not, the first write
    does)."""
    with Session(engine.execution_options(**{READ_ONLY: True})) as session, session.begin():
        node, home, own = stored_node(session, location)
    if not node or home not in homes(location):
        return None, False
    return node, own and home == node_home(location)
