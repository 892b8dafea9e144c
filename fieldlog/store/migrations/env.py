"""Alembic environment: runs on the connection FieldLog hands over, in batch mode for SQLite."""

from __future__ import annotations

from alembic import context

from fieldlog.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("FieldLog migrations run from fieldlog.store.migrate, on an open connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
