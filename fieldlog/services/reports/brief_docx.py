"""The written briefing as a Word document laid out as GB/T 9704 lays out official documents.

A4; margins 37 mm (top), 35 mm (bottom), 28 mm (left), 26 mm (right): a 156 × 225 mm text
area of 22 lines of 28 characters (a fixed line pitch of 28.95 pt, characters 0.25 pt
closer); the title in 2号 (22 pt) 小标宋; the text in 3号 (16 pt) 仿宋, its first line
indented two characters; section headings (一、) in 3号 黑体; a numbered paragraph's
lead (（一）) in 楷体; page numbers "— 1 —" in 4号 宋体 at the outer edge of the
footer. Fonts, styles and the font table's fallbacks: `docx_style`.
"""

from __future__ import annotations

import io
import os
import unicodedata
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION_START
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from fieldlog.services.reports.brief import HEADING, SUBHEADING, Brief
from fieldlog.services.reports.docx_style import (
    BODY_FONT,
    HEADING_FONT,
    LEAD_FONT,
    LINE_PITCH,
    PAGE_NUMBER_FONT,
    PAGE_NUMBER_SIZE,
    TITLE_FONT,
    add_styles,
    indent_chars,
    name_fallbacks,
    set_defaults,
    set_fonts,
)
from fieldlog.store.private import new_private_file

CHART_WIDTH = Mm(150)


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
    indent_chars(name._p.get_or_add_pPr(), right=max(0.0, 4 + (date_width - name_width) / 2))
    name.paragraph_format.keep_with_next = True
    _run(name, brief.signature, BODY_FONT)
    dated = document.add_paragraph(style="Brief Signature")
    indent_chars(dated._p.get_or_add_pPr(), right=4)
    _run(dated, brief.dated, BODY_FONT)


def build_document(brief: Brief, chart_png: bytes | None) -> DocxDocument:
    """The briefing as a python-docx Document."""
    document = Document()
    _without_thumbnail(document)
    set_defaults(document)
    add_styles(document)
    _page(document)
    _footers(document)
    name_fallbacks(document)
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
