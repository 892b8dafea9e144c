"""How a server's failures are told: one sentence, never a password, and only for the failures
that mean the server cannot be used (a constraint passes through to its caller)."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.exc import OperationalError

from fieldlog.store.errors import ServerRightsMissing, ServerUnavailable, classify

WHERE = "postgresql+psycopg://fieldlog:***@10.0.0.5/fieldlog"
FAILED = 'connection failed: connection to server at "10.0.0.5", port 5432 failed: '


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (FAILED + "Connection refused\n\tIs the server running on that host?", "cannot be reached"),
        ("failed to resolve host 'x.invalid': [Errno -2] Name or service not known", "reached"),
        (FAILED + 'FATAL:  password authentication failed for user "fieldlog"', "user name or"),
        (FAILED + 'FATAL:  database "nope" does not exist', "does not exist on the server"),
        (FAILED + 'FATAL:  no pg_hba.conf entry for host "10.0.0.9"', "does not accept this"),
        # The server's own words in another language: told as they came.
        (
            FAILED + 'FATAL:  用户 "fieldlog" Password 认证失败',
            '(用户 "fieldlog" Password 认证失败)',
        ),
        ("consuming input failed: server closed the connection unexpectedly", "cannot be reached"),
    ],
    ids=["refused", "unknown-host", "password", "no-database", "pg-hba", "localized", "dropped"],
)
def test_a_server_that_cannot_be_used_is_one_sentence(text: str, said: str) -> None:
    wrapped = OperationalError("SELECT 1", {}, psycopg.OperationalError(text))
    told = classify(wrapped, WHERE)
    assert isinstance(told, ServerUnavailable)
    assert said in str(told) and WHERE in str(told) and "\n" not in str(told)


def test_a_missing_right_names_what_was_refused() -> None:
    error = psycopg.errors.InsufficientPrivilege("permission denied for table visit")
    told = classify(error, WHERE)
    assert isinstance(told, ServerRightsMissing)
    assert "(permission denied for table visit)" in str(told)


def test_a_constraint_is_not_a_server_failure() -> None:
    assert classify(psycopg.errors.UniqueViolation("duplicate key"), WHERE) is None
    assert classify(psycopg.errors.SyntaxError("syntax error"), WHERE) is None
