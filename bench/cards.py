"""Synthetic business cards (名片), and how well the card reader reads them.

    python bench/cards.py [-n 100] [--seed 1] [--keep FOLDER]

Renders N cards with Qt (QPainter on a QImage, offscreen): Chinese names (compound surnames
among them), titles, companies, mobile numbers written 138 0013 8000 / 138-0013-8000 /
+86 13800138000, landlines with area codes and extensions, emails, an address and a slogan, in
the CJK fonts the machine has, at varied sizes, some slightly rotated and with noise. Then reads
each with the OCR engine (`pip install "fieldlog[cards]"`) and prints one JSON object: the rate
of exactly-right fields (name, mobile, name and mobile together, each field) and the seconds per
card. tests/services/orgs/test_card_engine.py renders a small set the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡"
COMPOUND = ("欧阳", "司马", "上官", "诸葛", "慕容", "司徒", "东方", "夏侯")
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红文辉俊鹏飞云海波宇浩然欣怡"
TITLES = (
    "总经理", "董事长", "招商总监", "副总裁", "经理", "主任", "销售经理", "副总经理",
    "董事长兼总经理", "市场部经理", "秘书长", "常务副会长", "项目经理", "投资总监",
)  # fmt: skip
PLACES = ("深圳市", "广州市", "东莞市", "上海", "北京", "贵州", "佛山市", "杭州")
TRADES = ("华信", "德润", "鼎盛", "恒达", "金桥", "新锐", "天和", "博远", "中科", "瑞丰", "汇通")
TRADES_2 = ("", "智能", "科技", "物流", "电子", "新材料", "医药", "建设", "实业")
FORMS = ("有限公司", "股份有限公司", "集团有限公司", "集团")
ASSOCIATIONS = ("贵州商会", "铜仁商会", "湖南商会", "电子行业协会", "物流协会")
SLOGANS = ("诚信 创新 共赢", "专注品质 服务全球", "让物流更简单", "携手共创未来")
STREETS = ("深南大道", "科技园路", "天河路", "滨海大道", "中山路")
DOMAINS = ("163.com", "qq.com", "126.com", "sina.com", "foxmail.com")


@dataclass(frozen=True)
class Card:
    """What a synthetic card says (the expected proposal) and the lines printed on it."""

    name: str
    title: str
    mobile: str
    phone: str
    email: str
    company: str
    printed_mobile: str
    printed_phone: str
    address: str
    slogan: str

    def expected(self) -> dict[str, str]:
        fields = ("name", "title", "mobile", "phone", "email", "company")
        return {key: getattr(self, key) for key in fields}


def make_cards(count: int, seed: int) -> list[Card]:
    """`count` cards, the same for the same seed."""
    rng = random.Random(seed)
    return [_card(rng) for _ in range(count)]


def _card(rng: random.Random) -> Card:
    surname = rng.choice(COMPOUND) if rng.random() < 0.2 else rng.choice(SURNAMES)
    name = surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    mobile = rng.choice("3589") + "".join(rng.choice("0123456789") for _ in range(9))
    mobile = "1" + mobile
    printed_mobile = rng.choice(
        (
            f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}",
            f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}",
            f"+86 {mobile}",
            mobile,
        )
    )
    area = rng.choice(("0755", "020", "0769", "021", "010", "0856"))
    number = "".join(rng.choice("23456789") for _ in range(8))
    extension = rng.choice(("", "", "", str(rng.randint(100, 999))))
    phone = f"{area}-{number}" + (f"-{extension}" if extension else "")
    printed_phone = f"{area}-{number[:4]} {number[4:]}" + (f" 转 {extension}" if extension else "")
    place = rng.choice(PLACES)
    if rng.random() < 0.2:
        company = place + rng.choice(ASSOCIATIONS)
    else:
        company = place + rng.choice(TRADES) + rng.choice(TRADES_2) + rng.choice(FORMS)
    user = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 8)))
    email = f"{user}{rng.randint(1, 99)}@{rng.choice(DOMAINS)}"
    address = f"地址：{place}{rng.choice(STREETS)}{rng.randint(1, 3000)}号"
    return Card(
        name,
        rng.choice(TITLES),
        mobile,
        phone,
        email,
        company,
        printed_mobile,
        printed_phone,
        address,
        rng.choice(SLOGANS),
    )


def render(card: Card, path: Path, rng: random.Random) -> None:
    """Draw `card` as a 1050×600 photo-like PNG at `path` (needs a QGuiApplication)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter

    families = [f for f in QFontDatabase.families() if "CJK SC" in f] or ["Sans"]
    image = QImage(1050, 600, QImage.Format.Format_RGB32)
    image.fill(QColor(rng.randint(235, 255), rng.randint(235, 255), rng.randint(225, 255)))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(525, 300)
    painter.rotate(rng.uniform(-3.0, 3.0))
    painter.translate(-525, -300)
    family = rng.choice(families)

    def write(text: str, x: float, y: float, size: int, bold: bool = False) -> None:
        font = QFont(family, size)
        font.setBold(bold)
        painter.setFont(font)
        painter.drawText(QPointF(x, y), text)

    painter.setPen(QColor(20, 40, 90))
    write(card.company, 60, 90, rng.randint(24, 30), bold=True)
    write(card.slogan, 60, 135, 16)
    painter.setPen(QColor(10, 10, 10))
    spaced = " ".join(card.name) if len(card.name) == 2 and rng.random() < 0.5 else card.name
    write(spaced, 60, 250, rng.randint(40, 52), bold=True)
    write(card.title, 60 + 70 * len(spaced), 250, rng.randint(20, 26))
    labels = rng.choice((("手机：", "电话：", "邮箱："), ("M：", "T：", "E："), ("", "Tel ", "")))
    lines = (
        labels[0] + card.printed_mobile,
        labels[1] + card.printed_phone,
        labels[2] + card.email,
        card.address,
    )
    size = rng.randint(20, 24)
    for row, text in enumerate(lines):
        write(text, 60, 350 + row * (size + 26), size)
    painter.end()
    if rng.random() < 0.5:
        _add_noise(image, rng)
    image.save(str(path))


def _add_noise(image: object, rng: random.Random) -> None:
    from PySide6.QtGui import QColor, QImage

    assert isinstance(image, QImage)
    for _ in range(3000):
        x, y = rng.randrange(image.width()), rng.randrange(image.height())
        shade = rng.randint(120, 220)
        image.setPixelColor(x, y, QColor(shade, shade, shade))


def render_set(count: int, seed: int, folder: Path) -> list[tuple[Card, Path]]:
    """Render `count` cards into `folder`; each card with its file."""
    # A QApplication, not a QGuiApplication: a test process may build widgets after this.
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    rng = random.Random(seed + 1)
    made = []
    for index, card in enumerate(make_cards(count, seed)):
        path = folder / f"card_{index:03}.png"
        render(card, path, rng)
        made.append((card, path))
    return made


def score(results: list[tuple[Card, dict[str, str]]]) -> dict[str, float]:
    """The share of cards with each field exactly right, and with name and mobile both right."""
    total = len(results) or 1
    keys = ("name", "title", "mobile", "phone", "email", "company")
    rates = {
        key: sum(card.expected()[key] == read[key] for card, read in results) / total
        for key in keys
    }
    both = sum(
        card.name == read["name"] and card.mobile == read["mobile"] for card, read in results
    )
    rates["name_and_mobile"] = both / total
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the rendered cards in this folder")
    args = parser.parse_args()
    from fieldlog.domain.card_fields import read_fields
    from fieldlog.services.orgs.card_ocr import recognise

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        made = render_set(args.n, args.seed, folder)
        recognise(made[0][1])  # the first call loads the models: not a card's time
        results, misses = [], []
        started = time.perf_counter()
        for card, path in made:
            read = read_fields(recognise(path)).as_dict()
            results.append((card, read))
            if read != card.expected():
                misses.append({"file": path.name, "expected": card.expected(), "read": read})
        elapsed = time.perf_counter() - started
    report = {
        "cards": args.n,
        "seed": args.seed,
        "rates": {key: round(value, 3) for key, value in score(results).items()},
        "seconds_per_card": round(elapsed / args.n, 3),
        "misses": misses[:10],
    }
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
