"""Time importing a whole team's packages: 24 laptops with 5,000 visits each, into one database.

    python bench/sync_import.py [--laptops 24] [--visits 5000] [--shared-codes 20] [--keep DIR]
                                [--reuse] [--profile FILE]

Each laptop is its own database (its own node) with its own member, 100 organizations — of
which `--shared-codes` carry credit codes every laptop also has, so the import merges those
duplicates too — and `--visits` visits with their visitor rows. Each exports an ordinary
incremental package (default scrypt cost). Then one fresh database imports all of them in
one `import_packages` call; that call is timed (with its phases) and printed as one JSON line.

With `--keep DIR --reuse`, packages already in DIR (from an earlier run with the same sizes) are
imported again into a fresh database instead of being built, so repeated timings import the same
files. `--profile FILE` writes a cProfile of the import call (read it with `python -m pstats`).
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import resource
import shutil
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from fieldlog.domain.credit_code import make_credit_code
from fieldlog.domain.ids import new_id, pair_id
from fieldlog.domain.text import name_key
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange import sync
from fieldlog.store.database import Database, open_database
from fieldlog.store.models import CatalogItem, Member, Organization, Visit, VisitVisitor

PASSPHRASE = "基准测试 team passphrase"
ORGS_PER_LAPTOP = 100


def _build(db: Database, who: str, visits: int, shared_codes: int) -> None:
    with db.begin() as session:
        kind = session.execute(
            select(CatalogItem.id).where(CatalogItem.kind == "visit_kind").limit(1)
        ).scalar_one()
        member = Member(id=new_id(), name=who)
        targets = []
        for n in range(ORGS_PER_LAPTOP):
            shared = n < shared_codes
            name = f"共享企业{n}有限公司" if shared else f"{who}走访的第{n}家企业有限公司"
            code = make_credit_code(f"91440300MA5D{n:05d}") if shared else None
            targets.append(
                Organization(
                    id=new_id(),
                    name=name,
                    name_key=name_key(name),
                    kind="enterprise",
                    credit_code=code,
                )
            )
        session.add_all([member, *targets])
        for n in range(visits):
            visit = Visit(
                id=new_id(),
                visited_on=date(2020, 3, 23) + timedelta(days=n % 30),
                org_id=targets[n % ORGS_PER_LAPTOP].id,
                kind_id=kind,
                summary=f"{who}第{n}次走访：洽谈物流仓储合作，对方有意向来铜仁考察。",
                intent="中",
            )
            link = VisitVisitor(id=pair_id(visit.id, member.id), visit_id=visit.id)
            link.member_id = member.id
            session.add_all([visit, link])


def _laptop(template: Path, folder: Path, index: int, visits: int, shared: int) -> Path:
    path = folder / f"laptop{index:02d}.db"
    shutil.copy(template, path)  # a copied file takes a node id of its own
    db = open_database(str(path))
    try:
        _build(db, f"队员{index:02d}", visits, shared)
        out = folder / f"laptop{index:02d}.fieldsync"
        sync.export_package(db, out, passphrase=PASSPHRASE)  # not into the password store
        return out
    finally:
        db.close()


def _rss_mb() -> int:
    """This process's resident memory now, in MB (0 where /proc is missing)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0
    line = next((x for x in status.splitlines() if x.startswith("VmRSS:")), "VmRSS: 0 kB")
    return round(int(line.split()[1]) / 1024)


def run(
    laptops: int,
    visits: int,
    shared: int,
    folder: Path,
    reuse: bool = False,
    profile: Path | None = None,
) -> dict[str, object]:
    started = time.perf_counter()
    packages = [folder / f"laptop{i:02d}.fieldsync" for i in range(laptops)]
    if not (reuse and all(p.exists() for p in packages)):
        template = folder / "template.db"
        template.unlink(missing_ok=True)
        open_workspace(str(template)).close()
        packages = [_laptop(template, folder, i, visits, shared) for i in range(laptops)]
    built = time.perf_counter() - started
    leader = folder / "leader.db"
    for old in folder.glob("leader.db*"):
        old.unlink()
    shutil.rmtree(folder / "leader-backups", ignore_errors=True)
    target = open_workspace(str(leader))
    marks: dict[str, float] = {}
    cpu_marks: dict[str, float] = {}

    rss_at: dict[str, int] = {}

    def progress(stage: str, _done: int, _total: int) -> None:
        marks.setdefault(stage, time.perf_counter())
        cpu_marks.setdefault(stage, time.process_time())
        if stage not in rss_at:
            rss_at[stage] = _rss_mb()

    # CPU time, not wall time: the shared machine's load then blurs the profile least.
    profiler = cProfile.Profile(time.process_time) if profile else None
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    started, cpu = time.perf_counter(), time.process_time()
    if profiler is not None:
        profiler.enable()
    report = sync.import_packages(target, packages, progress=progress, passphrase=PASSPHRASE)
    cpu_ended = time.process_time()
    # The processes that verified packages (if any), counted once they ended.
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers_cpu = workers.ru_utime + workers.ru_stime - children.ru_utime - children.ru_stime
    seconds, cpu = time.perf_counter() - started, cpu_ended - cpu
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(profile))
    order = ["verify", "backup", "apply", "dedupe", "check", "commit"]
    phases = {
        stage: round(marks[after] - marks[stage], 2)
        for stage, after in itertools.pairwise(order)
        if stage in marks and after in marks
    }
    phases["commit"] = round(started + seconds - marks["commit"], 2)
    phases_cpu = {
        stage: round(cpu_marks[after] - cpu_marks[stage], 2)
        for stage, after in itertools.pairwise(order)
        if stage in cpu_marks and after in cpu_marks
    }
    phases_cpu["commit"] = round(cpu_ended - cpu_marks["commit"], 2)
    summary = report.as_dict()
    result = {
        "laptops": laptops,
        "visits": laptops * visits,
        "rows": sum(p.rows for p in report.packages),
        "package_mb": round(sum(p.stat().st_size for p in packages) / 1e6, 1),
        "import_seconds": round(seconds, 2),
        # CPU time of this process during the import: what a loaded machine disturbs least.
        "import_cpu_seconds": round(cpu, 2),
        # CPU time of the worker processes that verified packages beside it (0 without).
        "workers_cpu_seconds": round(workers_cpu, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "workers_peak_rss_mb": round(workers.ru_maxrss / 1024),
        "rss_mb_at": rss_at,
        "phases": phases,
        "phases_cpu": phases_cpu,
        "new": summary["new"],
        "duplicates_merged": summary["duplicates_merged"],
        "references_moved": summary["references_moved"],
        "build_seconds": round(built, 1),
        "digest": digest(target)[:16],
    }
    target.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laptops", type=int, default=24)
    parser.add_argument("--visits", type=int, default=5_000)
    parser.add_argument("--shared-codes", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument(
        "--reuse", action="store_true", help="with --keep: import the packages already there"
    )
    parser.add_argument("--profile", type=Path, help="write a cProfile of the import here")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        result = run(
            args.laptops, args.visits, args.shared_codes, args.keep, args.reuse, args.profile
        )
    else:
        with tempfile.TemporaryDirectory(prefix="fieldlog-bench-") as folder:
            result = run(
                args.laptops, args.visits, args.shared_codes, Path(folder), profile=args.profile
            )
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
