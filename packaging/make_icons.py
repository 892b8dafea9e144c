"""Render the application icon's PNG sizes and the Windows .ico from resources/icons/fieldlog.svg.

    python packaging/make_icons.py

The generated files are committed (the app and the bundle never render SVG, so neither needs
QtSvg at run time); run this again after changing the SVG. The .ico holds PNG images, which every
Windows since Vista reads, so no imaging library beyond Qt is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "fieldlog.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: Windows shows 16–256 pixels; 256 is the largest size an .ico entry can describe.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_name(size: int) -> str:
    return f"fieldlog-{size}.png"


def render(size: int) -> bytes:
    """The SVG drawn on a transparent square of `size` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size}px icon")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An .ico file holding each PNG of `images` (size → PNG bytes)."""
    header = struct.pack("<HHH", 0, 1, len(images))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(images)
    entries, blobs = [], []
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory entry
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset))
        blobs.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(blobs)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    rendered = {size: render(size) for size in PNG_SIZES}
    for size, png in rendered.items():
        (ICONS / png_name(size)).write_bytes(png)
    (ICONS / "fieldlog.ico").write_bytes(ico({s: rendered[s] for s in ICO_SIZES}))
    print(f"wrote {len(PNG_SIZES)} PNG sizes and fieldlog.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
