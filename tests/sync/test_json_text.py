"""`values.json_text`, made once and called for every stamp and derived node of an import, writes
exactly json.dumps's text: the stored field stamps and the hashed derived nodes depend on it."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from fieldlog.sync.values import json_text

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(_VALUES)
def test_the_text_of_a_derived_node_is_json_dumps_compact_and_sorted(value: Any) -> None:
    expected = json.dumps(value, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    assert json_text(",", ":", True)(value) == expected


@given(_VALUES)
def test_the_text_of_stored_stamps_is_json_dumps_with_its_defaults(value: Any) -> None:
    assert json_text(", ", ": ", False)(value) == json.dumps(value)
