"""The composition root: options, QApplication, translators, the database and the main window.

Importing this module is cheap: Qt, SQLAlchemy and the window are imported when `main` runs.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fieldlog import app_options as options
from fieldlog.domain import language as _language
from fieldlog.domain.catalogs import resources_dir
from fieldlog.domain.messages import Message, msg

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QWidget

    from fieldlog.store.database import Database
    from fieldlog.ui.encryption_flow import Reopen
    from fieldlog.ui.main_window import MainWindow
    from fieldlog.ui.recovery_window import RecoveryWindow

APP_NAME = "FieldLog"
LANGUAGES = options.LANGUAGES

# Kept here so the window outlives main() when it runs inside someone else's event loop.
_window: MainWindow | None = None
_recovery: RecoveryWindow | None = None
_translators: list[QTranslator] = []


def last_window() -> MainWindow | None:
    """The window the latest main() call opened (tests and embedding hosts use it)."""
    return _window


def last_recovery() -> RecoveryWindow | None:
    """The recovery screen, while one is open (tests use it)."""
    return _recovery


def translations_dir() -> Path:
    """Where the window's .qm files are: in a checkout, an installed package or the standalone
    bundle (FileNotFoundError, with its sentence, when FieldLog's resources are missing)."""
    return resources_dir() / "translations"


def choose_language(option: str | None, saved: str | None = None) -> str:
    """--lang, else the choice saved from the View menu, else the locale's (SPEC §5: a Chinese
    locale, or none usable such as C or C.UTF-8, means Chinese)."""
    return _language.choose_language(option if option in LANGUAGES else saved)


def use_language(app: QCoreApplication, language: str) -> None:
    """Speak `language` everywhere: Qt's and our translations for the widgets, the message
    catalog for what the core says (str(exc) in a message box) and catalog labels."""
    from fieldlog.domain import messages

    messages.use_language(language)
    install_translators(app, language)


def install_translators(app: QCoreApplication, language: str) -> list[str]:
    """Replace our translators on `app` with those of `language`; returns the files loaded."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    for old in _translators:
        app.removeTranslator(old)
        old.deleteLater()
    _translators.clear()
    if language != "zh_CN":
        return []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [
        (f"qtbase_{language}", qt_dir),
        # Produced by the translation step; until it exists the window stays in English.
        (f"fieldlog_{language}", str(translations_dir())),
    ]
    loaded = []
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
            loaded.append(translator.filePath())
    return loaded


def show_open_error(location: str, error: BaseException) -> None:
    """One clear, modal message that the database could not be opened."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    # Spelled out, not behind a local helper, so that pyside6-lupdate files them under "app".
    message = QCoreApplication.translate("app", "FieldLog cannot open the database {location}.")
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("app", "FieldLog"),
        message.format(location=location),
        QMessageBox.StandardButton.Close,
    )
    box.setObjectName("openErrorBox")
    advice = QCoreApplication.translate(
        "app", "Nothing was changed. Open another database with --db, or choose another file."
    )
    box.setInformativeText(reason + "\n\n" + advice)
    box.exec()


def needs_creating(location: str) -> bool:
    """Whether opening `location` would make a new database: a path with no file (or an empty
    one) and no backups of a lost one (those get the recovery screen instead)."""
    from fieldlog.store.location import is_url

    if is_url(location):
        return False
    path = Path(location).expanduser()
    if (path.is_file() and path.stat().st_size > 0) or path.is_dir():
        return False
    from fieldlog.store.backup import list_backups

    return not list_backups(path.resolve())


def confirm_create(location: str) -> bool:
    """Ask before creating a database where --db points at nothing (a typo?); True for yes."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    text = QCoreApplication.translate("app", "There is no FieldLog database at {location}.")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("app", "FieldLog"),
        text.format(location=location),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    box.setObjectName("createDatabaseBox")
    box.setInformativeText(
        QCoreApplication.translate(
            "app", "Create a new, empty database there? Choose No if the path has a typo."
        )
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == int(QMessageBox.StandardButton.Yes.value)


def _shown(location: str) -> str:
    """The location for a message, without a password; a placeholder for a URL that cannot be
    parsed (it may hold a password where the parser could not find it)."""
    from PySide6.QtCore import QCoreApplication

    from fieldlog.store.location import describe

    try:
        return describe(location)
    except Exception:
        return QCoreApplication.translate("app", "(an address FieldLog cannot read)")


def _ensure_app() -> tuple[QCoreApplication, bool]:
    """The running QApplication, or a new one; the flag says whether we created it."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    running = QApplication.instance()
    if running is not None:
        return running, False
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    qt_app = QApplication(sys.argv[:1] or [APP_NAME])
    qt_app.setWindowIcon(app_icon())
    return qt_app, True


def app_icon() -> QIcon:
    """FieldLog's icon in every size shipped under resources/icons (empty if none is there)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("fieldlog-*.png")):
        icon.addFile(str(png))
    return icon


def _setting(key: str) -> str | None:
    from PySide6.QtCore import QSettings

    value = QSettings().value(key)
    return value if isinstance(value, str) and value else None


def _save_setting(key: str, value: str) -> None:
    from PySide6.QtCore import QSettings

    QSettings().setValue(key, value)


def _last_database() -> str | None:
    """The database opened last time, if it is still there."""
    path = _setting("lastDatabase")
    return path if path and Path(path).is_file() else None


def _show(window: MainWindow) -> None:
    global _window
    from fieldlog.ui import single_instance

    _window = window
    single_instance.follow(window)  # later starts over its database come to this window
    window.language_requested.connect(lambda code: switch_language(window, code))
    window.restore_requested.connect(lambda source: restore_into(window, source))
    window.reopen_requested.connect(lambda request: reopen_into(window, request))
    window.show()


def _retire(old: MainWindow) -> None:
    """Close a window another one has replaced."""
    old.language_requested.disconnect()
    old.restore_requested.disconnect()
    old.reopen_requested.disconnect()
    old.close()
    old.deleteLater()


def open_checked(location: str, password: str | None = None) -> Database:
    """Open the database (an encrypted one with `password`) and run the quick start-up check;
    DatabaseError if either fails (PasswordNeeded, WrongPassword for the password)."""
    from fieldlog.services.admin.maintenance import check_before_opening, quick_check
    from fieldlog.services.admin.workspace import open_workspace
    from fieldlog.store.database import DatabaseError

    db = open_workspace(location, password=password)
    problems = quick_check(db) if check_before_opening(db) else []
    if problems:
        db.close()
        first = " ".join(problems[0].replace("*** in database main ***", "").split())
        raise DatabaseError(_damaged(location, first))
    return db


def _damaged(location: str, problem: str) -> Message:
    """The sentence for a file that failed SQLite's quick check (SQLite's own words inside)."""
    return msg(
        "app.damaged_quick_check",
        "{path} is damaged (quick check: {problem})",
        path=_shown(location),
        problem=problem,
    )


def _open_database(
    location: str,
    near: QWidget | None,
    password: str | None = None,
    tried: list[str] | None = None,
) -> Database | None:
    """The database at `location`, checked; an encrypted one with `password`, the one
    remembered on this computer, else the one the user types (None: the user cancelled).
    `tried` collects the passwords tried (the last opened the file when its check failed)."""
    from fieldlog.ui.database_errors import patiently
    from fieldlog.ui.database_password_dialog import open_asking
    from fieldlog.ui.upgrade_progress import watched

    # An upgrade of an older database shows its progress and can be stopped.
    open_watched = watched(near, open_checked)

    def opener(given: str | None) -> Database:
        if given is None:
            return patiently(near, open_watched, location)  # an upgrade waits for a writer
        if tried is not None:
            tried.append(given)
        return patiently(near, open_watched, location, given)

    return open_asking(location, opener, near, password)


def open_location(
    location: str,
    language: str,
    near: QWidget | None = None,
    password: str | None = None,
    prepare: Callable[[Database], object] | None = None,
) -> bool:
    """Show the main window over `location` (where `near` was); an encrypted database opens
    with `password`, the remembered one or the one typed (cancelling opens nothing: False);
    `prepare(db)` runs before the window is built. If the database does not open or fails its
    check, the recovery screen (a file) or one error message (a server)."""
    from sqlalchemy.exc import SQLAlchemyError

    from fieldlog.services.admin.maintenance import check_before_opening
    from fieldlog.store.database import DatabaseError
    from fieldlog.store.errors import DatabaseUnavailable, classify
    from fieldlog.ui.main_window import MainWindow

    db = None
    tried: list[str] = []
    try:
        db = _open_database(location, near, password, tried)
        if db is None:
            return False  # the password was not given: nothing opens, nothing is offered
        if prepare is not None:
            prepare(db)
        window = MainWindow(db, language=language)
    # ImportError: a server URL whose database driver is not installed; SQLAlchemyError: a
    # file that opened but cannot be read.
    except (DatabaseError, ValueError, OSError, ImportError, SQLAlchemyError) as exc:
        if db is not None:
            db.close()
        told = classify(exc, _shown(location))
        if isinstance(told, DatabaseUnavailable):  # busy, read-only, full: a backup won't help
            show_open_error(_shown(location), told)
            return False
        # A damaged encrypted file: its backups open with the password that opened it.
        return _recover(location, language, exc, tried[-1] if tried else password)
    _move_old_drafts(db)
    if db.path is not None:
        _save_setting("lastDatabase", str(db.path))
    if near is not None:
        window.setGeometry(near.geometry())
    _show(window)
    _close_recovery()
    if db.path is not None and not check_before_opening(db):
        _check_later(location, db.path, db.password)
    return True


def _move_old_drafts(db: Database) -> None:
    """Older versions kept visit drafts as plain files in the per-user folder: move this
    database's into it when its window opens (not only when a visit form is), so no typed
    visit stays on disk outside the database. A failure leaves them for the next start."""
    import logging

    from fieldlog.services.visits.draft_files import import_draft_files

    try:
        import_draft_files(db)
    except Exception:  # never a reason not to show the window
        logging.getLogger(__name__).warning("Old draft files not moved", exc_info=True)


def _check_later(location: str, path: Path, password: str | None = None) -> None:
    """Run the start-up check of a large file while its window is open."""
    from fieldlog.ui import background_check

    relay = background_check.relay()
    if not relay.property("connected"):
        relay.damaged.connect(_on_damage)
        relay.setProperty("connected", True)
    background_check.start(location, path, password)


def _on_damage(location: str, problem: str) -> None:
    """The check found damage in an open database: close it and show the recovery screen."""
    global _window
    from fieldlog.store.database import DatabaseError
    from fieldlog.ui import undo

    window = _window
    if window is None or window.db.location != location:
        return  # that database is no longer the one shown
    language = window.language
    password = window.db.password
    window.close_views()
    window.db.close()
    undo.release(window.db)  # its commands must not reach the next window
    _retire(window)
    _window = None
    _recover(location, language, DatabaseError(_damaged(location, problem)), password)


def _recover(
    location: str, language: str, error: BaseException, password: str | None = None
) -> bool:
    """The recovery screen for a file (the same one again if it is open); False. `password`:
    the one that opened an encrypted file, for its backups."""
    global _recovery
    from fieldlog.store.location import is_url
    from fieldlog.ui.recovery_window import RecoveryWindow

    if is_url(location):
        show_open_error(_shown(location), error)
        return False
    path = Path(location).expanduser().resolve()
    reason = " ".join(str(error).split()) or type(error).__name__
    if _recovery is None:
        _recovery = RecoveryWindow(path, reason, password=password)
        _recovery.restored.connect(lambda restored: open_location(str(restored), language))
        _recovery.open_requested.connect(lambda other: open_location(other, language))
    else:
        _recovery.set_problem(path, reason, password)
    _recovery.show()
    _recovery.raise_()
    _recovery.activateWindow()
    return False


def _close_recovery() -> None:
    global _recovery
    if _recovery is not None:
        _recovery.close()
        _recovery.deleteLater()
        _recovery = None


def restore_into(old: MainWindow, source: Path) -> bool:
    """Close the window's database, restore `source` over it and reopen the window over the
    restored data; a refusal is one message and leaves the window as it was."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from fieldlog.services.admin.backups import restore_backup
    from fieldlog.ui import undo

    if old.db.path is None:
        return False
    old.close_views()  # restore_backup refuses while any connection has the file open
    old.db.close()
    from fieldlog.store.errors import DatabaseError

    password = old.db.password  # a backup of an encrypted database has its password
    try:
        restore_backup(old.db.path, source, password=password)
    except (ValueError, OSError, DatabaseError) as exc:
        title = QCoreApplication.translate("app", "Restore backup")
        QMessageBox.warning(old, title, str(exc))
        return False  # nothing changed; the window reconnects on its next query
    undo.release(old.db)  # its commands belong to the replaced data
    opened = open_location(str(old.db.path), old.language, near=old, password=password)
    _retire(old)
    return opened


def reopen_into(old: MainWindow, reopen: Reopen) -> bool:
    """The window's database file was encrypted or decrypted (closed meanwhile): a window over
    it, opened with its new password, replaces `old` and says what was done; `reopen.then` (the
    team set-up or the demo of a first start) runs on the database before that window shows."""
    global _window
    from PySide6.QtCore import QTimer

    from fieldlog.ui import undo

    undo.release(old.db)  # its commands belong to the closed connection
    location = str(old.db.path) if old.db.path is not None else old.db.location
    notes = [reopen.note]
    then = reopen.then
    prepare = None if then is None else (lambda db: notes.append(then(db) or ""))
    opened = open_location(
        location, old.language, near=old, password=reopen.password, prepare=prepare
    )
    if _window is old:
        _window = None
    _retire(old)
    window = _window
    if opened and window is not None:
        window.statusBar().showMessage(" ".join(note for note in notes if note))
        if reopen.after is not None:
            after = reopen.after
            # From the event loop, once Qt has deleted the replaced window and its listeners.
            QTimer.singleShot(0, window, lambda: after(window))
    return opened


def switch_language(old: MainWindow, language: str) -> MainWindow:
    """Rebuild the window in another language over the same database, where the old one was."""
    from PySide6.QtCore import QCoreApplication

    from fieldlog.ui.main_window import MainWindow

    _save_setting("language", language)
    use_language(QCoreApplication.instance(), language)
    window = MainWindow(old.db, language=language)
    window.setGeometry(old.geometry())
    _show(window)
    _retire(old)
    return window


def _resources_present() -> bool:
    """Whether FieldLog's resources are there; if not, says so in a box and on stderr."""
    try:
        resources_dir()
    except FileNotFoundError as exc:
        from fieldlog.ui import problem_boxes

        problem_boxes.show_resources_missing(exc)
        return False
    return True


def _keep_a_log() -> None:
    """Write warnings and defects to the per-user log file; an exception nothing caught is
    logged there and told to the user by one box at a time (never a silent failure)."""
    from fieldlog import diagnostics
    from fieldlog.ui import problem_boxes

    diagnostics.configure()
    diagnostics.install_excepthook(lambda: problem_boxes.tell_defect(_window))


#: How long after the window opens its start-up objects are set aside (`settle_memory`).
SETTLE_MS = 1000


def settle_memory() -> None:
    """Set the objects made while starting (modules, classes, the window: about 100,000, kept
    as long as the app runs) aside from Python's cycle collector, after one last collection.

    Each full collection otherwise walks them all again: the all-time figures, which build
    some 40,000 objects, took 130 ms with them and 99 ms without at 1,000,000 visits. Objects
    made later are collected as before. Only a FieldLog that owns its application does this
    (not one a test or a probe starts inside its own).
    """
    gc.collect()
    gc.freeze()


def _first_paint(location: str) -> QWidget | None:
    """The visit log's first page shown and painted without the database layer, where it can
    be (`ui.first_paint`); None otherwise, or if anything went wrong (the normal open tells)."""
    try:
        from fieldlog.ui.first_paint import show_first_page

        return show_first_page(location)
    except Exception:  # never a reason not to open the window the normal way
        import logging

        logging.getLogger(__name__).warning("First page not shown early", exc_info=True)
        return None


def import_core() -> None:
    """Import the Qt-free modules the window needs before Qt itself: once PySide6 is loaded,
    its import hook reads the source of every module imported after it (hundreds of files).
    A host that makes its own QApplication calls this first."""
    import fieldlog.services.admin.maintenance
    import fieldlog.services.admin.workspace  # noqa: F401


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window over the chosen database; returns the exit code.

    A database that does not open, or fails the quick check, gets the recovery screen instead
    (never a fresh empty database). A sync package given as FILE is then received, or, on an
    empty database (the welcome screen), offered for joining its team. Reuses a running
    QApplication and then returns at once: 0 when the main window is shown, 1 when the recovery
    screen or an error was; otherwise runs the event loop until the last window closes.
    """
    try:
        args = options.parse_options(sys.argv[1:] if argv is None else argv)
    except SystemExit as exc:  # --help or bad usage; argparse has printed why
        return exc.code if isinstance(exc.code, int) else 2

    from fieldlog.store.location import ENV_DB, resolve_location

    app, owns_app = _ensure_app()
    from fieldlog.ui import single_instance

    if not _resources_present():
        return 1
    language = choose_language(args.lang, _setting("language"))
    use_language(app, language)
    package = options.package_argument(args.file)
    database_file = args.file if args.file is not None and package is None else None
    chosen = args.db or database_file or os.environ.get(ENV_DB)
    location = resolve_location(chosen or _last_database())
    if owns_app and single_instance.hand_over(location, package):
        return 0  # a window of ours shows this database: it has the file now
    # The per-user default is created silently on a first start; a chosen path only if asked.
    if chosen and needs_creating(location) and not confirm_create(_shown(location)):
        return 1
    # The log's first page on screen before the database layer loads; the window follows.
    first = _first_paint(location) if package is None else None
    import_core()
    _keep_a_log()
    opened = open_location(location, language, near=first)
    if first is not None:
        first.close()
        first.deleteLater()
    if opened and package is not None and _window is not None:
        _window.sync_flow.open_file(package, joining=_window.workspace is None)
    if not owns_app:
        return 0 if opened else 1
    if not opened and _recovery is None:  # a server database that did not open
        return 1
    single_instance.start(last_window)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(SETTLE_MS, settle_memory)
    try:
        return app.exec()
    finally:
        single_instance.stop()
        if _window is not None:
            _window.db.close()
