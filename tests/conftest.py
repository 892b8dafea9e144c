"""Test set-up: offscreen Qt, and every user folder redirected so no real settings are touched."""

from __future__ import annotations

import os
import queue
import shutil
import sys
import tempfile
import threading
import uuid
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
_postgres = False

#: A PostgreSQL database URL whose role may create databases (`.ci/run` starts a local server
#: and sets it); tests that need a server are skipped without it, `--postgres` refuses to run.
SERVER = os.environ.get("FIELDLOG_TEST_POSTGRES_URL")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--encrypted",
        action="store_true",
        help="make and open the suite's databases encrypted (SQLCipher) with TEST_PASSWORD",
    )
    parser.addoption(
        "--postgres",
        action="store_true",
        help="the fixtures' databases (db, demo_copy, open_copy) are databases on the "
        "PostgreSQL server of FIELDLOG_TEST_POSTGRES_URL",
    )


def pytest_configure(config: pytest.Config) -> None:
    global _encrypted, _postgres
    _encrypted = bool(config.getoption("encrypted"))
    _postgres = bool(config.getoption("postgres"))
    if _postgres and not SERVER:
        raise pytest.UsageError(
            "--postgres needs FIELDLOG_TEST_POSTGRES_URL: the URL of a PostgreSQL database whose "
            "role may create databases"
        )
    if _postgres and _encrypted:
        raise pytest.UsageError("--postgres and --encrypted exclude each other")


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
    a test about plain files; `dest` must not exist. A decryption opens the shared source, so
    the test workers take turns (one would find it held by another, its journal beside it)."""
    if not _encrypted:
        shutil.copyfile(source, dest)
        return dest
    from fieldlog.store.cipher import decrypt

    with open(source.with_name(source.name + ".plain-lock"), "a") as turn:  # not the database
        if fcntl is not None:
            fcntl.flock(turn, fcntl.LOCK_EX)
        decrypt(source, dest, TEST_PASSWORD)
    return dest


#: Why a test does not run under `--encrypted`: it reads or edits a plain file's bytes.
plain_only = pytest.mark.skipif(
    "config.getoption('encrypted')", reason="reads or edits the bytes of a plain SQLite file"
)


def sqlite_only(reason: str) -> pytest.MarkDecorator:
    """A test about the SQLite file itself (its bytes, locks, journal, copies, permissions):
    skipped under `--postgres`, with the reason said. A test about behaviour runs on both."""
    return pytest.mark.sqlite_only(reason=reason)


def pytest_runtest_setup(item: pytest.Item) -> None:
    marker = item.get_closest_marker("sqlite_only")
    if marker is not None and _postgres:
        pytest.skip(f"SQLite only: {marker.kwargs.get('reason') or marker.args[0]}")


#: The files that take longest (25 seconds or more each in a whole run of the suite on two busy
#: cores, per-test times summed by file from `--junitxml`), longest first. xdist (--dist loadfile
#: --no-loadscope-reorder) gives out whole files in collection order: run first, they overlap
#: with the many short files instead of running alone at the end. The other files follow by
#: their number of tests, most first (xdist's own order). A file not (or no longer) named here
#: just takes its place among those.
LONGEST_FILES = (
    "cli/test_encryption_cli.py",
    "cli/test_no_password_printed.py",
    "cli/test_excel_cli.py",
    "cli/test_cli_language.py",
    "cli/test_bureau_scenario.py",
    "services/imports/test_imports.py",
    "cli/test_bureau_cli.py",
    "cli/test_cli.py",
    "cli/test_encrypted_commands_cli.py",
    "sync/test_package_faults.py",
    "test_thief_scan_encrypted.py",
    "sync/test_convergence.py",
    "cli/test_sync_cli.py",
    "cli/test_file_guard.py",
    "cli/test_backup_cli.py",
    "cli/test_brief_cli.py",
    "faults/test_full_disk.py",
    "packaging/test_self_test.py",
    "test_paths.py",
    "services/orgs/test_card_engine.py",
    "faults/test_locked_and_read_only.py",
    "test_hostile_inputs.py",
    "test_file_permissions.py",
    "ui/test_journey_cadre.py",
    "ui/test_edit_one_field.py",
    "services/imports/test_import_two_readings.py",
    "services/test_bureau.py",
    "services/imports/test_import_deferred.py",
    "sync/test_attachment_sync.py",
    "store/test_kill_writes.py",
    "cli/test_attach_cli.py",
    "services/imports/test_import_batches.py",
    "test_thief_scan.py",
    "ui/test_edit_no_op.py",
    "cli/test_calendar_cli.py",
    "ui/test_single_instance.py",
    "ui/test_bureau_window.py",
    "excel/test_fuzz_import.py",
    "ui/test_import_dialog.py",
    "packaging/test_installed_wheel.py",
    "ui/test_journey_leader.py",
    "sync/test_kill.py",
    "ui/test_edit_no_op_orgs.py",
    "ui/test_catalog_edit_one_field.py",
    "ui/test_encrypt_action.py",
    "store/test_visit_search.py",
    "cli/test_passphrase_store_cli.py",
    "services/reports/test_visit_tally.py",
    "services/visits/test_visit_log_paging.py",
    "sync/test_parallel_verify.py",
    "ui/test_visit_log_counts.py",
    "cli/test_bureau_watch_cli.py",
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


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of the whole run, which the xdist workers share (the folder above
    their own); without xdist, or without POSIX locks, this process's own."""
    own = tmp_path_factory.getbasetemp()
    # An xdist worker's folder is popen-<worker id> in the run's own folder.
    shared = fcntl is not None and own.name == f"popen-{os.environ.get('PYTEST_XDIST_WORKER')}"
    return own.parent if shared else own


def built_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]
) -> Path:
    """The file `build(path)` writes, made once for the whole run: the xdist workers share the
    folder above their own temporary folders, and the first to come builds it under a file lock
    while the others wait (without xdist, or without POSIX locks, each process builds its own).
    `build` writes a closed file; it lands under its final name only once complete."""
    folder = run_folder(tmp_path_factory) / "built-once"
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
def empty_database_file(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Path:
    """A new database with the default catalogs, made once: each `db` is a copy of it (building
    the schema, the search index and the catalogs takes a few hundred milliseconds). Under
    `--postgres` its server twin is made too (`new_location` copies that one)."""
    path = built_once(tmp_path_factory, "empty.db", lambda path: reopen(path).close())
    if _postgres:
        _TEMPLATES[path] = request.getfixturevalue("empty_template")
    return path


@pytest.fixture
def db(tmp_path: Path, empty_database_file: Path) -> Iterator[Database]:
    """A new FieldLog database with the default catalogs (a copy takes a node id of its own, as
    a copied file does): a file, encrypted under `--encrypted`; a server database under
    `--postgres`."""
    database = open_copy(empty_database_file, tmp_path)
    yield database
    database.close()


def _load_demo(location: str) -> None:
    from fieldlog.services.admin.demo import load_demo

    database = reopen(location)
    try:
        load_demo(database)
    finally:
        database.close()


@pytest.fixture(scope="session")
def demo_database_file(
    tmp_path_factory: pytest.TempPathFactory,
    empty_database_file: Path,
    request: pytest.FixtureRequest,
) -> Path:
    """The demo dispatch (what `fieldlog demo` makes), loaded once for the whole run: a test that
    needs a demo copies this file (`open_copy`, `new_location`), never writes it (loading the
    demo takes about ten seconds). Under `--postgres` its server twin is made too."""

    def build(path: Path) -> None:
        shutil.copyfile(empty_database_file, path)
        _load_demo(str(path))

    path = built_once(tmp_path_factory, "demo.db", build)
    if _postgres:
        _TEMPLATES[path] = request.getfixturevalue("demo_template")
    return path


@pytest.fixture
def demo_copy(tmp_path: Path, demo_database_file: Path) -> Iterator[Database]:
    """A copy of the demo for one test, opened (and closed after it)."""
    database = open_copy(demo_database_file, tmp_path)
    yield database
    database.close()


def open_copy(source: Path, folder: Path) -> Database:
    """A copy of a prepared database file, opened (a copy takes a node id of its own) with the
    fixtures' password; under `--postgres` a copy of its server twin."""
    return reopen(new_location(source, folder))


def new_location(source: Path, folder: Path, name: str | None = None) -> str:
    """Where a fresh copy of a prepared database (`empty_database_file`, `demo_database_file`)
    is: a copy of the file in `folder` (named `name`, else as the source), or under
    `--postgres` a new server database made from its twin, dropped after the test."""
    if not _postgres:
        path = folder / (name or source.name)
        shutil.copyfile(source, path)
        return str(path)
    return _server_copy(_TEMPLATES[source])


def new_database(folder: Path, name: str) -> str:
    """Where a new, empty database goes (`open_workspace` makes it): the file `name` in `folder`,
    or under `--postgres` a new server database, dropped after the test (after the session when
    a fixture wider than a test made it)."""
    return _server_copy(None) if _postgres else str(folder / name)


def copy_of(location: str, folder: Path, name: str) -> str:
    """A copy of a closed database the tests made (`new_database`): the file `name` in `folder`,
    or a server database made with it as template (nothing may be connected to it)."""
    if "://" not in location:
        shutil.copyfile(location, folder / name)
        return str(folder / name)
    return _server_copy(make_url_name(location))


def discard(location: str) -> None:
    """Drop a server database the tests made now rather than after the test (a file is left to
    its temporary folder)."""
    name = make_url_name(location) if "://" in location else None
    if name in _MADE:
        _MADE.remove(name)
        _drop([name])


# --- Server databases (`--postgres`) ------------------------------------------------------------
#
# The empty schema and the demo are built once per run as server databases that serve as
# templates; each test's database is `CREATE DATABASE … TEMPLATE …` of one (a fraction of a
# second). A template must have no open connection while it is copied: it is built, closed, and
# then only ever copied. The xdist workers share them (their names are written in `built_once`'s
# folder, under its lock); the run's controller drops them at the end. Dropping a database takes
# the server a second (every backend must let go of its files): a thread of each process drops
# them while the next tests run, and the session waits for it at its end.
#
# The suite's server databases sort text as a Chinese bureau's server would (ICU zh-CN: pinyin,
# letters after Chinese, case-blind), not by bytes as SQLite does: every order a user sees must
# be the same on both engines, and that shows only on such a server.
SERVER_LOCALE = (
    "TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'zh-CN' LOCALE 'C.UTF-8'"
)

#: The server template of each prepared file (filled by the session fixtures under --postgres).
_TEMPLATES: dict[Path, str] = {}
#: The server databases this process made and has not dropped yet, oldest first.
_MADE: list[str] = []
_dropping: queue.Queue[str] = queue.Queue()
_drop_failures: list[str] = []


def _server_url(name: str) -> str:
    from sqlalchemy.engine import make_url

    assert SERVER is not None
    return make_url(SERVER).set(database=name).render_as_string(hide_password=False)


def make_url_name(url: str) -> str:
    """The database name of a server URL."""
    from sqlalchemy.engine import make_url

    return str(make_url(url).database)


def _on_server(*statements: str) -> None:
    """Run statements that cannot run in a transaction (CREATE / DROP DATABASE)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    assert SERVER is not None
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        admin.dispose()


def _server_copy(template: str | None, *, prefix: str = "fieldlog_test") -> str:
    """A new server database: a copy of `template`, or empty with the suite's SERVER_LOCALE;
    dropped after the test (after the session when a wider fixture made it)."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    _on_server(
        f'CREATE DATABASE "{name}" ' + (f'TEMPLATE "{template}"' if template else SERVER_LOCALE)
    )
    _MADE.append(name)
    return _server_url(name)


def _drop_now(names: list[str]) -> None:
    if names:
        _on_server(*(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)' for name in names))


def _dropper() -> None:
    while True:
        name = _dropping.get()
        try:
            _drop_now([name])
        except Exception as exc:  # reported at the session's end
            _drop_failures.append(f"{name}: {exc}")
        finally:
            _dropping.task_done()


def _drop(names: list[str]) -> None:
    """Drop server databases (connections and all) in the background. Each drop waits for a
    checkpoint of the server; drops waiting at once share one, so several threads drop."""
    for name in names:
        _dropping.put(name)
    while names and len(_droppers) < 8:
        _droppers.append(threading.Thread(target=_dropper, name="drop databases", daemon=True))
        _droppers[-1].start()


_droppers: list[threading.Thread] = []


def _server_template(
    tmp_path_factory: pytest.TempPathFactory,
    kind: str,
    fill: Callable[[str], None],
    start: str | None = None,
) -> str:
    """The name of this run's template `kind` (a copy of the template `start`, or empty, then
    `fill(url)`), built by the first process that asks."""

    def build(path: Path) -> None:
        url = _server_copy(start, prefix=f"fieldlog_template_{kind}")
        name = _MADE.pop()  # the run's, not this test's
        try:
            fill(url)
        except BaseException:
            _drop_now([name])
            raise
        path.write_text(name, encoding="utf-8")

    return built_once(tmp_path_factory, f"{kind}.pgtemplate", build).read_text(encoding="utf-8")


def _empty_template(factory: pytest.TempPathFactory) -> str:
    return _server_template(factory, "empty", lambda url: reopen(url).close())


def _demo_template(factory: pytest.TempPathFactory, empty: str) -> str:
    return _server_template(factory, "demo", _load_demo, start=empty)


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Under `--postgres`: the server database `db` copies (schema and default catalogs)."""
    return _empty_template(tmp_path_factory)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, empty_template: str) -> str:
    """Under `--postgres`: the server database `demo_copy` copies (the demo dispatch)."""
    return _demo_template(tmp_path_factory, empty_template)


@pytest.fixture(autouse=True)
def _server_databases_dropped() -> Iterator[None]:
    """The server databases a test made (its `db`, `demo_copy`, `open_copy`s) are dropped after
    it, connections and all; those of wider fixtures at the end of the session."""
    before = len(_MADE)
    yield
    made = _MADE[before:]
    del _MADE[before:]
    _drop(made)


@pytest.fixture(autouse=True, scope="session")
def _session_databases_dropped() -> Iterator[None]:
    yield
    _drop(list(_MADE))
    _MADE.clear()


def pytest_sessionstart(session: pytest.Session) -> None:
    """The processes the tests start compile FieldLog once a run (`_compiled_once`). Under
    `--postgres` the run's controller builds the server templates before any test runs: loading
    the demo on a busy server can take longer than one test may."""
    config = session.config
    factory = config._tmp_path_factory  # type: ignore[attr-defined]
    _compiled_once(factory)
    if _postgres and not hasattr(config, "workerinput"):
        _demo_template(factory, _empty_template(factory))


def _compiled_once(factory: pytest.TempPathFactory) -> None:
    """Where PYTHONDONTWRITEBYTECODE is set (this machine sets it), every `python -m fieldlog` a
    test starts compiles FieldLog's modules again, about a fifth of a second of CPU at each of
    the run's hundreds of starts. The processes the tests start keep their compiled files in the
    run's temporary folder instead (PYTHONPYCACHEPREFIX): compiled once a run, and still never
    written into the checkout. A prefix the environment chose is kept."""
    if not os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return
    del os.environ["PYTHONDONTWRITEBYTECODE"]
    os.environ.setdefault("PYTHONPYCACHEPREFIX", str(run_folder(factory) / "compiled"))


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Each process waits for its server databases to be dropped; the run's controller (not an
    xdist worker) drops the run's server templates, and any a crashed build left."""
    _dropping.join()
    if _drop_failures:
        print("Server databases not dropped:", *_drop_failures, sep="\n  ", file=sys.stderr)
    config = session.config
    if not _postgres or hasattr(config, "workerinput"):
        return
    folder = config._tmp_path_factory.getbasetemp() / "built-once"  # type: ignore[attr-defined]
    found = [p.read_text(encoding="utf-8") for p in folder.glob("*.pgtemplate") if p.is_file()]
    _drop_now(found)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty database on the test server, dropped after the test."""
    if not SERVER:
        pytest.skip("FIELDLOG_TEST_POSTGRES_URL is not set")
    yield _server_copy(None)


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
    _close_app_windows()


@pytest.fixture(autouse=True)
def _no_window_left_open() -> Iterator[None]:
    """A test that opened the app's window without `windows` leaves none to the next test of its
    worker (which would find it as `app.last_window()`, its timers still running)."""
    yield
    app = sys.modules.get("fieldlog.app")
    if app is not None and (app.last_window() is not None or app.last_recovery() is not None):
        _close_app_windows()


def _close_app_windows() -> None:
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    from fieldlog import app

    recovery = app.last_recovery()
    if recovery is not None:
        recovery.close()
        app._close_recovery()
    window = app.last_window()
    app._window = None
    if window is not None and shiboken6.isValid(window):
        window.close()
        window.db.close()
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
