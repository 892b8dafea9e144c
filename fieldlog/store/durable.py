"""Making a written file last: its bytes, then its name in the folder, flushed to the disk.

One place for both, since Windows differs twice: it flushes a file only through a handle
opened for writing (os.fsync of a read-only one fails there with EBADF), and it cannot open a
folder at all (NTFS journals the rename instead).
"""

from __future__ import annotations

import os
from pathlib import Path


def fsync_file(written: Path) -> None:
    """Flush a file this process has just written under a temporary name. No connection holds
    it, so opening and closing it here drops no lock."""
    with written.open("r+b") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Flush `folder`'s entries (a rename into it) where the system allows it."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
