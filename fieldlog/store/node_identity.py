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

Other facts of one installation follow the same pattern (`own_key`, `own_state`): who uses it
(`MEMBER_KEY`, services/team/identity.py) and its team passphrase's entry in its own password
store (services/exchange/passphrase.py). An earlier version's one server value of who uses it
cannot tell whose it was; the earlier node home can: it goes with the earlier node to the
installation that node belongs to; another installation has none until it chooses its own.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from fieldlog.store.engine import READ_ONLY
from fieldlog.store.local_erase import erase_state
from fieldlog.store.location import describe, installation_id, is_url
from fieldlog.store.models import LocalState
from fieldlog.store.stamping import NODE_KEY, read_state, write_state

NODE_HOME_KEY = "node_home"
#: Who uses this installation: the member its new visits are logged by (services/team/identity).
MEMBER_KEY = "me_member_id"
#: Facts an earlier version kept once for a whole server, which go with its node.
_CARRIED = (MEMBER_KEY,)


def server_place(url: str) -> str:
    """A server's URL without its password, wherever it is given: after the user name, or as
    a `password` parameter (the driver takes either; `describe` hides only the first)."""
    return describe(make_url(url).difference_update_query(["password"]).render_as_string(False))


def node_home(location: str) -> str:
    """Where this installation's node id for `location` is issued (see the module's docstring)."""
    place = (
        server_place(location) if is_url(location) else str(Path(location).expanduser().resolve())
    )
    return f"{installation_id()} {place}"


def homes(location: str) -> tuple[str, ...]:
    """The node homes that mean "here": today's, and for a server the ones earlier versions
    wrote with a password in them (replaced by today's at the next write)."""
    if not is_url(location):
        return (node_home(location),)
    hidden = make_url(location).render_as_string(hide_password=True)  # a parameter kept
    earlier = (f"{installation_id()} {hidden}", f"{installation_id()} {location}")
    return tuple(dict.fromkeys((node_home(location), *earlier)))


def own_key(location: str, key: str) -> str:
    """The local_state key this installation keeps `key` under: on a server one of its own
    (`<key> <installation>`: the table is everyone's), in a file the plain one."""
    return f"{key} {installation_id()}" if is_url(location) else key


def earlier_is_mine(session: Session, location: str) -> bool:
    """Whether the plain keys an earlier version wrote on this server are this installation's:
    the earlier node home names it (on a file the plain keys are always the file's own)."""
    return not is_url(location) or read_state(session, NODE_HOME_KEY) in homes(location)


def own_state(session: Session, location: str, key: str) -> str | None:
    """This installation's value of `key`: under its own key, or on a server the plain one an
    earlier version wrote when the earlier node home names this installation (not yet moved)."""
    value = read_state(session, own_key(location, key))
    if value is None and is_url(location) and earlier_is_mine(session, location):
        return read_state(session, key)
    return value


def installation_values(session: Session, key: str) -> dict[str, str]:
    """Every installation's own value of `key` on a server, by installation id (none in a file)."""
    query = select(LocalState.key, LocalState.value).where(
        LocalState.key.startswith(f"{key} ", autoescape=True)
    )
    return {name[len(key) + 1 :]: value for name, value in session.execute(query).all()}


def installation_nodes(session: Session) -> dict[str, str]:
    """The installation each node of a server database belongs to, by node id (none in a file)."""
    return {node: owner for owner, node in installation_values(session, NODE_KEY).items()}


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
        _carry_earlier(session, location)
        erase_state(session, NODE_KEY)
        erase_state(session, NODE_HOME_KEY)


def _carry_earlier(session: Session, location: str) -> None:
    """Move what an earlier version kept once for the server to this installation's keys (the
    earlier node home names it); a value it already chose under its own key stays."""
    for key in _CARRIED:
        value = read_state(session, key)
        if value is None:
            continue
        if read_state(session, own_key(location, key)) is None:
            write_state(session, own_key(location, key), value)
        erase_state(session, key)


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
