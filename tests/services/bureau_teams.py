"""Teams for the bureau's tests: small hand-made teams on their own laptops, each with its own
passphrase, that share one enterprise (by credit code) in their work."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from fieldlog.domain.credit_code import make_credit_code
from fieldlog.domain.stages import Stage
from fieldlog.services.exchange import sync
from fieldlog.services.orgs import orgs
from fieldlog.services.projects import projects
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from tests.conftest import reopen
from tests.sync.conftest import FAST_KDF

#: The enterprise every team below works with (one credit code, named differently).
SHARED_CODE = make_credit_code("91440300MA5F00001")


@dataclass
class TeamLaptop:
    """A team leader's laptop: its database, passphrase and the packages it sent."""

    name: str
    passphrase: str
    db: Database
    folder: Path
    sent: int = 0

    def export(self, *, full: bool = False) -> Path:
        self.sent += 1
        path = self.folder / f"{self.name}-{self.sent}.fieldsync"
        sync.export_package(self.db, path, full=full, kdf=FAST_KDF)
        return path


def make_team(
    template: Path,
    folder: Path,
    name: str,
    *,
    shared_on: date,
    shared_name: str,
    contract_yuan: int,
    own_orgs: int = 3,
) -> TeamLaptop:
    """A team with a member, a few enterprises of its own, the shared one visited on
    `shared_on`, and a signed project with the shared enterprise (with funds)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.db"
    shutil.copyfile(template, path)
    db = reopen(path)
    passphrase = f"{name} 口令 2026"
    sync.set_passphrase(db, passphrase)
    team_id = team.save_team(db, team.TeamInput(name))
    member = team.save_member(db, team.MemberInput(f"{name[:2]}队员"), team_id=team_id)
    shared = orgs.save_org(db, orgs.OrgInput(shared_name, credit_code=SHARED_CODE)).id
    visits.save_visit(db, visits.VisitInput(shared_on, shared, [member]))
    for n in range(own_orgs):
        org = orgs.save_org(db, orgs.OrgInput(f"{name}自有企业{n}有限公司")).id
        visits.save_visit(db, visits.VisitInput(date(2026, 11, 2 + n), org, [member]))
        visits.save_visit(db, visits.VisitInput(date(2026, 11, 10 + n), org, [member]))
    association = orgs.save_org(db, orgs.OrgInput(f"{name}商会", kind="association")).id
    visits.save_visit(db, visits.VisitInput(date(2026, 11, 5), association, [member]))
    project = projects.open_project(
        db,
        projects.ProjectInput(f"{name}项目", investor_id=shared, owner_id=member),
        on=shared_on,
    )
    projects.move_stage(
        db,
        project,
        Stage.SIGNED,
        on=date(2026, 11, 20),
        signing=projects.Signing(date(2026, 11, 20), contract_yuan, "正式合同"),
    )
    projects.add_tranche(
        db, project, received_on=date(2026, 11, 25), amount_yuan=contract_yuan // 10
    )
    return TeamLaptop(name, passphrase, db, folder)


#: The teams of the bureau tests: name, when each first visited the shared enterprise and how it
#: names it, its signed contract and its own enterprises. 驻沪 reported it first.
TEAMS = (
    ("sz", "驻深工作队", date(2026, 11, 3), "华为技术有限公司", 300_000_000, 3),
    ("sh", "驻沪工作队", date(2026, 11, 1), "华为技术（上海）有限公司", 150_000_000, 3),
    ("hz", "驻杭工作队", date(2026, 11, 8), "华为技术有限公司", 80_000_000, 2),
)


def make_teams(template: Path, folder: Path, count: int) -> list[TeamLaptop]:
    """The first `count` of TEAMS, each on a laptop of its own under `folder`."""
    return [
        make_team(
            template,
            folder / key,
            name,
            shared_on=on,
            shared_name=shared,
            contract_yuan=contract,
            own_orgs=own,
        )
        for key, name, on, shared, contract, own in TEAMS[:count]
    ]
