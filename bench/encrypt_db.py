"""Time encrypting a database (what `fieldlog encrypt` costs) and, optionally, its daily backup.

    python bench/encrypt_db.py --plain FILE --out FILE --password-env NAME [--daily-backups]

Encrypts the closed plain database FILE into a new file with `fieldlog.store.cipher.encrypt`
(SQLCipher's `sqlcipher_export` into a private temporary file, synced, then renamed) and prints
one JSON line: the seconds it took and both files' sizes. The password is read from the
environment variable NAME, never from the command line. With --daily-backups it then takes
today's scheduled backup of each file as the window does (`take_daily_backup`: SQLite's backup
API, encrypted with the same password for the encrypted one), timed — which also means a window
opened on them today (bench/run.py) takes no 4 GB copy while it is being measured.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from fieldlog.services.admin.backups import take_daily_backup
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.store.cipher import encrypt


def _daily_backup_s(path: Path, password: str | None) -> tuple[float, int]:
    """Seconds to take today's backup of `path`, and the backup's size (0 when one existed)."""
    db = open_workspace(str(path), create=False, password=password)
    try:
        started = time.perf_counter()
        taken = take_daily_backup(db)
        seconds = time.perf_counter() - started
    finally:
        db.close()
    return round(seconds, 1), taken.stat().st_size if taken is not None else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plain", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--password-env", required=True, metavar="NAME")
    parser.add_argument("--daily-backups", action="store_true")
    args = parser.parse_args()
    password = os.environ.get(args.password_env, "")
    if not password:
        parser.error(f"--password-env {args.password_env}: that environment variable is not set")
    started = time.perf_counter()
    encrypt(args.plain, args.out, password)
    result: dict[str, object] = {
        "encrypt_s": round(time.perf_counter() - started, 1),
        "plain_bytes": args.plain.stat().st_size,
        "encrypted_bytes": args.out.stat().st_size,
    }
    print(json.dumps(result), flush=True)
    if args.daily_backups:
        for name, path, key in (("plain", args.plain, None), ("encrypted", args.out, password)):
            seconds, size = _daily_backup_s(path, key)
            result[f"{name}_daily_backup_s"], result[f"{name}_backup_bytes"] = seconds, size
            print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
