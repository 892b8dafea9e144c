"""The briefing's chart: bars drawn to scale, as PNG bytes, with no window."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QImage

from fieldlog.services.reports.brief import ChartSpec
from fieldlog.ui.brief_chart import COLOURS, HEIGHT, WIDTH, chart_png, ensure_gui


def _bar_heights(image: QImage, colour: str) -> list[int]:
    """The height in pixels of each run of columns painted `colour` below the title and legend
    (the top 150 pixels), left to right."""
    wanted = QColor(colour).rgb()
    heights: list[int] = []
    inside = False
    for x in range(image.width()):
        column = sum(1 for y in range(150, image.height()) if image.pixel(x, y) == wanted)
        if column > 40 and not inside:
            heights.append(column)
        elif column > 40:
            heights[-1] = max(heights[-1], column)
        inside = column > 40
    return heights


def test_bars_are_drawn_to_scale(qapp: QGuiApplication) -> None:
    spec = ChartSpec(
        "合同投资额（亿元）",
        ("甲组", "乙组", "丙组"),
        (("合同投资额", (100_000_000, 300_000_000, 0)), ("到位资金", (0, 150_000_000, 0))),
    )
    image = QImage.fromData(chart_png(spec), "PNG")
    assert (image.width(), image.height()) == (WIDTH, HEIGHT)
    first, second = _bar_heights(image, COLOURS[0])
    assert abs(second - 3 * first) <= 6, (first, second)
    (funds,) = _bar_heights(image, COLOURS[1])
    assert abs(2 * funds - second) <= 6, (funds, second)


def test_an_empty_chart_still_draws(qapp: QGuiApplication) -> None:
    spec = ChartSpec("无数据", ("甲组",), (("合同投资额", (0,)),))
    image = QImage.fromData(chart_png(spec), "PNG")
    assert not image.isNull() and _bar_heights(image, COLOURS[0]) == []


def test_the_running_application_is_used(qapp: QGuiApplication) -> None:
    assert ensure_gui() is qapp
