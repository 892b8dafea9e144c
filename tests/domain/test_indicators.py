"""Each indicator is named once, and every layer names it as the weekly return does."""

from __future__ import annotations

import pytest

from fieldlog.domain import indicators
from fieldlog.domain.counting import Stats
from fieldlog.domain.indicators import (
    AMOUNT_METRICS,
    BREAKDOWN_METRICS,
    BY_KEY,
    HEADLINE_METRICS,
    METRICS,
    MILESTONE_KEYS,
    RETURN_ROWS,
)
from fieldlog.domain.period import Period

#: key: (as the return and `stats` print it, the window's caption, the English label)
NAMED = {
    "enterprises_visited": ("走访企业（家）", "走访企业", "Enterprises visited"),
    "associations_visited": ("走访商协会（个）", "走访商协会", "Associations visited"),
    "visits": ("走访次数（次）", "走访次数", "Visits"),
    "leads_new": ("新增线索（个）", "新增线索", "New leads"),
    "projects_active": ("在谈项目（个）", "在谈项目", "Projects in negotiation"),
    "projects_signed": ("签约项目（个）", "签约项目", "Projects signed"),
    "contract_amount_yuan": (
        "合同投资额（亿元）",
        "合同投资额（亿元）",
        "Contract amount (100M yuan)",
    ),
    "funds_in_place_yuan": ("到位资金（亿元）", "到位资金（亿元）", "Funds in place (100M yuan)"),
    "inspections": ("考察批次（次）", "考察批次", "Inspection visits"),
}


def test_every_indicator_keeps_its_labels_in_report_order() -> None:
    assert list(METRICS) == list(NAMED)
    for key, (label_zh, caption_zh, label_en) in NAMED.items():
        assert indicators.label(key, "zh_CN") == BY_KEY[key].label_zh == label_zh
        assert indicators.caption(key, "zh_CN") == caption_zh
        assert indicators.label(key, "en") == indicators.caption(key, "en") == label_en
        assert indicators.name(key, "zh_CN") == label_zh.split("（")[0]
    assert indicators.name("funds_in_place_yuan", "en") == "Funds in place"


def test_the_keys_are_the_figures_of_stats() -> None:
    zero = Stats(Period.all_time(), *(0 for _ in METRICS))
    assert list(zero.as_dict())[2:] == [*METRICS, *MILESTONE_KEYS, "assessment"]
    assert {"contract_amount_yuan", "funds_in_place_yuan"} == AMOUNT_METRICS
    assert METRICS[:8] == HEADLINE_METRICS
    assert set(BREAKDOWN_METRICS) < set(HEADLINE_METRICS)


def test_breakdown_headings_break_between_words() -> None:
    headings = [BY_KEY[key].heading_zh for key in BREAKDOWN_METRICS]
    assert headings == [
        "走访\n企业",
        "走访\n商协会",
        "走访\n次数",
        "签约\n项目",
        "合同投资额\n（亿元）",
        "到位资金\n（亿元）",
    ]


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "Projects signed"), ("zh_CN", "签约项目")]
)
def test_the_current_language_chooses_as_for_catalog_names(language, expected) -> None:
    from fieldlog.domain.messages import use_language

    use_language(language)  # the suite's fixture puts the language back after the test
    assert indicators.caption("projects_signed") == expected


def test_the_returns_extra_rows_follow_the_eight_and_say_their_scope() -> None:
    extras = [indicators.label(key, "zh_CN") for key in RETURN_ROWS[8:]]
    assert RETURN_ROWS[:8] == HEADLINE_METRICS
    assert extras == [
        "签约项目（考核口径）（个）",
        "合同投资额（考核口径）（亿元）",
        "到位资金（考核口径）（亿元）",
        "入库项目（个）",
        "入规项目（个）",
    ]
    assert indicators.label("assessment.contract_amount_yuan", "en") == (
        "Contract amount (assessment scope) (100M yuan)"
    )
    # Not metrics: no target, no `stats --json` key of their own beside the plain ones.
    assert not set(RETURN_ROWS[8:]) & set(METRICS)
