"""Copy a FieldLog SQLite database (bench/make_db.py's) into a new PostgreSQL database.

    python bench/server_copy.py --from /tmp/bench/200k.db --to postgresql+psycopg://u:p@host/db

The server database is made by FieldLog (every migration), its search index is dropped while
the rows go in by COPY, then built again (timed) and the tables analysed. Local state (the node
id, the sync counters) stays the server database's own.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from psycopg.types.json import Jsonb
from sqlalchemy import JSON, select

from fieldlog.services.admin.workspace import open_workspace
from fieldlog.store import server_search
from fieldlog.store.models import Base

SKIPPED = {"local_state"}


def _value(value: Any, is_json: bool) -> Any:
    return Jsonb(value) if is_json and value is not None else value


def copy_rows(source: Any, target: Any) -> dict[str, int]:
    """COPY every table's rows from the SQLite database into the server one."""
    counts: dict[str, int] = {}
    raw = target.engine.raw_connection()
    conn = raw.driver_connection
    with source.read() as session, conn.cursor() as cursor:
        for table in reversed(Base.metadata.sorted_tables):  # the catalogs a new one gets
            if table.name not in SKIPPED:
                cursor.execute(f'DELETE FROM "{table.name}"')
        for table in Base.metadata.sorted_tables:
            if table.name in SKIPPED:
                continue
            names = [c.name for c in table.columns]
            json_columns = [isinstance(c.type, JSON) for c in table.columns]
            columns = ", ".join(f'"{n}"' for n in names)
            count = 0
            with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
                for row in session.execute(select(table)).yield_per(5000):
                    copy.write_row([_value(v, j) for v, j in zip(row, json_columns, strict=True)])
                    count += 1
            counts[table.name] = count
    conn.commit()
    raw.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", required=True)
    parser.add_argument("--to", dest="target", required=True)
    args = parser.parse_args()
    source, target = open_workspace(args.source), open_workspace(args.target)
    try:
        with target.engine.begin() as conn:
            server_search.uninstall(conn)
        started = time.perf_counter()
        counts = copy_rows(source, target)
        copied = time.perf_counter() - started
        started = time.perf_counter()
        with target.engine.begin() as conn:
            server_search.install(conn)
        indexed = time.perf_counter() - started
        with target.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    finally:
        source.close()
        target.close()
    print(f"copied in {copied:.1f} s, search index built in {indexed:.1f} s: {counts}")


if __name__ == "__main__":
    main()
