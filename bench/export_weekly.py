"""Time the weekly return of a busy week: 5,000 visits plus projects and tranches.

    python bench/export_weekly.py [--visits 5000] [--runs 3] [--keep DIR]

Builds a fresh database through the services in one unit of work, then times `export_weekly`
(median of the runs) and prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from fieldlog.domain.catalogs import default_chains, default_entries
from fieldlog.domain.period import IsoWeek
from fieldlog.domain.stages import Stage
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.orgs import orgs
from fieldlog.services.projects import projects
from fieldlog.services.reports.weekly import export_weekly
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database

WEEK = IsoWeek(2020, 16)
SEED = 16


def _build(db: Database, n_visits: int) -> dict[str, int]:
    rng = random.Random(SEED)
    counties = [e.name for e in default_entries() if e.kind == "county"]
    chains = default_chains()
    days = [WEEK.monday + timedelta(d) for d in range(7)]
    with db.begin():
        team_id = team.save_team(
            db,
            team.TeamInput(
                "基准测试工作队", reporting_unit="基准测试局", dispatch_start=date(2020, 3, 23)
            ),
        )
        members: list[list] = []
        groups = []
        for g, chain in enumerate(chains):
            group = team.save_group(db, f"{chain.name}组", team_id=team_id, chain_id=chain.id)
            groups.append(group)
            members.append(
                [
                    team.save_member(
                        db,
                        team.MemberInput(f"队员{g}-{m}", group, county=counties[(g + m) % 12]),
                        team_id=team_id,
                    )
                    for m in range(3)
                ]
            )
        org_ids = []
        for n in range(n_visits // 3):
            kind = "商协会" if n % 10 == 0 else "企业"
            org = orgs.save_org(
                db, orgs.OrgInput(f"深圳市基准{n}号科技有限公司", kind, chain_id=chains[n % 12].id)
            )
            contact = orgs.save_contact(db, org.id, orgs.ContactInput(f"联系人{n}", "总经理"))
            org_ids.append((org.id, contact, n % 12))
        for _ in range(n_visits):
            org_id, contact, g = rng.choice(org_ids)
            note = "介绍铜仁区位交通、电价和用工成本优势，企业表示将结合自身发展规划研究。" * 2
            visits.save_visit(
                db,
                visits.VisitInput(
                    rng.choice(days),
                    org_id,
                    rng.sample(members[g], 2),
                    summary=note,
                    intent="medium",
                    contact_ids=[contact],
                ),
            )
        n_projects = n_tranches = 0
        for n in range(200):
            org_id, _, g = org_ids[n]
            project = projects.open_project(
                db,
                projects.ProjectInput(
                    f"基准项目{n}", org_id, owner_id=members[g][0], group_id=groups[g]
                ),
                on=date(2020, 3, 25),
            )
            n_projects += 1
            if n % 2 == 0:
                signing = projects.Signing(rng.choice(days), 10_000_000 * (n + 1), "正式合同")
                projects.move_stage(
                    db, project, Stage.SIGNED, on=signing.signed_on, signing=signing
                )
                projects.add_tranche(
                    db, project, received_on=WEEK.sunday, amount_yuan=1_000_000 * (n + 1)
                )
                n_tranches += 1
    return {"visits": n_visits, "projects": n_projects, "tranches": n_tranches}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="folder to keep the database and workbook in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="fieldlog-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = open_workspace(str(folder / "bench.db"))
    try:
        started = time.perf_counter()
        counts = _build(db, args.visits)
        built = time.perf_counter() - started
        timings, out = [], folder / "weekly.xlsx"
        for _ in range(args.runs):
            started = time.perf_counter()
            export_weekly(db, WEEK, out=out, today=WEEK.sunday)
            timings.append(time.perf_counter() - started)
    finally:
        db.close()
    print(
        json.dumps(
            {
                "bench": "export_weekly",
                "week": str(WEEK),
                **counts,
                "build_s": round(built, 2),
                "runs_s": [round(t, 3) for t in timings],
                "median_s": round(statistics.median(timings), 3),
                "file_bytes": out.stat().st_size,
            }
        )
    )


if __name__ == "__main__":
    main()
