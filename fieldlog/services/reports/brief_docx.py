"""The written briefing as a Word document laid out as GB/T 9704 lays out official documents.

A4; margins 37 mm (top), 35 mm (bottom), 28 mm (left), 26 mm (right): a 156 × 225 mm text area
of 22 lines of 28 characters (a fixed line pitch of 28.95 pt and a character grid); the title in
2号 (22 pt) 小标宋, the text in 3号 (16 pt) 仿宋 with a first-line indent of two characters,
section headings (一、) in 3号 黑体, a numbered paragraph's lead (（一）) in 楷体; page numbers
"— 1 —" in 4号 宋体 at the outer edge of the footer. Word applies an East-Asian font only from
`w:rFonts/@w:eastAsia`, which python-docx does not set, so every style and run gets it here, and
the theme fonts of the template are removed (they would win). The fonts a government office has
are named first; the font table names the usual fallback for each (`w:altName`), so Word and WPS
substitute sensibly where they are missing.
"""

from __future__ import annotations

import io
import os
import unicodedata
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION_START
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from lxml import etree

from fieldlog.services.reports.brief import HEADING, SUBHEADING, Brief
from fieldlog.store.private import new_private_file

#: (font named, its fallback, the fallback's English name) for each role.
TITLE_FONT = ("方正小标宋简体", "宋体", "SimSun")
BODY_FONT = ("仿宋_GB2312", "仿宋", "FangSong")
HEADING_FONT = ("黑体", "黑体", "SimHei")
LEAD_FONT = ("楷体_GB2312", "楷体", "KaiTi")
PAGE_NUMBER_FONT = ("宋体", "宋体", "SimSun")
TITLE_SIZE, BODY_SIZE, PAGE_NUMBER_SIZE = Pt(22), Pt(16), Pt(14)
#: 225 mm of text height / 22 lines.
LINE_PITCH = Pt(28.95)
#: 28 characters of 3号 in the 156 mm line: each character 0.25 pt closer (w:spacing, in
#: twentieths of a point). A character grid would do it in Word, but LibreOffice spreads the
#: characters of a grid over twice the width.
BODY_TRACKING = -5
CHART_WIDTH = Mm(150)
#: Word refuses a file whose properties are out of the schema's order: what follows w:lang in a
#: run's properties, and w:spacing (character spacing).
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_SPACING = (
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_fonts(element: etree._Element, font: tuple[str, str, str], size: Pt | None = None) -> None:
    """Name `font` for every script on a style's or a run's properties (`element` has rPr)."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    for name in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(name), None)
    for name in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(name), font[0])
    if size is not None:
        rpr.get_or_add_sz().val = size
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.insert_element_before(OxmlElement("w:lang"), *_AFTER_LANG)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _defaults(document: DocxDocument) -> None:
    """Document defaults and Normal: the body's font, size, line pitch and indent."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for fonts in defaults.iter(qn("w:rFonts")):
            for name in _THEME_ATTRIBUTES:
                fonts.attrib.pop(qn(name), None)
            for name in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                fonts.set(qn(name), BODY_FONT[0])
    normal = document.styles["Normal"]
    set_fonts(normal.element, BODY_FONT, BODY_SIZE)
    layout = normal.paragraph_format
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.line_spacing = LINE_PITCH
    layout.space_before = layout.space_after = Pt(0)
    layout.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _indent_chars(normal.element.get_or_add_pPr(), first=2)
    rpr = normal.element.get_or_add_rPr()
    rpr.insert_element_before(
        OxmlElement("w:spacing", {qn("w:val"): str(BODY_TRACKING)}), *_AFTER_SPACING
    )


def _indent_chars(ppr: etree._Element, *, first: int = 0, right: float = 0) -> None:
    """An indent in characters (Word keeps it a whole number of characters of the grid)."""
    ind = ppr.get_or_add_ind()  # type: ignore[attr-defined]
    ind.attrib.clear()
    ind.set(qn("w:firstLineChars"), str(first * 100))
    ind.set(qn("w:firstLine"), str(int(first * BODY_SIZE.pt * 20)))
    if right:
        ind.set(qn("w:rightChars"), str(int(right * 100)))
        ind.set(qn("w:right"), str(int(right * BODY_SIZE.pt * 20)))


def _style(
    document: DocxDocument, name: str, font: tuple[str, str, str], size: Pt
) -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    set_fonts(style.element, font, size)
    return style


def _styles(document: DocxDocument) -> None:
    title = _style(document, "Brief Title", TITLE_FONT, TITLE_SIZE)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = LINE_PITCH
    ppr = title.element.get_or_add_pPr()
    _indent_chars(ppr)
    heading = _style(document, "Brief Heading", HEADING_FONT, BODY_SIZE)
    heading.paragraph_format.keep_with_next = True
    heading.element.get_or_add_pPr().get_or_add_outlineLvl().val = 0
    signature = _style(document, "Brief Signature", BODY_FONT, BODY_SIZE)
    signature.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    picture = _style(document, "Brief Chart", BODY_FONT, BODY_SIZE)
    picture.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    picture.paragraph_format.keep_together = True
    ppr = picture.element.get_or_add_pPr()
    _indent_chars(ppr)


def _page(document: DocxDocument) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(24)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is not None:  # the template's line grid (18 pt) is not ours: no grid at all
        section._sectPr.remove(grid)


def _page_number(paragraph: Paragraph, *, outer: WD_ALIGN_PARAGRAPH) -> None:
    """— 1 —, one character in from the outer edge (right on odd pages, left on even ones)."""
    paragraph.alignment = outer
    layout = paragraph.paragraph_format
    layout.line_spacing_rule = WD_LINE_SPACING.SINGLE
    layout.first_line_indent = Pt(0)
    if outer == WD_ALIGN_PARAGRAPH.RIGHT:
        layout.right_indent = PAGE_NUMBER_SIZE
    else:
        layout.left_indent = PAGE_NUMBER_SIZE
    parts = [
        ("text", "— "),
        ("fld", "begin"),
        ("instr", " PAGE "),
        ("fld", "separate"),
        ("text", "1"),
        ("fld", "end"),
        ("text", " —"),
    ]
    for kind, value in parts:
        run = paragraph.add_run()
        set_fonts(run._r, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
        if kind == "text":
            run.text = value
        elif kind == "instr":
            run._r.append(
                parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve">{value}</w:instrText>')
            )
        else:
            run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{value}"/>'))


def _footers(document: DocxDocument) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    _page_number(section.footer.paragraphs[0], outer=WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], outer=WD_ALIGN_PARAGRAPH.LEFT)


def _font_table(document: DocxDocument) -> None:
    """Name each font with its fallback (w:altName) in word/fontTable.xml."""
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/word/fontTable.xml":
            table = etree.fromstring(part.blob)
            break
    else:  # the template always has one
        return
    for name, fallback, english in (TITLE_FONT, BODY_FONT, HEADING_FONT, LEAD_FONT):
        for font, alternative in ((name, fallback), (fallback, english)):
            if font == alternative or table.find(f"w:font[@w:name='{font}']", _NS) is not None:
                continue
            entry = etree.SubElement(table, qn("w:font"))
            entry.set(qn("w:name"), font)
            etree.SubElement(entry, qn("w:altName")).set(qn("w:val"), alternative)
            etree.SubElement(entry, qn("w:charset")).set(qn("w:val"), "86")  # GB2312
            etree.SubElement(entry, qn("w:family")).set(qn("w:val"), "modern")
            etree.SubElement(entry, qn("w:pitch")).set(qn("w:val"), "fixed")
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def _width(text: str) -> float:
    """Width in characters of 3号 text: CJK and full-width characters 1, others ½."""
    return sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def _body(document: DocxDocument, brief: Brief, chart_png: bytes | None) -> None:
    charted = chart_png is None
    for text in brief.body:
        if not charted and HEADING.match(text):
            _chart(document, chart_png or b"")
            charted = True
        if HEADING.match(text):
            _run(document.add_paragraph(style="Brief Heading"), text, HEADING_FONT)
            continue
        paragraph = document.add_paragraph(style="Normal")
        lead = SUBHEADING.match(text)
        if lead:
            _run(paragraph, lead.group(0), LEAD_FONT)
            text = text[lead.end() :]
        _run(paragraph, text, BODY_FONT)
    if not charted:
        _chart(document, chart_png or b"")


def _chart(document: DocxDocument, png: bytes) -> None:
    document.add_paragraph(style="Brief Chart").add_run().add_picture(
        io.BytesIO(png), width=CHART_WIDTH
    )


def _run(paragraph: Paragraph, text: str, font: tuple[str, str, str]) -> None:
    if text:
        set_fonts(paragraph.add_run(text)._r, font)


def _signature(document: DocxDocument, brief: Brief) -> None:
    """署名 centred over 成文日期, which stands four characters in from the right."""
    if document.paragraphs:  # the signature never stands alone on the last page
        document.paragraphs[-1].paragraph_format.keep_with_next = True
    date_width, name_width = _width(brief.dated), _width(brief.signature)
    name = document.add_paragraph(style="Brief Signature")
    name.paragraph_format.space_before = LINE_PITCH
    _indent_chars(name._p.get_or_add_pPr(), right=max(0.0, 4 + (date_width - name_width) / 2))
    name.paragraph_format.keep_with_next = True
    _run(name, brief.signature, BODY_FONT)
    dated = document.add_paragraph(style="Brief Signature")
    _indent_chars(dated._p.get_or_add_pPr(), right=4)
    _run(dated, brief.dated, BODY_FONT)


def build_document(brief: Brief, chart_png: bytes | None) -> DocxDocument:
    """The briefing as a python-docx Document."""
    document = Document()
    _without_thumbnail(document)
    _defaults(document)
    _styles(document)
    _page(document)
    _footers(document)
    _font_table(document)
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = (
        brief.title,
        brief.signature,
        brief.signature,
    )
    properties.comments = properties.subject = properties.keywords = ""
    _run(document.add_paragraph(style="Brief Title"), _title_lines(brief.title), TITLE_FONT)
    _body(document, brief, chart_png)
    if brief.signature or brief.dated:
        _signature(document, brief)
    return document


def _title_lines(title: str) -> str:
    """A title longer than a line (20 characters of 2号) breaks before its closing bracket."""
    cut = title.rfind("（")
    return title if _width(title) <= 20 or cut <= 0 else f"{title[:cut]}\n{title[cut:]}"


def _without_thumbnail(document: DocxDocument) -> None:
    """The template's preview picture would show an empty page in file managers."""
    package = document.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype == RT.THUMBNAIL:
            del package.rels[key]


def write_brief(brief: Brief, chart_png: bytes | None, path: Path) -> Path:
    """Write the briefing to `path` through a temporary file, so a failure leaves no half file
    (OSError passes to the caller, which tells the user)."""
    document = build_document(brief, chart_png)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        new_private_file(temporary, replace=True)  # investors' names: its user's only
        with temporary.open("wb") as handle:
            document.save(handle)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path
