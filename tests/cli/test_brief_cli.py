"""`fieldlog export brief` as a user runs it: the .docx written, and every refusal one line that
writes nothing and changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document

from tests.cli.test_cli import run

SEED = (
    "驻点期间，工作队共走访企业346家、商协会40个，引进项目22个，合同投资额29.14亿元，"
    "到位资金4.389亿元"
)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> str:
    path = tmp_path_factory.mktemp("brief-demo") / "demo.db"
    shutil.copyfile(demo_database_file, path)  # what `fieldlog demo` makes
    return str(path)


def digest(db: str) -> str:
    return run("--db", db, "digest").stdout


def test_the_dispatch_brief_is_written_with_its_figures_and_chart(
    demo_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "简报.docx"
    args = ("export", "brief", "--from", "2020-03-23", "--to", "2020-04-22", "-o", str(out))
    result = run("--db", demo_db, *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    document = Document(str(out))
    assert document.paragraphs[1].text.startswith(SEED + "。")
    assert len(document.inline_shapes) == 1  # the chart, drawn offscreen


def test_the_default_name_carries_team_and_month(demo_db: str, tmp_path: Path) -> None:
    db = str(Path(demo_db).resolve())
    result = run("--db", db, "export", "brief", "--month", "2020-04", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "铜仁市驻深招商工作队工作简报_2020-04.docx"
    assert Path(tmp_path, result.stdout.strip()) == written
    assert Document(str(written)).paragraphs[1].text.startswith("本月，工作队共走访企业")


def test_a_month_with_stale_projects_and_open_matters_lists_them(
    demo_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "七月.docx"
    result = run("--db", demo_db, "export", "brief", "--month", "2020-07", "-o", str(out))
    assert result.returncode == 0, result.stderr
    texts = [p.text for p in Document(str(out)).paragraphs]
    stale = texts.index("二、预警项目")
    assert texts[stale + 1].startswith("截至2020年7月31日，共有预警项目")
    assert (
        "金隆智慧城市运营中心项目（广东金隆信息技术集团有限公司，119天无进展）" in texts[stale + 2]
    )
    matters = texts.index("三、需协调解决事项")
    assert texts[matters + 1].startswith(
        "截至2020年7月31日，尚未办结的需协调事项5项，其中已逾期5项"
    )
    assert texts[matters + 2] == (
        "1.海安电镀废水治理项目：员工宿舍及人才公寓需协调解决，责任单位万山区住房和城乡建设局，"
        "限3月25日前办结，已逾期128天。"
    )


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["--week", "2020-W54"], 2, "week 54 does not exist in 2020"),
        (["--week", "next"], 2, "is not a valid week"),
        (["--month", "2020-13"], 2, "is not a valid month"),
        ([], 2, "export brief needs one period"),
        (["--from", "2020-04-01"], 2, "export brief needs one period"),
        (["--week", "2020-W16", "--month", "2020-04"], 2, "export brief needs one period"),
        (["--from", "2020-04-02", "--to", "2020-04-01"], 2, "is after --to"),
    ],
)
def test_bad_periods_are_refused_in_one_line(
    demo_db: str, tmp_path: Path, args: list[str], code: int, said: str
) -> None:
    before = digest(demo_db)
    out = tmp_path / "b.docx"
    result = run("--lang", "en", "--db", demo_db, "export", "brief", *args, "-o", str(out))
    assert result.returncode == code
    last = result.stderr.strip().splitlines()[-1]
    assert said in last and "error:" in last, result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert digest(demo_db) == before


def test_an_unwritable_folder_is_one_clear_line(demo_db: str, tmp_path: Path) -> None:
    before = digest(demo_db)
    out = tmp_path / "no" / "such" / "folder" / "b.docx"
    result = run(
        "--lang", "en", "--db", demo_db, "export", "brief", "--week", "2020-W16", "-o", str(out)
    )
    assert result.returncode == 1
    assert result.stderr.startswith("fieldlog: error: ") and result.stderr.count("\n") == 1
    assert f"the folder {out.parent} does not exist" in result.stderr
    assert not (tmp_path / "no").exists()
    assert digest(demo_db) == before


def test_another_file_is_never_written_over(demo_db: str, tmp_path: Path) -> None:
    notes = tmp_path / "notes.docx"
    notes.write_text("my own notes")
    result = run(
        "--lang", "en", "--db", demo_db, "export", "brief", "--week", "2020-W16", "-o", str(notes)
    )
    assert result.returncode == 1
    assert "not a Word document" in result.stderr and result.stderr.count("\n") == 1
    assert notes.read_text() == "my own notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.docx"]


def test_refusals_are_chinese_under_zh(demo_db: str, tmp_path: Path) -> None:
    out = tmp_path / "gone" / "b.docx"
    missing = run("--lang", "zh_CN", "--db", demo_db, "export", "brief", "-o", str(out))
    assert missing.returncode == 2
    assert "需要一个时段" in missing.stderr.strip().splitlines()[-1], missing.stderr
    folder = run(
        "--lang", "zh_CN", "--db", demo_db, "export", "brief", "--month", "2020-04", "-o", str(out)
    )
    assert folder.returncode == 1
    assert f"文件夹 {out.parent} 不存在" in folder.stderr and "does not" not in folder.stderr
    month = run("--lang", "zh_CN", "--db", demo_db, "export", "brief", "--month", "2020-13")
    assert month.returncode == 2 and "不是有效的月份" in month.stderr
