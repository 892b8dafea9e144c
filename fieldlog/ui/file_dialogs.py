"""Where the file dialogs open: the folder used last, else Documents, else the home folder.

A file dialog given a folder that does not exist (a new account has no Documents folder yet)
opens its parent and puts the folder's name in the file-name box, as if it were a file to open;
so every dialog is given a folder that is there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_folder() -> Path:
    """The Documents folder when it exists, else the home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def start_folder(remembered: object) -> Path:
    """The remembered folder (a setting's value) while it is still there, else Documents."""
    if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
        return Path(remembered)
    return documents_folder()
