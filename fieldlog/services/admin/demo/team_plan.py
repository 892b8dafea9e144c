"""The demo team: twelve chain groups of two cadres each, one of them the team leader."""

from __future__ import annotations

import uuid

from fieldlog.domain.vocabulary import MemberRole
from fieldlog.services.admin.demo import names
from fieldlog.services.admin.demo.state import DEMO_PERIOD, LoadState
from fieldlog.services.team.team import MemberInput, TeamInput, save_group, save_member, save_team


def build_team(st: LoadState) -> uuid.UUID:
    """The team and its groups; fills `st.groups`, `st.pairs` and `st.leader`."""
    team = save_team(
        st.db,
        TeamInput(
            name="铜仁市驻深招商工作队",
            home_city="铜仁市",
            host_city="深圳市",
            reporting_unit="铜仁市投资促进局",
            dispatch_start=DEMO_PERIOD.start,
            dispatch_end=DEMO_PERIOD.end,
        ),
    )
    taken: set[str] = set()
    for g, chain in enumerate(st.chains):
        group = save_group(st.db, f"{chain.name}产业招商组", team_id=team, chain_id=chain.id)
        st.groups.append(group)
        first = MemberRole.TEAM_LEADER if g == 0 else MemberRole.GROUP_LEADER
        second = MemberRole.GROUP_LEADER if g == 0 else MemberRole.MEMBER
        ids = [
            _member(st, team, group, role, st.counties[c], taken, second=c != g)
            for role, c in ((first, g), (second, (g + 5) % 12))
        ]
        st.pairs.append((ids[0], ids[1]))
    st.leader = st.pairs[0][0]
    return team


def _member(
    st: LoadState,
    team: uuid.UUID,
    group: uuid.UUID,
    role: str,
    county: str,
    taken: set[str],
    *,
    second: bool,
) -> uuid.UUID:
    name = names.person_name(st.rng)
    while name in taken:
        name = names.person_name(st.rng)
    taken.add(name)
    other = names.OTHER_UNITS.get(county) if second else None
    office = "招商局" if county in ("大龙经济开发区", "铜仁高新区") else "投资促进局"
    unit = other or county + office
    data = MemberInput(name, group, role, unit, county, other is None, names.mobile(st.rng))
    return save_member(st.db, data, team_id=team)
