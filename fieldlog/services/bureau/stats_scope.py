"""Whose figures `stats` prints: the database's own, or on a bureau database one team's or all
teams' with an enterprise counted once (`--team NAME|all`, all by default)."""

from __future__ import annotations

from fieldlog.domain.counting import Stats
from fieldlog.domain.messages import msg
from fieldlog.domain.period import Period
from fieldlog.services.bureau.bureau import find_team
from fieldlog.services.bureau.figures import team_figures, total_figures
from fieldlog.services.errors import InvalidInput
from fieldlog.services.exchange.bureau_receive import is_bureau
from fieldlog.services.reports import stats
from fieldlog.store.database import Database

ALL_TEAMS = "all"


def stats_for(db: Database, period: Period, team: str | None = None) -> Stats:
    """The figures of `period` for `team` (a name, "all" or None) as `stats` prints them."""
    if not is_bureau(db):
        if team is not None:
            raise InvalidInput(
                msg(
                    "bureau.team_option",
                    "--team is for a bureau database; this database holds one team's work",
                )
            )
        return stats.compute(db, period)
    if team is None or team == ALL_TEAMS:
        return total_figures(db, period)
    return team_figures(db, find_team(db, team), period)
