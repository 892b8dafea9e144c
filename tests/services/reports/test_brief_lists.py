"""The briefing's 预警项目 and 需协调解决事项 on the demo: named with their days, owners and
deadlines, as of the period's end, and capped when long."""

from __future__ import annotations

from datetime import date

from fieldlog.domain.report_period import ReportPeriod, parse_month
from fieldlog.domain.stages import Stage
from fieldlog.services.projects import coordination as coord
from fieldlog.services.reports import brief, brief_lists, warnings
from fieldlog.store.database import Database
from tests.services.reports.warning_records import Made, insert

DISPATCH = ReportPeriod.dates(date(2020, 3, 23), date(2020, 4, 22))
JULY = ReportPeriod.month(parse_month("2020-07"))
JULY_END = date(2020, 7, 31)


def section(body: tuple[str, ...], heading: str) -> list[str]:
    """The paragraphs under `heading`, up to the next heading (or the end)."""
    start = body.index(heading) + 1
    rest = body[start:]
    ends = [i for i, text in enumerate(rest) if brief.HEADING.match(text)]
    return list(rest[: ends[0]] if ends else rest)


def test_stale_projects_are_named_by_colour_with_their_days(demo_copy: Database) -> None:
    rows = warnings.stale_projects(demo_copy, JULY_END)
    assert len(rows) > brief_lists.MAX_NAMED  # the demo's July: the cap is exercised
    body = brief.compose(brief.gather(demo_copy, JULY)).body
    lines = section(body, brief.HEADINGS[1])
    colours = {row.colour for row in rows}
    assert colours == {"red"}  # the demo's July: all red, said once
    assert lines[0] == f"截至2020年7月31日，共有预警项目{len(rows)}个，均为红色预警。"
    for label, colour in (("建议退库", "retire"), ("红色预警", "red"), ("黄色预警", "yellow")):
        found = [row for row in rows if row.colour == colour]
        line = next((text for text in lines if text.startswith(label)), None)
        if not found:
            assert line is None and label not in lines[0]
            continue
        assert line is not None and line.startswith(f"{label}{len(found)}个：")
        for row in found[: brief_lists.MAX_NAMED]:
            assert f"{row.name}（{row.investor_name}，{row.idle_days}天无进展）" in line
        for row in found[brief_lists.MAX_NAMED :]:
            assert row.name not in line
        if len(found) > brief_lists.MAX_NAMED:
            assert line.endswith(f"等{len(found)}个。")
    # A project's days are counted to the month's end, not to today.
    first = rows[0]
    assert first.idle_days == (JULY_END - first.last_activity).days
    assert "金隆智慧城市运营中心项目（广东金隆信息技术集团有限公司，119天无进展）" in lines[1]


def test_open_matters_carry_owner_deadline_and_days_overdue(demo_copy: Database) -> None:
    body = brief.compose(brief.gather(demo_copy, DISPATCH, today=date(2020, 4, 23))).body
    lines = section(body, brief.HEADINGS[2])
    matters = coord.open_matters(demo_copy, date(2020, 4, 22))
    overdue = [m for m in matters if m.days_overdue]
    assert 0 < len(overdue) < len(matters)  # both kinds on the demo's dispatch end
    assert (
        lines[0]
        == f"截至2020年4月22日，尚未办结的需协调事项{len(matters)}项，其中已逾期{len(overdue)}项。"
    )
    assert len(lines) == 1 + len(matters)
    for number, (matter, line) in enumerate(zip(matters, lines[1:], strict=True), 1):
        assert line.startswith(f"{number}.{matter.project}：")
        assert f"责任单位{matter.owner}" in line
        assert matter.due_on is not None
        assert f"限{matter.due_on.month}月{matter.due_on.day}日前办结" in line
        assert (f"已逾期{matter.days_overdue}天" in line) == bool(matter.days_overdue)
    assert (
        "3.利隆锰酸锂正极材料项目：环评批复进度较慢，需协调加快审批，责任单位铜仁市生态环境局，"
        "限4月10日前办结，已逾期12天。"
    ) in lines


def test_a_matter_resolved_by_the_period_end_is_left_out(demo_copy: Database) -> None:
    matters = coord.open_matters(demo_copy, date(2020, 4, 22))
    coord.resolve_matter(demo_copy, matters[0].id, on=date(2020, 4, 20))
    lines = brief.coordination_matter_lines(demo_copy, DISPATCH, today=date(2020, 4, 23))
    assert not any(matters[0].project in line for line in lines)
    assert lines[0].startswith(f"截至2020年4月22日，尚未办结的需协调事项{len(matters) - 1}项")
    for matter in matters[1:]:
        coord.resolve_matter(demo_copy, matter.id, on=date(2020, 4, 20))
    body = brief.compose(brief.gather(demo_copy, DISPATCH, today=date(2020, 4, 23))).body
    assert section(body, brief.HEADINGS[2]) == [brief.NO_MATTERS]


def test_a_long_list_of_matters_names_the_first_and_counts_the_rest(demo_copy: Database) -> None:
    project = coord.open_matters(demo_copy, JULY_END)[0].project_id
    for day in range(1, 12):
        coord.add_matter(
            demo_copy, project, coord.MatterInput(f"事项{day}", "", date(2020, 7, day))
        )
    matters = coord.open_matters(demo_copy, JULY_END)
    lines = brief.coordination_matter_lines(demo_copy, JULY)
    assert len(lines) == 1 + brief_lists.MAX_MATTERS + 1
    extra = len(matters) - brief_lists.MAX_MATTERS
    assert lines[-1] == f"另有{extra}项未列出，共{len(matters)}项。"
    assert any(
        line.endswith("：事项1，责任单位待明确，限7月1日前办结，已逾期30天。") for line in lines
    )


def test_undated_matters_and_a_running_period_read_plainly(demo_copy: Database) -> None:
    project = coord.open_matters(demo_copy, JULY_END)[0].project_id
    coord.add_matter(demo_copy, project, coord.MatterInput("协调电力增容。", "铜仁供电局"))
    lines = brief.coordination_matter_lines(demo_copy, JULY)
    assert lines[-1].endswith("：协调电力增容，责任单位铜仁供电局，暂未明确办结时限。")
    # A period still running is judged on today, not on its end.
    assert brief_lists.judged_on(JULY, date(2020, 7, 10)) == date(2020, 7, 10)
    assert brief_lists.judged_on(JULY, date(2021, 1, 1)) == JULY_END
    early = brief.stale_project_lines(demo_copy, JULY, today=date(2020, 7, 10))
    assert early[0].startswith("截至2020年7月10日")


def test_several_colours_are_counted_then_listed_worst_first(demo_copy: Database) -> None:
    day = date(2020, 10, 12)
    rows = warnings.stale_projects(demo_copy, day)
    retire = [row for row in rows if row.colour == "retire"]
    red = [row for row in rows if row.colour == "red"]
    assert retire and red and len(retire) + len(red) == len(rows)
    when = ReportPeriod.dates(date(2020, 10, 1), day)
    lines = brief.stale_project_lines(demo_copy, when)
    assert lines[0] == (
        f"截至2020年10月12日，共有预警项目{len(rows)}个，"
        f"其中建议退库{len(retire)}个、红色预警{len(red)}个。"
    )
    assert lines[1].startswith(f"建议退库{len(retire)}个：{retire[0].name}（")
    assert lines[2].startswith(f"红色预警{len(red)}个：{red[0].name}（")
    assert len(lines) == 3  # no late lead on the demo then


def test_leads_answered_late_follow_the_stale_projects(demo_copy: Database) -> None:
    day = date(2020, 6, 20)
    with demo_copy.begin() as session:
        insert(session, Made([(date(2020, 6, 10), Stage.LEAD)], name="迟复测试线索项目"))
    late = warnings.late_leads(demo_copy, day)
    assert [lead.name for lead in late] == ["迟复测试线索项目"]
    lines = brief.stale_project_lines(demo_copy, ReportPeriod.dates(date(2020, 6, 1), day))
    assert lines[-1] == "迟复线索1个：迟复测试线索项目（迟复测试线索项目投资方，6月10日录入）。"
