"""The warning rules on their own: colours by days idle, labels, a lead's missing details."""

from __future__ import annotations

import uuid

import pytest

from fieldlog.domain.assessment import WarningRules
from fieldlog.domain.warnings import (
    COLOURS,
    LeadField,
    StaleColour,
    colour_for,
    colour_label,
    lead_field_label,
    missing_lead_fields,
    severity,
)


@pytest.mark.parametrize(
    ("idle", "colour"),
    [
        (0, None),
        (9, None),
        (10, StaleColour.YELLOW),
        (20, StaleColour.RED),
        (30, StaleColour.RETIRE),
    ],
)
def test_colour_by_the_teams_thresholds(idle: int, colour) -> None:
    assert colour_for(idle, WarningRules(10, 20, 30)) == colour


def test_labels_in_both_languages_worst_first() -> None:
    assert [colour_label(c, "zh_CN") for c in COLOURS] == ["建议退库", "红色预警", "黄色预警"]
    assert [colour_label(c, "en") for c in COLOURS] == [
        "Suggest retiring",
        "Red warning",
        "Yellow warning",
    ]
    assert [severity(c) for c in COLOURS] == [3, 2, 1] and severity(None) == 0
    assert [lead_field_label(f, "zh_CN") for f in LeadField] == [
        "项目内容",
        "投资规模",
        "投资方联系人",
        "投资方诉求",
    ]


def test_a_lead_with_all_four_lacks_nothing() -> None:
    full = {"content": "家具", "planned_yuan": 1, "contact_id": uuid.uuid4(), "demands": "用地"}
    assert missing_lead_fields(**full) == ()
    blank = {"content": " \n", "planned_yuan": -5, "contact_id": None, "demands": "\u3000"}
    assert missing_lead_fields(**blank) == tuple(LeadField)
