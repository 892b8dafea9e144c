"""The styles of a Chinese official document (GB/T 9704) in a python-docx Document: fonts for
every script, sizes, the fixed line pitch, indents in characters, and the font table's fallbacks.

Word applies an East-Asian font only from `w:rFonts/@w:eastAsia`, which python-docx does not set,
so every style and run gets it here, and the template's theme fonts are removed (they would win).
The fonts a government office has are named first; the font table names the usual fallback for
each (`w:altName`), so Word and WPS substitute sensibly where they are missing.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.styles.style import ParagraphStyle
from lxml import etree

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


def set_defaults(document: DocxDocument) -> None:
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
    indent_chars(normal.element.get_or_add_pPr(), first=2)
    rpr = normal.element.get_or_add_rPr()
    rpr.insert_element_before(
        OxmlElement("w:spacing", {qn("w:val"): str(BODY_TRACKING)}), *_AFTER_SPACING
    )


def indent_chars(ppr: etree._Element, *, first: int = 0, right: float = 0) -> None:
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


def add_styles(document: DocxDocument) -> None:
    title = _style(document, "Brief Title", TITLE_FONT, TITLE_SIZE)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = LINE_PITCH
    ppr = title.element.get_or_add_pPr()
    indent_chars(ppr)
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
    indent_chars(ppr)


def name_fallbacks(document: DocxDocument) -> None:
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
