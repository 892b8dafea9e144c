"""The written briefing's chart: grouped bars drawn with QPainter onto a QImage, as PNG bytes.

No widget and no window: it works offscreen, and the command line draws it under a
QGuiApplication of the offscreen platform (`ensure_gui`). Its words (title, categories, series)
arrive as data from the report, in the report's language.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QImage, QPainter, QPen

from fieldlog.domain.money import YUAN_PER_YI, format_yi
from fieldlog.services.reports.brief import ChartSpec

#: 150 mm wide in the document at about 300 dots per inch.
WIDTH, HEIGHT = 1800, 1000
#: Fonts with Chinese glyphs on Windows, macOS and Linux, in that order of preference.
FAMILIES = ["Microsoft YaHei", "SimHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"]
#: Bar colours (a muted blue and an orange that stay apart in grey print too).
COLOURS = ("#2f5d8a", "#e08a2c", "#6a9a4b", "#8a3b6b")
_MARGIN_LEFT, _MARGIN_RIGHT, _TOP, _BOTTOM = 140, 40, 150, 170


def ensure_gui() -> QGuiApplication:
    """The running Qt application, else a new one on the offscreen platform (the command line
    has no window, and may run where there is no display)."""
    running = QGuiApplication.instance()
    if isinstance(running, QGuiApplication):
        return running
    return QGuiApplication(["fieldlog", "-platform", "offscreen"])


def _font(pixels: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _step(top: int) -> int:
    """A round tick step (1, 2 or 5 × 10ⁿ yuan) giving four to eight ticks up to `top`."""
    if top <= 0:
        return YUAN_PER_YI
    raw = top / 5
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return int(factor * power)
    return int(10 * power)  # pragma: no cover - the loop always returns


def chart_png(spec: ChartSpec) -> bytes:
    """The chart of `spec` as PNG bytes."""
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        _draw(painter, spec)
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _draw(painter: QPainter, spec: ChartSpec) -> None:
    painter.setFont(_font(48, bold=True))
    painter.setPen(QColor("#222222"))
    painter.drawText(QRectF(0, 20, WIDTH, 60), Qt.AlignmentFlag.AlignCenter, spec.title)
    _legend(painter, spec)
    plot = QRectF(_MARGIN_LEFT, _TOP, WIDTH - _MARGIN_LEFT - _MARGIN_RIGHT, HEIGHT - _TOP - _BOTTOM)
    top = max((max(values, default=0) for _name, values in spec.series), default=0)
    step = _step(top)
    ceiling = max(step, math.ceil(top / step) * step)
    _axis(painter, plot, step, ceiling)
    _bars(painter, plot, spec, ceiling)


def _legend(painter: QPainter, spec: ChartSpec) -> None:
    painter.setFont(_font(34))
    metrics = QFontMetrics(painter.font())
    widths = [48 + metrics.horizontalAdvance(name) for name, _values in spec.series]
    x = (WIDTH - sum(widths) - 60 * (len(widths) - 1)) / 2
    for index, (name, _values) in enumerate(spec.series):
        painter.fillRect(QRectF(x, 93, 34, 34), QColor(COLOURS[index % len(COLOURS)]))
        painter.setPen(QColor("#222222"))
        text = QRectF(x + 48, 86, widths[index], 48)
        painter.drawText(text, Qt.AlignmentFlag.AlignVCenter, name)
        x += widths[index] + 60


def _axis(painter: QPainter, plot: QRectF, step: int, ceiling: int) -> None:
    painter.setFont(_font(32))
    for tick in range(0, ceiling + 1, step):
        y = plot.bottom() - plot.height() * tick / ceiling
        painter.setPen(QPen(QColor("#dddddd"), 2))
        painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
        painter.setPen(QColor("#444444"))
        label = QRectF(0, y - 20, plot.left() - 16, 40)
        painter.drawText(
            label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, format_yi(tick)
        )
    painter.setPen(QPen(QColor("#444444"), 3))
    painter.drawLine(int(plot.left()), int(plot.bottom()), int(plot.right()), int(plot.bottom()))


def _bars(painter: QPainter, plot: QRectF, spec: ChartSpec, ceiling: int) -> None:
    count = max(1, len(spec.categories))
    slot = plot.width() / count
    bar = slot * 0.7 / max(1, len(spec.series))
    for position, category in enumerate(spec.categories):
        left = plot.left() + slot * position + slot * 0.15
        for index, (_name, values) in enumerate(spec.series):
            value = values[position]
            height = plot.height() * value / ceiling
            box = QRectF(left + bar * index, plot.bottom() - height, bar - 4, height)
            painter.fillRect(box, QColor(COLOURS[index % len(COLOURS)]))
            if value:
                painter.setFont(_font(26))
                painter.setPen(QColor("#222222"))
                above = QRectF(box.left() - 30, box.top() - 34, box.width() + 60, 32)
                painter.drawText(above, Qt.AlignmentFlag.AlignCenter, format_yi(value))
        painter.setFont(_font(32))
        painter.setPen(QColor("#222222"))
        under = QRectF(plot.left() + slot * position, plot.bottom() + 10, slot, _BOTTOM - 20)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(under, flags, _wrapped(category))


def _wrapped(name: str, per_line: int = 4) -> str:
    """A Chinese name broken every few characters (Qt finds no word breaks inside it)."""
    return "\n".join(name[i : i + per_line] for i in range(0, len(name), per_line))
