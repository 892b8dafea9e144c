"""Text ordered the same on every engine: by its bytes (code points), as SQLite compares it.

A PostgreSQL database sorts text by the collation it was created with: under zh_CN, pinyin
first and letters after Chinese, case-blind; under C, by bytes. Lists, keyset pages and the
weekly return must come out in one order wherever the data lives (SPEC §9), so every ordering
and range comparison of text goes through `bytewise`, which asks PostgreSQL for the "C"
collation and leaves SQLite's own (BINARY, the same order) alone.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class bytewise(FunctionElement[str]):  # used like a SQL function
    """`bytewise(column)`: the column, compared and ordered by its bytes on every engine."""

    type = String()
    name = "bytewise"
    inherit_cache = True


@compiles(bytewise)
def _as_is(element: bytewise, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(bytewise, "postgresql")
def _c_collation(element: bytewise, compiler: SQLCompiler, **kw: Any) -> str:
    return f'({compiler.process(element.clauses, **kw)}) COLLATE "C"'
