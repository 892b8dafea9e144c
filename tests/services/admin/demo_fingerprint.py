"""A fingerprint of what the demo drew before its assessment and lead details existed: people,
organizations, contacts, visits, projects' plain fields, stage events and tranches. Adding
details must leave it as it was (the seeded draws before them unchanged)."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from fieldlog.store.database import Database
from fieldlog.store.models import (
    Contact,
    FundsTranche,
    Member,
    Organization,
    Project,
    StageEvent,
    Visit,
)

QUERIES = (
    select(Member.name, Member.role, Member.home_unit, Member.phone),
    select(Organization.name, Organization.credit_code, Organization.address, Organization.phone),
    select(Contact.name, Contact.title, Contact.phone),
    select(Visit.visited_on, Visit.summary, Visit.intent, Visit.next_follow_up),
    select(
        Project.name,
        Project.chain_role,
        Project.planned_yuan,
        Project.contract_yuan,
        Project.signed_on,
        Project.progress,
        Project.problems,
        Project.next_step,
        Project.next_follow_up,
    ),
    select(StageEvent.stage, StageEvent.occurred_on, StageEvent.note),
    select(FundsTranche.received_on, FundsTranche.amount_yuan, FundsTranche.evidence),
)


def fingerprint(db: Database) -> str:
    """SHA-256 of the sorted rows of every query above."""
    digest = hashlib.sha256()
    with db.read() as session:
        for query in QUERIES:
            for row in sorted(repr(tuple(r)) for r in session.execute(query)):
                digest.update(row.encode())
    return digest.hexdigest()
