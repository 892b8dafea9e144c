"""The receive progress dialog over several packages: checking and merging alternate, package
by package, and the bar only moves forward."""

from __future__ import annotations

from pathlib import Path

from fieldlog.services.exchange import sync
from fieldlog.ui.dialogs.sync_progress import PACKAGES_SPAN, ImportProgress
from tests.sync.bulk import add_visits
from tests.sync.conftest import found_team, new_laptop


def test_the_bar_moves_forward_through_alternating_stages(
    qtbot, empty_database_file: Path, tmp_path: Path
) -> None:
    leader = new_laptop(empty_database_file, tmp_path, "leader")
    joining = found_team(leader)
    paths = []
    for name, who in (("a", "甲"), ("b", "乙"), ("c", "丙")):
        sender = new_laptop(empty_database_file, tmp_path, name, join=joining)
        add_visits(sender.db, 30, who=who, organizations=2)
        paths.append(sender.export())
        sender.db.close()
    dialog = ImportProgress(None)
    qtbot.addWidget(dialog)
    shown: list[tuple[str, int, str]] = []

    def report(stage: str, done: int, total: int) -> None:
        dialog.report(stage, done, total)
        shown.append((stage, dialog.value(), dialog.labelText()))

    sync.import_packages(leader.db, paths, progress=report)
    values = [value for _stage, value, _label in shown]
    assert values == sorted(values) and values[-1] >= 980
    # Each package is checked, then merged, before the next is: three rounds on the bar.
    assert dialog.stages[:5] == ["verify", "backup", "apply", "verify", "apply"]
    assert dialog.stages.count("verify") == 3 and dialog.stages.count("apply") == 3
    checking = [(v, label) for stage, v, label in shown if stage == "verify"]
    assert [label for _v, label in checking] == [
        "Checking package 1 of 3…",
        "Checking package 2 of 3…",
        "Checking package 3 of 3…",
    ]
    start, end = PACKAGES_SPAN
    assert [v for v, _label in checking] == [start + (end - start) * k // 3 for k in range(3)]
    merged = [v for stage, v, _label in shown if stage == "apply"]
    assert max(merged) == end
    leader.db.close()
