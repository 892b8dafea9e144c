"""This week's follow-ups drawn as one PNG page for a phone (1080 px wide): title, whose and
which days, then two lines per follow-up (when and with whom; what to do). Drawn with QPainter
onto a QImage, so it works offscreen; the words arrive as data (services/visits/week_list.py)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen

from fieldlog.services.visits.week_list import WeekList
from fieldlog.ui.brief_chart import FAMILIES

WIDTH = 1080
MARGIN = 60
HEAD = 290  # title, whose and which days
ROW = 150  # two lines and a rule per follow-up
FOOT = 120
INK, GREY, RED, RULE = QColor("#1a1a1a"), QColor("#5f6368"), QColor("#c62828"), QColor("#dadce0")
BAND = QColor("#2f5d8a")


def _font(pixels: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def height_of(page: WeekList) -> int:
    """The image's height: the head, a row per line (one for an empty week), the foot."""
    return HEAD + ROW * max(len(page.lines), 1) + FOOT


def _text(painter: QPainter, font: QFont, colour: QColor, top: int, text: str) -> None:
    painter.setFont(font)
    painter.setPen(colour)
    width = WIDTH - 2 * MARGIN
    shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(QRect(MARGIN, top, width, font.pixelSize() + 16), flags, shown)


def draw(page: WeekList) -> QImage:
    """The page as an image."""
    image = QImage(WIDTH, height_of(page), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(0, 0, WIDTH, 20, BAND)
    _text(painter, _font(64, bold=True), INK, 50, page.title)
    _text(painter, _font(34), GREY, 145, page.subtitle)
    _text(painter, _font(34), GREY, 200, page.span)
    top = HEAD
    if not page.lines:
        _text(painter, _font(42), GREY, top + 40, page.empty)
    for line in page.lines:
        _text(painter, _font(42, bold=True), RED if line.overdue else INK, top + 10,
              f"{line.when}　{line.org}")  # fmt: skip
        _text(painter, _font(36), GREY, top + 78, line.todo)
        painter.setPen(QPen(RULE, 2))
        painter.drawLine(MARGIN, top + ROW - 4, WIDTH - MARGIN, top + ROW - 4)
        top += ROW
    if page.more:
        _text(painter, _font(34), GREY, height_of(page) - FOOT + 30, page.more)
    painter.end()
    return image


def week_list_png(page: WeekList) -> bytes:
    """The page as PNG bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    draw(page).save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
