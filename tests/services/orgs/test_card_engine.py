"""The OCR engine on rendered synthetic cards (bench/cards.py draws them), and the photos it
refuses. Skipped where the `cards` extra is not installed; the parser's own tests never need it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bench.cards import render_set, score
from fieldlog.domain.card_fields import read_fields
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs.card_ocr import engine_installed, recognise

pytestmark = pytest.mark.skipif(
    not engine_installed(), reason='the OCR engine is not installed (pip install "fieldlog[cards]")'
)


@pytest.mark.timeout(300)
def test_name_and_mobile_are_right_on_most_synthetic_cards(tmp_path: Path) -> None:
    made = render_set(20, 2026, tmp_path)
    results = [(card, read_fields(recognise(path)).as_dict()) for card, path in made]
    rates = score(results)
    # bench/cards.py measured 0.99 for name and mobile together and 1.00 for the company on
    # 100 cards; 20 cards leave room for two misses.
    assert rates["name_and_mobile"] >= 0.9, rates
    assert rates["company"] >= 0.9, rates


def test_a_file_that_is_not_a_picture_is_refused(tmp_path: Path) -> None:
    renamed = tmp_path / "合同.jpg"
    renamed.write_bytes(b"%PDF-1.7\n" + bytes(random.Random(1).randbytes(2000)))
    with pytest.raises(InvalidInput, match=r"^合同.jpg is not a photo FieldLog can read"):
        recognise(renamed)


def test_a_photo_without_text_is_refused(tmp_path: Path) -> None:
    from PIL import Image

    blank = tmp_path / "blank.png"
    Image.new("RGB", (800, 500), (250, 250, 250)).save(blank)
    with pytest.raises(InvalidInput, match=r"^No text could be read on blank.png"):
        recognise(blank)


def test_a_truncated_photo_is_refused(tmp_path: Path) -> None:
    from PIL import Image

    whole = tmp_path / "whole.jpg"
    Image.new("RGB", (800, 500), (200, 10, 10)).save(whole)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[:300])
    with pytest.raises(InvalidInput, match=r"^cut.jpg is not a photo FieldLog can read"):
        recognise(cut)


def test_loading_the_engine_leaves_qt_s_plugin_folders_alone() -> None:
    """OpenCV sets its own Qt 5 plugin and font folders on import; a window opened later in
    the same process must keep Qt 6's."""
    import os
    import subprocess
    import sys

    probe = (
        "import os\n"
        "from pathlib import Path\n"
        "from fieldlog.services.orgs.card_ocr import recognise\n"
        "try:\n"
        "    recognise(Path('nothing.png'))\n"
        "except ValueError:\n"
        "    pass\n"
        "print(os.environ.get('QT_QPA_PLATFORM_PLUGIN_PATH'), os.environ.get('QT_QPA_FONTDIR'))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("QT_QPA_")}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=clean, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["None", "None"]
