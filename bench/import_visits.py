"""Time `import visits` of a large visit log (走访明细) into a copy of a database.

    python bench/import_visits.py --rows 200000 --seed-db SEED.db --work DIR [--dry-run]
        [--repeat 3] [--code CHECKOUT] [--profile OUT.prof] [--progress]

The workbook is generated once per size (deterministic, `DIR/visits-ROWS.xlsx`) in the shape of
a real 走访明细: a title row above the header, the usual headings, dates written every way
people write them, one to three visitors per row, contacts met with their titles, notes of
30–200 characters, intents and follow-up dates. About half the rows name organizations of the
seed database (most of them with its credit code), the rest new ones, each visited several
times; some rows repeat visits already in the database (some with a new intent), some repeat an
earlier row of the sheet, and about 1.5 % are wrong (dates, visitors, codes, kinds, chains).

Each run copies SEED.db into DIR (the seed is never written) and runs the command line there in
a child process: `python -m fieldlog --db COPY import visits FILE --json`, from CHECKOUT (this
checkout by default, so an older checkout can be timed with the same workbook). Printed: one
JSON object per run and their medians — wall time, the child's CPU time and peak RSS, the
report's counts and a hash of the whole report (equal hashes: the same rows, counts and
reasons). `--profile` runs one import in this process under cProfile instead and writes the
statistics to OUT.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
HEADINGS = (
    "序号",
    "走访日期",
    "走访企业（单位）",
    "统一社会信用代码",
    "对象类型",
    "所属产业链",
    "走访方式",
    "走访人员",
    "接待人（职务）",
    "走访内容",
    "意向程度",
    "下次跟进日期",
    "备注",
)
_CITIES = ("深圳市", "广州市", "东莞市", "佛山市", "惠州市", "中山市", "珠海市", "铜仁市")
_PREFIXES = "华鹏腾中大长海新恒德润金银星光瑞安康泰嘉宏伟卓越远航"
_CORES = "达信通盛丰宇创智联远兴源科讯航捷凯"
_TRADES = ("科技", "物流", "电子", "家具", "照明", "石材", "电镀", "食品", "医药", "建材")
_PHRASES = (
    "了解企业生产经营情况",
    "洽谈在铜仁设立生产基地的意向",
    "介绍我市产业链配套和用地政策",
    "企业负责人表示近期将组织考察",
    "双方就物流仓储合作进行了深入交流",
    "企业关注用工保障和电价政策",
    "对接商会资源，推荐会员企业",
    "跟进上次走访提出的问题",
    "企业计划扩大产能，需要标准厂房",
    "约定下月再次上门",
)
_TITLES = ("总经理", "副总", "董事长", "行政经理", "办公室主任", "")
_SURNAMES = "张王李刘陈杨黄赵周吴"
_INTENTS = ("强", "中", "弱", "", "无", "")
_ORG_KINDS = ("", "", "", "", "企业", "商协会", "公司")
_SEPARATORS = ("、", ",", " ", "，")


def _date_cell(day: date, rng: random.Random) -> Any:
    style = rng.randrange(8)
    if style == 0:
        return f"{day.year}/{day.month}/{day.day}"
    if style == 1:
        return f"{day.year}.{day.month}.{day.day}"
    if style == 2:
        return f"{day.year}年{day.month}月{day.day}日"
    if style == 3:
        return (day - date(1899, 12, 30)).days
    if style == 4:
        return datetime(day.year, day.month, day.day, 9 + rng.randrange(8), 30)
    if style == 5:
        return day.strftime("%Y%m%d")
    return day.isoformat()


def _seed_facts(seed: Path) -> dict[str, Any]:
    """What the workbook borrows from the seed database: members, chains, kinds, orgs, visits."""
    with sqlite3.connect(f"file:{seed}?mode=ro", uri=True) as con:
        one = lambda sql: [r[0] for r in con.execute(sql)]  # noqa: E731
        facts = {
            "members": one("SELECT name FROM member WHERE NOT deleted ORDER BY name"),
            "chains": one("SELECT name FROM chain WHERE NOT deleted ORDER BY name"),
            "kinds": one(
                "SELECT name FROM catalog_item WHERE kind = 'visit_kind' AND NOT deleted "
                "ORDER BY name"
            ),
            "orgs": [
                tuple(r)
                for r in con.execute(
                    "SELECT name, credit_code FROM organization WHERE NOT deleted ORDER BY id"
                )
            ],
            "visits": [
                tuple(r)
                for r in con.execute(
                    "SELECT o.name, v.visited_on, v.summary FROM visit v "
                    "JOIN organization o ON o.id = v.org_id WHERE NOT v.deleted "
                    "ORDER BY v.id LIMIT 2000"
                )
            ],
        }
    return facts


def _new_names(count: int, rng: random.Random) -> list[str]:
    names: dict[str, None] = {}
    while len(names) < count:
        name = (
            rng.choice(_CITIES)
            + rng.choice(_PREFIXES)
            + rng.choice(_CORES)
            + rng.choice(_PREFIXES)
            + rng.choice(_TRADES)
            + rng.choice(("有限公司", "股份有限公司", "集团有限公司"))
        )
        names[name] = None
    return list(names)


def _summary(rng: random.Random, k: int) -> str:
    parts = rng.sample(_PHRASES, rng.randint(1, 4))
    text = "；".join(parts) + f"（第{k}次记录）"
    return text * rng.randint(1, 2)


def _bad_row(row: list[Any], k: int, rng: random.Random) -> None:
    """Make one row wrong in one of the ways real sheets are."""
    case = k % 9
    if case == 0:
        row[1] = "4月1日"
    elif case == 1:
        row[1] = "1900-01-01"
    elif case == 2:
        row[7] = row[7] + "、赵六"
    elif case == 3:
        row[7] = ""
    elif case == 4:
        row[3] = "91440300MA80000"
    elif case == 5:
        row[6] = "飞鸽传书"
    elif case == 6:
        row[5] = "航天航空"
    elif case == 7:
        row[11] = "2001-01-01"
    else:
        row[2] = ""


def generate(path: Path, rows: int, facts: dict[str, Any], seed: int = 8) -> None:
    """Write the visit log of `rows` data rows (see the module's text) to `path`."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    existing = rng.sample(facts["orgs"], min(len(facts["orgs"]), max(rows // 25, 100)))
    fresh = _new_names(max(rows // 16, 50), rng)
    members, chains, kinds = facts["members"], facts["chains"], facts["kinds"]
    first, span = date(2019, 1, 2), (date(2024, 12, 31) - date(2019, 1, 2)).days
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("走访明细")
    sheet.append(["驻点招商工作队走访明细表（2019—2024年）"])
    sheet.append([])
    sheet.append(list(HEADINGS))
    written: list[list[Any]] = []
    revisits = facts["visits"]
    for k in range(rows):
        roll = rng.random()
        if written and roll < 0.01:
            row = list(rng.choice(written[-5000:]))  # the same visit written twice
            row[0] = k + 1
        elif revisits and roll < 0.02:
            name, on, summary = rng.choice(revisits)
            row = [k + 1, on, name, None, "", "", "", rng.choice(members), "", summary]
            row += [rng.choice(("强", "中", "")), None, ""]
        else:
            if roll < 0.55:
                name, code = rng.choice(existing)
                code = code if code and rng.random() < 0.7 else None
            else:
                name, code = rng.choice(fresh), None
            if rng.random() < 0.03:
                name = f" {name} "
            day = first + timedelta(days=rng.randrange(span))
            visitors = rng.sample(members, rng.randint(1, 3))
            people = ""
            if rng.random() < 0.3:
                title = rng.choice(_TITLES)
                people = rng.choice(_SURNAMES) + "总" + (f"（{title}）" if title else "")
            follow = day + timedelta(days=rng.randint(7, 40)) if rng.random() < 0.3 else None
            row = [
                k + 1,
                _date_cell(day, rng),
                name,
                code,
                rng.choice(_ORG_KINDS),
                rng.choice(chains) if rng.random() < 0.2 else "",
                rng.choice(kinds) if rng.random() < 0.7 else "",
                rng.choice(_SEPARATORS).join(visitors),
                people,
                _summary(rng, k),
                rng.choice(_INTENTS),
                follow.isoformat() if follow else None,
                "已录入" if rng.random() < 0.05 else "",
            ]
            if rng.random() < 0.015:
                _bad_row(row, k, rng)
            else:
                written.append(row)
        sheet.append(row)
        if k % 997 == 0:
            sheet.append([None] * 5)  # a blank row now and then
    workbook.save(path)


def _run_cli(code: Path, db: Path, book: Path, dry_run: bool, progress: bool) -> dict[str, Any]:
    command = [sys.executable, "-m", "fieldlog", "--db", str(db), "import", "visits", str(book)]
    command += (
        ["--json"] + (["--dry-run"] if dry_run else []) + (["--progress"] if progress else [])
    )
    env = {**os.environ, "PYTHONPATH": str(code)}
    started = time.perf_counter()
    child = subprocess.Popen(
        command,
        cwd=code,
        env=env,
        stdout=subprocess.PIPE,
        stderr=None if progress else subprocess.PIPE,
    )
    out, err = child.communicate()
    wall = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"import failed ({child.returncode}): {err.decode(errors='replace')}")
    report = json.loads(out)
    return {
        "wall_s": round(wall, 2),
        "created": report["created"],
        "updated": report["updated"],
        "unchanged": report["unchanged"],
        "rejected": len(report["rejected"]),
        "report_sha256": hashlib.sha256(out).hexdigest()[:16],
    }


def _child_usage() -> dict[str, float]:
    import resource

    # The child this process waited for (Linux reports kB): its peak RSS, and its CPU time, a
    # fairer figure than the wall time on a machine shared with other work.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
    }


def _one_run(args: argparse.Namespace, book: Path) -> dict[str, Any]:
    copy = args.work / "import-run.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(args.seed_db, copy)
    # Each run in a fresh process of its own, so that its peak RSS is its own.
    probe = [sys.executable, __file__, "--child", str(copy), str(book), str(args.code)]
    probe += (["--dry-run"] if args.dry_run else []) + (["--progress"] if args.progress else [])
    done = subprocess.run(probe, check=True, capture_output=True, text=True)
    if args.progress:
        sys.stderr.write(done.stderr)
    return json.loads(done.stdout)


def _child(argv: list[str]) -> None:
    copy, book, code = (Path(a) for a in argv[:3])
    result = _run_cli(code, copy, book, "--dry-run" in argv, "--progress" in argv)
    result.update(_child_usage())
    print(json.dumps(result))


def _profile(args: argparse.Namespace, book: Path) -> None:
    import cProfile
    import pstats

    sys.path.insert(0, str(args.code))
    from fieldlog.services.imports import imports
    from fieldlog.store.database import open_database

    copy = args.work / "import-profile.db"
    shutil.copyfile(args.seed_db, copy)
    db = open_database(str(copy))
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    report = imports.import_visits(db, book, dry_run=args.dry_run)
    profiler.disable()
    print(f"{time.perf_counter() - started:.1f} s, {report.as_dict()['created']} created")
    profiler.dump_stats(args.profile)
    pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(40)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--seed-db", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--code", type=Path, default=HERE.parent)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--progress", action="store_true")
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    book = args.work / f"visits-{args.rows}.xlsx"
    if not book.exists():
        started = time.perf_counter()
        generate(book, args.rows, _seed_facts(args.seed_db))
        print(f"wrote {book} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.profile:
        _profile(args, book)
        return
    runs = []
    for _ in range(args.repeat):
        runs.append(_one_run(args, book))
        print(json.dumps(runs[-1]), file=sys.stderr)
    summary = dict(runs[-1])
    summary["wall_s"] = round(statistics.median(r["wall_s"] for r in runs), 2)
    summary["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    summary["cpu_s"] = round(statistics.median(r["cpu_s"] for r in runs), 1)
    summary.update(rows=args.rows, runs=[r["wall_s"] for r in runs], code=str(args.code))
    summary["load"] = os.getloadavg()[0]
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
