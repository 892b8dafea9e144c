"""首报首谈 decided: the bureau marks which team leads an enterprise several teams work with, and
sends the decision to each team concerned (SPEC §9).

A decision is a `LeadAssignment` on each team's own record of the enterprise (id fixed by the
bureau and that record, so deciding again replaces it field by field), noted as that team's.
`send_decisions` writes, for one team, a package of the decisions on its records not sent to it
before, sealed with the team's passphrase and naming the team, so the team's laptops take it as
one of their own team's packages and pass it on; it holds nothing of any other team's records
(another team is named, never sent). A team sees the decisions it received with
`received_decisions`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from fieldlog.domain.ids import new_id, pair_id
from fieldlog.domain.messages import msg
from fieldlog.services.bureau.bureau import TeamEntry, require_bureau
from fieldlog.services.bureau.overlaps import Overlap, overlaps
from fieldlog.services.errors import InvalidInput
from fieldlog.services.exchange.bureau_receive import BUREAU_ID_KEY, team_passphrase
from fieldlog.services.file_guard import Kind, guard_output
from fieldlog.store.database import Database
from fieldlog.store.models import LeadAssignment, RecordTeam
from fieldlog.store.repositories import bureau_rows
from fieldlog.store.stamping import SEQ_KEY, read_state, write_state
from fieldlog.sync.changes import Header, build_payload
from fieldlog.sync.crypto import KdfParams
from fieldlog.sync.package import SUFFIX, new_package_fields, write_package
from fieldlog.sync.rows import SPECS, encode_row

LEADS = SPECS["lead_assignment"]


def _sent_key(team_id: uuid.UUID) -> str:
    return f"bureau_sent_seq:{team_id}"


def find_overlap(db: Database, enterprise: str) -> Overlap:
    """The overlap an enterprise is in, by credit code or by any team's name for it."""
    wanted = enterprise.strip()
    for overlap in overlaps(db):
        if wanted and (
            wanted == overlap.credit_code or any(w.name == wanted for w in overlap.teams)
        ):
            return overlap
    raise InvalidInput(
        msg(
            "bureau.no_overlap",
            "{enterprise} is not in more than one team's work (`fieldlog bureau overlaps` lists "
            "those that are); nothing was decided",
            enterprise=wanted,
        )
    )


def decide_lead(
    db: Database, enterprise: str, lead: str, *, note: str = "", today: date | None = None
) -> Overlap:
    """Mark team `lead` (a name) as leading `enterprise` on every team's record of it."""
    require_bureau(db)
    overlap = find_overlap(db, enterprise)
    leader = next((w.team for w in overlap.teams if w.team.name == lead.strip()), None)
    if leader is None:
        raise InvalidInput(
            msg(
                "bureau.lead_not_involved",
                "{team} does not work with {enterprise}; the lead is one of: {teams}",
                team=lead.strip(),
                enterprise=overlap.name,
                teams="、".join(w.team.name for w in overlap.teams),
            )
        )
    day = today or datetime.now(UTC).date()
    with db.begin() as session:
        bureau_id = uuid.UUID(read_state(session, BUREAU_ID_KEY) or str(uuid.UUID(int=0)))
        for work in overlap.teams:
            row_id = pair_id(bureau_id, work.org_id)
            row = session.get(LeadAssignment, row_id) or LeadAssignment(
                id=row_id, org_id=work.org_id
            )
            for key, value in (
                ("lead_team_id", leader.id),
                ("lead_team", leader.name),
                ("first_team", overlap.first.team.name),
                ("first_on", overlap.first.first_on),
                ("decided_on", day),
                ("note", note.strip()),
                ("deleted", False),
            ):
                if getattr(row, key, None) != value:
                    setattr(row, key, value)
            session.add(row)
            owned = session.get(RecordTeam, (LEADS.name, row_id, work.team.id))
            if owned is None:
                session.add(
                    RecordTeam(table_name=LEADS.name, record_id=row_id, team_id=work.team.id)
                )
    return overlap


def send_decisions(
    db: Database, team: TeamEntry, out: Path, *, kdf: KdfParams | None = None
) -> tuple[Path, int]:
    """Write the package of `team`'s decisions not sent to it before; (path, decisions)."""
    name = require_bureau(db)
    passphrase = team_passphrase(db, team.id)
    if not passphrase:
        raise InvalidInput(
            msg(
                "bureau.send_passphrase_unknown",
                "the passphrase of team {team} is not kept on this computer; register the team "
                "again with one of its packages (`fieldlog bureau register`), so nothing was "
                "written",
                team=team.name,
            )
        )
    if out.is_dir():
        out = out / f"{name}-{team.name}{SUFFIX}"
    guard_output(out, Kind.PACKAGE, db.path)
    with db.read() as session:
        since = int(read_state(session, _sent_key(team.id)) or 0)
        seq_now = int(read_state(session, SEQ_KEY) or 0)
        found = bureau_rows.lead_rows_since(session, team.id, since, LEADS.columns)
        rows = [encode_row(LEADS, row) for row in found]
        header = Header(name, datetime.now(UTC), {db.node_id: name}, team.name)
        payload, counts = build_payload(header, iter(rows))
    fields = new_package_fields(
        package_id=new_id(), team_id=team.id, sender_node=db.node_id, full=False, counts=counts
    )
    write_package(
        out, package=fields, plaintext=payload, passphrase=passphrase, kdf=kdf or KdfParams()
    )
    with db.begin() as session:
        previous = int(read_state(session, _sent_key(team.id)) or 0)
        write_state(session, _sent_key(team.id), str(max(previous, seq_now)))
    return out, len(rows)


@dataclass(frozen=True)
class Decision:
    """A bureau's decision as a team sees it."""

    enterprise: str
    lead_team: str
    first_team: str
    first_on: date | None
    decided_on: date | None
    note: str


def received_decisions(db: Database) -> list[Decision]:
    """The 首报首谈 decisions this team received from its bureau, newest first."""
    with db.read() as session:
        rows = bureau_rows.received_leads(session)
        found = [
            Decision(org, a.lead_team, a.first_team, a.first_on, a.decided_on, a.note)
            for org, a in rows
        ]
    return sorted(found, key=lambda d: (d.decided_on or date.min, d.enterprise), reverse=True)
