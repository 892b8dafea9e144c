"""The live projects joined once to the names of what they point at, for every project list.

The project ledger (项目台账) and the pipeline board show different columns of the same join: the
live project's investor, chain, link, owner, work group, landing county and signing form, each
outer-joined live, so a deleted record's name reads as NULL (blank) and never hides the project.
Each screen selects its columns from `named_projects` and adds its own filter and order.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from fieldlog.store.models import (
    CatalogItem,
    Chain,
    ChainLink,
    Member,
    Organization,
    Project,
    WorkGroup,
)
from fieldlog.store.repositories.common import is_live, live_join

#: The project's investing organization (Organization is aliased: a project list may also read
#: organizations for another reason).
Investor = aliased(Organization, name="investor")
#: The catalog entries a project names: where it lands (区县) and how it was signed.
LandingCounty = aliased(CatalogItem, name="landing_county")
SignForm = aliased(CatalogItem, name="sign_form")
#: Chain, ChainLink, Member (the owner) and WorkGroup are joined under their own names.


def named_projects(*columns: Any) -> Select[Any]:
    """SELECT `columns` over the live projects, each joined to its live named records."""
    return (
        select(*columns)
        .select_from(Project)
        .outerjoin(Investor, live_join(Investor, Project.investor_id))
        .outerjoin(Chain, live_join(Chain, Project.chain_id))
        .outerjoin(ChainLink, live_join(ChainLink, Project.link_id))
        .outerjoin(SignForm, live_join(SignForm, Project.sign_form_id))
        .outerjoin(LandingCounty, live_join(LandingCounty, Project.landing_county_id))
        .outerjoin(Member, live_join(Member, Project.owner_id))
        .outerjoin(WorkGroup, live_join(WorkGroup, Project.group_id))
        .where(is_live(Project))
    )
