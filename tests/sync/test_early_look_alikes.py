"""The look-alike list found on a worker process while an import moves references equals the
one found in the importing process (`candidates.early_pairs`, `EARLY_ORGS` lowered so these
small imports use it), also when the worker fails; and pairs found for other organizations than
those at the end of the dedupe are never taken."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldlog.services.orgs import orgs
from fieldlog.store.models import DuplicateCandidate
from fieldlog.sync import candidates, workers
from tests.sync.conftest import Laptop
from tests.sync.test_bulk_apply import _imports, _rows

Make = Callable[[str], Laptop]
NAMES = ("深圳市华为技术有限公司", "华为技术有限公司（深圳）", "深圳市贵州商会", "贵州商会")


def _stored(laptop: Laptop) -> list[tuple[uuid.UUID, uuid.UUID, str, str]]:
    with laptop.db.read() as session:
        rows = session.execute(select(DuplicateCandidate)).scalars()
        return sorted((r.first_org_id, r.second_org_id, r.reason, r.status) for r in rows)


def test_pairs_found_on_a_worker_make_the_same_list(
    laptops: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, c = laptops("a"), laptops("b"), laptops("c")
    here, early, failing = laptops("here"), laptops("early"), laptops("failing")
    for laptop, name in zip((a, b, c, a), NAMES, strict=True):
        orgs.save_org(laptop.db, orgs.OrgInput(name))
    imports = _imports(a, b, c, tmp_path)  # merges three organizations of one credit code too
    asked: list[int] = []
    real = candidates.EarlyPairs.pairs

    def counting(self: candidates.EarlyPairs, inputs: candidates.Inputs) -> object:
        found = real(self, inputs)
        asked.append(found is not None)
        return found

    monkeypatch.setattr(candidates.EarlyPairs, "pairs", counting)
    for paths in imports:
        monkeypatch.setattr(candidates, "EARLY_ORGS", 10**9)
        reports = [here.receive(*paths)]
        monkeypatch.setattr(candidates, "EARLY_ORGS", 0)
        reports.append(early.receive(*paths))
        monkeypatch.setattr(workers, "WORKER", ("-c", "raise SystemExit(3)"))
        reports.append(failing.receive(*paths))
        monkeypatch.setattr(workers, "WORKER", workers.WORKER_MODULE)
        counts = {r.duplicate_candidates for r in reports}
        assert len(counts) == 1
    assert _stored(here) and _stored(here) == _stored(early) == _stored(failing)
    assert _rows(here) == _rows(early) == _rows(failing)
    assert here.digest() == early.digest() == failing.digest()
    if workers.possible():  # the worker's pairs were taken, the failed worker's were not
        assert True in asked and False in asked


def test_pairs_for_other_organizations_are_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    if not workers.possible():
        pytest.skip("one core: no worker")
    first, second = uuid.UUID(int=1), uuid.UUID(int=2)
    names = {first: NAMES[0], second: NAMES[1]}
    codes: dict[uuid.UUID, str | None] = {first: None, second: None}
    early = candidates.EarlyPairs((names, codes, set()))
    try:
        renamed = {first: NAMES[0], second: NAMES[2]}
        assert early.pairs((renamed, codes, set())) is None
        decided = {next(iter(candidates.proposed_pairs(names, codes, set())))}
        assert early.pairs((names, codes, decided)) is None
        found = early.pairs((names, codes, set()))
        assert found == candidates.proposed_pairs(names, codes, set()) and found
    finally:
        early.close()
