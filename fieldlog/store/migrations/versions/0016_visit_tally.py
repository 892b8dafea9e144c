"""visit_tally: each organization's number of live visits, kept by triggers (SQLite only)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

from fieldlog.store import visit_tally

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None
#: A local table only: packages made at this schema still say 0015 (`migrate.package_revision`).
replicated = False


def upgrade() -> None:
    # One aggregate over the visits' (org_id, deleted, visited_on) index: about a second at a
    # million visits, so no chunks.
    visit_tally.install(op.get_bind())


def downgrade() -> None:
    visit_tally.uninstall(op.get_bind())
