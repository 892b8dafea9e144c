"""The labelled name pairs (tests/corpus/name_pairs.tsv): the look-alike rule keeps its measure.

bench/lookalikes.py prints the full figures and the threshold sweep; this keeps a floor under
them on the held-out third (every third pair), which the threshold was not chosen on.
"""

from __future__ import annotations

from pathlib import Path

from fieldlog.domain.company_names import look_alike
from fieldlog.domain.text import name_key

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "name_pairs.tsv"


def _pairs() -> list[tuple[str, str, bool]]:
    rows = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "name_a\t")):
            a, b, same, _note = line.split("\t")
            rows.append((a, b, same == "1"))
    return rows


def _precision_recall(pairs, rule) -> tuple[float, float]:
    said = [(rule(a, b), same) for a, b, same in pairs]
    hits = sum(s and t for s, t in said)
    return hits / max(1, sum(s for s, _ in said)), hits / max(1, sum(t for _, t in said))


def test_the_set_is_large_and_has_both_answers() -> None:
    pairs = _pairs()
    assert len(pairs) >= 300
    assert 0.3 < sum(same for *_, same in pairs) / len(pairs) < 0.8
    assert len({(a, b) for a, b, _ in pairs}) == len(pairs)


def test_held_out_pairs_are_told_apart() -> None:
    held_out = _pairs()[2::3]
    precision, recall = _precision_recall(held_out, look_alike)
    assert precision >= 0.95 and recall >= 0.9, (precision, recall)
    # The rule before (equal name keys) finds almost none of them: the set measures something.
    _, old_recall = _precision_recall(held_out, lambda a, b: name_key(a) == name_key(b))
    assert old_recall < 0.1
