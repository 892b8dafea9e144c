"""The indicators of SPEC §3.5 and §4.1, named once: key, Chinese name and unit, English label.

The weekly return, `stats` on the command line, the dashboard (headline, targets, rankings) and
the targets form all name an indicator from here, so no two of them can call it differently.
The counts come from `counting.Stats`; amounts are integer yuan, shown in 亿元.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldlog.domain.messages import current_language

YI = "亿元"


@dataclass(frozen=True)
class Indicator:
    """One figure the home bureau asks for.

    `words_zh` is the Chinese name in words (走访 / 企业), where a narrow heading may break;
    `unit_zh` what a count counts (家, 个, 次), or 亿元 for an amount.
    """

    key: str
    words_zh: tuple[str, ...]
    unit_zh: str
    name_en: str

    @property
    def amount(self) -> bool:
        """Whether the figure is an amount of money (yuan, shown in 亿元) rather than a count."""
        return self.unit_zh == YI

    @property
    def name_zh(self) -> str:
        """The Chinese name alone: 走访企业."""
        return "".join(self.words_zh)

    @property
    def label_zh(self) -> str:
        """The Chinese label as the weekly return prints it, with its unit: 走访企业（家）."""
        return f"{self.name_zh}（{self.unit_zh}）"

    @property
    def label_en(self) -> str:
        """The English label; an amount says its unit: Contract amount (100M yuan)."""
        return f"{self.name_en} (100M yuan)" if self.amount else self.name_en

    @property
    def caption_zh(self) -> str:
        """The Chinese caption of a figure shown alone (a card, a target): a count needs no
        unit, an amount keeps 亿元 so nobody reads it in 万元: 走访企业, 合同投资额（亿元）."""
        return self.label_zh if self.amount else self.name_zh

    @property
    def heading_zh(self) -> str:
        """`caption_zh` in lines, broken between words, for a narrow column: 走访\\n企业."""
        lines = [*self.words_zh, f"（{YI}）"] if self.amount else list(self.words_zh)
        return "\n".join(lines)


#: Every indicator, in report order.
INDICATORS: tuple[Indicator, ...] = (
    Indicator("enterprises_visited", ("走访", "企业"), "家", "Enterprises visited"),
    Indicator("associations_visited", ("走访", "商协会"), "个", "Associations visited"),
    Indicator("visits", ("走访", "次数"), "次", "Visits"),
    Indicator("leads_new", ("新增", "线索"), "个", "New leads"),
    Indicator("projects_active", ("在谈", "项目"), "个", "Projects in negotiation"),
    Indicator("projects_signed", ("签约", "项目"), "个", "Projects signed"),
    Indicator("contract_amount_yuan", ("合同投资额",), YI, "Contract amount"),
    Indicator("funds_in_place_yuan", ("到位资金",), YI, "Funds in place"),
    Indicator("inspections", ("考察", "批次"), "次", "Inspection visits"),
)
BY_KEY: dict[str, Indicator] = {indicator.key: indicator for indicator in INDICATORS}
#: The keys (`stats --json`, targets), in report order.
METRICS: tuple[str, ...] = tuple(BY_KEY)
AMOUNT_METRICS = frozenset(i.key for i in INDICATORS if i.amount)
#: The return's rows after 到位资金: the signed figures under the team's assessment scope
#: (考核口径; keys `assessment.<figure>`, as in the `assessment` object of `stats --json`), then
#: the projects that reached 入库 and 入规 in the period. Neither a metric nor a target.
ASSESSED = "（考核口径）"
EXTRA_INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "assessment.projects_signed",
        ("签约", "项目", ASSESSED),
        "个",
        "Projects signed (assessment scope)",
    ),
    Indicator(
        "assessment.contract_amount_yuan",
        ("合同投资额", ASSESSED),
        YI,
        "Contract amount (assessment scope)",
    ),
    Indicator(
        "assessment.funds_in_place_yuan",
        ("到位资金", ASSESSED),
        YI,
        "Funds in place (assessment scope)",
    ),
    Indicator("projects_in_stats", ("入库", "项目"), "个", "Projects entered in statistics"),
    Indicator("projects_above_scale", ("入规", "项目"), "个", "Projects above designated size"),
)
EXTRA_BY_KEY: dict[str, Indicator] = {indicator.key: indicator for indicator in EXTRA_INDICATORS}
#: The assessment figures, in the order of the plain ones they stand beside.
ASSESSMENT_KEYS: tuple[str, ...] = tuple(k for k in EXTRA_BY_KEY if k.startswith("assessment."))
#: The milestone counts (入库, 入规), as `stats --json` names them.
MILESTONE_KEYS: tuple[str, ...] = ("projects_in_stats", "projects_above_scale")

#: The figures of the weekly return's indicator table and of the dashboard's headline: all but
#: the inspections, which only a target follows.
HEADLINE_METRICS: tuple[str, ...] = tuple(key for key in METRICS if key != "inspections")
#: The weekly return's indicator table: SPEC §4.1's eight rows, then the extra ones.
RETURN_ROWS: tuple[str, ...] = (*HEADLINE_METRICS, *EXTRA_BY_KEY)
#: The figures of a breakdown by work group, member or home county: the weekly return's tables
#: by group and by county, the dashboard's rankings.
BREAKDOWN_METRICS: tuple[str, ...] = (
    "enterprises_visited",
    "associations_visited",
    "visits",
    "projects_signed",
    "contract_amount_yuan",
    "funds_in_place_yuan",
)


def find(key: str) -> Indicator:
    """A metric's indicator, or one of the return's extra rows (`EXTRA_INDICATORS`)."""
    return BY_KEY.get(key) or EXTRA_BY_KEY[key]


def name(key: str, language: str | None = None) -> str:
    """The indicator's name without its unit (a chart's legend, whose axis says the unit)."""
    indicator = BY_KEY[key]
    return indicator.name_en if _english(language) else indicator.name_zh


def label(key: str, language: str | None = None) -> str:
    """The indicator's label with its unit in `language` (the current one when None)."""
    indicator = find(key)
    return indicator.label_en if _english(language) else indicator.label_zh


def caption(key: str, language: str | None = None) -> str:
    """The caption of the figure shown alone (`Indicator.caption_zh`) in `language`."""
    indicator = find(key)
    return indicator.label_en if _english(language) else indicator.caption_zh


def _english(language: str | None) -> bool:
    # As catalog display names: English when the window speaks English, else Chinese.
    return (language or current_language()) == "en"
