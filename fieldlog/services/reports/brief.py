"""The written briefing (工作简报): its text, in the register of a bureau report, from the data of
a period.

Every figure comes from `stats.compute` (the team) and `stats.compute_each` (each work group),
amounts are written by `domain.money`; nothing is counted here. The text is plain data
(`Brief`: a title, paragraphs, the signature and the date) that the team leader may edit before
`brief_docx` lays it out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from fieldlog.domain.counting import Stats
from fieldlog.domain.messages import msg
from fieldlog.domain.money import format_yi
from fieldlog.domain.period import Period
from fieldlog.domain.report_period import ReportPeriod, chinese_date
from fieldlog.services.errors import InvalidInput
from fieldlog.services.file_guard import Kind, guard_output
from fieldlog.services.reports import brief_lists, stats
from fieldlog.services.reports.report_sheets import safe_file_name
from fieldlog.store.database import Database
from fieldlog.store.repositories.brief_rows import SignedProject, brief_team, signed_projects
from fieldlog.store.repositories.report_rows import work_groups

#: How many of a group's signed projects its paragraph names (the largest).
TOP_PROJECTS = 3
HEADINGS = ("一、各工作组工作亮点", "二、预警项目", "三、需协调解决事项")
NO_STALE = "目前暂无预警项目。"
NO_MATTERS = "目前暂无需协调解决的事项。"
_NUMERALS = "一二三四五六七八九"
#: A section heading (一、…) and a numbered paragraph's lead (（一）…。), as the layout finds them.
HEADING = re.compile(r"[一二三四五六七八九十]+、")
SUBHEADING = re.compile(r"（[一二三四五六七八九十]+）[^。；]*[。；]?")
_GROUP_SUFFIXES = ("产业招商工作组", "产业招商组", "招商工作组", "工作组")


@dataclass(frozen=True)
class GroupHighlights:
    """A work group's figures for the period and its largest projects signed in it."""

    name: str
    figures: Stats
    projects: tuple[SignedProject, ...]

    @property
    def has_results(self) -> bool:
        """Whether it signed anything or received funds in the period."""
        return bool(self.figures.projects_signed or self.figures.funds_in_place_yuan)


@dataclass(frozen=True)
class BriefData:
    """Everything the briefing says, read in one go."""

    team_name: str
    when: ReportPeriod
    dispatch: Period | None
    figures: Stats
    groups: tuple[GroupHighlights, ...]
    stale_lines: tuple[str, ...]
    matter_lines: tuple[str, ...]
    dated: date


@dataclass(frozen=True)
class Brief:
    """The briefing as written: title, paragraphs (headings among them), signature, date."""

    title: str
    body: tuple[str, ...]
    signature: str
    dated: str


@dataclass(frozen=True)
class ChartSpec:
    """A grouped bar chart: one bar per series for each category, amounts in yuan."""

    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]
    unit: str = "亿元"


def stale_project_lines(db: Database, when: ReportPeriod, today: date | None = None) -> list[str]:
    """预警项目 as of the period's end (today when it ends later): a summary, the projects of
    each colour with their investor and days without progress, the leads answered late."""
    return brief_lists.stale_lines(db, brief_lists.judged_on(when, today))


def coordination_matter_lines(
    db: Database, when: ReportPeriod, today: date | None = None
) -> list[str]:
    """需协调解决事项 open at the period's end (today when it ends later), each with its owner,
    deadline and days overdue, the overdue first."""
    return brief_lists.matter_lines(db, brief_lists.judged_on(when, today))


def gather(db: Database, when: ReportPeriod, *, today: date | None = None) -> BriefData:
    """The data of the briefing of `when`, read in one snapshot."""
    with db.read() as session:
        team = brief_team(session)
        groups = work_groups(session)
        signed = signed_projects(session, when.period)
        figures = stats.compute(db, when.period)
        each = stats.compute_each(db, when.period, "group", [g.id for g in groups])
    dispatch = None
    if team is not None and team.dispatch_start and team.dispatch_end:
        dispatch = Period(team.dispatch_start, team.dispatch_end)
    highlights = tuple(
        GroupHighlights(
            group.name,
            each[group.id],
            tuple(p for p in signed if p.group_id == group.id)[:TOP_PROJECTS],
        )
        for group in groups
    )
    return BriefData(
        team_name=team.name if team else "",
        when=when,
        dispatch=dispatch,
        figures=figures,
        groups=highlights,
        stale_lines=tuple(stale_project_lines(db, when, today)),
        matter_lines=tuple(coordination_matter_lines(db, when, today)),
        dated=today or date.today(),
    )


def _yi(yuan: int) -> str:
    return f"{format_yi(yuan)}亿元"


def figures_paragraph(data: BriefData) -> str:
    """The opening: the five figures of the period, then the assessment scope's in a sentence of
    their own."""
    s, a = data.figures, data.figures.assessment
    return (
        f"{data.when.opening(data.dispatch)}，工作队共走访企业{s.enterprises_visited}家、"
        f"商协会{s.associations_visited}个，引进项目{s.projects_signed}个，"
        f"合同投资额{_yi(s.contract_amount_yuan)}，到位资金{_yi(s.funds_in_place_yuan)}。"
        f"按考核口径，计入考核的签约项目{a.projects_signed}个，"
        f"合同投资额{_yi(a.contract_amount_yuan)}，到位资金{_yi(a.funds_in_place_yuan)}。"
    )


def _period_word(when: ReportPeriod) -> str:
    return {"week": "本周", "month": "本月"}.get(when.span, "期间")


def activity_paragraph(data: BriefData) -> str:
    """Visits, new leads, inspections, and the projects in negotiation at the period's end."""
    s = data.figures
    return (
        f"{_period_word(data.when)}共开展走访{s.visits}次，新增项目线索{s.leads_new}个，"
        f"组织考察{s.inspections}批次；截至{chinese_date(data.when.end)}，"
        f"在谈项目{s.projects_active}个。"
    )


def numeral(number: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (numbered paragraphs of an official text)."""
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else f"{_NUMERALS[tens - 1]}十")
    return head + (_NUMERALS[units - 1] if units else "")


def _project(project: SignedProject) -> str:
    details = [d for d in (project.investor, project.contract_yuan) if d is not None]
    shown = "，".join(_yi(d) if isinstance(d, int) else d for d in details)
    return f"{project.name}（{shown}）" if shown else project.name


def group_paragraphs(data: BriefData) -> list[str]:
    """One paragraph per work group with results, then one naming the groups without."""
    word = {"week": "本周", "month": "本月"}.get(data.when.span, "")
    lines: list[str] = []
    quiet: list[str] = []
    for group in data.groups:
        if not group.has_results:
            quiet.append(group.name)
            continue
        f = group.figures
        line = f"（{numeral(len(lines) + 1)}）{group.name}。{word}"
        if f.projects_signed:
            line += f"引进项目{f.projects_signed}个，合同投资额{_yi(f.contract_amount_yuan)}，"
        line += f"到位资金{_yi(f.funds_in_place_yuan)}。"
        if group.projects:
            line += "主要签约项目：" + "；".join(_project(p) for p in group.projects) + "。"
        lines.append(line)
    if quiet:
        lines.append(f"{'、'.join(quiet)}{word}暂无新签约项目和到位资金。")
    return lines


def compose(data: BriefData) -> Brief:
    """The briefing's text from its data."""
    body = [
        figures_paragraph(data),
        activity_paragraph(data),
        HEADINGS[0],
        *group_paragraphs(data),
        HEADINGS[1],
        *(data.stale_lines or (NO_STALE,)),
        HEADINGS[2],
        *(data.matter_lines or (NO_MATTERS,)),
    ]
    return Brief(
        title=f"{data.team_name}工作简报（{data.when.label()}）",
        body=tuple(body),
        signature=data.team_name,
        dated=chinese_date(data.dated),
    )


def with_text(brief: Brief, title: str, text: str) -> Brief:
    """`brief` with the title and paragraphs the user edited (a paragraph per non-blank line)."""
    lines = tuple(line.strip() for line in text.splitlines() if line.strip())
    return replace(brief, title=title.strip() or brief.title, body=lines)


def short_group_name(name: str) -> str:
    """A group's name without its common ending (家具灯饰产业招商组 → 家具灯饰), for a chart."""
    for suffix in _GROUP_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name.removesuffix(suffix)
    return name


def chart_spec(data: BriefData) -> ChartSpec | None:
    """Contract amount and funds in place per work group; None when the team has no groups or
    the period has neither (an empty chart says nothing the first paragraph does not)."""
    if not any(
        g.figures.contract_amount_yuan or g.figures.funds_in_place_yuan for g in data.groups
    ):
        return None
    return ChartSpec(
        title="各工作组合同投资额与到位资金（亿元）",
        categories=tuple(short_group_name(g.name) for g in data.groups),
        series=(
            ("合同投资额", tuple(g.figures.contract_amount_yuan for g in data.groups)),
            ("到位资金", tuple(g.figures.funds_in_place_yuan for g in data.groups)),
        ),
    )


def default_file_name(data: BriefData) -> str:
    """{team}工作简报_2020-W16.docx, _2020-04.docx or _2020-03-23_2020-04-22.docx."""
    when = data.when
    if when.span == "week":
        span = f"{when.start.isocalendar().year}-W{when.start.isocalendar().week:02d}"
    elif when.span == "month":
        span = f"{when.start.year:04d}-{when.start.month:02d}"
    else:
        span = f"{when.start.isoformat()}_{when.end.isoformat()}"
    return f"{safe_file_name(f'{data.team_name}工作简报_{span}')}.docx"


def output_path(db: Database, out: Path | str | None, data: BriefData) -> Path:
    """Where to write: `out`, the default name in `out` when it is a folder or in the current
    folder when it is None; refused (InvalidInput) over the database or a file of another kind."""
    chosen = Path.cwd() if out is None else Path(out).expanduser()
    chosen = chosen / default_file_name(data) if chosen.is_dir() else chosen
    if not chosen.parent.is_dir():  # else the writer's error would name its temporary file
        raise InvalidInput(
            msg(
                "report.no_such_folder",
                "the folder {folder} does not exist; choose a folder that does",
                folder=str(chosen.parent),
            )
        )
    return guard_output(chosen, Kind.DOCUMENT, db.path)


def export_brief(
    db: Database,
    when: ReportPeriod,
    *,
    out: Path | str | None = None,
    chart: Callable[[ChartSpec], bytes] | None = None,
    today: date | None = None,
) -> Path:
    """Write the briefing of `when` as generated (the command line); returns the file written."""
    from fieldlog.services.reports.brief_docx import write_brief

    data = gather(db, when, today=today)
    path = output_path(db, out, data)
    spec = chart_spec(data)
    image = chart(spec) if chart is not None and spec is not None else None
    return write_brief(compose(data), image, path)


def paragraphs_text(body: Sequence[str]) -> str:
    """The paragraphs as the text box shows them: one per line, a blank line between (which
    `with_text` leaves out)."""
    return "\n\n".join(body)
