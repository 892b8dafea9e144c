"""The store is the only place that knows SQL: no service builds or runs a query itself.

Services own the transaction (`with db.begin() as session:`) and call the functions of
`fieldlog/store/repositories/`; they may still `session.get` a record, `session.add` one and
assign its attributes, which is not SQL.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SERVICES = Path(__file__).resolve().parents[2] / "fieldlog" / "services"

#: What builds a statement or a condition.
SQL_NAMES = frozenset(
    {"select", "update", "delete", "insert", "func", "and_", "or_", "text", "case", "exists"}
)
#: What runs one.
RUNNERS = frozenset({"execute", "scalars", "scalar", "exec_driver_sql"})


def _root(node: ast.expr) -> ast.expr:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node


def sql_uses(source: str) -> list[str]:
    """Where a module takes a query builder from SQLAlchemy or runs a statement, as
    "line: what" texts."""
    tree = ast.parse(source)
    modules: set[str] = set()  # names bound to sqlalchemy or one of its modules
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "sqlalchemy":
                    modules.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "sqlalchemy":
            for alias in node.names:
                if alias.name in SQL_NAMES:
                    found.append(f"{node.lineno}: from {node.module} import {alias.name}")
                elif alias.name in {"sql", "sql.expression", "expression", "future"}:
                    modules.add(alias.asname or alias.name)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            root = _root(node)
            if node.attr in SQL_NAMES and isinstance(root, ast.Name) and root.id in modules:
                found.append(f"{node.lineno}: {ast.unparse(node)}")
        call = node.func if isinstance(node, ast.Call) else None
        if isinstance(call, ast.Attribute) and call.attr in RUNNERS:
            found.append(f"{node.lineno}: {ast.unparse(call)}(…)")
    return sorted(set(found))


def _modules() -> list[Path]:
    return sorted(SERVICES.rglob("*.py"))


def test_the_services_are_all_looked_at() -> None:
    names = {path.relative_to(SERVICES).as_posix() for path in _modules()}
    assert {"visits/visits.py", "orgs/org_merge.py", "exchange/sync.py"} <= names


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(SERVICES).as_posix())
def test_no_service_builds_or_runs_sql(path: Path) -> None:
    uses = sql_uses(path.read_text(encoding="utf-8"))
    assert not uses, f"{path}: move these into fieldlog/store/repositories/: {uses}"


@pytest.mark.parametrize(
    "source",
    [
        "from sqlalchemy import select\n",
        "from sqlalchemy import func as f\n",
        "from sqlalchemy.sql.expression import and_\n",
        "import sqlalchemy\nq = sqlalchemy.select(1)\n",
        "import sqlalchemy as sa\nq = sa.sql.text('x')\n",
        "from sqlalchemy import sql\nq = sql.exists()\n",
        "def f(session):\n    return session.execute(q).scalars()\n",
        "def f(s):\n    return s.scalar(q)\n",
    ],
)
def test_the_check_sees_a_query(source: str) -> None:
    assert sql_uses(source)


@pytest.mark.parametrize(
    "source",
    [
        "from sqlalchemy.orm import Session\n",
        "from sqlalchemy.exc import DBAPIError\n",
        "def f(session, m, i):\n    session.add(m)\n    return session.get(m, i)\n",
        "taken = set()\ntaken.update(('a', 'b'))\n",  # a set's update is no SQL
        "def text(x):\n    return x\ny = text('a')\n",  # a function of one's own named text
    ],
)
def test_the_check_lets_plain_code_be(source: str) -> None:
    assert not sql_uses(source)
