"""The OCR engine behind card reading: RapidOCR on onnxruntime, whose models ship inside its
package, so a card is read on the laptop with no network.

The engine is an optional extra (`pip install "fieldlog[cards]"`, about 500 MB installed with
onnxruntime and OpenCV): it is imported only when a card is read, and its absence is one
sentence saying how to install it.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from pathlib import Path
from typing import Any

from fieldlog.domain.card_fields import CardLine
from fieldlog.domain.messages import msg
from fieldlog.services.errors import InvalidInput

#: A card photo is a few MB; anything far larger is not a card (a video renamed .jpg).
MAX_PHOTO_BYTES = 40 * 1024 * 1024
#: Decoded pixels allowed (a 100-megapixel photo is still fine; a decompression bomb is not).
MAX_PIXELS = 120_000_000


def engine_missing() -> InvalidInput:
    return InvalidInput(
        msg(
            "card.no_engine",
            "Reading business cards needs the OCR engine: install it with pip install "
            '"fieldlog[cards]".',
        )
    )


#: What importing OpenCV (opencv-python, which the engine requires) sets on Linux: its own Qt 5
#: plugin and font folders, which a Qt 6 window started later in the process must not use.
_QT_VARIABLES = ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR")


@functools.cache
def _engine() -> Any:
    before = {name: os.environ.get(name) for name in _QT_VARIABLES}
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        raise engine_missing() from None
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return RapidOCR()


def engine_installed() -> bool:
    """Whether the OCR engine is installed (found, not loaded: loading takes a second or two)."""
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def recognise(path: Path) -> list[CardLine]:
    """The text lines on the card photo at `path`, top to bottom, with their heights."""
    engine = _engine()
    image = _load(path)
    result, _elapse = engine(image)
    lines = [
        CardLine(text, _height(box), top=_top(box))
        for box, text, _score in (result or [])
        if text.strip()
    ]
    if not lines:
        raise InvalidInput(
            msg(
                "card.no_text",
                "No text could be read on {file}: take the photo again, closer and in focus.",
                file=path.name,
            )
        )
    return sorted(lines, key=lambda line: line.top or 0.0)


def _load(path: Path) -> Any:
    from PIL import Image, UnidentifiedImageError  # comes with the engine

    if not path.is_file():
        raise InvalidInput(msg("card.no_file", "There is no file {file}.", file=str(path)))
    if path.stat().st_size > MAX_PHOTO_BYTES:
        raise InvalidInput(
            msg("card.too_big", "{file} is too large for a card photo.", file=path.name)
        )
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(path) as opened:
            return opened.convert("RGB")
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
        raise InvalidInput(
            msg(
                "card.not_image",
                "{file} is not a photo FieldLog can read (JPEG, PNG, BMP or WebP).",
                file=path.name,
            )
        ) from None


def _height(box: Any) -> float:
    ys = [point[1] for point in box]
    return float(max(ys) - min(ys))


def _top(box: Any) -> float:
    return float(min(point[1] for point in box))
