"""SQLAlchemy's SQLCipher dialect for connections FieldLog keys itself (`store.driver.connect`).

The stock dialect sends `PRAGMA key` with the URL's password on every new connection, which
makes SQLCipher derive the key again each time (256,000 PBKDF2 rounds). FieldLog's connections
arrive keyed with the key derived once per process, so this dialect keeps everything of the
stock one (sqlcipher3 as its driver, its errors wrapped as SQLAlchemy's) but that step.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects.sqlite.pysqlcipher import SQLiteDialect_pysqlcipher
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite


class KeyedByFieldLog(SQLiteDialect_pysqlcipher):
    """`sqlite+pysqlcipher` whose connections come keyed (through an engine's `creator`)."""

    supports_statement_cache = True

    def on_connect_url(self, url: Any) -> Any:
        # pysqlite's set-up only: the SQLCipher dialect's own would key the connection again.
        return SQLiteDialect_pysqlite.on_connect_url(self, url)
