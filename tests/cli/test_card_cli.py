"""`fieldlog card read IMAGE [--json]`: the proposed contact, the known organization beside it,
nothing stored; a photo it cannot read and a missing engine are one line and exit 1."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bench.cards import Card, render, render_set
from fieldlog.services.orgs.card_ocr import engine_installed
from tests.cli.test_cli import run
from tests.conftest import open_copy

needs_engine = pytest.mark.skipif(
    not engine_installed(), reason='the OCR engine is not installed (pip install "fieldlog[cards]")'
)
#: A demo organization with a credit code.
DEMO_COMPANY, DEMO_CODE = "深圳市安汇饮品有限公司", "91440300MA5G51XBCW"


@pytest.fixture
def demo(tmp_path: Path, demo_database_file: Path) -> Path:
    db = open_copy(demo_database_file, tmp_path)
    path = db.path
    db.close()
    assert path is not None
    return path


def digest(database: Path) -> str:
    result = run("--db", str(database), "digest")
    assert result.returncode == 0, result.stderr
    return result.stdout


@needs_engine
def test_a_card_of_a_known_company_gives_the_contact_and_its_credit_code(
    demo: Path, tmp_path: Path
) -> None:
    card = Card(
        "欧阳娜娜", "招商总监", "13800138000", "0755-88886666", "ouyang@anhui.cn", DEMO_COMPANY,
        "138 0013 8000", "0755-8888 6666", "地址：深圳市南山区深南大道1001号", "健康饮品",
    )  # fmt: skip
    photo = tmp_path / "名片.png"
    render_set(0, 0, tmp_path)  # the QApplication the renderer draws with
    render(card, photo, random.Random(3))
    before = digest(demo)
    result = run("--db", str(demo), "card", "read", str(photo), "--json")
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert list(shown) == ["name", "title", "mobile", "phone", "email", "company", "organization"]
    assert {key: shown[key] for key in ("name", "mobile", "company")} == {
        "name": "欧阳娜娜",
        "mobile": "13800138000",
        "company": DEMO_COMPANY,
    }
    assert shown["organization"]["credit_code"] == DEMO_CODE
    assert shown["organization"]["matched_by"] == "name"
    said = run("--db", str(demo), "--lang", "zh_CN", "card", "read", str(photo))
    assert said.returncode == 0, said.stderr
    assert "欧阳娜娜" in said.stdout and DEMO_CODE in said.stdout
    assert said.stdout.splitlines()[-1] == "未保存任何内容。"
    assert digest(demo) == before


@needs_engine
@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"%PDF-1.7 not a photo", "合同.jpg is not a photo FieldLog can read"),
        (None, "There is no file"),
    ],
)
def test_a_file_that_is_no_card_photo_is_one_line_and_exit_1(
    demo: Path, tmp_path: Path, content: bytes | None, said: str
) -> None:
    photo = tmp_path / "合同.jpg"
    if content is not None:
        photo.write_bytes(content)
    before = digest(demo)
    result = run("--db", str(demo), "--lang", "en", "card", "read", str(photo), "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("fieldlog: error: ") and said in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert digest(demo) == before


WITHOUT_ENGINE = """
import sys
sys.modules["rapidocr_onnxruntime"] = None  # as where the extra is not installed
from fieldlog.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_without_the_engine_it_says_how_to_install_it(demo: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    photo = tmp_path / "card.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n")
    before = digest(demo)
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_ENGINE, "--db", str(demo), "--lang", "en", "card", "read",
         str(photo)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == (
        "fieldlog: error: Reading business cards needs the OCR engine: install it with "
        'pip install "fieldlog[cards]".\n'
    )
    assert digest(demo) == before
