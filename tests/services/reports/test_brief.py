"""The written briefing: its text from the demo dispatch's data, and the .docx read back."""

from __future__ import annotations

import struct
import zlib
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from fieldlog.domain.money import format_yi
from fieldlog.domain.period import IsoWeek, Period
from fieldlog.domain.report_period import ReportPeriod, month_period, parse_month
from fieldlog.services.errors import InvalidInput
from fieldlog.services.reports import brief, stats
from fieldlog.services.reports.brief_docx import write_brief
from fieldlog.store.database import Database
from tests.conftest import sqlite_only

DISPATCH = ReportPeriod.dates(date(2020, 3, 23), date(2020, 4, 22))
#: The seed's first sentence (SPEC §3.7, the 2020 report).
SEED = (
    "驻点期间，工作队共走访企业346家、商协会40个，引进项目22个，合同投资额29.14亿元，"
    "到位资金4.389亿元"
)


def png(width: int = 40, height: int = 20) -> bytes:
    """A plain PNG of `width` × `height` grey pixels, made by hand (no Qt here)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def dispatch_brief(demo_copy: Database) -> brief.BriefData:
    return brief.gather(demo_copy, DISPATCH, today=date(2020, 4, 23))


def test_the_first_paragraph_of_the_demo_dispatch_carries_the_seed_figures(
    dispatch_brief: brief.BriefData,
) -> None:
    first = brief.compose(dispatch_brief).body[0]
    assert first.startswith(SEED + "。"), first


def test_the_assessment_figures_are_a_sentence_of_their_own(
    demo_copy: Database, dispatch_brief: brief.BriefData
) -> None:
    figures = stats.compute(demo_copy, DISPATCH.period).assessment
    expected = (
        f"按考核口径，计入考核的签约项目{figures.projects_signed}个，"
        f"合同投资额{format_yi(figures.contract_amount_yuan)}亿元，"
        f"到位资金{format_yi(figures.funds_in_place_yuan)}亿元。"
    )
    sentences = brief.compose(dispatch_brief).body[0].split("。")
    assert sentences[1] + "。" == expected
    assert figures.projects_signed < 22  # the demo's rules leave some out: not the plain figure


def test_each_group_paragraph_names_its_largest_signed_projects(
    dispatch_brief: brief.BriefData,
) -> None:
    body = brief.compose(dispatch_brief).body
    start = body.index(brief.HEADINGS[0])
    groups = [g for g in dispatch_brief.groups if g.has_results]
    paragraphs = body[start + 1 : start + 1 + len(groups)]
    assert sum(g.figures.projects_signed for g in dispatch_brief.groups) == 22
    for number, (group, text) in enumerate(zip(groups, paragraphs, strict=True), 1):
        assert text.startswith(f"（{brief.numeral(number)}）{group.name}。"), text
        amounts = [p.contract_yuan or 0 for p in group.projects]
        assert amounts == sorted(amounts, reverse=True)
        for project in group.projects:
            assert project.name in text and (project.investor or "") in text
        assert f"到位资金{format_yi(group.figures.funds_in_place_yuan)}亿元" in text
    # The dispatch's end has no stale project yet, but open matters (test_brief_lists.py).
    stale = body.index(brief.HEADINGS[1])
    assert body[stale : stale + 3] == (brief.HEADINGS[1], brief.NO_STALE, brief.HEADINGS[2])


def test_a_week_and_a_month_read_this_week_and_this_month(demo_copy: Database) -> None:
    week = brief.compose(brief.gather(demo_copy, ReportPeriod.week(IsoWeek(2020, 16))))
    month = brief.compose(brief.gather(demo_copy, ReportPeriod.month(parse_month("2020-04"))))
    other = brief.compose(
        brief.gather(demo_copy, ReportPeriod.dates(date(2020, 4, 1), date(2020, 4, 5)))
    )
    assert week.body[0].startswith("本周，工作队共走访企业")
    assert week.title == "铜仁市驻深招商工作队工作简报（2020年第16周）"
    assert month.body[0].startswith("本月，工作队共走访企业")
    assert month.title.endswith("（2020年4月）")
    assert other.body[0].startswith("2020年4月1日至4月5日，工作队共走访企业")


def test_months_are_read_and_refused() -> None:
    assert parse_month("2020-04") == Period(date(2020, 4, 1), date(2020, 4, 30))
    assert parse_month("2020年2月") == Period(date(2020, 2, 1), date(2020, 2, 29))
    assert month_period(date(2021, 12, 9)) == Period(date(2021, 12, 1), date(2021, 12, 31))
    for bad in ("2020-13", "2020-00", "04-2020", "1900-01", ""):
        with pytest.raises(ValueError):
            parse_month(bad)


def test_numerals() -> None:
    assert [brief.numeral(n) for n in (1, 9, 10, 11, 12, 20, 23)] == [
        "一",
        "九",
        "十",
        "十一",
        "十二",
        "二十",
        "二十三",
    ]


def test_edited_text_keeps_a_paragraph_per_line() -> None:
    composed = brief.Brief("标题", ("甲。", "一、乙"), "工作队", "2020年4月23日")
    edited = brief.with_text(composed, "  新标题 ", "甲，改过。\n\n  \n一、乙\n丙。\n")
    assert edited.title == "新标题"
    assert edited.body == ("甲，改过。", "一、乙", "丙。")
    assert brief.with_text(composed, "", "x").title == "标题"
    assert brief.with_text(composed, "t", brief.paragraphs_text(composed.body)) == brief.Brief(
        "t", composed.body, "工作队", "2020年4月23日"
    )


def _fonts(element) -> dict[str, str]:
    fonts = element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts is not None
    return {key.split("}")[1]: value for key, value in fonts.attrib.items()}


def test_the_docx_is_laid_out_as_gb_t_9704(dispatch_brief: brief.BriefData, tmp_path: Path) -> None:
    path = write_brief(brief.compose(dispatch_brief), png(), tmp_path / "简报.docx")
    document = Document(str(path))
    section = document.sections[0]
    # Word keeps lengths in twentieths of a point: whole millimetres to a tenth.
    assert [round(length.mm, 1) for length in (section.page_width, section.page_height)] == [
        210,
        297,
    ]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(length.mm, 1) for length in margins] == [37, 35, 28, 26]
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.paragraph_format.line_spacing == Pt(28.95)
    assert _fonts(normal.element)["eastAsia"] == "仿宋_GB2312"
    assert "eastAsiaTheme" not in _fonts(normal.element)
    title_style = document.styles["Brief Title"]
    assert title_style.font.size == Pt(22)
    assert _fonts(title_style.element)["eastAsia"] == "方正小标宋简体"
    assert _fonts(document.styles["Brief Heading"].element)["eastAsia"] == "黑体"
    title, first = document.paragraphs[0], document.paragraphs[1]
    assert title.text.replace("\n", "") == brief.compose(dispatch_brief).title
    assert _fonts(title.runs[0]._r)["eastAsia"] == "方正小标宋简体"
    assert first.text.startswith(SEED)
    assert all(_fonts(run._r)["eastAsia"] == "仿宋_GB2312" for run in first.runs)
    indent = first.style.element.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    assert indent.get(qn("w:firstLineChars")) == "200"
    headings = [p for p in document.paragraphs if p.style.name == "Brief Heading"]
    assert [p.text for p in headings] == list(brief.HEADINGS)
    assert _fonts(headings[0].runs[0]._r)["eastAsia"] == "黑体"
    assert len(document.inline_shapes) == 1
    elements = [p._p for p in document.paragraphs]
    pictures = [p._p for p in document.paragraphs if p._p.xpath(".//pic:pic")]
    assert elements.index(pictures[0]) == elements.index(headings[0]._p) - 1
    assert document.paragraphs[-1].text == "2020年4月23日"
    assert document.paragraphs[-2].text == "铜仁市驻深招商工作队"


def test_the_footer_numbers_pages_and_the_font_table_names_fallbacks(
    dispatch_brief: brief.BriefData, tmp_path: Path
) -> None:
    path = write_brief(brief.compose(dispatch_brief), None, tmp_path / "b.docx")
    document = Document(str(path))
    assert len(document.inline_shapes) == 0
    for footer in (document.sections[0].footer, document.sections[0].even_page_footer):
        xml = footer.paragraphs[0]._p.xml
        assert "PAGE" in xml and footer.paragraphs[0].text == "— 1 —"
    assert document.settings.odd_and_even_pages_header_footer
    table = next(
        part
        for part in document.part.package.iter_parts()
        if part.partname.endswith("fontTable.xml")
    )
    from lxml import etree

    fonts = etree.fromstring(table.blob)
    alternatives = {
        font.get(qn("w:name")): font.find(qn("w:altName")).get(qn("w:val"))
        for font in fonts.iter(qn("w:font"))
        if font.find(qn("w:altName")) is not None
    }
    assert alternatives["方正小标宋简体"] == "宋体"
    assert alternatives["仿宋_GB2312"] == "仿宋"
    assert alternatives["仿宋"] == "FangSong"


def test_an_earlier_brief_is_replaced_and_another_file_is_refused(
    demo_copy: Database, tmp_path: Path
) -> None:
    target = tmp_path / "out.docx"
    assert brief.export_brief(demo_copy, DISPATCH, out=target) == target
    first = target.read_bytes()
    assert brief.export_brief(demo_copy, ReportPeriod.week(IsoWeek(2020, 16)), out=target)
    assert target.read_bytes() != first
    notes = tmp_path / "notes.docx"
    notes.write_text("my own notes")
    with pytest.raises(InvalidInput, match="not a Word document"):
        brief.export_brief(demo_copy, DISPATCH, out=notes)
    assert notes.read_text() == "my own notes"


@sqlite_only("the database file itself as the output (a server has no file)")
def test_the_database_file_is_never_written_over(demo_copy: Database) -> None:
    assert demo_copy.path is not None
    with pytest.raises(InvalidInput, match="database itself"):
        brief.export_brief(demo_copy, DISPATCH, out=demo_copy.path)


def test_the_default_name_carries_the_team_and_the_period(
    demo_copy: Database, tmp_path: Path, dispatch_brief: brief.BriefData
) -> None:
    assert brief.default_file_name(dispatch_brief) == (
        "铜仁市驻深招商工作队工作简报_2020-03-23_2020-04-22.docx"
    )
    week = brief.gather(demo_copy, ReportPeriod.week(IsoWeek(2020, 1)))
    assert brief.default_file_name(week).endswith("_2020-W01.docx")
    written = brief.export_brief(demo_copy, DISPATCH, out=tmp_path)
    assert written == tmp_path / brief.default_file_name(dispatch_brief)


def test_the_chart_has_a_bar_pair_per_group(dispatch_brief: brief.BriefData) -> None:
    spec = brief.chart_spec(dispatch_brief)
    assert spec is not None and len(spec.categories) == 12
    contract, funds = (values for _name, values in spec.series)
    assert sum(contract) == 2_914_000_000 and sum(funds) == 438_900_000
    assert "家具灯饰" in spec.categories


def test_a_period_without_contracts_or_funds_has_no_chart(demo_copy: Database) -> None:
    july = brief.gather(
        demo_copy, ReportPeriod.month(parse_month("2020-07")), today=date(2020, 8, 1)
    )
    assert brief.chart_spec(july) is None
