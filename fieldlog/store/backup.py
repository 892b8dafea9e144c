"""Copies of a SQLite database taken with the online backup API (consistent while in use)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path


def backup_folder(db_path: Path) -> Path:
    """Where a database's automatic backups go: a folder beside it."""
    return db_path.with_name(f"{db_path.stem}-backups")


def backup_file(db_path: Path, dest: Path) -> Path:
    """Copy the database at `db_path` to `dest` page by page; returns `dest`."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    target = sqlite3.connect(dest)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    return dest


def automatic_backup(db_path: Path, reason: str) -> Path:
    """A timestamped backup before something risky (a migration, an import)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return backup_file(db_path, backup_folder(db_path) / f"{db_path.stem}-{stamp}-{reason}.db")
