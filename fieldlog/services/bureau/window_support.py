"""What the window needs of a bureau database (SPEC §9): its identity, all teams' records as one
read-only database, and the teams ranked against their own targets with time-pace.

The window never edits a bureau's records (an edit there would never reach the team that owns
the record), so every database it shows its pages on is read only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from fieldlog.domain.counting import Stats
from fieldlog.domain.period import Period
from fieldlog.services.bureau.bureau import TeamEntry, teams
from fieldlog.services.bureau.figures import total_figures
from fieldlog.services.exchange.bureau_receive import BUREAU_ID_KEY, bureau_name
from fieldlog.services.reports import stats
from fieldlog.services.reports.targets import TargetProgress, targets_progress
from fieldlog.store.database import Database, another_engine
from fieldlog.store.stamping import read_state
from fieldlog.store.team_view import team_view

#: The figures a team is ranked by, each against the team's own target for it.
RANKED_METRICS = ("projects_signed", "contract_amount_yuan", "funds_in_place_yuan")


@dataclass(frozen=True)
class BureauIdentity:
    """A bureau database's id (stable while the file moves) and name."""

    id: str
    name: str


def identity(db: Database) -> BureauIdentity | None:
    """The bureau's id and name, or None when `db` is not a bureau database."""
    with db.read() as session:
        name = bureau_name(session)
        bureau_id = read_state(session, BUREAU_ID_KEY)
    return None if name is None else BureauIdentity(bureau_id or "", name)


def _read_only(db: Database, engine: Engine, sessions: sessionmaker[Session]) -> Database:
    return Database(db.location, engine, sessions, db.node_id, read_only=True, password=db.password)


def open_all_teams_view(db: Database) -> Database:
    """All teams' records as the bureau holds them, read only, on connections of its own
    (closing it releases them and nothing of `db`)."""
    engine = another_engine(db)
    info = dict(db.sessions.kw.get("info") or {})
    return _read_only(db, engine, sessionmaker(engine, expire_on_commit=False, info=info))


def read_only_alias(db: Database) -> Database:
    """`db` read only, on `db`'s own connections (never close it: closing `db` does)."""
    return _read_only(db, db.engine, db.sessions)


@dataclass(frozen=True)
class RankedTeam:
    """A team's figures for a period, and its own running team targets (by metric) on a day."""

    team: TeamEntry
    stats: Stats
    targets: dict[str, TargetProgress] = field(default_factory=dict)


def team_ranking(db: Database, period: Period, today: date) -> tuple[list[RankedTeam], Stats]:
    """Every registered team with its figures of `period` and its progress towards its own
    targets running on `today`, the largest contract amount first; and the total of all teams
    (an enterprise several teams visited counted once)."""
    ranked = []
    for team in teams(db):
        with team_view(db, team.id) as view:
            figures = stats.compute(view, period)
            progress = {
                p.metric: p
                for p in targets_progress(view, today=today)
                if p.scope == "team" and p.metric in RANKED_METRICS
            }
        ranked.append(RankedTeam(team, figures, progress))
    ranked.sort(key=lambda r: (-r.stats.contract_amount_yuan, r.team.name, r.team.id))
    return ranked, total_figures(db, period)
