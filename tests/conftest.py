"""Test set-up: offscreen Qt, and every user folder redirected so no real settings are touched."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

# Before anything imports Qt or platformdirs resolves a folder.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = Path(tempfile.mkdtemp(prefix="fieldlog-tests-"))
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_HOME / _var.lower())
os.environ.pop("FIELDLOG_DB", None)
# The suite speaks English unless a test asks for Chinese (`--lang zh_CN`, LANG=zh_CN.UTF-8 or
# LANG=C in a subprocess's environment, `messages.use_language`): with no usable locale FieldLog
# speaks Chinese, and these machines run with LANG=C.UTF-8.
for _var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_var, None)
os.environ["LANG"] = "en_US.UTF-8"
# Never the real user's keyring: a password store of the suite's own (tests/keyring_backend.py),
# in a file of this temporary home, which the command-line runs of a test share. A process that
# cannot import it (an installed wheel run from elsewhere) finds no store, never the user's.
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.keyring_backend.SessionKeyring"
os.environ["FIELDLOG_TEST_KEYRING"] = str(_HOME / "keyring.json")

import pytest  # noqa: E402

try:
    import fcntl
except ImportError:  # Windows: each worker builds its own files
    fcntl = None  # type: ignore[assignment]

from fieldlog.store.database import Database  # noqa: E402

#: The password of the suite's encrypted databases (`--encrypted`): a quote and Chinese prove
#: that it reaches SQLCipher quoted, whatever it holds.
TEST_PASSWORD = "测试 pass'word"
_encrypted = False


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--encrypted",
        action="store_true",
        help="make and open the suite's databases encrypted (SQLCipher) with TEST_PASSWORD",
    )


def pytest_configure(config: pytest.Config) -> None:
    global _encrypted
    _encrypted = bool(config.getoption("encrypted"))


def password() -> str | None:
    """The password the fixtures' databases open with: TEST_PASSWORD under `--encrypted`, else
    None (plain files)."""
    return TEST_PASSWORD if _encrypted else None


def reopen(path: Path | str, *, create: bool = True) -> Database:
    """`open_workspace` of a file the fixtures made (or one made like them), with their password."""
    from fieldlog.services.admin.workspace import open_workspace

    return open_workspace(str(path), create=create, password=password())


def plain_copy(source: Path, dest: Path) -> Path:
    """A plain copy of a closed database the fixtures made (decrypted under `--encrypted`), for
    a test about plain files; `dest` must not exist."""
    if _encrypted:
        from fieldlog.store.cipher import decrypt

        decrypt(source, dest, TEST_PASSWORD)
    else:
        shutil.copyfile(source, dest)
    return dest


#: Why a test does not run under `--encrypted`: it reads or edits a plain file's bytes.
plain_only = pytest.mark.skipif(
    "config.getoption('encrypted')", reason="reads or edits the bytes of a plain SQLite file"
)

#: The files that take longest (half a minute or more each, measured with --durations), longest
#: first. xdist (--dist loadfile --no-loadscope-reorder) gives out whole files in collection
#: order: run first, they overlap with the many short files instead of running alone at the end.
#: The other files follow by their number of tests, most first (xdist's own order). A file not
#: (or no longer) named here just takes its place among those.
LONGEST_FILES = (
    "ui/test_edit_no_op.py",
    "sync/test_convergence.py",
    "ui/test_journey_leader.py",
    "store/test_kill_writes.py",
    "ui/test_catalog_edit_no_op.py",
    "test_paths.py",
    "faults/test_locked_and_read_only.py",
    "cli/test_excel_cli.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {Path(__file__).parent / name: place for place, name in enumerate(LONGEST_FILES)}
    tests_in = Counter(item.path for item in items)
    # Stable, and the same for every test of a file: each file stays whole and in its order.
    items.sort(key=lambda item: (rank.get(item.path, len(rank)), -tests_in[item.path]))


@pytest.fixture(autouse=True)
def _language_restored() -> Iterator[None]:
    """Whatever language a test made current (a window opened in Chinese calls
    `messages.use_language`), the next test starts from the locale's (English) again."""
    from fieldlog.domain import messages

    kept = list(messages._current)
    yield
    messages._current[:] = kept


@pytest.fixture(autouse=True)
def _secrets_of_this_test() -> Iterator[None]:
    """A passphrase given in one test (kept in memory where no password store exists) is not
    known in the next; a test that installed a store of its own has it taken back."""
    yield
    if "fieldlog.services.secrets" in sys.modules:
        sys.modules["fieldlog.services.secrets"].forget_this_run()
    if "keyring" in sys.modules:
        from tests.keyring_backend import SessionKeyring

        sys.modules["keyring"].set_keyring(SessionKeyring())


@pytest.fixture(autouse=True)
def _undo_and_changes_reset() -> None:
    """Each test starts with an empty undo stack and a change announcer of its own: both are the
    application's, and an earlier test's steps or listening views are not this test's. (Only
    once the window code is loaded: the core's tests never import Qt.)"""
    if "fieldlog.ui.undo" in sys.modules:
        sys.modules["fieldlog.ui.undo"].undo_stack().clear()
    if "fieldlog.ui.operations" in sys.modules:
        sys.modules["fieldlog.ui.operations"]._bus = None  # the next `changes()` makes a new one


def built_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]
) -> Path:
    """The file `build(path)` writes, made once for the whole run: the xdist workers share the
    folder above their own temporary folders, and the first to come builds it under a file lock
    while the others wait (without xdist, or without POSIX locks, each process builds its own).
    `build` writes a closed file; it lands under its final name only once complete."""
    own = tmp_path_factory.getbasetemp()
    # An xdist worker's folder is popen-<worker id> in the run's own folder.
    shared = fcntl is not None and own.name == f"popen-{os.environ.get('PYTEST_XDIST_WORKER')}"
    folder = own.parent / "built-once" if shared else own / "built-once"
    folder.mkdir(exist_ok=True)
    path = folder / name
    with open(folder / f"{name}.lock", "w") as lock:  # never the database file itself
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            partial = folder / f"partial-{os.getpid()}-{name}" / name
            partial.parent.mkdir()
            build(partial)
            partial.replace(path)
            partial.parent.rmdir()
    return path


@pytest.fixture(scope="session")
def empty_database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database with the default catalogs, made once: each `db` is a copy of it (building
    the schema, the search index and the catalogs takes a few hundred milliseconds)."""
    return built_once(tmp_path_factory, "empty.db", lambda path: reopen(path).close())


@pytest.fixture
def db(tmp_path: Path, empty_database_file: Path) -> Iterator[Database]:
    """A new FieldLog database file with the default catalogs (a copy takes a node id of its
    own, as a copied file does); encrypted under `--encrypted`."""
    path = tmp_path / "fieldlog.db"
    shutil.copyfile(empty_database_file, path)
    database = reopen(path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_database_file(tmp_path_factory: pytest.TempPathFactory, empty_database_file: Path) -> Path:
    """The demo dispatch (what `fieldlog demo` makes), loaded once for the whole run: a test that
    needs a demo copies this file (`open_copy`, `copy_demo`), never writes it (loading the demo
    takes about ten seconds)."""

    def build(path: Path) -> None:
        from fieldlog.services.admin.demo import load_demo

        shutil.copyfile(empty_database_file, path)
        database = reopen(path)
        try:
            load_demo(database)
        finally:
            database.close()

    return built_once(tmp_path_factory, "demo.db", build)


@pytest.fixture
def demo_copy(tmp_path: Path, demo_database_file: Path) -> Iterator[Database]:
    """A copy of the demo for one test, opened (and closed after it)."""
    database = open_copy(demo_database_file, tmp_path)
    yield database
    database.close()


def open_copy(source: Path, folder: Path) -> Database:
    """A copy of a prepared database file, opened (a copy takes a node id of its own) with the
    fixtures' password."""
    path = folder / source.name
    shutil.copyfile(source, path)
    return reopen(path)


#: A PostgreSQL database URL whose role may create databases (`.ci/run` starts a local server
#: and sets it); tests that need a server are skipped without it.
SERVER = os.environ.get("FIELDLOG_TEST_POSTGRES_URL")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty database on the test server, dropped after the test."""
    if not SERVER:
        pytest.skip("FIELDLOG_TEST_POSTGRES_URL is not set")
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"fieldlog_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        _drop(admin, name)
        admin.dispose()


def _drop(admin: object, name: str) -> None:
    """Drop a test's server database; a moment later again when another program (a
    maintenance job of the server's own) was connected to it at that instant."""
    import time

    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    for attempt in range(5):
        try:
            with admin.connect() as conn:  # type: ignore[attr-defined]
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except SQLAlchemyError:
            if attempt == 4:
                raise
            time.sleep(0.5)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new database goes: a SQLite file, then a server database (skipped without one)."""
    if request.param == "sqlite":
        return str(tmp_path / "shared.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def windows(qtbot) -> Iterator[None]:
    """Closes whatever `fieldlog.app.main()` left open: the recovery screen, the window and its
    database (deleted at once, its timers with it)."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    from fieldlog import app

    recovery = app.last_recovery()
    if recovery is not None:
        recovery.close()
        app._close_recovery()
    window = app.last_window()
    if window is not None:
        window.close()
        window.db.close()
        app._window = None
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture
def chinese() -> Iterator[None]:
    """The core's messages in Chinese for one test (the suite speaks English)."""
    from fieldlog.domain.messages import use_language

    use_language("zh_CN")
    yield
    use_language("en")


@pytest.fixture
def store() -> Iterator[object]:
    """This computer has a password store: one in memory, this test's own (the keyring library
    keeps one current store per process; the one before is put back)."""
    import keyring

    from tests.keyring_backend import MemoryKeyring

    before = keyring.get_keyring()
    own = MemoryKeyring()
    keyring.set_keyring(own)
    yield own
    keyring.set_keyring(before)


@pytest.fixture
def no_store() -> Iterator[None]:
    """This computer has no password store (a headless Linux)."""
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)
