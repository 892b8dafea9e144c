"""Time a bureau's week on SQLite and on PostgreSQL: 50 teams' packages received, the all-teams
figures, each team's figures, the overlaps and the consolidated return.

    python bench/bureau.py [--teams 50] [--visits 20000] [--week-visits 100] [--postgres URL]
                           [--keep DIR] [--build-only] [--server-only]

Each team is its own database with its own member, `--visits` visits over 2026 to 200
organizations (20 of them with credit codes every team shares, so they are overlaps), and a few
signed projects; it sends the bureau its full package (all teams registered by one
`bureau register`, timed apart from the week), then a week's package of `--week-visits` more
visits. The bureau receives the week's packages of every team in one `sync import`, which is
timed, then the reports. With `--postgres` (a URL whose role may create databases) the same runs
on a new server database and each figure is printed beside SQLite's with the ratio. One JSON
object per engine, then the ratios.
`--keep DIR` builds the teams there once and later runs reuse them; `--build-only` stops after
building, `--server-only` times the server alone (to run the two engines apart).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

# The bench keeps the teams' passphrases in a throwaway password store, never the user's.
_STORE = Path(tempfile.mkdtemp(prefix="fieldlog-bench-store-"))
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.keyring_backend.SessionKeyring"
os.environ["FIELDLOG_TEST_KEYRING"] = str(_STORE / "keyring.json")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from fieldlog.domain.credit_code import make_credit_code  # noqa: E402
from fieldlog.domain.ids import new_id, pair_id  # noqa: E402
from fieldlog.domain.period import IsoWeek, Period  # noqa: E402
from fieldlog.domain.stages import Stage  # noqa: E402
from fieldlog.domain.text import name_key  # noqa: E402
from fieldlog.services.admin.workspace import open_workspace  # noqa: E402
from fieldlog.services.bureau import bureau, consolidated, figures, overlaps  # noqa: E402
from fieldlog.services.exchange import sync  # noqa: E402
from fieldlog.services.projects import projects  # noqa: E402
from fieldlog.services.team import team  # noqa: E402
from fieldlog.store.database import Database  # noqa: E402
from fieldlog.store.models import CatalogItem, Organization, Visit, VisitVisitor  # noqa: E402
from fieldlog.sync.crypto import KdfParams  # noqa: E402

ORGS = 200
SHARED = 20
WEEK = IsoWeek(2026, 48)
FAST_KDF = KdfParams(n=2**14, r=8, p=1)


def _visits(
    db: Database,
    member: uuid.UUID,
    orgs: list[uuid.UUID],
    count: int,
    start: date,
    days: int,
    who: str,
) -> None:
    with db.begin() as session:
        kind = session.execute(
            select(CatalogItem.id).where(CatalogItem.kind == "visit_kind").limit(1)
        ).scalar_one()
        for n in range(count):
            visit = Visit(
                id=new_id(),
                visited_on=start + timedelta(days=n % days),
                org_id=orgs[n % len(orgs)],
                kind_id=kind,
                summary=f"{who}第{n}次走访：洽谈物流仓储合作，对方有意向来铜仁考察。",
                intent="中",
            )
            link = VisitVisitor(id=pair_id(visit.id, member), visit_id=visit.id)
            link.member_id = member
            session.add_all([visit, link])


def _team(
    template: Path, folder: Path, index: int, visits: int, week_visits: int
) -> tuple[str, str, Path, Path]:
    name = f"驻{index:02d}地招商工作队"
    passphrase = f"{name} 口令 bench"
    full = folder / f"team{index:02d}-full.fieldsync"
    week = folder / f"team{index:02d}-week.fieldsync"
    if full.exists() and week.exists():  # built by an earlier run with --keep
        return name, passphrase, full, week
    path = folder / f"team{index:02d}.db"
    shutil.copy(template, path)
    db = open_workspace(str(path))
    try:
        team_id = team.save_team(db, team.TeamInput(name))
        member = team.save_member(db, team.MemberInput(f"队员{index:02d}"), team_id=team_id)
        with db.begin() as session:
            orgs = []
            for n in range(ORGS):
                shared = n < SHARED
                org_name = f"共享企业{n}有限公司" if shared else f"{name}走访的第{n}家企业有限公司"
                code = make_credit_code(f"91440300MA5D{n:05d}") if shared else None
                org = Organization(
                    id=new_id(),
                    name=org_name,
                    name_key=name_key(org_name),
                    kind="enterprise",
                    credit_code=code,
                )
                session.add(org)
                orgs.append(org.id)
        _visits(db, member, orgs, visits, date(2026, 1, 5), 320, name)
        for n in range(3):
            project = projects.open_project(
                db,
                projects.ProjectInput(f"{name}项目{n}", investor_id=orgs[n * 7], owner_id=member),
                on=date(2026, 3, 1 + n),
            )
            projects.move_stage(
                db,
                project,
                Stage.SIGNED,
                on=date(2026, 6, 1 + n),
                signing=projects.Signing(date(2026, 6, 1 + n), 100_000_000 * (n + 1), "正式合同"),
            )
        sync.export_package(db, full, full=True, passphrase=passphrase, kdf=FAST_KDF)
        _visits(db, member, orgs, week_visits, WEEK.monday, 5, name)
        sync.export_package(db, week, passphrase=passphrase, kdf=FAST_KDF)
        return name, passphrase, full, week
    finally:
        db.close()


def _timed(action) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = action()
    return round(time.perf_counter() - started, 3), result


def run(location: str, teams: list[tuple[str, str, Path, Path]], folder: Path) -> dict[str, object]:
    db = open_workspace(location)
    try:
        bureau.init_bureau(db, "铜仁市投资促进局")
        register_s, _ = _timed(
            lambda: bureau.register_teams(db, [(full, phrase) for _n, phrase, full, _w in teams])
        )
        week_packages = [week for *_rest, week in teams]
        receive_s, report = _timed(lambda: sync.import_packages(db, week_packages))
        again_s, _ = _timed(lambda: sync.import_packages(db, week_packages))
        year = Period(date(2026, 1, 1), WEEK.sunday)
        total_s, total = _timed(lambda: figures.total_figures(db, year))
        each_s, each = _timed(lambda: figures.every_team(db, WEEK.period))
        overlaps_s, found = _timed(lambda: overlaps.overlaps(db))
        export_s, _ = _timed(
            lambda: consolidated.export_bureau(
                db, WEEK, out=folder / f"bureau-{uuid.uuid4().hex[:6]}.xlsx"
            )
        )
        return {
            "engine": "postgresql" if "://" in location else "sqlite",
            "teams": len(teams),
            "visits": total.visits,  # type: ignore[attr-defined]
            "enterprises_visited": total.enterprises_visited,  # type: ignore[attr-defined]
            "register_all_s": register_s,
            "receive_week_s": receive_s,
            "receive_week_again_s": again_s,
            "week_rows": sum(p.rows for p in report.packages),  # type: ignore[attr-defined]
            "all_teams_stats_s": total_s,
            "every_team_stats_s": each_s,
            "overlaps_s": overlaps_s,
            "overlaps": len(found),  # type: ignore[arg-type]
            "consolidated_return_s": export_s,
            "teams_counted": len(each),  # type: ignore[arg-type]
        }
    finally:
        db.close()


def _server_database(url: str) -> tuple[str, object]:
    name = f"fieldlog_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return make_url(url).set(database=name).render_as_string(hide_password=False), (admin, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=50)
    parser.add_argument("--visits", type=int, default=20_000)
    parser.add_argument("--week-visits", type=int, default=100)
    parser.add_argument("--postgres", help="a server URL whose role may create databases")
    parser.add_argument(
        "--keep", type=Path, help="build in this folder and keep it (a later run reuses its teams)"
    )
    parser.add_argument("--build-only", action="store_true", help="build the teams, time nothing")
    parser.add_argument(
        "--server-only", action="store_true", help="time the server only (run SQLite apart)"
    )
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="fieldlog-bench-bureau-"))
    folder.mkdir(parents=True, exist_ok=True)
    template = folder / "template.db"
    if not template.exists():
        open_workspace(str(template)).close()
    started = time.perf_counter()
    teams = [_team(template, folder, i, args.visits, args.week_visits) for i in range(args.teams)]
    print(json.dumps({"built_teams_s": round(time.perf_counter() - started, 1)}), flush=True)
    if args.build_only:
        return
    results = []
    if not args.server_only:
        bureau_file = folder / f"bureau-{uuid.uuid4().hex[:6]}.db"
        results.append(run(str(bureau_file), teams, folder))
        print(json.dumps(results[0], ensure_ascii=False), flush=True)
    if args.postgres:
        url, (admin, name) = _server_database(args.postgres)
        try:
            results.append(run(url, teams, folder))
        finally:
            with admin.connect() as conn:  # type: ignore[attr-defined]
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        print(json.dumps(results[-1], ensure_ascii=False), flush=True)
    if len(results) == 2:
        ratios = {
            key: round(results[1][key] / results[0][key], 2)  # type: ignore[operator]
            for key in results[0]
            if key.endswith("_s") and results[0][key]
        }
        print(json.dumps({"postgresql_over_sqlite": ratios}), flush=True)
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(_STORE, ignore_errors=True)


if __name__ == "__main__":
    main()
