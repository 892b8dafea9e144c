"""Files and folders only their user can read: what FieldLog writes holds the names, mobile
numbers and plans of hundreds of companies, and a laptop may be shared or lost.

On POSIX systems every file FieldLog creates (the database, backups and the copies a restore
keeps, sync packages, workbooks, the installation id) is 0600 and every folder it creates 0700,
whatever the umask. A file is made with that mode from the start (never created readable and
tightened afterwards, when another user could already have opened it). SQLite gives a
database's -wal, -shm and -journal files the mode of the database file itself, so a database
created here keeps them private too. Other files and folders that already exist keep their mode,
except a database an earlier FieldLog left readable by others: opening it for writing makes it,
its companions and its backup folder private (`tighten_database`).

On Windows nothing is done: the per-user folders (%APPDATA%, %LOCALAPPDATA%, the profile) are
limited to their user, SYSTEM and the administrators by the profile's ACL, which new files and
folders inherit; a POSIX mode means little there (os.chmod sets only the read-only flag). A file
saved outside the profile takes the ACL of the folder the user chose.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
_POSIX = os.name == "posix"


def private_folder(folder: Path) -> Path:
    """`folder`, made (with any missing parents) 0700 where it does not exist; returns it.

    Fails as `Path.mkdir(parents=True, exist_ok=True)` does (a file in the way, no right).
    """
    missing = []
    place = Path(folder)
    while not place.exists() and place.parent != place:
        missing.append(place)
        place = place.parent
    for made in reversed(missing):
        try:
            os.mkdir(made, PRIVATE_FOLDER)
        except FileExistsError:
            continue  # made meanwhile by someone else: left as it is
        if _POSIX:
            os.chmod(made, PRIVATE_FOLDER)  # the umask may have taken bits away
    Path(folder).mkdir(parents=True, exist_ok=True)  # its errors, when something is in the way
    return Path(folder)


def new_private_file(path: Path, *, replace: bool = False) -> None:
    """Create the empty file `path`, readable by its user only (then filled by SQLite, zipfile
    or a copy, which keep its mode). Refused (FileExistsError) when it exists, unless `replace`
    (a temporary file of this process's own)."""
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0)
    flags |= os.O_TRUNC if replace else os.O_EXCL
    handle = os.open(path, flags, PRIVATE_FILE)
    try:
        if _POSIX:
            os.fchmod(handle, PRIVATE_FILE)  # exactly 0600, whatever the umask
    finally:
        os.close(handle)


def new_private_database(path: Path) -> None:
    """Create `path` empty and private for SQLite to make a database in (its -wal, -shm and
    -journal then take its mode). When that fails (a folder it may not write, another program
    made the file meanwhile) nothing is done: SQLite, opening it next, says why in its words."""
    with contextlib.suppress(OSError):
        new_private_file(path)


def tighten_database(path: Path, backups: Path) -> list[Path]:
    """Make a database that an earlier FieldLog left readable by others (0644) its user's only:
    the file, its -wal, -shm and -journal, and its backup folder (the backups inside it are
    then out of other users' reach whatever their own mode). Only what this user owns; never the
    folder the database sits in (the user chose it). Returns what was changed. POSIX only;
    changing a mode opens nothing, so it is safe while a connection holds the file."""
    if not _POSIX:
        return []
    changed = []
    files = [path] + [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]
    for target, mode in [(file, PRIVATE_FILE) for file in files] + [(backups, PRIVATE_FOLDER)]:
        with contextlib.suppress(OSError):
            found = target.lstat()
            if found.st_uid != os.getuid() or not (found.st_mode & 0o077):
                continue
            if target.is_symlink():
                continue
            os.chmod(target, mode)
            changed.append(target)
    return changed
